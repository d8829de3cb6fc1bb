import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { screenshotBothThemes } from '../support/screens.js';

test('the overview answers "is the registry deployed and healthy?" at a glance', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByRole('heading', { name: 'Image registry overview' })).toBeVisible();

  const state = page.getByRole('group', { name: 'Management state' });
  await expect(state.getByRole('button', { name: 'Managed', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  const conditions = page
    .getByRole('grid', { name: 'Conditions of the registry configuration' })
    .or(page.getByRole('table', { name: 'Conditions of the registry configuration' }));
  await expect(conditions.getByRole('row', { name: /Available.*True.*Ready/ })).toBeVisible();
  await expect(conditions.getByRole('row', { name: /StorageExists/ })).toBeVisible();

  await expect(page.getByText('The registry is ready').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'overview');
});
