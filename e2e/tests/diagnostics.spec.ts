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

  await sandboxScenario('s3-credentials-missing-key');
  await expect(checks.getByText('Failing').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/REGISTRY_STORAGE_S3_SECRETKEY/).first()).toBeVisible();

  await sandboxScenario('clear');
  await expect(checks.getByText('Failing')).toHaveCount(0, { timeout: 30_000 });
});
