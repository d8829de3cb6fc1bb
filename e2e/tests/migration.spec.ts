import { expect, test, type Page, type Response } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { e2ePorts } from '../support/env.js';
import { kubectl } from '../support/kubectl.js';
import { screenshotBothThemes } from '../support/screens.js';

const OLD = 'docker-registry.default.svc:5000';
const NEW = 'image-registry.openshift-image-registry.svc:5000';
const SAMPLES = ['workshop-batch', 'workshop-legacy', 'workshop-shop'];

/** Every credential string the sample pull secrets hold (auth values and their decoded passwords). */
async function sampleCredentials(): Promise<string[]> {
  const out: string[] = [];
  for (const ns of SAMPLES) {
    const list = JSON.parse(await kubectl(['get', 'secrets', '-n', ns, '-o', 'json'])) as {
      items: Array<{ type: string; data?: Record<string, string> }>;
    };
    for (const s of list.items.filter(
      (x) => x.type === 'kubernetes.io/dockerconfigjson' || x.type === 'kubernetes.io/dockercfg',
    )) {
      for (const value of Object.values(s.data ?? {})) {
        out.push(value);
        const doc = JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as Record<string, unknown>;
        const auths = (s.type === 'kubernetes.io/dockerconfigjson' ? doc.auths : doc) as Record<
          string,
          { auth?: string }
        >;
        for (const entry of Object.values(auths)) {
          if (!entry.auth) continue;
          out.push(entry.auth);
          const password = Buffer.from(entry.auth, 'base64').toString('utf8').split(':').slice(1).join(':');
          if (password.length >= 6) out.push(password);
        }
      }
    }
  }
  return out;
}

/** Keeps the body of every API answer the page receives, for the credential scan. */
function recordApiBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (res: Response) => {
    if (!res.url().includes('/api/')) return;
    res.text().then(
      (t) => bodies.push(t),
      () => undefined,
    );
  });
  return bodies;
}

async function fillSampleMigration(page: Page): Promise<void> {
  await page.goto('/migrate-images');
  await expect(page.getByRole('heading', { name: 'Migrate image references', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: /Use the example/ }).click();
  await expect(page.getByRole('textbox', { name: 'Mapping 1', exact: true })).toHaveValue(
    `${OLD}/*=${NEW}/*`,
  );
  await page.getByRole('button', { name: 'Select the sample namespaces' }).click();
  for (const ns of SAMPLES)
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${ns}`) })).toBeChecked();
}

/** Object, field and old → new of every change row (the result column says "Will migrate" or "Migrated"). */
async function changeRows(page: Page, table: string): Promise<string[]> {
  const rows = page
    .getByRole('grid', { name: table })
    .or(page.getByRole('table', { name: table }))
    .getByRole('row');
  const texts = await rows.evaluateAll((trs) =>
    trs.slice(1).map((tr) =>
      Array.from(tr.querySelectorAll('td'))
        .slice(0, 3)
        .map((td) => td.textContent ?? '')
        .join(' | '),
    ),
  );
  // Continuation rows of one object leave its cell empty: carry the object name down.
  let object = '';
  return texts.map((t) => {
    const [o = '', ...rest] = t.split(' | ');
    object = o || object;
    return [object, ...rest].join(' | ');
  });
}

/** The app marks its parts with data-test (the console's convention), not data-testid. */
const part = (page: Page, name: string) => page.locator(`[data-test="${name}"]`);
const summaryOf = async (page: Page, card: string) =>
  (await part(page, card).locator('[data-test="migration-summary"]').textContent()) ?? '';

test('a viewer can preview but Apply is disabled with the reason', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${e2ePorts.viewer}/migrate-images`);
  await expect(page.getByRole('heading', { name: 'Migrate image references', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: /Use the example/ }).click();
  await page.getByRole('checkbox', { name: /^workshop-shop/ }).check();
  await page.getByRole('checkbox', { name: 'Pull secrets' }).uncheck();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(part(page, 'migration-read-only')).toContainText('You may not change these objects');
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);
});

test('preview, apply after confirmation (result matches the preview), then a second run migrates nothing', async ({
  page,
}) => {
  // The whole workflow in one test: two previews, an apply, three axe scans and four full-page
  // screenshots of a long results table — more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  const bodies = recordApiBodies(page);
  await fillSampleMigration(page);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = part(page, 'migration-preview');
  await expect(preview).toBeVisible();
  const dryRunSummary = await summaryOf(page, 'migration-preview');
  expect(dryRunSummary).toMatch(
    /^summary \(dry run\): total=\d+ errors=\d+ ignored=\d+ unchanged=\d+ migrated=[1-9]\d*$/,
  );
  await expect(preview.getByText(`${NEW}/workshop-shop/storefront:1.4`).first()).toBeVisible();
  const commands = page.getByRole('textbox', { name: 'oc command' });
  await expect(commands).toHaveCount(SAMPLES.length);
  await expect(commands.first()).toHaveValue(
    `oc adm migrate image-references '${OLD}/*=${NEW}/*' --include=imagestreams,deployments,deploymentconfigs,statefulsets,daemonsets,jobs,cronjobs,buildconfigs,secrets -n workshop-batch`,
  );
  const previewRows = await changeRows(page, 'Migration preview');
  expect(previewRows.length).toBeGreaterThan(5);
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'migration-preview');

  await page.getByRole('button', { name: 'Apply' }).click();
  const modal = page.getByRole('dialog', { name: /Migrate image references\?/ });
  await expect(modal).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await modal.getByRole('button', { name: 'Migrate' }).click();
  await expect(part(page, 'migration-result')).toBeVisible();

  // Object for object, the result is what the preview said.
  expect(await summaryOf(page, 'migration-result')).toBe(
    dryRunSummary.replace('summary (dry run):', 'summary:'),
  );
  expect(await changeRows(page, 'Migration result')).toEqual(previewRows);
  await expect(page.getByRole('textbox', { name: 'oc command' }).first()).toHaveValue(/ --confirm$/);
  await screenshotBothThemes(page, 'migration-result');

  const storefront = JSON.parse(
    await kubectl(['get', 'deployment', 'storefront', '-n', 'workshop-shop', '-o', 'json']),
  ) as { spec: { template: { spec: { containers: Array<{ image: string }> } } } };
  expect(storefront.spec.template.spec.containers.map((c) => c.image)).toContain(
    `${NEW}/workshop-shop/storefront:1.4`,
  );

  // Idempotent: a second preview finds nothing left to migrate.
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(part(page, 'migration-preview')).toBeVisible();
  expect(await summaryOf(page, 'migration-preview')).toMatch(/ migrated=0$/);
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();

  const credentials = await sampleCredentials();
  expect(credentials.length).toBeGreaterThan(0);
  for (const body of bodies) for (const c of credentials) expect(body).not.toContain(c);
});
