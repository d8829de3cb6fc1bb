/**
 * The sandbox scraped by a real Prometheus (Debian's), every second: what history tests read
 * cluster monitoring from. `undefined` when the binary is missing (CI requires it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPrometheus, startPrometheus } from '@irc/sandbox';
import { freePort } from '../helpers/server-process.js';
import { startHarness, type Harness } from './harness.js';

export const prometheusBinary = findPrometheus();
if (!prometheusBinary && process.env.CI)
  throw new Error('prometheus is not installed in CI: scripts/setup.sh installs it');

export interface MonitoredSandbox {
  h: Harness;
  /** Prometheus' own URL (no authentication in front). */
  prometheusUrl: string;
  /** Has Prometheus scraped the registry's ClusterOperator Available in this state (1/0)? */
  scraped(status: '0' | '1'): Promise<boolean>;
  stop(): Promise<void>;
}

export async function startMonitoredSandbox(): Promise<MonitoredSandbox> {
  const h = await startHarness({ monitoring: false });
  const dir = mkdtempSync(join(tmpdir(), 'irc-monitored-'));
  const prom = await startPrometheus({
    port: await freePort(),
    dir,
    targetUrl: h.sandbox.url,
    caPem: h.sandbox.caPem,
    token: h.tokens.admin,
    scrapeIntervalSeconds: 1,
  });
  const prometheusUrl = prom?.url ?? '';
  return {
    h,
    prometheusUrl,
    async scraped(status) {
      const q = encodeURIComponent(
        'cluster_operator_conditions{name="image-registry",condition="Available"}',
      );
      const body = (await (await fetch(`${prometheusUrl}/api/v1/query?query=${q}`)).json()) as {
        data: { result: Array<{ value: [number, string] }> };
      };
      return body.data.result.some((r) => r.value[1] === status);
    },
    async stop() {
      await prom?.stop();
      await h.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
