import { expect, test } from '@playwright/test';
import { liveConfig, mergePatchConfig } from '../support/config.js';
import { ensureHealthyRegistry } from '../support/registry.js';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';

test.beforeEach(ensureHealthyRegistry);
test.afterAll(async () => {
  await mergePatchConfig({ spec: { logLevel: 'Normal' } });
  await ensureHealthyRegistry();
});

test('a change made with kubectl during an edit is resolved without losing what the admin typed', async ({
  page,
}) => {
  await page.goto('/config/replicas');
  const replicas = page
    .getByRole('textbox', { name: 'Replicas' })
    .or(page.getByRole('spinbutton', { name: 'Replicas' }));
  await expect(replicas).toHaveValue('2');
  await replicas.fill('3');

  // Another admin changes the spec from a terminal meanwhile.
  await mergePatchConfig({ spec: { logLevel: 'Debug' } });
  await expect(page.getByText('The configuration changed since you started editing')).toBeVisible();

  await page.getByRole('button', { name: 'Review changes' }).click();
  const conflict = page.locator('[data-test="conflict-panel"]');
  await expect(conflict.getByText('The configuration changed while you were editing')).toBeVisible();
  await expect(conflict.getByText(/logLevel/).first()).toBeVisible();
  await expect(replicas).toHaveValue('3');
  await expectNoSeriousA11yViolations(page);

  await conflict.getByRole('button', { name: 'Review my change on the new version' }).click();
  await expect(page.getByText('Dry run passed')).toBeVisible();
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByText('Change applied')).toBeVisible();

  const spec = (await liveConfig()).spec as { replicas: number; logLevel: string };
  expect(spec).toMatchObject({ replicas: 3, logLevel: 'Debug' });
});
