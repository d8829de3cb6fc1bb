/**
 * The live-updates banner when the cluster API goes away and comes back. The e2e run's own
 * servers talk to the sandbox directly, so this spec starts one more console server (the built
 * one, as the run does) whose kubeconfig points at a chaos proxy in front of the same sandbox;
 * the proxy then stops listening (as an API server restart does) and listens again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import { expect, test } from '@playwright/test';
import { ChaosProxy } from '../../apps/server/test/helpers/chaos-proxy.js';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { e2eKubeconfig, e2ePorts } from '../support/env.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = e2ePorts.admin + 7;
const url = `http://127.0.0.1:${port}`;

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
      env: { ...process.env, LOG_LEVEL: 'warn' },
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

test('the timeline says live updates are paused while the cluster API is away, then that they are back', async ({
  page,
}) => {
  await page.goto(`${url}/timeline`);
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toBeVisible();
  const banner = page.locator('[data-test="live-updates-banner"]');
  const badge = page.locator('[data-test="connection-indicator"]');
  await expect(banner).toHaveCount(0);
  await expect(badge).toHaveAttribute('data-state', 'live');

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
