import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { ensureHealthyRegistry, sandboxScenario } from '../support/registry.js';

/**
 * A fix that points outside the configuration sections — the storage credentials, the trusted
 * CAs, the pull secret, the management state — opens its page with the named field focused, as
 * the /config sections do (diagnostics-walk.spec.ts).
 */
interface Focus {
  scenario: string;
  code: string;
  /** The fix link's name. */
  fix: RegExp;
  /** The page it opens, with the field. */
  url: RegExp;
  field(page: Page): Locator;
}

const FOCUSES: Focus[] = [
  {
    scenario: 's3-credentials-missing-key',
    code: 'storage-credentials-key-missing',
    fix: /^Set REGISTRY_STORAGE_S3_SECRETKEY$/,
    url: /\/config\/storage\?field=credentials\.REGISTRY_STORAGE_S3_SECRETKEY$/,
    field: (page) =>
      page
        .getByRole('form', { name: 'Storage credentials' })
        .getByLabel('Secret access key', { exact: true }),
  },
  {
    // pvc added next to s3: the chooser shows (and focuses) the PVC the admin was switching to
    scenario: 'storage-multiple-backends',
    code: 'storage-multiple-backends',
    fix: /^Choose one backend$/,
    url: /\/config\/storage\?field=spec\.storage$/,
    field: (page) => page.getByRole('radio', { name: /^Persistent volume claim/ }),
  },
  {
    scenario: 'trusted-ca-missing',
    code: 'trusted-ca-missing',
    fix: /^Add the trusted CA$/,
    url: /\/trust\?field=additionalTrustedCA$/,
    field: (page) => page.getByRole('textbox', { name: 'Registry hostname' }),
  },
  {
    scenario: 'registry-image-pull',
    code: 'image-pull',
    fix: /^Check the pull secret$/,
    url: /\/pull-secret\?field=auths$/,
    field: (page) => page.getByRole('textbox', { name: 'Registry', exact: true }),
  },
];

test.beforeEach(ensureHealthyRegistry);
test.afterAll(ensureHealthyRegistry);

for (const f of FOCUSES)
  test(`${f.scenario}: the fix opens ${String(f.url)} with the field focused`, async ({ page }) => {
    test.setTimeout(150_000);
    await sandboxScenario(f.scenario);
    await page.goto(`/diagnostics?finding=${f.code}`);
    const finding = page.locator(`#irc-finding-${f.code}`);
    // the finding appears once the fault has reached the cluster's state (the page refetches)
    await expect(finding.getByRole('link', { name: f.fix })).toBeVisible({ timeout: 90_000 });
    await finding.getByRole('link', { name: f.fix }).click();
    await expect(page).toHaveURL(f.url);
    await expect(f.field(page)).toBeFocused();
    await expectNoSeriousA11yViolations(page);
  });

test('the overview focuses the management state a fix names', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/overview?field=spec.managementState');
  const group = page.getByRole('group', { name: 'Management state' });
  // the current state's button
  await expect(group.getByRole('button', { name: 'Managed', exact: true })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
});
