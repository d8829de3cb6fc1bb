import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { screenshotBothThemes } from '../support/screens.js';

// Every configuration page an admin can deep-link to: it loads the live configuration, passes
// axe, and is kept as a light and a dark screenshot. The workflows themselves have their own specs.
const pages = [
  { path: '/config/proxy', form: 'Proxy configuration', name: 'config-proxy' },
  { path: '/config/routes', form: 'Routes configuration', name: 'config-routes' },
  { path: '/config/requests', form: 'Request limits configuration', name: 'config-requests' },
  { path: '/config/advanced', form: 'Advanced configuration', name: 'config-advanced' },
] as const;

for (const { path, form, name } of pages) {
  test(`${path} shows its form for the live configuration`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('form', { name: form })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Review changes' })).toBeDisabled();
    await expectNoSeriousA11yViolations(page);
    await screenshotBothThemes(page, name);
  });
}

test('/config/yaml shows the whole Config read-only, without the http secret', async ({ page }) => {
  await page.goto('/config/yaml');
  await expect(page.getByText('kind: Config')).toBeVisible();
  // The spelling the server sends and the README shows (case-sensitive).
  await expect(page.getByText(/httpSecret: <REDACTED>/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'config-yaml');
});

test('/timeline shows the entries a page at a time, newest first', async ({ page }) => {
  test.slow(); // the heaviest page (lanes, three charts, 50 entries): axe and screenshots in both themes
  await page.goto('/timeline');
  const entries = page.getByRole('list', { name: 'Timeline entries' });
  await expect(entries.getByRole('listitem').first()).toBeVisible();
  expect(await entries.getByRole('listitem').count()).toBeLessThanOrEqual(50);
  await expect(page.getByRole('navigation', { name: 'Timeline pages', exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'timeline');
});

test('/pods lists the registry pods with their state', async ({ page }) => {
  await page.goto('/pods');
  const pods = page.getByRole('grid', { name: 'Pods' }).or(page.getByRole('table', { name: 'Pods' }));
  await expect(pods.getByRole('link', { name: /^image-registry-/ }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, 'pods');
});

test('a page load asks for nothing that is not there (the icon included)', async ({ page, request }) => {
  const missing: string[] = [];
  page.on('response', (res) => {
    if (res.status() >= 400) missing.push(`${res.status()} ${new URL(res.url()).pathname}`);
  });
  await page.goto('/overview');
  await expect(page.getByRole('heading', { name: 'Image registry overview' })).toBeVisible();
  // Browsers ask for the icon the page links, others for /favicon.ico: both exist.
  for (const path of ['/favicon.ico', '/favicon.svg']) {
    const icon = await request.get(path);
    expect(icon.status(), path).toBe(200);
    expect(icon.headers()['content-type'], path).toMatch(/^image\//);
  }
  expect(missing).toEqual([]);
});

test('an unknown address says so and links back', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByRole('link', { name: /overview/i }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
