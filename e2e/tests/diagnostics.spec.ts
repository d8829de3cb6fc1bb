import { expect, test } from '@playwright/test';
import { ensureHealthyRegistry, sandboxScenario } from '../support/registry.js';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { screenshotBothThemes } from '../support/screens.js';

test.beforeEach(ensureHealthyRegistry);
test.afterAll(ensureHealthyRegistry);

test('a sandbox fault scenario is diagnosed: S3 credentials missing a key', async ({ page }) => {
  await page.goto('/diagnostics');
  const checks = page
    .getByRole('list', { name: 'Diagnostic checks' })
    .or(page.getByRole('grid', { name: 'Diagnostic checks' }));
  await expect(checks).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'diagnostics');

  // A step's label, not a word inside collapsed details (getByText matches substrings, hidden too).
  const failingSteps = checks.getByText('Failing', { exact: true }).filter({ visible: true });
  await sandboxScenario('s3-credentials-missing-key');
  await expect(failingSteps.first()).toBeVisible({ timeout: 30_000 });
  // The next step names the missing key (a collapsed condition text elsewhere also quotes it).
  await expect(checks.getByText(/Set REGISTRY_STORAGE_S3_SECRETKEY/).first()).toBeVisible();

  await sandboxScenario('clear');
  await expect(failingSteps).toHaveCount(0, { timeout: 30_000 });
});
