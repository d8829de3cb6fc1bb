import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigResponse, PatchConfigResponse } from '@irc/shared';
import { startSandbox, type SandboxHandle } from '@irc/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChaosProxy } from '@irc/testkit';
import { ConsoleTab, type PatchOutcome } from '../helpers/console-client.js';
import { spawnServer, type ServerProcess } from '../helpers/server-process.js';
import { probeStream } from '../helpers/sse-probe.js';
import { until } from './harness.js';

/**
 * SIGTERM to a real server process while PATCHes are in flight. The API is slowed down (a
 * proxy holds every call 2 s) so the writes are still running when the signal arrives:
 *  - /readyz turns 503 first, while the server still listens (SHUTDOWN_DELAY_MS);
 *  - then new connections are refused, event streams end cleanly (they carried a retry hint);
 *  - every PATCH accepted before is answered — and a 200 is in the cluster; a PATCH sent after
 *    the listener closed never reaches the cluster;
 *  - the process exits 0, well within its grace period.
 */
describe('graceful shutdown of the server process', () => {
  const DELAY_MS = 2500;
  let dir: string;
  let sandbox: SandboxHandle;
  let proxy: ChaosProxy;
  let server: ServerProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'irc-shutdown-'));
    sandbox = await startSandbox({
      port: 0,
      timeScale: 0.01,
      kubeconfigPath: join(dir, 'sandbox.kubeconfig'),
      log: false,
    });
    proxy = await ChaosProxy.start({ target: sandbox.url, targetCa: sandbox.caPem });
    const kubeconfig = proxy.writeKubeconfig(join(dir, 'sandbox.kubeconfig'), join(dir, 'kubeconfig'));
    server = await spawnServer(kubeconfig, {
      SHUTDOWN_DELAY_MS: String(DELAY_MS),
      SHUTDOWN_GRACE_MS: '20000',
    });
    await until(
      async () => (await fetch(`${server.url}/api/v1/config`)).status === 200,
      'the operator to bootstrap the Config',
      30_000,
      200,
    );
  }, 90_000);

  afterAll(async () => {
    await server?.stop(1000);
    await proxy?.stop();
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps idle connections longer than the proxies in front keep theirs (no reset on reuse)', async () => {
    // Node's default (5 s, what a serverFactory server gets) reset connections the console's
    // backend proxy (90 s idle) and Node agents still reused: the load test saw ECONNRESET.
    const res = await fetch(`${server.url}/healthz`);
    const timeout = Number(/timeout=(\d+)/.exec(res.headers.get('keep-alive') ?? '')?.[1]);
    expect(timeout).toBeGreaterThan(90);
  });

  it('SIGTERM with PATCHes in flight: readiness 503 first, nothing accepted is lost, streams end, exit 0', async () => {
    const streams = [0, 1, 2].map(() => probeStream(`${server.url}/api/v1/stream`));
    expect(await Promise.all(streams.map((s) => s.ready))).toEqual([200, 200, 200]);
    await until(() => streams.every((s) => s.messages > 0), 'the streams to get their snapshot');

    // Admins whose forms are loaded; one keeps its tab for a save after the listener closed.
    const tabs = Array.from({ length: 6 }, () => new ConsoleTab(server.url));
    const seen = await Promise.all(tabs.map((t) => t.config()));
    const late = new ConsoleTab(server.url);
    const lateSeen = await late.config();
    await late.get('/api/v1/me');

    proxy.delay(2000);
    const answeredAt: number[] = [];
    const sent = tabs.map((tab, i) => ({
      maxRunning: 100 + i,
      answer: tab
        .patch({ requests: { read: { maxRunning: 100 + i } } }, seen[i] as ConfigResponse)
        .catch((err: unknown) => err)
        .finally(() => answeredAt.push(Date.now())),
    }));
    const reads = tabs.map((tab) =>
      tab.get('/api/v1/config').then(
        (r) => r.status,
        (err: unknown) => err,
      ),
    );
    await until(
      () => server.output.some((l) => l.includes('"method":"PATCH"')),
      'the PATCHes to reach the server',
    );

    const signalled = Date.now();
    server.child.kill('SIGTERM');
    // 1. Readiness first: a 503 on a NEW connection, so the server still listened.
    const ready = await until(async () => {
      // (a probe that started before the signal waits for the slowed API: give up on it quickly)
      const res = await fetch(`${server.url}/readyz`, {
        headers: { connection: 'close' },
        signal: AbortSignal.timeout(500),
      });
      return res.status === 503 ? ((await res.json()) as { status: string; reason?: string }) : undefined;
    }, 'readiness to turn 503');
    expect(ready.status).toBe('unavailable');
    expect(ready.reason).toBe('ShuttingDown');

    // 2. After the delay: new connections are refused (PATCHes are still in flight upstream).
    // A connection that was in the listen backlog as the listener closed is reset, not served:
    // that is the closing moment, so keep probing until a new connection is refused outright.
    const refused = await until(
      () =>
        fetch(`${server.url}/healthz`, { headers: { connection: 'close' } }).then(
          () => undefined,
          (err: unknown) =>
            (err as Error & { cause?: { code?: string } }).cause?.code === 'ECONNRESET'
              ? undefined
              : (err as Error),
        ),
      'new connections to be refused',
    );
    const refusedAt = Date.now();
    expect(String((refused.cause as { code?: string } | undefined)?.code)).toBe('ECONNREFUSED');
    const lateAnswer = await late
      .patch({ requests: { read: { maxRunning: 999 } } }, lateSeen)
      .catch((err: unknown) => err);
    expect(lateAnswer).toBeInstanceOf(Error);

    // 3. Every accepted request is answered; a 200 is in the cluster.
    const outcomes = await Promise.all(
      sent.map(async (s) => ({ ...s, outcome: (await s.answer) as PatchOutcome | Error })),
    );
    for (const o of outcomes)
      expect(o.outcome, `PATCH maxRunning=${o.maxRunning} was answered`).not.toBeInstanceOf(Error);
    expect(Math.max(...answeredAt), 'PATCHes were still in flight when the listener closed').toBeGreaterThan(
      refusedAt,
    );
    const statuses = outcomes.map((o) => (o.outcome as PatchOutcome).status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const applied = outcomes.filter((o) => (o.outcome as PatchOutcome).status === 200);
    expect(applied.length).toBe(1); // one wins the shared version, the others were refused with 409
    expect(await Promise.all(reads)).toEqual(tabs.map(() => 200));

    // 4. The process exits cleanly, well within its grace period.
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(15_000);
    expect(server.output.some((l) => l.includes('shut down cleanly'))).toBe(true);

    // Streams ended by the server (not reset), their last retry hint spread over 1–5 s so the
    // tabs do not all come back at the same instant (the opening hint is a fixed 2 s).
    for (const s of streams) {
      await s.done;
      expect(s.error).toBeUndefined();
      expect(s.ended).toBe(true);
      expect(s.retryMs).toBeGreaterThanOrEqual(1_000);
      expect(s.retryMs).toBeLessThanOrEqual(5_000);
    }
    expect(streams.some((s) => s.retryMs !== 2_000)).toBe(true);

    proxy.clear();
    const stored = storedMaxRunning(sandbox);
    const winner = applied[0];
    expect(stored).toBe(winner?.maxRunning);
    expect(
      (
        (winner?.outcome as { body: PatchConfigResponse }).body.config as unknown as {
          spec: { requests?: unknown };
        }
      ).spec.requests,
    ).toEqual({ read: { maxRunning: stored } });
  }, 60_000);
});

/** Read from the sandbox itself, not through the server under test. */
function storedMaxRunning(sandbox: SandboxHandle): number | undefined {
  const config = sandbox
    .api()
    .get(
      { group: 'imageregistry.operator.openshift.io', version: 'v1', resource: 'configs' },
      undefined,
      'cluster',
    );
  const spec = config.spec as { requests?: { read?: { maxRunning?: number } } } | undefined;
  return spec?.requests?.read?.maxRunning;
}
