/**
 * The server's re-list path, exercised by the sandbox itself (no chaos proxy): the sandbox keeps a
 * bounded watch window like kube-apiserver's watch cache, so a watch that resumes from a
 * resourceVersion older than the window gets HTTP 200 + one ERROR 410 Expired event from the API
 * server, and the server must re-list and turn the difference into changes on the stream.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '@irc/sandbox';
import type { ChangeEvent, StreamKind } from '@irc/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadKubeConfig } from '../../src/kube/kubeconfig.js';
import { openStream, until, type SseMessage } from './harness.js';

const NS = 'openshift-image-registry';
const CONFIG = { group: 'imageregistry.operator.openshift.io', version: 'v1', resource: 'configs' };
const PODS = { group: '', version: 'v1', resource: 'pods' };
const MARK = 'window.irc.example/mark';
const KINDS: StreamKind[] = ['Config', 'ClusterOperator', 'Deployment', 'Pod', 'Event'];
/** Events the sandbox keeps per resource: fewer than a gap's writes, more than a short blip's. */
const WINDOW = 6;

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;
let app: FastifyInstance;
let baseUrl: string;
let dir: string;

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { 'docker-registry': 'default' } },
  spec: { containers: [{ name: 'registry', image: 'quay.io/openshift/origin-docker-registry:4.19' }] },
});
const mark = (value: string) =>
  sandbox
    .api()
    .patch(CONFIG, undefined, 'cluster', 'merge', { metadata: { annotations: { [MARK]: value } } });

const changes = (messages: SseMessage[], kind: StreamKind) =>
  messages
    .filter((m) => m.event === 'change')
    .map((m) => JSON.parse(m.data) as ChangeEvent)
    .filter((c) => c.kind === kind);
const marksOf = (messages: SseMessage[]) =>
  changes(messages, 'Config').map(
    (c) =>
      (c.object as { metadata?: { annotations?: Record<string, string> } }).metadata?.annotations?.[MARK],
  );
const podNames = () =>
  app.hub
    .items('Pod')
    .map((p) => p.metadata?.name)
    .sort();

async function expiredRestarts(kind: StreamKind): Promise<number> {
  const { values } = await app.metrics.watchRestarts.get();
  return values.find((v) => v.labels.kind === kind && v.labels.cause === 'expired')?.value ?? 0;
}

describe('the watch window of the sandbox: resume within it, re-list beyond it', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'irc-window-'));
    const kubeconfigPath = join(dir, 'kubeconfig');
    sandbox = await startSandbox({
      port: 0,
      timeScale: 0.01,
      kubeconfigPath,
      log: false,
      controllers: false,
      watchCacheSize: WINDOW,
      watchCacheMaxSize: WINDOW,
    });
    const api = sandbox.api();
    api.create({ group: '', version: 'v1', resource: 'namespaces' }, undefined, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NS },
    });
    api.create(CONFIG, undefined, {
      apiVersion: 'imageregistry.operator.openshift.io/v1',
      kind: 'Config',
      metadata: { name: 'cluster' },
      spec: { managementState: 'Managed', replicas: 1, storage: { emptyDir: {} } },
    });
    for (const name of ['registry-a', 'registry-b']) api.create(PODS, NS, pod(name));
    app = await buildApp({
      kubeconfig: loadKubeConfig({ kubeconfigPath, context: 'admin' }),
      logLevel: false,
      stream: { heartbeatMs: 1000 },
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await until(
      () => KINDS.every((k) => app.hub.state(k) === 'synced') && podNames().length === 2,
      'the hub to sync',
      20_000,
    );
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a short gap (fewer changes than the window): the watch resumes from its resourceVersion and sees each change once', async () => {
    const live = openStream(`${baseUrl}/api/v1/stream`);
    await live.ready;
    await until(
      () => live.messages.filter((m) => m.event === 'snapshot').length === KINDS.length,
      'snapshots',
    );
    const expiredBefore = await expiredRestarts('Config');
    app.hub.dropUpstreamConnections();
    // written in the same tick as the drop: before the watch can reconnect
    mark('blip-1');
    mark('blip-2');
    await until(() => marksOf(live.messages).includes('blip-2'), 'the changes made during the blip');
    expect(marksOf(live.messages).filter((m) => m?.startsWith('blip-'))).toEqual(['blip-1', 'blip-2']);
    expect(await expiredRestarts('Config')).toBe(expiredBefore);
    live.close();
  });

  it('a long gap (more changes than the window): the sandbox answers 410 Expired, the server re-lists and the stream ends up right', async () => {
    const live = openStream(`${baseUrl}/api/v1/stream`);
    await live.ready;
    await until(
      () => live.messages.filter((m) => m.event === 'snapshot').length === KINDS.length,
      'snapshots',
    );
    const expiredBefore = { config: await expiredRestarts('Config'), pod: await expiredRestarts('Pod') };
    const from = live.messages.length;

    app.hub.dropUpstreamConnections();
    // in the same tick: many more changes than the window holds, of both kinds
    for (let i = 1; i <= WINDOW * 2; i++) mark(`gap-${i}`);
    sandbox.api().delete(PODS, NS, 'registry-a', { gracePeriodSeconds: 0 });
    sandbox.api().create(PODS, NS, pod('registry-c'));
    for (let i = 0; i < WINDOW * 2; i++)
      sandbox.api().patch(PODS, NS, 'registry-b', 'merge', { metadata: { annotations: { n: String(i) } } });

    await until(async () => (await expiredRestarts('Config')) > expiredBefore.config, 'a 410 for Config');
    await until(async () => (await expiredRestarts('Pod')) > expiredBefore.pod, 'a 410 for Pod');
    await until(
      () => marksOf(live.messages).includes(`gap-${WINDOW * 2}`),
      'the last change, from the re-list',
    );
    await until(() => podNames().join() === 'registry-b,registry-c', 'the pods as they are now');

    const after = live.messages.slice(from);
    // the re-list delivers the current state, not the versions in between
    expect(marksOf(after).filter((m) => m?.startsWith('gap-'))).toEqual([`gap-${WINDOW * 2}`]);
    const podChanges = changes(after, 'Pod').map((c) => `${c.type} ${c.object.metadata?.name}`);
    expect(podChanges).toContain('DELETED registry-a');
    expect(podChanges).toContain('ADDED registry-c');
    expect(after.some((m) => m.event === 'reset')).toBe(false); // the stream itself never broke
    await until(() => KINDS.every((k) => app.hub.state(k) === 'synced'), 'synced again');
    live.close();
  });
});
