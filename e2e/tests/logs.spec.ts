import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { screenshotBothThemes } from '../support/screens.js';

test('following a registry pod log and searching it', async ({ page }) => {
  await page.goto('/pods');
  const pods = page.getByRole('grid', { name: 'Pods' }).or(page.getByRole('table', { name: 'Pods' }));
  await pods
    .getByRole('link', { name: /^image-registry-/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /^Logs of image-registry-/ })).toBeVisible();
  await expect(page.getByText('Streaming')).toBeVisible();

  const lines = page.getByRole('log', { name: 'Log lines' });
  await expect(lines.getByText(/level=info/).first()).toBeVisible();
  // The registry's startup banner is far above the followed tail: search must bring it into view.
  await page.getByRole('textbox', { name: 'Search the log' }).fill('start registry');
  await page.getByRole('textbox', { name: 'Search the log' }).press('Enter');
  await expect(lines.locator('mark').first()).toContainText('start registry');
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'pod-logs');
});
