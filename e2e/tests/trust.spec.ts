import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { kubectl } from '../support/kubectl.js';
import { screenshotBothThemes } from '../support/screens.js';

const REGISTRY = 'registry.example.com:5000';
const KEY = 'registry.example.com..5000';

interface Certs {
  ca: string;
  caFingerprint: string;
  expired: string;
}

/** A CA certificate and an already expired one (notAfter before notBefore), made by openssl. */
function makeCerts(): Certs {
  const dir = mkdtempSync(join(tmpdir(), 'irc-e2e-trust-'));
  const openssl = (...args: string[]) =>
    execFileSync('/usr/bin/openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  try {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '30',
      '-subj',
      '/CN=E2E Test CA/O=Image Registry Console',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
    );
    openssl('req', '-new', '-key', 'ca.key', '-subj', '/CN=E2E Expired CA', '-out', 'expired.csr');
    openssl('x509', '-req', '-in', 'expired.csr', '-signkey', 'ca.key', '-days', '-1', '-out', 'expired.pem');
    const fingerprint =
      openssl('x509', '-in', 'ca.pem', '-noout', '-fingerprint', '-sha256').trim().split('=')[1] ?? '';
    return {
      ca: readFileSync(join(dir, 'ca.pem'), 'utf8'),
      caFingerprint: fingerprint,
      expired: readFileSync(join(dir, 'expired.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The ConfigMap the image config names (or the default one), as kubectl sees it. */
async function trustedKeys(): Promise<string[]> {
  const image = JSON.parse(await kubectl(['get', 'images.config.openshift.io', 'cluster', '-o', 'json'])) as {
    spec?: { additionalTrustedCA?: { name?: string } };
  };
  const name = image.spec?.additionalTrustedCA?.name;
  if (!name) return [];
  const out = await kubectl([
    'get',
    'configmap',
    name,
    '-n',
    'openshift-config',
    '-o',
    'json',
    '--ignore-not-found',
  ]);
  if (!out.trim()) return [];
  return Object.keys((JSON.parse(out) as { data?: Record<string, string> }).data ?? {});
}

async function removeIfPresent(): Promise<void> {
  const image = JSON.parse(await kubectl(['get', 'images.config.openshift.io', 'cluster', '-o', 'json'])) as {
    spec?: { additionalTrustedCA?: { name?: string } };
  };
  const name = image.spec?.additionalTrustedCA?.name;
  if (name && (await trustedKeys()).includes(KEY)) {
    await kubectl([
      'patch',
      'configmap',
      name,
      '-n',
      'openshift-config',
      '--type',
      'json',
      '-p',
      JSON.stringify([{ op: 'remove', path: `/data/${KEY}` }]),
    ]);
  }
}

function form(page: Page) {
  return page.getByRole('form', { name: 'Add registry CA' });
}

async function submitCA(page: Page, registry: string, pem: string): Promise<void> {
  await form(page).getByLabel('Registry hostname').fill(registry);
  await form(page).getByLabel('CA certificate (PEM)').fill(pem);
  await form(page).getByRole('button', { name: 'Save CA' }).click();
}

const certs = makeCerts();

test.beforeEach(removeIfPresent);
test.afterEach(removeIfPresent);

test('a pasted CA is listed with its fingerprint, and can be removed after confirming', async ({ page }) => {
  await page.goto('/trust');
  await expect(page.getByRole('heading', { name: 'Trusted registries', level: 1 })).toBeVisible();
  await expect(page.getByText(/Stored in the ConfigMap/)).toBeVisible();
  await submitCA(page, REGISTRY, certs.ca);
  await expect(page.getByText(`Saved the CA of ${REGISTRY}`)).toBeVisible();
  await expect(page.getByText('nothing was written')).toHaveCount(0);

  const table = page.getByRole('grid', { name: 'Trusted registries' });
  const row = table.getByRole('row').filter({ hasText: 'registry.example.com' });
  await expect(row).toContainText('5000');
  await expect(row).toContainText('CN=E2E Test CA');
  await expect(row).toContainText(certs.caFingerprint);
  expect(await trustedKeys()).toContain(KEY);

  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'trust');

  await page.getByRole('button', { name: `Remove the CA of ${REGISTRY}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Remove the CA of ${REGISTRY}?`);
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByText('registry.example.com')).toHaveCount(0);
  expect(await trustedKeys()).not.toContain(KEY);
});

test('a bad PEM is reported on the PEM field and nothing is stored', async ({ page }) => {
  await page.goto('/trust');
  await submitCA(
    page,
    REGISTRY,
    '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n',
  );
  const pem = form(page).getByLabel('CA certificate (PEM)');
  await expect(pem).toHaveAttribute('aria-invalid', 'true');
  await expect(form(page).getByLabel('Registry hostname')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(`Saved the CA of ${REGISTRY}`)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Trusted registries', level: 1 })).toBeVisible();
  await expect(page.getByText('registry.example.com', { exact: true })).toHaveCount(0);
  expect(await trustedKeys()).not.toContain(KEY);
});

test('a bad hostname is reported on the hostname field', async ({ page }) => {
  await page.goto('/trust');
  await form(page).getByLabel('Registry hostname').fill('https://registry.example.com/v2');
  await form(page).getByLabel('CA certificate (PEM)').fill(certs.ca);
  await expect(form(page).getByLabel('Registry hostname')).toHaveAttribute('aria-invalid', 'true');
  await expect(form(page).getByRole('button', { name: 'Save CA' })).toBeDisabled();
});

test('an expired certificate read from a .crt file is accepted with a warning and flagged in the table', async ({
  page,
}) => {
  await page.goto('/trust');
  await form(page).getByLabel('Registry hostname').fill(REGISTRY);
  await form(page)
    .getByLabel('Certificate file')
    .setInputFiles({
      name: 'expired.crt',
      mimeType: 'application/x-x509-ca-cert',
      buffer: Buffer.from(certs.expired),
    });
  await expect(form(page).getByLabel('CA certificate (PEM)')).toHaveValue(certs.expired);
  await form(page).getByRole('button', { name: 'Save CA' }).click();
  const saved = page.locator('[data-test="trust-saved"]');
  await expect(saved).toContainText(`Saved the CA of ${REGISTRY}`);
  await expect(saved).toContainText(/expired/i);
  const row = page
    .getByRole('grid', { name: 'Trusted registries' })
    .getByRole('row')
    .filter({ hasText: 'CN=E2E Expired CA' });
  await expect(row).toContainText('Expired');
  await expect(row).toContainText('not a CA');
});
