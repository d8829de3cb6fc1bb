import { tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPrometheus, type RunningPrometheus, type SandboxHandle } from '../../src/index.js';
import { clusterOperator, registryReady, startTestSandbox, waitFor } from '../cluster/harness.js';
import { arr } from '../../src/core/objects.js';
import { freePort, getText, prometheusBinary, promQuery } from './support.js';

/** The value of one series in exposition text, matched by name and an exact label set. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries(
      [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

function total(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
      sum += Number(line.split(' ').pop());
  }
  return sum;
}

describe('sandbox monitoring: the metrics a cluster scrapes', () => {
  let sb: SandboxHandle;
  const metrics = (path: string, who: 'admin' | 'viewer' = 'admin') =>
    getText(`${sb.url}${path}`, sb.tokens[who], sb.caPem);
  beforeAll(async () => {
    sb = await startTestSandbox();
    await registryReady(sb);
  });
  afterAll(async () => {
    await sb?.scenarios.clear();
    await sb?.stop();
  });

  test('the CVO reports the ClusterOperator: up, each condition 0/1 with its reason; only admins may scrape', async () => {
    const co = clusterOperator(sb.api());
    const { status, text } = await metrics('/sandbox/v1/metrics/cluster-version-operator');
    expect(status).toBe(200);
    for (const c of arr(co, 'status', 'conditions')) {
      if (c.status !== 'True' && c.status !== 'False') continue;
      expect(
        sample(text, 'cluster_operator_conditions', {
          name: 'image-registry',
          condition: String(c.type),
          reason: String(c.reason ?? ''),
        }),
      ).toBe(c.status === 'True' ? 1 : 0);
    }
    expect(text).toContain('# TYPE cluster_operator_conditions gauge');
    expect(sample(text, 'cluster_operator_up', { name: 'image-registry' })).toBe(1);
    expect((await metrics('/sandbox/v1/metrics/cluster-version-operator', 'viewer')).status).toBe(403);
    const op = await metrics('/sandbox/v1/metrics/image-registry-operator');
    expect(sample(op.text, 'image_registry_operator_image_pruner_install_status')).toBe(2);
  });

  test('a storage outage: the registry answers 500, storage errors rise, the conditions move and are counted', async () => {
    // the simulated load ticks every second: the first pulls may still be on their way
    const before = await waitFor('registry traffic', async () => {
      const m = await metrics('/extensions/v2/metrics');
      return total(m.text, 'imageregistry_http_requests_total', { code: '200' }) > 0 && m;
    });
    expect(total(before.text, 'imageregistry_storage_errors_total')).toBe(0);
    const cvoBefore = (await metrics('/sandbox/v1/metrics/cluster-version-operator')).text;
    const transitionsBefore = total(cvoBefore, 'cluster_operator_condition_transitions', {
      name: 'image-registry',
    });

    await sb.scenarios.activate('storage-unreachable');
    const during = await waitFor('storage errors', async () => {
      const t = (await metrics('/extensions/v2/metrics')).text;
      return total(t, 'imageregistry_storage_errors_total', { code: 'UNKNOWN' }) > 0 && t;
    });
    expect(total(during, 'imageregistry_http_requests_total', { code: '500' })).toBeGreaterThan(0);
    await waitFor('a condition transition counted', async () => {
      const t = (await metrics('/sandbox/v1/metrics/cluster-version-operator')).text;
      return (
        total(t, 'cluster_operator_condition_transitions', { name: 'image-registry' }) > transitionsBefore
      );
    });
    // slow storage shows in the registry's latency summary
    const text = (await metrics('/extensions/v2/metrics')).text;
    expect(
      sample(text, 'imageregistry_http_request_duration_seconds', { method: 'get', quantile: '0.99' }),
    ).toBeGreaterThan(1);
  });
});

describe('a real Prometheus scrapes the sandbox', () => {
  const bin = prometheusBinary();
  let sb: SandboxHandle;
  let prom: RunningPrometheus | undefined;
  let dir: string;
  beforeAll(async () => {
    if (!bin) return;
    sb = await startTestSandbox();
    dir = mkdtempSync(join(tmpdir(), 'irc-prom-'));
    prom = await startPrometheus({
      port: await freePort(),
      dir,
      targetUrl: sb.url,
      caPem: sb.caPem,
      token: sb.tokens.admin,
      scrapeIntervalSeconds: 1,
    });
  }, 60_000);
  afterAll(async () => {
    await prom?.stop();
    await sb?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test.skipIf(!bin)(
    'every job is up and the ClusterOperator conditions are queryable',
    async () => {
      const base = prom?.url ?? '';
      await waitFor('three targets up', async () => (await promQuery(base, 'up == 1')).length === 3, 30_000);
      await registryReady(sb);
      const available = await waitFor(
        'Available in Prometheus',
        async () => {
          const r = await promQuery(
            base,
            'cluster_operator_conditions{name="image-registry",condition="Available"}',
          );
          return r.length > 0 ? r : undefined;
        },
        30_000,
      );
      expect(available[0]?.metric.namespace).toBe('openshift-cluster-version');
      await waitFor(
        'registry traffic rate',
        async () =>
          (await promQuery(base, 'sum(rate(imageregistry_http_requests_total[10s])) > 0')).length > 0,
        30_000,
      );
    },
    90_000,
  );
});
