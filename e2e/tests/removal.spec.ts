import { expect, test } from '@playwright/test';
import { waitForRegistryReady } from '../support/config.js';
import { ensureHealthyRegistry } from '../support/registry.js';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { screenshotBothThemes } from '../support/screens.js';

test.beforeEach(ensureHealthyRegistry);
test.afterAll(ensureHealthyRegistry);

test('undeploying and redeploying the registry is recorded on the timeline', async ({ page }) => {
  await page.goto('/overview');
  const state = page.getByRole('group', { name: 'Management state' });
  await state.getByRole('button', { name: 'Removed', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Remove the image registry?' });
  await expect(dialog.getByText('Operator-managed storage will be deleted')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('checkbox', { name: 'I understand what will be deleted' }).check();
  await dialog.getByRole('button', { name: /^Remove/ }).click();

  await expect(state.getByRole('button', { name: 'Removed', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('The registry is removed').first()).toBeVisible({ timeout: 30_000 });

  await state.getByRole('button', { name: 'Managed', exact: true }).click();
  await expect(state.getByRole('button', { name: 'Managed', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await waitForRegistryReady();

  await page.getByRole('link', { name: 'Condition timeline' }).click();
  const entries = page.getByRole('list', { name: 'Timeline entries' }).or(page.getByRole('table', { name: 'Timeline entries' })).or(page.getByRole('grid', { name: 'Timeline entries' }));
  await expect(entries.getByText(/managementState/).first()).toBeVisible();
  await expect(entries.getByText(/DeletingDeployment|Removed/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'timeline');
});
