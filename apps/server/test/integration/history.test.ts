/**
 * History from cluster monitoring: the sandbox scraped by a real Prometheus (Debian's), read
 * through a stand-in for the Thanos querier's kube-rbac-proxy that accepts only the admin's
 * token — so what the server sends it, and what a user without monitoring rights gets, show.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TimelineResponse, TrafficResponse } from '@irc/shared';
import { freePort } from '../helpers/server-process.js';
import { listenOnLoopback, until, type Harness } from './harness.js';
import {
  prometheusBinary as bin,
  startMonitoredSandbox,
  type MonitoredSandbox,
} from './monitored-sandbox.js';

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
    listen: () => listenOnLoopback(server),
  };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe.skipIf(!bin)('history from cluster monitoring', () => {
  let h: Harness;
  let rig: MonitoredSandbox;
  let front: ReturnType<typeof rbacFront>;
  let frontUrl: string;
  let closeFront: (() => Promise<void>) | undefined;
  const monitoring = () => ({ url: frontUrl, timeoutMs: 5000 });

  async function timeline(baseUrl: string, query: string, token?: string): Promise<TimelineResponse> {
    const res = await h.fetch(`${baseUrl}/api/v1/timeline?${query}`, token ? { token } : {});
    expect(res.status).toBe(200);
    return (await res.json()) as TimelineResponse;
  }

  beforeAll(async () => {
    rig = await startMonitoredSandbox();
    h = rig.h;
    front = rbacFront(rig.prometheusUrl, h.tokens.admin);
    ({ url: frontUrl, close: closeFront } = await front.listen());
  }, 60_000);
  afterAll(async () => {
    await closeFront?.();
    await rig?.stop();
  });

  test('transitions before a server started come from monitoring; the server that saw them live answers the same', async () => {
    const witness = await h.startServer({ monitoring: monitoring(), monitoringScrapeSeconds: 1 });
    // what monitoring holds now (directly from Prometheus: the outage must be scraped to be history)
    const scraped = rig.scraped;
    await until(() => scraped('1'), 'Prometheus sees the registry available', 60_000);
    await h.scenario('storage-unreachable', true);
    await until(() => scraped('0'), 'Prometheus sees Available False', 60_000);
    const errors = encodeURIComponent('sum(increase(imageregistry_storage_errors_total[1m])) > 0');
    await until(
      async () =>
        (
          (await (await fetch(`${rig.prometheusUrl}/api/v1/query?query=${errors}`)).json()) as {
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

    // the witness saw it live, and answers the same: the outage once, from monitoring — what it
    // saw is not history another replica lacks
    const seen = await timeline(witness.baseUrl, `start=${minutesAgo(15)}`);
    const downs = seen.entries.filter(
      (e) =>
        e.type === 'condition' &&
        e.object.kind === 'ClusterOperator' &&
        e.condition.type === 'Available' &&
        e.condition.to === 'False',
    );
    expect(downs).toHaveLength(1);
    expect(downs[0]).toMatchObject({ source: 'monitoring' });
    // the condition as it is now is exact (its lastTransitionTime), never also a monitoring copy
    const exactNow = seen.entries.filter(
      (e) => e.type === 'condition' && e.object.kind === 'ClusterOperator' && !('source' in e),
    );
    expect(exactNow.length).toBeGreaterThan(0);
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
