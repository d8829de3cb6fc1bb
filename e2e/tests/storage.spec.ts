import { expect, test } from '@playwright/test';
import { kubectl } from '../support/kubectl.js';
import { ensureHealthyRegistry } from '../support/registry.js';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { screenshotBothThemes } from '../support/screens.js';

test.beforeEach(ensureHealthyRegistry);

test('S3 credentials are write-only: saved, reported as set, never shown', async ({ page }) => {
  await page.goto('/config/storage');
  await expect(page.getByRole('radio', { name: /Amazon S3/ })).toBeChecked();

  const credentials = page
    .getByRole('form', { name: 'Storage credentials' })
    .or(page.locator('form[aria-label="Storage credentials"]'));
  await credentials.getByLabel('Access key ID').fill('AKIAE2ETESTACCESSKEY');
  await credentials.getByLabel('Secret access key').fill('e2e-secret-key-never-shown-0123456789');
  await credentials.getByRole('button', { name: 'Save credentials' }).click();
  await expect(page.getByText('Credentials saved')).toBeVisible();

  const secret = JSON.parse(
    await kubectl([
      'get',
      'secret',
      'image-registry-private-configuration-user',
      '-n',
      'openshift-image-registry',
      '-o',
      'json',
    ]),
  );
  expect(Buffer.from(secret.data.REGISTRY_STORAGE_S3_SECRETKEY, 'base64').toString()).toBe(
    'e2e-secret-key-never-shown-0123456789',
  );

  await page.reload();
  await expect(page.getByText('e2e-secret-key-never-shown-0123456789')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('AKIAE2ETESTACCESSKEY');
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'config-storage');

  await page.getByRole('link', { name: 'Overview' }).click();
  const conditions = page
    .getByRole('grid', { name: 'Conditions of the registry configuration' })
    .or(page.getByRole('table', { name: 'Conditions of the registry configuration' }));
  await expect(conditions.getByRole('row', { name: /StorageExists.*True/ })).toBeVisible();
  await expect(conditions.getByRole('row', { name: /StorageEncrypted.*True/ })).toBeVisible();
});

test('an out-of-range S3 chunk size is reported on its field and cannot be applied', async ({ page }) => {
  await page.goto('/config/storage');
  await page.getByLabel('Chunk size (MiB)').fill('2');
  // One message, the rule's (the schema's 'must be >= 5' says the same in the CRD's terms).
  await expect(page.getByText('must be between 5 and 5120 (MiB)').first()).toBeVisible();
  await expect(page.getByText(/must be >= 5/)).toHaveCount(0);
  await expect(page.getByLabel('Chunk size (MiB)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Review changes' })).toBeDisabled();
});
