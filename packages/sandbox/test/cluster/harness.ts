import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../src/index.js';
import type { ApiClient, KubeObject } from '../../src/core/types.js';
import { R } from '../../src/core/refs.js';
import { arr, rec, tryGet } from '../../src/core/objects.js';

/** A sandbox at time scale 0.01 (cluster minutes pass in real seconds), no kubeconfig file. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  return startSandbox({ port: 0, timeScale: 0.01, kubeconfigPath: false, log: false, ...options });
}

export interface TestSandboxOptions extends SandboxOptions {
  /** Wait until the registry is Ready before the first test (needs the controllers). */
  registryReady?: boolean;
}

/**
 * One sandbox for the enclosing describe block (or file): started before its first test (and,
 * with `registryReady`, once the registry is Ready), stopped after its last. The handle it
 * answers stands for that sandbox — use it inside tests and hooks, not at collection time.
 */
export function useTestSandbox(options: TestSandboxOptions = {}): SandboxHandle {
  const { registryReady: ready, ...sandboxOptions } = options;
  let sb: SandboxHandle | undefined;
  beforeAll(async () => {
    sb = await startTestSandbox(sandboxOptions);
    if (ready) await registryReady(sb);
  });
  afterAll(async () => sb?.stop());
  return lateHandle(() => sb);
}

/** A handle that stands for the sandbox `current()` answers once a hook has started it. */
export function lateHandle(current: () => SandboxHandle | undefined): SandboxHandle {
  return new Proxy({} as SandboxHandle, {
    get(_target, prop) {
      const sb = current();
      if (!sb) throw new Error(`the test sandbox is not started yet (reading ${String(prop)})`);
      const value: unknown = Reflect.get(sb, prop);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(sb) : value;
    },
  });
}

type Maybe<T> = T | undefined | false | null;

/** Polls until `fn` returns (or resolves to) a truthy value (exceptions count as "not yet"); fails with the last state. */
export async function waitFor<T>(
  what: string,
  fn: () => Maybe<T> | Promise<Maybe<T>>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`,
      );
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function condition(obj: KubeObject | undefined, type: string): Record<string, unknown> | undefined {
  return arr(obj, 'status', 'conditions').find((c) => c.type === type);
}

/** "True Ready" style summary of a condition, for readable assertions. */
export function cond(obj: KubeObject | undefined, type: string): string {
  const c = condition(obj, type);
  return c ? `${String(c.status)} ${String(c.reason ?? '')}` : 'absent';
}

export const config = (api: ApiClient): KubeObject => api.get(R.configs, undefined, 'cluster');
export const clusterOperator = (api: ApiClient): KubeObject =>
  api.get(R.clusterOperators, undefined, 'image-registry');

export function registryPods(api: ApiClient): KubeObject[] {
  return api.list(R.pods, 'openshift-image-registry', { labelSelector: 'docker-registry=default' }).items;
}

export function readyPods(pods: KubeObject[]): KubeObject[] {
  return pods.filter((p) => !p.metadata.deletionTimestamp && cond(p, 'Ready') === 'True ');
}

export function operatorLog(sb: SandboxHandle): string {
  const api = sb.api();
  const pod = api.list(R.pods, 'openshift-image-registry', {
    labelSelector: 'name=cluster-image-registry-operator',
  }).items[0];
  if (!pod) return '';
  return (
    sb.logs.read(
      'openshift-image-registry',
      pod.metadata.name ?? '',
      'cluster-image-registry-operator',
      {},
    ) ?? []
  )
    .map((l) => l.text)
    .join('\n');
}

/** The registry is up: Config Available True Ready, Progressing False Ready, all replicas ready. */
export async function registryReady(sb: SandboxHandle, replicas = 2): Promise<void> {
  const api = sb.api();
  await waitFor('registry Ready', () => {
    const c = config(api);
    return (
      cond(c, 'Available') === 'True Ready' &&
      cond(c, 'Progressing') === 'False Ready' &&
      readyPods(registryPods(api)).length === replicas &&
      registryPods(api).length === replicas
    );
  });
}

export function events(api: ApiClient, ns = 'openshift-image-registry'): KubeObject[] {
  return api.list(R.events, ns).items;
}

export { R, rec, tryGet };
