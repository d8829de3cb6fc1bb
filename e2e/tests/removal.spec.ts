import { expect, test } from '@playwright/test';
import { waitForRegistryReady } from '../support/config.js';
import { ensureHealthyRegistry } from '../support/registry.js';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { screenshotBothThemes } from '../support/screens.js';

test.beforeEach(ensureHealthyRegistry);
test.afterAll(ensureHealthyRegistry);

test('undeploying and redeploying the registry is recorded on the timeline', async ({ page }) => {
  test.slow(); // two rollouts, then the timeline (charts, 50 entries a page) checked with axe in both themes
  await page.goto('/overview');
  const state = page.getByRole('group', { name: 'Management state' });
  await state.getByRole('button', { name: 'Removed', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Remove the image registry?' });
  await expect(dialog.getByText('Operator-managed storage will be deleted')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('checkbox', { name: 'I understand what will be deleted' }).check();
  await dialog.getByRole('button', { name: /^Remove/ }).click();

  await expect(state.getByRole('button', { name: 'Removed', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByText('The registry is removed').first()).toBeVisible({ timeout: 30_000 });

  await state.getByRole('button', { name: 'Managed', exact: true }).click();
  await expect(state.getByRole('button', { name: 'Managed', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await waitForRegistryReady();

  await page.getByRole('link', { name: 'Condition timeline' }).click();
  const entries = page.getByRole('list', { name: 'Timeline entries' });
  // The console's own changes, who made them, and the operator's condition transitions.
  await expect(entries.getByText(/admin changed .*managementState/).first()).toBeVisible();
  // The list covers the whole range (24 h by default), 50 a page: page on as an admin would.
  const pager = page.getByRole('navigation', { name: 'Timeline pages, bottom' });
  for (let i = 0; i < 10 && (await entries.getByText('DeletingDeployment').count()) === 0; i++)
    await pager.getByRole('button', { name: 'Go to next page' }).click();
  await expect(entries.getByText('DeletingDeployment').first()).toBeVisible();
  // (when the event was already on the first page there is no first page to go back to)
  const firstPage = pager.getByRole('button', { name: 'Go to first page' });
  if (await firstPage.isEnabled()) await firstPage.click();
  await expect(entries.getByText(/Available/).first()).toBeVisible();

  // Filter by kind: only console changes, then only condition changes of one type.
  const kinds = page.getByRole('group', { name: 'Kinds of entries' });
  await kinds.getByRole('button', { name: 'Events' }).click();
  await kinds.getByRole('button', { name: 'Condition changes' }).click();
  await expect(entries.getByText('DeletingDeployment')).toHaveCount(0);
  await expect(entries.getByText(/admin changed .*managementState/).first()).toBeVisible();
  await kinds.getByRole('button', { name: 'Condition changes' }).click();
  await kinds.getByRole('button', { name: 'Console changes' }).click();
  await page.getByRole('combobox', { name: 'Condition type' }).selectOption('Removed');
  await expect(entries.getByText(/admin changed/)).toHaveCount(0);
  await expect(entries.getByRole('listitem').first()).toContainText('Removed');

  // Relative times by default; absolute on request, kept in the address for a deep link.
  await page.getByRole('group', { name: 'Time format' }).getByRole('button', { name: 'Absolute' }).click();
  await expect(page).toHaveURL(/time=absolute/);
  await expect(entries.locator('time').first()).toHaveText(/\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}:\d{2}/);
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'timeline');
});
