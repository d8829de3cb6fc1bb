/** The API coordinates of everything the console reads or writes (domain.md §1). */
import { RegistryNames } from '@irc/shared';
import { REDACTED, redactWorkloadSecrets } from './redact.js';

export { REDACTED };

export const NS = RegistryNames.namespace;

export const ConfigResource = {
  group: 'imageregistry.operator.openshift.io',
  version: 'v1',
  plural: 'configs',
} as const;
export const ClusterOperatorResource = {
  group: 'config.openshift.io',
  version: 'v1',
  plural: 'clusteroperators',
} as const;
export const RouteResource = { group: 'route.openshift.io', version: 'v1', plural: 'routes' } as const;
export const ImageConfigResource = { group: 'config.openshift.io', version: 'v1', plural: 'images' } as const;

/** Minimal shapes of the plain JSON objects the server handles. */
export interface ObjectMetaLike {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string | Date;
  deletionTimestamp?: string | Date;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  managedFields?: unknown[];
  [key: string]: unknown;
}

export interface KubeObjectLike {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMetaLike;
  [key: string]: unknown;
}

export interface ConditionLike {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string | Date;
}

export function conditionsOf(obj: KubeObjectLike | undefined): ConditionLike[] {
  const status = obj?.status as { conditions?: ConditionLike[] } | undefined;
  return Array.isArray(status?.conditions) ? status.conditions : [];
}

/**
 * Objects go to the browser without managedFields (noise, and they name every writer) and
 * without secret values: the Config's `spec.httpSecret` signs the registry's upload state, so
 * whoever holds it can forge upload sessions. Only whether it is set is shown. The same value
 * sits in the registry Deployment's env (`REGISTRY_HTTP_SECRET`, a plain value on a real
 * cluster): env values with secret-like names are redacted in every object (kube/redact.ts).
 */
export function forBrowser<T extends KubeObjectLike>(obj: T): T {
  let out: KubeObjectLike = redactWorkloadSecrets(obj);
  if (out.metadata?.managedFields) {
    const { managedFields: _dropped, ...metadata } = out.metadata;
    out = { ...out, metadata };
  }
  const spec = out.spec as Record<string, unknown> | undefined;
  if (spec && typeof spec.httpSecret === 'string' && spec.httpSecret !== '') {
    out = { ...out, spec: { ...spec, httpSecret: REDACTED } };
  }
  return out as T;
}

export function toIso(value: string | Date | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  return value instanceof Date ? value.toISOString() : value;
}
