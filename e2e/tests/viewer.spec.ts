import { expect, test } from '@playwright/test';
import { e2ePorts } from '../support/env.js';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';

test.use({ baseURL: `http://127.0.0.1:${e2ePorts.viewer}` });

test('a read-only viewer sees the controls disabled, with the reason', async ({ page }) => {
  await page.goto('/overview');
  const state = page.getByRole('group', { name: 'Management state' });
  await expect(state.getByRole('button', { name: 'Removed', exact: true })).toBeDisabled();
  await expect(page.getByText(/may not patch|cannot patch|read-only/i).first()).toBeVisible();

  await page.goto('/config/replicas');
  await expect(
    page.getByRole('textbox', { name: 'Replicas' }).or(page.getByRole('spinbutton', { name: 'Replicas' })),
  ).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Review changes' })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);
});
