/**
 * History from cluster monitoring: the sandbox scraped by a real Prometheus (Debian's), read
 * through a stand-in for the Thanos querier's kube-rbac-proxy that accepts only the admin's
 * token — so what the server sends it, and what a user without monitoring rights gets, show.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findPrometheus, startPrometheus, type RunningPrometheus } from '@irc/sandbox';
import type { TimelineResponse, TrafficResponse } from '@irc/shared';
import { startHarness, until, type Harness } from './harness.js';

const bin = findPrometheus();
if (!bin && process.env.CI)
  throw new Error('prometheus is not installed in CI: scripts/setup.sh installs it');
if (!bin)
  console.warn('SKIPPED: prometheus is not installed (apt-get install prometheus): history tests skipped');

/** kube-rbac-proxy in front of Prometheus: no token 401, a token other than `allowed` 403. */
function rbacFront(upstream: string, allowed: string) {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    seen.push(auth);
    if (!auth) return void res.writeHead(401).end('Unauthorized');
    if (auth !== `Bearer ${allowed}`) return void res.writeHead(403).end('Forbidden (user=viewer)');
    const up = http.request(`${upstream}${req.url}`, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  return {
    seen,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => {
          const a = server.address();
          resolve(`http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`);
        }),
      ),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const a = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return typeof a === 'object' && a ? a.port : 0;
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe.skipIf(!bin)('history from cluster monitoring', () => {
  let h: Harness;
  let prom: RunningPrometheus | undefined;
  let front: ReturnType<typeof rbacFront>;
  let frontUrl: string;
  let dir: string;
  const monitoring = () => ({ url: frontUrl, timeoutMs: 5000 });

  async function timeline(baseUrl: string, query: string, token?: string): Promise<TimelineResponse> {
    const res = await h.fetch(`${baseUrl}/api/v1/timeline?${query}`, token ? { token } : {});
    expect(res.status).toBe(200);
    return (await res.json()) as TimelineResponse;
  }

  beforeAll(async () => {
    h = await startHarness({ monitoring: false });
    dir = mkdtempSync(join(tmpdir(), 'irc-history-'));
    prom = await startPrometheus({
      port: await freePort(),
      dir,
      targetUrl: h.sandbox.url,
      caPem: h.sandbox.caPem,
      token: h.tokens.admin,
      scrapeIntervalSeconds: 1,
    });
    front = rbacFront(prom?.url ?? '', h.tokens.admin);
    frontUrl = await front.listen();
  }, 60_000);
  afterAll(async () => {
    await front?.close();
    await prom?.stop();
    await h?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('transitions before a server started come from monitoring; the server that saw them keeps them exact, once', async () => {
    const witness = await h.startServer({ monitoring: monitoring(), monitoringScrapeSeconds: 1 });
    // what monitoring holds now (directly from Prometheus: the outage must be scraped to be history)
    const scraped = async (status: '0' | '1') => {
      const q = encodeURIComponent(
        'cluster_operator_conditions{name="image-registry",condition="Available"}',
      );
      const body = (await (await fetch(`${prom?.url}/api/v1/query?query=${q}`)).json()) as {
        data: { result: Array<{ value: [number, string] }> };
      };
      return body.data.result.some((r) => r.value[1] === status);
    };
    await until(() => scraped('1'), 'Prometheus sees the registry available', 60_000);
    await h.scenario('storage-unreachable', true);
    await until(() => scraped('0'), 'Prometheus sees Available False', 60_000);
    const errors = encodeURIComponent('sum(increase(imageregistry_storage_errors_total[1m])) > 0');
    await until(
      async () =>
        (
          (await (await fetch(`${prom?.url}/api/v1/query?query=${errors}`)).json()) as {
            data: { result: unknown[] };
          }
        ).data.result.length > 0,
      'Prometheus sees storage errors',
      60_000,
    );
    await h.scenario('storage-unreachable', false);
    await until(() => scraped('1'), 'Prometheus sees it available again', 60_000);

    // a replica started now never saw the outage: monitoring tells it
    const fresh = await h.startServer({ monitoring: monitoring(), monitoringScrapeSeconds: 1 });
    const later = await until(
      async () => {
        const t = await timeline(fresh.baseUrl, `start=${minutesAgo(15)}`);
        const down = t.entries.find(
          (e) => e.type === 'condition' && e.condition.type === 'Available' && e.condition.to === 'False',
        );
        return down ? t : undefined;
      },
      'Available False from monitoring',
      20_000,
    );
    expect(later.history?.state).toBe('ok');
    const downEntry = later.entries.find(
      (e) => e.type === 'condition' && e.condition.type === 'Available' && e.condition.to === 'False',
    );
    expect(downEntry).toMatchObject({
      object: { kind: 'ClusterOperator', name: 'image-registry' },
      source: 'monitoring',
    });
    const lane = later.lanes?.find((l) => l.condition === 'Available');
    // available, then down (what follows the fix may flap at this time scale)
    const statuses = (lane?.segments ?? []).map((s) => s.status).filter((s) => s !== 'Unknown');
    const down = statuses.indexOf('False', statuses.indexOf('True'));
    expect(down).toBeGreaterThan(0);

    // the witness saw it live: one exact entry, no monitoring copy of it
    const seen = await timeline(witness.baseUrl, `start=${minutesAgo(15)}`);
    const downs = seen.entries.filter(
      (e) =>
        e.type === 'condition' &&
        e.object.kind === 'ClusterOperator' &&
        e.condition.type === 'Available' &&
        e.condition.to === 'False',
    );
    expect(downs).toHaveLength(1);
    expect(downs[0]).not.toHaveProperty('source');
    // standalone without a token the caller is the kubeconfig user: that token, never another
    expect(new Set(front.seen)).toEqual(new Set([`Bearer ${h.tokens.admin}`]));
  }, 120_000);

  test("a user monitoring refuses gets the live timeline and why; monitoring only ever sees the caller's token", async () => {
    const server = await h.startServer({
      authMode: 'token',
      monitoring: monitoring(),
      monitoringScrapeSeconds: 1,
    });
    front.seen.length = 0;
    const t = await timeline(server.baseUrl, `start=${minutesAgo(60)}`, h.tokens.viewer);
    expect(t.history).toMatchObject({ state: 'forbidden' });
    expect(t.history?.message).toMatch(/cluster-monitoring-view/);
    expect(t.entries.length).toBeGreaterThan(0); // the live part
    expect(t.entries.every((e) => !('source' in e))).toBe(true);
    expect(front.seen.length).toBeGreaterThan(0);
    expect(new Set(front.seen)).toEqual(new Set([`Bearer ${h.tokens.viewer}`]));
    const traffic = await h.fetch(`${server.baseUrl}/api/v1/history/traffic?start=${minutesAgo(5)}`, {
      token: h.tokens.viewer,
    });
    expect(((await traffic.json()) as TrafficResponse).history.state).toBe('forbidden');
    expect((await h.fetch(`${server.baseUrl}/api/v1/history/traffic?start=${minutesAgo(5)}`)).status).toBe(
      401,
    );
  });

  test('no monitoring, or monitoring down: 200 with the live timeline and the sentence', async () => {
    const none = await h.startServer({ monitoring: false });
    const t = await timeline(none.baseUrl, `start=${minutesAgo(60)}`);
    expect(t.history).toMatchObject({ state: 'unconfigured' });
    const down = await h.startServer({
      monitoring: { url: `http://127.0.0.1:${await freePort()}`, timeoutMs: 2000 },
    });
    const d = await timeline(down.baseUrl, `start=${minutesAgo(60)}`);
    expect(d.history).toMatchObject({ state: 'unavailable' });
    expect(d.history?.message).toMatch(/comes back by itself/);
    expect(d.entries.length).toBeGreaterThan(0);
    const bad = await h.fetch(`${down.baseUrl}/api/v1/timeline?start=${minutesAgo(60 * 24 * 15)}`);
    expect(bad.status).toBe(400);
  });

  test('registry traffic: request rate and storage errors over the range', async () => {
    const server = await h.startServer({ monitoring: monitoring(), monitoringScrapeSeconds: 1 });
    const body = await until(
      async () => {
        const res = await h.fetch(`${server.baseUrl}/api/v1/history/traffic?start=${minutesAgo(10)}`);
        const b = (await res.json()) as TrafficResponse;
        return b.series.find((s) => s.name === 'requests')?.points.some(([, v]) => (v ?? 0) > 0)
          ? b
          : undefined;
      },
      'request rate',
      20_000,
    );
    expect(body.history.state).toBe('ok');
    expect(body.series.map((s) => s.name)).toEqual([
      'requests',
      'errors5xx',
      'latencyP99',
      'storageErrors',
      'storageLatencyP99',
    ]);
    // the outage of the first test shows as storage errors
    expect(body.series.find((s) => s.name === 'storageErrors')?.points.some(([, v]) => (v ?? 0) > 0)).toBe(
      true,
    );
  });
});
