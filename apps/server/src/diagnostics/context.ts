/**
 * Facts several steps need, derived once from what was gathered: the spec, the management
 * state, the proxies, the storage context for reading error texts.
 */
import { RegistryNames, configuredBackends, type ConfigSpec } from '@irc/shared';
import { specOf } from '../config/read-config.js';
import { conditionsOf, type ConditionLike } from '../kube/resources.js';
import type { Gathered } from './gather.js';
import { clusterProxyOf, registryProxy, type EffectiveProxy } from './texts/proxy.js';
import type { StorageContext } from './texts/storage-errors.js';

export interface Facts {
  g: Gathered;
  spec: Partial<ConfigSpec>;
  managementState: string;
  backend?: string;
  replicas: number;
  conditions: ConditionLike[];
  condition(type: string): ConditionLike | undefined;
  registryProxy?: EffectiveProxy;
  clusterProxy?: EffectiveProxy;
  /** How to read a storage error from a registry pod (on `node`) or from the operator. */
  storageContext(source: 'registry' | 'operator', node?: string): StorageContext;
  /** Ready operator pods (0 while scaled down, crashing or not yet ready). */
  operatorReady: number;
  /** metadata.generation > status.observedGeneration: a spec change the operator has not seen. */
  generationLag?: { generation: number; observed: number };
  /** Now, in ms (tests pin it). */
  now: number;
}

export function facts(g: Gathered, now = Date.now()): Facts {
  const spec = g.config.ok ? specOf(g.config.value) : {};
  const conditions = g.config.ok ? conditionsOf(g.config.value) : [];
  const backend = configuredBackends(spec.storage)[0];
  const proxyObj = g.clusterProxy.ok ? g.clusterProxy.value : undefined;
  const regProxy = registryProxy(spec, proxyObj);
  const cluProxy = clusterProxyOf(proxyObj);
  const storage = (spec.storage ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const backendSpec = backend ? (storage[backend] ?? {}) : {};
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const statusStorage = g.config.ok
    ? ((g.config.value.status as { storage?: Record<string, Record<string, unknown>> } | undefined)
        ?.storage ?? {})
    : {};
  const applied = backend ? (statusStorage[backend] ?? {}) : {};
  const meta = g.config.ok ? g.config.value.metadata : undefined;
  const generation = Number(meta?.generation ?? NaN);
  const observed = Number(
    (g.config.ok ? (g.config.value.status as { observedGeneration?: number } | undefined) : undefined)
      ?.observedGeneration ?? NaN,
  );
  const bucket = str(backendSpec.bucket ?? backendSpec.container ?? applied.bucket ?? applied.container);
  return {
    g,
    spec,
    managementState: String(spec.managementState ?? 'Managed'),
    backend,
    replicas: typeof spec.replicas === 'number' ? spec.replicas : 1,
    conditions,
    condition: (type) => conditions.find((c) => c.type === type),
    registryProxy: regProxy,
    clusterProxy: cluProxy,
    storageContext: (source, node) => ({
      backend,
      bucket,
      region: str(backendSpec.region ?? applied.region),
      regionEndpoint: str(backendSpec.regionEndpoint ?? applied.regionEndpoint),
      userSecret: g.userSecret.ok,
      proxy: source === 'registry' ? regProxy : cluProxy,
      node,
    }),
    operatorReady: g.operatorDeployment.ok ? (g.operatorDeployment.value.status?.readyReplicas ?? 0) : 0,
    generationLag:
      Number.isFinite(generation) && Number.isFinite(observed) && generation > observed
        ? { generation, observed }
        : undefined,
    now,
  };
}

export const NS = RegistryNames.namespace;
