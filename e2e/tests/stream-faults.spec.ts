/**
 * The live-updates banner when the cluster API goes away and comes back, and when it hangs. The
 * e2e run's own servers talk to the sandbox directly, so this spec starts one more console
 * server (the built one, as the run does) whose kubeconfig points at a chaos proxy in front of
 * the same sandbox; the proxy then stops listening (as an API server restart does) and listens
 * again, or freezes every watch (connections open, nothing arrives: a hung API). That server's
 * stall bound (WATCH_STALL_MS) is short — still several of the sandbox's bookmark intervals
 * (60 s of cluster time) — so a frozen watch is told within seconds, not 150 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ChaosProxy } from '@irc/testkit';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { e2eKubeconfig, e2ePorts } from '../support/env.js';
import { screenshotBothThemes } from '../support/screens.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = e2ePorts.admin + 7;
const url = `http://127.0.0.1:${port}`;
const timeScale = Number(process.env.SANDBOX_TIME_SCALE ?? '0.02');
const stallMs = Math.max(5000, Math.round(4 * 60_000 * timeScale));

let proxy: ChaosProxy;
let server: ChildProcess;
let dir: string;

test.beforeAll(async () => {
  const kc = new KubeConfig();
  kc.loadFromFile(e2eKubeconfig);
  const cluster = kc.getCurrentCluster();
  if (!cluster?.caData) throw new Error(`no cluster CA in ${e2eKubeconfig}`);
  proxy = await ChaosProxy.start({
    target: cluster.server,
    targetCa: Buffer.from(cluster.caData, 'base64').toString('utf8'),
  });
  dir = mkdtempSync(join(tmpdir(), 'irc-e2e-chaos-'));
  const kubeconfig = proxy.writeKubeconfig(e2eKubeconfig, join(dir, 'kubeconfig'));
  server = spawn(
    process.execPath,
    [
      'apps/server/dist/main.js',
      '--kubeconfig',
      kubeconfig,
      '--context',
      'admin',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', WATCH_STALL_MS: String(stallMs) },
      stdio: 'ignore',
    },
  );
  await expect
    .poll(async () => (await fetch(`${url}/readyz`).catch(() => undefined))?.status, { timeout: 60_000 })
    .toBe(200);
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await proxy?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The timeline page, live: no banner, the badge says Live. */
async function liveTimeline(page: Page): Promise<{ banner: Locator; badge: Locator }> {
  await page.goto(`${url}/timeline`);
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toBeVisible();
  const banner = page.locator('[data-test="live-updates-banner"]');
  const badge = page.locator('[data-test="connection-indicator"]');
  await expect(badge).toHaveAttribute('data-state', 'live');
  await expect(banner).toHaveCount(0);
  return { banner, badge };
}

test('the timeline says live updates are paused while the cluster API is away, then that they are back', async ({
  page,
}) => {
  const { banner, badge } = await liveTimeline(page);

  await proxy.down();
  await expect(banner).toHaveAttribute('data-state', 'cluster-unreachable');
  await expect(banner).toContainText('Live updates paused: the cluster API is not reachable. Retrying…');
  await expect(banner).toContainText('unreachable');
  await expect(badge).toHaveAttribute('data-state', 'cluster-unreachable');
  await expectNoSeriousA11yViolations(page);

  const back = Date.now();
  await proxy.up();
  await expect(banner).toContainText('Reconnected', { timeout: 5000 });
  expect(Date.now() - back).toBeLessThan(5000);
  await expect(badge).toHaveAttribute('data-state', 'live');
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
});

test('the timeline says live updates are paused while the cluster API hangs, then that they are back', async ({
  page,
}) => {
  test.slow(); // it waits out the stall bound, then checks and photographs the banner in both themes
  const { banner, badge } = await liveTimeline(page);

  proxy.freezeWatches();
  try {
    await expect(banner).toHaveAttribute('data-state', 'stalled', { timeout: stallMs + 15_000 });
    await expect(banner).toContainText(
      'Live updates paused: the cluster API stopped sending changes. Reconnecting…',
    );
    await expect(banner).toContainText(`for ${Math.round(stallMs / 1000)} s`);
    await expect(badge).toHaveAttribute('data-state', 'paused');
    await expect(badge).toHaveText('Live updates paused');
    await expectNoSeriousA11yViolations(page);
    await screenshotBothThemes(page, 'live-updates-stalled');
  } finally {
    proxy.thawWatches();
  }
  await expect(banner).toContainText('Reconnected', { timeout: stallMs + 15_000 });
  await expect(badge).toHaveAttribute('data-state', 'live');
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
});
