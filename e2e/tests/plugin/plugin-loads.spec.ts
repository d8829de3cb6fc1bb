/**
 * The console plugin, loaded the way the OpenShift console loads it: the real loader
 * (`@openshift/dynamic-plugin-sdk` PluginStore) in Chromium, shared react / react-router /
 * react-i18next from the host, the plugin's pages routed from its `console.page/route`
 * extensions, and every API call through a console-shaped plugin proxy (CSRF check, user's
 * bearer token) to the console server running on the e2e sandbox.
 */
import { expect, test, type Page } from '@playwright/test';
import { e2ePorts } from '../../support/env.js';
import { kubectl } from '../../support/kubectl.js';
import {
  hostDist,
  patternflyDir,
  patternflyFallbackChunks,
  PLUGIN_NAME,
  pluginDist,
  preparePluginAndHost,
} from '../../support/plugin-build.js';
import { startFakeConsole, type FakeConsole } from '../../support/plugin-console.js';

interface HostStatus {
  state: 'loading' | 'ready' | 'failed';
  error?: string;
  extensionTypes: string[];
  pages: Record<string, string>;
  patternflyTaken: string[];
}

const CONFIG = ['configs.imageregistry.operator.openshift.io', 'cluster'];
const managementState = async () =>
  (await kubectl(['get', ...CONFIG, '-o', 'jsonpath={.spec.managementState}'])).trim();

let fake: FakeConsole;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await preparePluginAndHost();
  const token = (
    await kubectl(['config', 'view', '--raw', '--minify', '-o', 'jsonpath={.users[0].user.token}'])
  ).trim();
  expect(token, 'the admin context of the e2e kubeconfig has a token').not.toBe('');
  fake = await startFakeConsole({
    pluginName: PLUGIN_NAME,
    alias: 'api',
    pluginDist,
    hostDist,
    patternflyDir,
    upstream: `http://127.0.0.1:${e2ePorts.admin}`,
    userToken: token,
  });
});

test.afterAll(async () => {
  await fake?.close();
});

/** The app marks elements with `data-test` (the console's convention), not Playwright's `data-testid`. */
const byTest = (page: Page, id: string) => page.locator(`[data-test="${id}"]`);

async function hostStatus(page: Page): Promise<HostStatus> {
  // (globalThis: e2e code is typed without the DOM library; this runs in the page.)
  return page.evaluate(() => (globalThis as unknown as { __pluginHost: HostStatus }).__pluginHost);
}

/** Every plugin asset the page fetched (entry, chunks), by file name. */
function recordPluginAssets(page: Page): string[] {
  const loaded: string[] = [];
  const prefix = `/api/plugins/${PLUGIN_NAME}/`;
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith(prefix)) loaded.push(path.slice(prefix.length));
  });
  return loaded;
}

async function openPlugin(page: Page, path: string): Promise<HostStatus> {
  await page.goto(`${fake.url}${path}`);
  await expect.poll(async () => (await hostStatus(page)).state, { timeout: 30_000 }).not.toBe('loading');
  const status = await hostStatus(page);
  expect(status.error ?? '').toBe('');
  expect(status.state).toBe('ready');
  return status;
}

test('loads through the console plugin loader and renders the overview against the sandbox', async ({
  page,
}) => {
  const status = await openPlugin(page, '/image-registry');

  // Every page route's code ref resolved to a component from the exposed module.
  expect(Object.keys(status.pages).length).toBeGreaterThanOrEqual(7);
  for (const [path, resolved] of Object.entries(status.pages)) expect(resolved, path).toBe('function');
  expect(status.extensionTypes).toEqual(
    expect.arrayContaining(['console.navigation/href', 'console.page/route', 'console.global-config']),
  );

  // The index route redirects; the nav label comes from the plugin's i18n namespace.
  await expect(page).toHaveURL(/\/image-registry\/overview$/);
  await expect(byTest(page, 'host-nav-image-registry')).toHaveText('Image registry');

  // The page shows the cluster's real management state, fetched through the proxy as the user.
  const state = await managementState();
  const card = byTest(page, 'management-state');
  await expect(card.locator('button[aria-pressed="true"]')).toHaveText(state);
  expect(fake.calls).toContainEqual(
    expect.objectContaining({ method: 'GET', path: '/api/v1/config', forwarded: true }),
  );

  // The live event stream works through the proxy too.
  await expect(byTest(page, 'connection-indicator')).toHaveAttribute('data-state', 'live');

  // No PatternFly CSS came with the plugin: its only styles are its own irc- classes.
  const pluginStyles = await page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: { querySelectorAll(s: string): Iterable<{ textContent: string | null }> };
      }
    ).document;
    return [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '');
  });
  expect(pluginStyles.join('\n')).toContain('.irc-');
  expect(pluginStyles.join('\n')).not.toMatch(/\.pf-v6-c-[\w-]+\s*\{/);
});

test("moves between plugin pages with the console router, on the console's PatternFly", async ({ page }) => {
  const loaded = recordPluginAssets(page);
  await openPlugin(page, '/image-registry/overview');
  await expect(byTest(page, 'management-state')).toBeVisible();
  await byTest(page, 'plugin-nav').getByRole('link', { name: 'Configuration' }).click();
  await expect(page).toHaveURL(/\/image-registry\/config\/storage$/);
  await expect(byTest(page, 'plugin-nav')).toBeVisible();
  await byTest(page, 'plugin-nav').getByRole('link', { name: 'Pods and logs' }).click();
  await expect(page).toHaveURL(/\/image-registry\/pods$/);
  await expect(page.getByRole('grid').or(page.getByRole('table')).first()).toBeVisible();

  // The stand-in shares PatternFly at console 4.22's versions: the plugin must take those, not
  // silently load its own copies (it did with `~6.4.3` against the console's 6.4.2).
  const status = await hostStatus(page);
  expect(status.patternflyTaken.length).toBeGreaterThan(0);
  const fallbacks = patternflyFallbackChunks();
  expect(loaded.length).toBeGreaterThan(0);
  expect(loaded.filter((file) => fallbacks.has(file))).toEqual([]);
});

test('an object page opens from the console route with its name parameter', async ({ page }) => {
  await openPlugin(page, '/image-registry/workloads');
  await page.getByRole('link', { name: 'Deployment image-registry', exact: true }).click();
  await expect(page).toHaveURL(/\/image-registry\/workloads\/deployments\/image-registry$/);
  await expect(page.getByRole('heading', { name: 'Deployment image-registry', level: 1 })).toBeVisible();
  await expect(page.locator('[data-test="deployment-ready"]')).toContainText('of 2 ready');
  await expect(byTest(page, 'plugin-nav').getByRole('link', { name: 'Workloads' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('at 1440 px the nine page tabs scroll and the live-updates badge stays on screen', async ({ page }) => {
  // The console's sidebar takes ~290 px: the tabs are wider than what is left of 1440.
  await page.setViewportSize({ width: 1440, height: 900 });
  await openPlugin(page, '/image-registry/migrate-images');
  const badge = byTest(page, 'connection-indicator');
  await expect(badge).toHaveAttribute('data-state', 'live');
  await expect(badge).toBeInViewport({ ratio: 1 });
  const box = await badge.boundingBox();
  expect((box?.x ?? Infinity) + (box?.width ?? 0)).toBeLessThanOrEqual(1440);
  // PatternFly's horizontal nav scrolls with its buttons; the current (last) tab is shown.
  const nav = byTest(page, 'plugin-nav');
  const current = nav.getByRole('link', { name: 'Migrate image references' });
  await expect(current).toHaveAttribute('aria-current', 'page');
  await expect(current).toBeInViewport({ ratio: 1 });
  await expect(nav.getByRole('button', { name: 'Scroll back' })).toBeEnabled();
  await nav.getByRole('button', { name: 'Scroll back' }).click();
  await expect(nav.getByRole('link', { name: 'Overview' })).toBeInViewport({ ratio: 1 });
});

test("mutations pass the console's CSRF check and act as the user", async ({ page }) => {
  await openPlugin(page, '/image-registry/overview');
  const before = await managementState();
  const target = before === 'Unmanaged' ? 'Managed' : 'Unmanaged';
  try {
    const card = byTest(page, 'management-state');
    await card.getByRole('button', { name: target, exact: true }).click();
    await expect.poll(managementState, { timeout: 15_000 }).toBe(target);
    await expect(card.locator('button[aria-pressed="true"]')).toHaveText(target);
    expect(fake.calls).toContainEqual(
      expect.objectContaining({ method: 'PATCH', path: '/api/v1/config', csrf: 'ok', forwarded: true }),
    );

    // The proxy really checks: the same request without the header never reaches the server.
    const refused = await page.request.patch(
      `${fake.url}/api/proxy/plugin/${PLUGIN_NAME}/api/api/v1/config`,
      {
        data: { patch: { managementState: before } },
      },
    );
    expect(refused.status()).toBe(403);
    expect(fake.calls.at(-1)).toMatchObject({ method: 'PATCH', csrf: 'missing', forwarded: false });
    expect(await managementState()).toBe(target);
  } finally {
    await kubectl([
      'patch',
      ...CONFIG,
      '--type',
      'merge',
      '-p',
      JSON.stringify({ spec: { managementState: before } }),
    ]);
  }
});
