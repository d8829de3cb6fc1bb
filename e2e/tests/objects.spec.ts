import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { ensureHealthyRegistry, sandboxScenario } from '../support/registry.js';
import { screenshotBothThemes } from '../support/screens.js';

test.beforeEach(ensureHealthyRegistry);
test.afterAll(ensureHealthyRegistry);

/** The overview's banner: one region whose name never changes, whatever it says. */
const banner = (page: Page) => page.getByRole('region', { name: 'Current diagnosis' });

test('the overview banner names the operator being down and says the ClusterOperator status is stale', async ({
  page,
}) => {
  await page.goto('/overview');
  await expect(banner(page).getByText('All diagnostic checks pass')).toBeVisible({ timeout: 30_000 });

  await sandboxScenario('operator-down');
  await expect(
    banner(page)
      .getByText(/operator/i)
      .first(),
  ).toBeVisible({ timeout: 30_000 });
  await expect(banner(page).getByRole('link', { name: 'Open the diagnosis' })).toBeVisible();
  const stale = page.getByText('This status may be stale: the operator is not reconciling');
  await expect(stale).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'overview-operator-down');

  await banner(page).getByRole('link', { name: 'Open the diagnosis' }).click();
  await expect(page).toHaveURL(/\/diagnostics\?finding=operator-/);
});
