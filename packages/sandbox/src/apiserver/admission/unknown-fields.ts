import type { KubeObject } from '../../core/types.js';
import { OBJECT_META_FIELDS } from '../../validation/pruning.js';
import { structFields, structOfKind } from '../structs/index.js';

/**
 * Unknown fields of built-in kinds, found the way kube-apiserver's strict JSON decoder finds them:
 * at every depth of the Go struct (`spec.replica`, `spec.template.spec.containers[0].imagePullPolcy`),
 * in document order, and dropped from the object whatever fieldValidation says (a Go struct has
 * nowhere to keep them). Leaves — string maps like labels or Secret data, quantities,
 * int-or-string, RawExtension — take anything. Custom resources are pruned by validation/ instead.
 */
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

function walk(value: unknown, ref: string, path: string, unknown: string[]): void {
  if (ref.startsWith('[]')) {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, ref.slice(2), `${path}[${i}]`, unknown));
    return;
  }
  if (!isPlainObject(value)) return;
  if (ref.startsWith('{}')) {
    for (const [key, item] of Object.entries(value)) walk(item, ref.slice(2), join(path, key), unknown);
    return;
  }
  const struct = structFields(ref);
  if (!struct) return;
  for (const [key, item] of Object.entries(value)) {
    const child = struct.get(key);
    if (child === undefined) {
      unknown.push(join(path, key));
      delete value[key];
    } else if (child) walk(item, child, join(path, key), unknown);
  }
}

/**
 * Removes every field the kind's struct does not have from `obj` (in place) and answers kube's
 * strict-decoding messages for them: `unknown field "spec.replica"`.
 */
export function pruneUnknownFields(obj: KubeObject): string[] {
  const root = structOfKind(obj.kind);
  if (!root) return unknownTopLevelFields(obj);
  const unknown: string[] = [];
  walk(obj, root, '', unknown);
  return unknown.map((f) => `unknown field "${f}"`);
}

/** Kinds without a struct table: only top level (apiVersion/kind/metadata/spec/status) and metadata. */
function unknownTopLevelFields(obj: KubeObject): string[] {
  const allowed = new Set(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  const unknown = Object.keys(obj).filter((k) => !allowed.has(k));
  const meta = isPlainObject(obj.metadata) ? Object.keys(obj.metadata) : [];
  unknown.push(...meta.filter((k) => !OBJECT_META_FIELDS.has(k)).map((k) => `metadata.${k}`));
  return unknown.map((f) => `unknown field "${f}"`);
}
