import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { reviewAndApply } from '../support/config.js';
import { ensureHealthyRegistry } from '../support/registry.js';
import { screenshotBothThemes } from '../support/screens.js';

test.beforeEach(ensureHealthyRegistry);
test.afterAll(ensureHealthyRegistry);

test('changing replicas to 3 shows three registry pods running', async ({ page }) => {
  await page.goto('/config/replicas');
  const replicas = page
    .getByRole('textbox', { name: 'Replicas' })
    .or(page.getByRole('spinbutton', { name: 'Replicas' }));
  await expect(replicas).toHaveValue('2');
  await replicas.fill('3');
  await reviewAndApply(page);
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'config-replicas');

  await page.getByRole('link', { name: 'Pods and logs' }).click();
  const pods = page.getByRole('grid', { name: 'Pods' }).or(page.getByRole('table', { name: 'Pods' }));
  await expect(pods.getByRole('row', { name: /^image-registry-.*Running/ })).toHaveCount(3, {
    timeout: 30_000,
  });
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'pods');
});

test('an invalid replica count is shown on the field and nothing is sent', async ({ page }) => {
  await page.goto('/config/replicas');
  const replicas = page
    .getByRole('textbox', { name: 'Replicas' })
    .or(page.getByRole('spinbutton', { name: 'Replicas' }));
  await replicas.fill('-1');
  await expect(
    page.getByText(/greater than or equal to 0|non-negative|must be 0 or more/i).first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Review changes' })).toBeDisabled();
});
