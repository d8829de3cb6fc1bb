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

  // A match at the far end of a long access-log line: the view scrolls sideways just enough to
  // show it, and the line numbers stay in view (they are sticky) instead of scrolling away.
  await page.getByRole('textbox', { name: 'Search the log' }).fill('http.response.written');
  await page.getByRole('textbox', { name: 'Search the log' }).press('Enter');
  const mark = lines.locator('.irc-log__mark--current');
  await expect(mark).toHaveCount(1);
  const geometry = () =>
    lines.evaluate((log) => {
      const view = log.getBoundingClientRect();
      const current = log.querySelector('.irc-log__mark--current')?.getBoundingClientRect();
      const number = log.querySelector('.irc-log__line--current .irc-log__number')?.getBoundingClientRect();
      return {
        scrolled: log.scrollLeft > 0,
        numberInView: !!number && number.left >= view.left - 1 && number.right <= view.right,
        markInView:
          !!current && !!number && current.left >= number.right - 1 && current.right <= view.right + 1,
      };
    });
  await expect.poll(geometry).toEqual({ scrolled: true, numberInView: true, markInView: true });
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'pod-logs');
});
