import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { ensureHealthyRegistry, sandboxScenario } from '../support/registry.js';
import { screenshotBothThemes } from '../support/screens.js';

test.beforeEach(ensureHealthyRegistry);
test.afterAll(ensureHealthyRegistry);

/** The overview's banner: one region whose name never changes, whatever it says. */
const banner = (page: Page) => page.getByRole('region', { name: 'Current diagnosis' });
const table = (page: Page, name: string) =>
  page.getByRole('grid', { name }).or(page.getByRole('table', { name }));

/** The YAML tab: the object as the server sent it, no secret value in it. */
async function expectRedactedYaml(page: Page) {
  await page.getByRole('tab', { name: 'YAML' }).click();
  const yaml = page.locator('[data-test="object-yaml"]');
  await expect(yaml).toContainText('kind:');
  const text = (await yaml.textContent()) ?? '';
  // A plain env value after REGISTRY_HTTP_SECRET would be the secret itself.
  expect(text).not.toMatch(/REGISTRY_HTTP_SECRET\s*\n?\s*value:\s*(?!<REDACTED>)\S/);
  await page.getByRole('tab', { name: 'Details' }).click();
}

test('the overview banner names the operator being down; its Deployment page shows 0 ready and scales it back', async ({
  page,
}) => {
  await page.goto('/overview');
  await expect(banner(page).getByText('All diagnostic checks pass')).toBeVisible({ timeout: 30_000 });

  await sandboxScenario('operator-down');
  await expect(
    banner(page)
      .getByText(/operator is not running/i)
      .first(),
  ).toBeVisible({ timeout: 30_000 });
  await expect(banner(page).getByRole('link', { name: 'Open the diagnosis' })).toBeVisible();
  await expect(page.getByText('This status may be stale: the operator is not reconciling')).toBeVisible({
    timeout: 30_000,
  });
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'overview-operator-down');

  await page.getByRole('link', { name: 'Show the operator Deployment' }).click();
  await expect(
    page.getByRole('heading', { name: 'Deployment cluster-image-registry-operator' }),
  ).toBeVisible();
  await expect(page.locator('[data-test="deployment-ready"]')).toContainText('0 of 0 ready');
  await expect(page.getByText('Scaled down to 0')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'deployment-operator-down');
  await expectRedactedYaml(page);

  await page.getByRole('button', { name: 'Scale the operator to 1' }).click();
  await expect(page.locator('[data-test="deployment-ready"]')).toContainText('1 of 1 ready', {
    timeout: 30_000,
  });
  await page.getByRole('link', { name: 'Overview' }).first().click();
  await expect(banner(page).getByText('All diagnostic checks pass')).toBeVisible({ timeout: 60_000 });
});

test('every object behind the registry opens from the overview, with its events and YAML', async ({
  page,
}) => {
  test.slow(); // four object pages, each with axe, light and dark screenshots, Events and YAML
  await page.goto('/overview');
  const objects = table(page, 'Objects behind the registry');
  const pages: [string, string, string][] = [
    ['Deployment image-registry', 'Deployment image-registry', 'deployment-registry'],
    ['DaemonSet node-ca', 'DaemonSet node-ca', 'daemonset-node-ca'],
    ['CronJob image-pruner', 'CronJob image-pruner', 'cronjob-image-pruner'],
    ['Routes', 'Routes', 'routes'],
  ];
  for (const [link, heading, shot] of pages) {
    await objects.getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByText('Healthy').first()).toBeVisible({ timeout: 30_000 });
    await expectNoSeriousA11yViolations(page);
    await screenshotBothThemes(page, `objects-${shot}`);
    await page.getByRole('tab', { name: /^Events/ }).click();
    await expect(page.getByRole('tabpanel')).toBeVisible();
    if (shot !== 'routes') await expectRedactedYaml(page);
    await page.getByRole('link', { name: 'Overview' }).first().click();
  }
  // The registry Deployment's page lists its ReplicaSets and pods; node-ca one row per node.
  await objects.getByRole('link', { name: 'Deployment image-registry', exact: true }).click();
  await expect(table(page, 'ReplicaSets of image-registry').getByText('current')).toBeVisible();
  await expect(table(page, 'Pods of image-registry').getByRole('row')).toHaveCount(3);
});

test('a failing pruner: the diagnosis links to the pruner page, which shows the failed Job and its log', async ({
  page,
}) => {
  await sandboxScenario('clusteroperator-degraded');
  await page.goto('/overview');
  await expect(banner(page).getByRole('link', { name: 'Open the diagnosis' })).toBeVisible({
    timeout: 30_000,
  });
  await page.goto('/diagnostics');
  const pruner = page.locator('[data-test="step-pruner"]');
  await expect(pruner).toHaveAttribute('data-verdict', 'failing', { timeout: 30_000 });
  await pruner
    .getByRole('link', { name: /image-pruner/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'CronJob image-pruner', level: 1 })).toBeVisible();
  const jobs = table(page, 'Recent Jobs of image-pruner');
  await expect(jobs.getByText('Failed').first()).toBeVisible({ timeout: 30_000 });
  await expect(jobs.getByText('BackoffLimitExceeded').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'cronjob-pruner-failed');
  await jobs
    .getByRole('link', { name: /^Log of image-pruner-/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/pods\/openshift-image-registry\/image-pruner-[^/]+\/logs/);
});

test('a route naming a missing TLS secret shows as not created, with what the operator said', async ({
  page,
}) => {
  await sandboxScenario('route-tls-secret-missing');
  await page.goto('/overview');
  await table(page, 'Objects behind the registry').getByRole('link', { name: 'Routes', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Routes', level: 1 })).toBeVisible();
  const row = table(page, 'Routes of the registry').getByRole('row', { name: /public-registry/ });
  await expect(row.getByText('Not created')).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText(/missing-route-tls/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'routes-secret-missing');
});

test('an unschedulable registry: the diagnosis opens the registry Deployment, whose pods are Pending and whose events say why', async ({
  page,
}) => {
  await sandboxScenario('registry-unschedulable');
  await page.goto('/diagnostics');
  const step = page.locator('[data-test="step-registry-deployment"]');
  await expect(step).not.toHaveAttribute('data-verdict', 'ok', { timeout: 30_000 });
  await step.getByRole('link', { name: 'Deployment image-registry' }).first().click();
  await expect(page.getByRole('heading', { name: 'Deployment image-registry', level: 1 })).toBeVisible();
  await expect(table(page, 'Pods of image-registry').getByText('Pending').first()).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('tab', { name: /^Events/ }).click();
  await expect(
    table(page, 'Events of Deployment image-registry').getByText('FailedScheduling').first(),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'deployment-registry-unschedulable');
});
