/**
 * A sandbox, a {@link ChaosProxy} in front of it and the server talking to the sandbox ONLY
 * through the proxy (its kubeconfig points there). The test drives the cluster directly
 * (`sandbox.api()`, in process: unaffected by the faults) and the faults through `proxy`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '@irc/sandbox';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/app.js';
import { ChaosProxy } from '@irc/testkit';

export type RigSandbox = Awaited<ReturnType<typeof startSandbox>>;

export interface FaultRig {
  sandbox: RigSandbox;
  proxy: ChaosProxy;
  app: FastifyInstance;
  baseUrl: string;
  /** One Prometheus sample (summed over label sets matching `labels`, e.g. `kind="Config",cause="expired"`). */
  metric(name: string, labels?: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startFaultRig(opts: Partial<AppOptions> = {}): Promise<FaultRig> {
  const dir = mkdtempSync(join(tmpdir(), 'irc-fault-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  const sandbox = await startSandbox({ port: 0, timeScale: 0.01, kubeconfigPath, log: false });
  const proxy = await ChaosProxy.start({ target: sandbox.url, targetCa: sandbox.caPem });
  const app = await buildApp({
    kubeconfig: proxy.kubeConfig(kubeconfigPath, 'admin'),
    logLevel: false,
    stream: { heartbeatMs: 1000 },
    ...opts,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    sandbox,
    proxy,
    app,
    baseUrl,
    async metric(name, labels = '') {
      const text = await (await fetch(`${baseUrl}/metrics`)).text();
      let sum = 0;
      for (const line of text.split('\n')) {
        if (!line.startsWith(`${name} `) && !line.startsWith(`${name}{`)) continue;
        if (labels && !line.includes(labels)) continue;
        sum += Number(line.slice(line.lastIndexOf(' ') + 1));
      }
      return sum;
    },
    async stop() {
      await app.close();
      await proxy.stop();
      await sandbox.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
