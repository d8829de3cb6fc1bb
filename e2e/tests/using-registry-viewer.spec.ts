import { expect, test } from '@playwright/test';
import { e2ePorts } from '../support/env.js';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';

// The console run with the sandbox's viewer: may read ConfigMaps, may write nothing, may not read Secrets.
test.use({ baseURL: `http://127.0.0.1:${e2ePorts.viewer}` });

test('a viewer sees the trusted registries form disabled, with the reason, before trying', async ({
  page,
}) => {
  await page.goto('/trust');
  const readOnly = page.locator('[data-test="trust-read-only"]');
  // patch when the trust ConfigMap exists, create when an earlier spec left none: both are the API's words.
  await expect(readOnly).toContainText(
    /viewer may not (patch|create) configmaps in namespace openshift-config/,
  );
  const form = page.getByRole('form', { name: 'Add registry CA' });
  await expect(form.getByLabel(/Registry hostname/)).toBeDisabled();
  await expect(form.getByRole('button', { name: 'Save CA' })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);
});

test('a viewer sees the registry credentials form disabled, with the reason', async ({ page }) => {
  await page.goto('/pull-secret');
  const readOnly = page.locator('[data-test="pull-secret-read-only"]');
  await expect(readOnly).toContainText(
    'viewer may not get secrets "pull-secret" in namespace openshift-config',
  );
  const form = page.getByRole('form', { name: 'Registry credentials form' });
  await expect(form.getByLabel(/^Registry/)).toBeDisabled();
  await expect(form.getByRole('button', { name: 'Save credentials' })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);
});
