import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { e2ePorts } from '../support/env.js';
import { ensureHealthyRegistry, sandboxScenario } from '../support/registry.js';
import { screenshotBothThemes } from '../support/screens.js';

/**
 * Issue 15's pictures: the timeline over a chosen range, the ClusterOperator's condition lanes
 * and the registry's traffic (from the sandbox's real Prometheus) on one time axis, and the same
 * figures as tables. A storage outage shows as both a Degraded lane and storage errors.
 */

test.afterAll(ensureHealthyRegistry);

const rangeButton = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** PatternFly's switch draws its track over the input: a user clicks the label. */
async function tableView(page: Page, on: boolean): Promise<void> {
  const toggle = page.getByRole('switch', { name: 'View as table' });
  if ((await toggle.isChecked()) !== on) await page.getByText('View as table', { exact: true }).click();
  await expect(toggle).toBeChecked({ checked: on });
}

test('picks ranges, shows lanes and traffic, and a storage outage in both', async ({ page }) => {
  test.setTimeout(420_000);
  await ensureHealthyRegistry();
  await page.goto('/timeline?range=1h');
  await expect(rangeButton(page, 'Last 1 hour')).toHaveAttribute('aria-pressed', 'true');
  const lanes = page.getByRole('img', { name: 'Condition lanes' });
  // the range is read from monitoring: slow on a loaded machine
  await expect(lanes).toBeVisible({ timeout: 60_000 });
  await expect(lanes).toHaveAccessibleDescription(/Available: \d+ stretches, last True/);
  const requests = page.getByRole('img', { name: 'Request rate' });
  await expect(requests).toHaveAccessibleDescription(/Requests: at most [1-9]/, { timeout: 60_000 });
  await expect(page.getByRole('img', { name: 'Latency (p99)' })).toBeVisible();

  // Presets and a custom range are links.
  await rangeButton(page, 'Last 7 days').click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(rangeButton(page, 'Last 7 days')).toHaveAttribute('aria-pressed', 'true');
  await expect(lanes).toBeVisible({ timeout: 60_000 });
  await rangeButton(page, 'Custom range').click();
  await page.getByLabel('Start').fill('2026-01-01T00:00');
  await page.getByLabel('End').fill('2026-02-01T00:00');
  await page.getByRole('button', { name: 'Show this range' }).click();
  await expect(page.getByText('A range is at most 14 days (what cluster monitoring keeps).')).toBeVisible();
  await expect(page.getByLabel('Start')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/range=7d/);
  await rangeButton(page, 'Last 1 hour').click();
  await expect(page).toHaveURL(/range=1h/);

  // The storage outage: a Degraded lane and a burst of storage errors.
  await sandboxScenario('storage-unreachable');
  try {
    await tableView(page, true);
    await expect(page).toHaveURL(/view=table/);
    const intervals = page.getByRole('grid', { name: 'Condition intervals' });
    await expect(
      intervals.getByRole('row').filter({ hasText: /^Degraded\s*True/ }),
      'a Degraded=True interval',
    ).not.toHaveCount(0, { timeout: 90_000 });
    const traffic = page.getByRole('grid', { name: 'Registry traffic' });
    await expect(traffic.getByRole('columnheader', { name: 'Storage operation errors' })).toBeVisible();
    await tableView(page, false);
    // traffic is read again every 30 s: the errors of the outage reach the chart
    await expect(page.getByRole('img', { name: 'Storage operation errors' })).toHaveAccessibleDescription(
      /Storage operation errors: at most (?!0\/s)/,
      { timeout: 90_000 },
    );
    await expect(lanes).toHaveAccessibleDescription(/Degraded: \d+ stretches/);
    await expectNoSeriousA11yViolations(page);
    await screenshotBothThemes(page, 'timeline-history');
    await tableView(page, true);
    await expectNoSeriousA11yViolations(page);
    await screenshotBothThemes(page, 'timeline-history-table');
  } finally {
    await sandboxScenario('clear');
  }
});

const UNREACHABLE =
  'Cluster monitoring cannot be reached right now; showing live changes only. History comes back by itself when it can be read again.';

test('a monitoring outage mid-session: the live timeline and why, then the history again by itself', async ({
  page,
}) => {
  test.setTimeout(360_000);
  await ensureHealthyRegistry();
  await page.goto('/timeline?range=1h');
  const lanes = page.getByRole('img', { name: 'Condition lanes' });
  const requests = page.getByRole('img', { name: 'Request rate' });
  await expect(requests).toHaveAccessibleDescription(/Requests: at most [1-9]/, { timeout: 90_000 });
  const notice = page.getByText(UNREACHABLE);
  // The query endpoint loses its pods (the sandbox's Thanos querier stand-in closes every
  // connection); Prometheus goes on scraping. A preset range is read again every 30 s.
  await sandboxScenario('monitoring-unreachable');
  try {
    await expect(notice).toBeVisible({ timeout: 90_000 });
    await expect(page.getByRole('list', { name: 'Timeline entries' })).toBeVisible();
    await expect(lanes).toBeVisible();
    await expect(requests).toHaveCount(0);
    await expect(page.getByText('Could not load the timeline')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  } finally {
    await sandboxScenario('clear', 'monitoring-unreachable');
  }
  // nobody reloads: the next read finds monitoring back
  await expect(notice).toHaveCount(0, { timeout: 90_000 });
  await expect(requests).toHaveAccessibleDescription(/Requests: at most [1-9]/, { timeout: 60_000 });
  await expect(lanes).toHaveAccessibleDescription(/Available: \d+ stretches, last True/);
});

test.describe('a user who may not read monitoring', () => {
  test.use({ baseURL: `http://127.0.0.1:${e2ePorts.viewer}` });

  test('sees the live timeline and one sentence why history is missing', async ({ page }) => {
    test.setTimeout(240_000);
    // The viewer console runs as the sandbox's viewer, who has no cluster-monitoring-view: the
    // monitoring query endpoint (a kube-rbac-proxy stand-in doing TokenReview and
    // SubjectAccessReview, as in front of a cluster's Thanos querier) refuses the viewer's token.
    await page.goto('/timeline?range=6h');
    await expect(
      page.getByText(
        "You may not read the cluster's monitoring data (ask for cluster-monitoring-view); showing live changes only.",
      ),
    ).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('list', { name: 'Timeline entries' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Condition lanes' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Request rate' })).toHaveCount(0);
    await expect(page.getByText('Could not load the timeline')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await screenshotBothThemes(page, 'timeline-history-forbidden');
  });
});
