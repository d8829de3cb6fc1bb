/** Shapes and the browser-bound form of the cluster objects the server handles (kinds: @irc/shared Kinds). */
import { RegistryNames } from '@irc/shared';
import { REDACTED, noteConfigSecrets, redactWorkloadSecrets, scrubStrings } from './redact.js';

export { REDACTED };

export const NS = RegistryNames.namespace;

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
 * THE way a cluster object leaves for the browser (GET and PATCH answers, 409 bodies, stream
 * snapshots and changes, YAML views): without managedFields (noise, and they name every writer)
 * and without secret values — the Config's `spec.httpSecret` signs the registry's upload state,
 * so whoever holds it can forge upload sessions (only whether it is set is shown); the same
 * value sits in the registry Deployment's env (`REGISTRY_HTTP_SECRET`, a plain value on a real
 * cluster) and in kubectl's last-applied copy, both redacted in every object; a Secret's values
 * are withheld; and every secret value the server has seen is scrubbed from the remaining
 * strings (condition and event messages, other annotations): see kube/redact.ts.
 * The input is left untouched.
 */
export function forBrowser<T extends KubeObjectLike>(obj: T): T {
  noteConfigSecrets(obj);
  let out: KubeObjectLike = redactWorkloadSecrets(obj);
  if (out.metadata?.managedFields) {
    const { managedFields: _dropped, ...metadata } = out.metadata;
    out = { ...out, metadata };
  }
  const spec = out.spec as Record<string, unknown> | undefined;
  if (spec && typeof spec.httpSecret === 'string' && spec.httpSecret !== '') {
    out = { ...out, spec: { ...spec, httpSecret: REDACTED } };
  }
  if (out.kind === 'Secret') {
    for (const field of ['data', 'stringData'] as const) {
      const values = out[field];
      if (values && typeof values === 'object')
        out = { ...out, [field]: Object.fromEntries(Object.keys(values).map((k) => [k, REDACTED])) };
    }
  }
  return scrubStrings(out) as T;
}

export function toIso(value: string | Date | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  return value instanceof Date ? value.toISOString() : value;
}
