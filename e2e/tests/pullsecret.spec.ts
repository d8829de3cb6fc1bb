import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { kubectl } from '../support/kubectl.js';
import { screenshotBothThemes } from '../support/screens.js';

interface DockerConfig {
  auths: Record<string, { auth?: string; email?: string }>;
}

async function pullSecretData(): Promise<string> {
  const secret = JSON.parse(
    await kubectl(['get', 'secret', 'pull-secret', '-n', 'openshift-config', '-o', 'json']),
  ) as { data: Record<string, string> };
  return secret.data['.dockerconfigjson'] ?? '';
}

function decode(data: string): DockerConfig {
  return JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as DockerConfig;
}

let original = '';

test.beforeEach(async () => {
  original = await pullSecretData();
});

// Puts the seeded pull secret back: the other specs (and the workshop) expect its entries.
test.afterEach(async () => {
  if (original)
    await kubectl([
      'patch',
      'secret',
      'pull-secret',
      '-n',
      'openshift-config',
      '--type',
      'merge',
      '-p',
      JSON.stringify({ data: { '.dockerconfigjson': original } }),
    ]);
});

test('registries are listed by name only; new registry.redhat.io credentials are saved and never shown', async ({
  page,
}) => {
  const seeded = decode(original);
  await page.goto('/pull-secret');
  await expect(page.getByRole('heading', { name: 'Registry credentials', level: 1 })).toBeVisible();
  const table = page.getByRole('grid', { name: 'Registries in the pull secret' });
  for (const name of Object.keys(seeded.auths))
    await expect(table.getByRole('row').filter({ hasText: name }).first()).toBeVisible();

  const form = page.getByRole('form', { name: 'Registry credentials form' });
  await expect(form.getByRole('textbox', { name: /^Registry/ })).toHaveValue('registry.redhat.io');
  await form.getByRole('textbox', { name: 'Username' }).fill('e2e-user');
  await form.getByLabel(/^Password/).fill('e2e-password-never-shown-42');
  await form.getByLabel('Email (optional)').fill('e2e@example.com');
  await form.getByRole('button', { name: 'Save credentials' }).click();
  // The seed already has registry.redhat.io: its credentials are replaced only after asking.
  expect(seeded.auths['registry.redhat.io']).toBeDefined();
  const confirm = page.getByRole('dialog', { name: /Replace the credentials for registry\.redhat\.io\?/ });
  await expect(confirm).toBeVisible();
  expect(decode(await pullSecretData())).toEqual(seeded);
  await confirm.getByRole('button', { name: 'Replace credentials' }).click();
  await expect(page.getByText(/credentials for registry\.redhat\.io/)).toBeVisible();
  await expect(form.getByLabel(/^Password/)).toHaveValue('');

  const stored = decode(await pullSecretData());
  const expectedAuth = Buffer.from('e2e-user:e2e-password-never-shown-42').toString('base64');
  expect(stored.auths['registry.redhat.io']?.auth).toBe(expectedAuth);
  expect(Object.keys(stored.auths).sort()).toEqual(Object.keys(seeded.auths).sort());

  await page.reload();
  const saved = table.getByRole('row').filter({ hasText: 'registry.redhat.io' });
  await expect(saved).toBeVisible();
  await expect(saved.getByText('Username and password')).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain('e2e-password-never-shown-42');
  expect(html).not.toContain(expectedAuth);
  for (const entry of Object.values(seeded.auths)) if (entry.auth) expect(html).not.toContain(entry.auth);

  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'pull-secret');
});

test('a malformed pull secret is shown with its problems and the form is disabled', async ({ page }) => {
  const broken = Buffer.from(JSON.stringify({ auths: { 'quay.io': { auth: '%%%not-base64%%%' } } })).toString(
    'base64',
  );
  await kubectl([
    'patch',
    'secret',
    'pull-secret',
    '-n',
    'openshift-config',
    '--type',
    'merge',
    '-p',
    JSON.stringify({ data: { '.dockerconfigjson': broken } }),
  ]);
  await page.goto('/pull-secret');
  await expect(page.getByText('The pull secret is malformed')).toBeVisible();
  await expect(page.locator('[data-test="pull-secret-problems"]')).toContainText('quay.io');
  const form = page.getByRole('form', { name: 'Registry credentials form' });
  await expect(form.getByRole('textbox', { name: 'Username' })).toBeDisabled();
  await expect(form.getByRole('button', { name: 'Save credentials' })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);
});
