import { ApiError } from './errors.js';
import type { ApiClient, KubeObject, OwnerReference, ResourceRef } from './types.js';

/** Small, typed accessors over plain-JSON Kubernetes objects. */

export type Json = Record<string, unknown>;

export function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a nested record, returning {} when absent (never throws). */
export function rec(obj: unknown, ...path: string[]): Json {
  let cur: unknown = obj;
  for (const p of path) cur = isRecord(cur) ? cur[p] : undefined;
  return isRecord(cur) ? cur : {};
}

export function arr(obj: unknown, ...path: string[]): Json[] {
  let cur: unknown = obj;
  for (const p of path) cur = isRecord(cur) ? cur[p] : undefined;
  return Array.isArray(cur) ? cur.filter(isRecord) : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}

export function isNotFound(e: unknown): boolean {
  return e instanceof ApiError && e.code === 404;
}

export function isConflict(e: unknown): boolean {
  return e instanceof ApiError && e.code === 409;
}

export function isAlreadyExists(e: unknown): boolean {
  return e instanceof ApiError && e.code === 409 && e.reason === 'AlreadyExists';
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** GET that answers undefined for 404 (the common "does it exist" question). */
export function tryGet(
  api: ApiClient,
  ref: ResourceRef,
  ns: string | undefined,
  name: string,
): KubeObject | undefined {
  try {
    return api.get(ref, ns, name);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** DELETE that treats 404 as success. */
export function tryDelete(
  api: ApiClient,
  ref: ResourceRef,
  ns: string | undefined,
  name: string,
  opts?: Parameters<ApiClient['delete']>[3],
): boolean {
  try {
    api.delete(ref, ns, name, opts);
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

export function labelsOf(o: KubeObject): Record<string, string> {
  return o.metadata.labels ?? {};
}

export function controllerOf(o: KubeObject): OwnerReference | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}

export function isOwnedBy(o: KubeObject, owner: KubeObject): boolean {
  return controllerOf(o)?.uid === owner.metadata.uid;
}

export function ownerRef(owner: KubeObject, blockOwnerDeletion = true): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion,
  };
}

export function isTerminating(o: KubeObject): boolean {
  return typeof o.metadata.deletionTimestamp === 'string';
}

/** matchLabels + matchExpressions of a metav1.LabelSelector. An empty selector matches everything. */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  if (!isRecord(selector)) return false;
  const ml = rec(selector, 'matchLabels');
  for (const [k, v] of Object.entries(ml)) if (labels[k] !== v) return false;
  for (const ex of arr(selector, 'matchExpressions')) {
    const key = str(ex.key) ?? '';
    const values = Array.isArray(ex.values) ? ex.values.map(String) : [];
    const has = key in labels;
    const val = labels[key];
    switch (ex.operator) {
      case 'In':
        if (!has || !values.includes(val ?? '')) return false;
        break;
      case 'NotIn':
        if (has && values.includes(val ?? '')) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A label selector as the `labelSelector` query string (matchLabels only). */
export function selectorString(matchLabels: Record<string, string>): string {
  return Object.entries(matchLabels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** Deterministic JSON (sorted keys) — the basis of hashes and checksums. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (isRecord(v)) {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * True when every field of `want` is present with the same value in `have`. Extra fields in
 * `have` (API-server defaults, fields other controllers own) are tolerated; arrays must have the
 * same length and match element-wise.
 */
export function isSubset(want: unknown, have: unknown): boolean {
  if (Array.isArray(want)) {
    return Array.isArray(have) && have.length === want.length && want.every((w, i) => isSubset(w, have[i]));
  }
  if (isRecord(want)) {
    if (!isRecord(have)) return false;
    return Object.entries(want).every(([k, w]) => (w === undefined ? true : isSubset(w, have[k])));
  }
  return want === have;
}
