/**
 * Two replicas, as deploy/ runs them: two server PROCESSES (the real entry, src/main.ts) on the
 * same kubeconfig and the same monitoring (a real Prometheus scraping the sandbox), behind a
 * round-robin proxy standing in for the Service. The timeline for a fixed range is the same JSON
 * whichever replica answers, and stays so after one of them restarts — history comes from
 * monitoring and the cluster, never from one process's memory. A change saved through one
 * replica is an Event the other shows.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ConfigResponse, TimelineEntry, TimelineResponse } from '@irc/shared';
import { spawnServer, type ServerProcess } from '../helpers/server-process.js';
import { listenOnLoopback, until, type Harness } from './harness.js';
import {
  prometheusBinary as bin,
  startMonitoredSandbox,
  type MonitoredSandbox,
} from './monitored-sandbox.js';

if (!bin)
  console.warn('SKIPPED: prometheus is not installed (apt-get install prometheus): replica tests skipped');

/** The Service in front of the pods: each request to the next replica, round robin. */
function roundRobin(targets: Array<{ name: string; url: string }>) {
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = targets[next++ % targets.length];
    if (!target) return void res.writeHead(503).end();
    const up = http.request(`${target.url}${req.url}`, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, { ...r.headers, 'x-replica': target.name });
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502, { 'x-replica': target.name }).end());
    req.pipe(up);
  });
  return {
    targets,
    listen: () => listenOnLoopback(server),
  };
}

describe.skipIf(!bin)('two server replicas behind a round-robin proxy', () => {
  let h: Harness;
  let rig: MonitoredSandbox | undefined;
  let a: ServerProcess;
  let b: ServerProcess;
  let proxy: ReturnType<typeof roundRobin>;
  let proxyUrl: string;
  let closeProxy: (() => Promise<void>) | undefined;
  const replicaEnv = () => ({
    PROMETHEUS_URL: rig?.prometheusUrl ?? '',
    PROMETHEUS_SCRAPE_INTERVAL_SECONDS: '1',
    LOG_LEVEL: 'warn',
  });

  const scraped = (status: '0' | '1') => rig?.scraped(status) ?? Promise.resolve(false);

  /** One GET of the timeline through the proxy: which replica answered, and its JSON text. */
  async function viaProxy(query: string): Promise<{ replica: string; text: string }> {
    const res = await fetch(`${proxyUrl}/api/v1/timeline?${query}`);
    expect(res.status).toBe(200);
    return { replica: res.headers.get('x-replica') ?? '?', text: await res.text() };
  }

  /**
   * Four answers in a row through the proxy (A, B, A, B): all byte-for-byte equal. Nothing is
   * normalised — for a range that ended in the past no field may legitimately differ between
   * replicas. Retried until it holds, because two answers taken a moment apart may straddle a
   * change every replica sees a few ms apart (an Event in the namespace bumping its count moves
   * it out of the range); with one process's history in the answer it never holds.
   */
  async function sameFromEveryReplica(query: string): Promise<TimelineResponse> {
    const text = await until(
      async () => {
        const answers: Array<{ replica: string; text: string }> = [];
        for (let i = 0; i < 4; i++) answers.push(await viaProxy(query));
        expect(new Set(answers.map((x) => x.replica))).toEqual(new Set(['A', 'B']));
        return answers.every((x) => x.text === answers[0]?.text) ? answers[0]?.text : undefined;
      },
      'the same timeline JSON from both replicas',
      45_000,
      250,
    );
    return JSON.parse(text) as TimelineResponse;
  }

  beforeAll(async () => {
    rig = await startMonitoredSandbox();
    h = rig.h;
    [a, b] = await Promise.all([
      spawnServer(h.kubeconfigPath, replicaEnv()),
      spawnServer(h.kubeconfigPath, replicaEnv()),
    ]);
    proxy = roundRobin([
      { name: 'A', url: a.url },
      { name: 'B', url: b.url },
    ]);
    ({ url: proxyUrl, close: closeProxy } = await proxy.listen());
  }, 90_000);
  afterAll(async () => {
    await closeProxy?.();
    await Promise.all([a?.stop(), b?.stop()]);
    await rig?.stop();
  });

  test('the same timeline JSON from both, and after one restarts; a change saved on A is on B', async () => {
    await until(() => scraped('1'), 'Prometheus sees the registry available', 60_000);
    const start = new Date(Date.now() - 60_000).toISOString();
    // a transition both replicas see live (and monitoring scrapes), then its undoing
    await h.scenario('storage-unreachable', true);
    await until(() => scraped('0'), 'Prometheus sees Available False', 60_000);
    await h.scenario('storage-unreachable', false);
    await until(() => scraped('1'), 'Prometheus sees it available again', 60_000);

    // a console change saved through A (as the admin's token; no CSRF pair needed with one)
    const current = (await (
      await h.fetch(`${a.url}/api/v1/config`, { token: h.tokens.admin })
    ).json()) as ConfigResponse;
    const saved = await h.fetch(`${a.url}/api/v1/config`, {
      method: 'PATCH',
      token: h.tokens.admin,
      body: JSON.stringify({ patch: { logLevel: 'Debug' }, resourceVersion: current.resourceVersion }),
    });
    expect(saved.status).toBe(200);
    const isChange = (e: TimelineEntry) =>
      e.type === 'change' && e.object.kind === 'Config' && /logLevel/.test(e.change.summary);
    // B shows it (it never saw the PATCH: the Event in `default` is how it knows)
    await until(async () => {
      const res = await h.fetch(`${b.url}/api/v1/timeline?start=${start}&type=change`);
      return ((await res.json()) as TimelineResponse).entries.some(isChange);
    }, "A's change on B's timeline");

    // a fixed range, ended 10 s in the past (after the change): every scrape up to its end is in
    // Prometheus by then, even on a loaded machine, so its points no longer change
    const changedAt = Date.now();
    await new Promise((r) => setTimeout(r, 12_000));
    const end = new Date(Date.now() - 10_000).toISOString();
    expect(Date.parse(end)).toBeGreaterThan(changedAt);
    const query = `start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`;
    const before = await sameFromEveryReplica(query);
    expect(before.history?.state).toBe('ok');
    expect(before.entries.some(isChange)).toBe(true);
    const available = before.entries.filter(
      (e) =>
        e.type === 'condition' && e.object.kind === 'ClusterOperator' && e.condition.type === 'Available',
    );
    // the outage, from monitoring (replaced by no replica's own copy), and the condition as it is
    // now, exact (its lastTransitionTime)
    expect(available.find((e) => e.type === 'condition' && e.condition.to === 'False')).toMatchObject({
      source: 'monitoring',
    });
    const exact = available.filter((e) => !('source' in e));
    expect(exact).toHaveLength(1);
    expect(exact[0]?.type === 'condition' && exact[0].condition.to).toBe('True');
    expect(before.lanes?.find((l) => l.condition === 'Available')?.segments.map((s) => s.status)).toContain(
      'False',
    );

    // A restarts (a rollout, an eviction): a new process with nothing in memory
    await a.stop();
    a = await spawnServer(h.kubeconfigPath, replicaEnv());
    proxy.targets[0] = { name: 'A', url: a.url };
    const after = await sameFromEveryReplica(query);
    // the history itself is what it was; only Events of the namespace may have moved on meanwhile
    // (a count bumped since puts an Event's newest time after the range)
    const history = (t: TimelineResponse) => ({
      history: t.history,
      lanes: t.lanes,
      entries: t.entries.filter((e) => e.type !== 'event'),
    });
    expect(history(after)).toEqual(history(before));
  }, 240_000);
});
