/**
 * Shared set-up for the real-server facts suites: a sandbox without controllers (the facts were
 * observed on a bare kube-apiserver with the project's CRDs and no controllers), the registry
 * objects those facts were observed on, and small readers for Status bodies.
 */
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../src/sandbox.js';
import type { KubeObject } from '../../../src/core/types.js';
import type { Reply } from '../http-client.js';

export const GROUP = 'imageregistry.operator.openshift.io';
export const CONFIGS = `/apis/${GROUP}/v1/configs`;
export const PRUNERS = `/apis/${GROUP}/v1/imagepruners`;
export const CMS = '/api/v1/namespaces/default/configmaps';
export const ROUTES = '/apis/route.openshift.io/v1/namespaces/default/routes';
export const MERGE = 'application/merge-patch+json';

export const CONFIG_REF = { group: GROUP, version: 'v1', resource: 'configs' };
export const PRUNER_REF = { group: GROUP, version: 'v1', resource: 'imagepruners' };

/** The registry Config as a fresh cluster has it (what the operator would have created). */
export function configObject(name = 'cluster'): KubeObject {
  return {
    apiVersion: `${GROUP}/v1`,
    kind: 'Config',
    metadata: { name },
    spec: {
      managementState: 'Managed',
      replicas: 1,
      storage: { emptyDir: {} },
      httpSecret: 'a-registry-http-secret-never-shown',
    },
  };
}

export function prunerObject(name = 'cluster'): KubeObject {
  return {
    apiVersion: `${GROUP}/v1`,
    kind: 'ImagePruner',
    metadata: { name },
    spec: { schedule: '0 0 * * *', suspend: false },
  };
}

/** A sandbox per suite, without controllers, started before and stopped after its tests. */
export function useSandbox(opts: SandboxOptions = {}): () => SandboxHandle {
  let sb: SandboxHandle | undefined;
  beforeAll(async () => {
    sb = await startSandbox({
      kubeconfigPath: false,
      controllers: false,
      timeScale: 0.01,
      log: false,
      ...opts,
    });
  });
  afterAll(async () => sb?.stop());
  return () => {
    if (!sb) throw new Error('sandbox not started');
    return sb;
  };
}

export interface StatusJson {
  kind: string;
  apiVersion: string;
  metadata: Record<string, unknown>;
  status: string;
  message?: string;
  reason?: string;
  code: number;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: Array<{ reason: string; message: string; field?: string }>;
  };
}

export const statusOf = (r: Reply): StatusJson => r.json as StatusJson;

/** Go's json.Marshal of a decoded JSON value: map keys sorted at every depth, no spaces. */
export function goJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (typeof v === 'object' && v !== null)
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** A Failure Status exactly as kube-apiserver serializes it (details left out when absent). */
export function failure(
  code: number,
  reason: string,
  message: string,
  details?: StatusJson['details'],
): StatusJson {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}
