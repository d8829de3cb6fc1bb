/**
 * What one object needs: its changes and the JSON patch that makes them. The patch replaces
 * only the rewritten fields and carries the object's resourceVersion, so the API server refuses
 * it (409) if the object moved since it was read — never a blind overwrite.
 *
 * Counting follows oc: an object is `unchanged` when no mapping applies (non-docker secrets
 * included), `error` when it cannot be read as its kind. `ignored` is ours: a Job controlled by a
 * CronJob (its pod template is immutable, and migrating the CronJob covers the Jobs it creates).
 */
import type { ImageReferenceMapping, MigrationChange, MigrationKind } from '@irc/shared';
import { rewriteSecret, secretStrings } from './dockerconfig.js';
import { imageFields, imageStreamStatusFields, type ImageField } from './fields.js';
import { mapImageReference } from './reference.js';

export interface JsonPatchOp {
  op: 'replace' | 'test';
  path: string;
  value: unknown;
}

export interface ObjectPlan {
  status: 'migrated' | 'unchanged' | 'ignored' | 'error';
  message?: string;
  changes: MigrationChange[];
  /** The spec write, when the spec changes. */
  patch?: JsonPatchOp[];
  /** The `status` subresource write (ImageStream tag history), sent first when present. */
  statusPatch?: JsonPatchOp[];
  /** Secret values a failure message must not repeat. */
  sensitive: string[];
}

export interface PlannedObject {
  metadata?: {
    name?: string;
    resourceVersion?: string;
    ownerReferences?: Array<{ kind?: string; name?: string; controller?: boolean }>;
  };
  type?: unknown;
  data?: unknown;
  [key: string]: unknown;
}

function withPrecondition(obj: PlannedObject, ops: JsonPatchOp[]): JsonPatchOp[] {
  // A JSON patch that sets metadata.resourceVersion makes it a precondition (409 on mismatch).
  return [
    { op: 'replace', path: '/metadata/resourceVersion', value: obj.metadata?.resourceVersion ?? '' },
    ...ops,
  ];
}

export function planObject(
  kind: MigrationKind,
  obj: PlannedObject,
  mappings: readonly ImageReferenceMapping[],
): ObjectPlan {
  if (kind === 'secrets') {
    const sensitive = secretStrings(obj.data);
    const r = rewriteSecret(mappings, obj.type, obj.data);
    if (r.kind === 'not-docker') return { status: 'unchanged', changes: [], sensitive };
    if (r.kind === 'error') return { status: 'error', message: r.message, changes: [], sensitive };
    if (!r.data) return { status: 'unchanged', changes: [], sensitive };
    const patch = withPrecondition(obj, [{ op: 'replace', path: `/data/${r.dataKey}`, value: r.data }]);
    return { status: 'migrated', changes: r.changes, patch, sensitive: [...sensitive, r.data] };
  }
  const owner = obj.metadata?.ownerReferences?.find((o) => o.controller === true);
  if (kind === 'jobs' && owner?.kind === 'CronJob') {
    return {
      status: 'ignored',
      message: `created by CronJob ${owner.name ?? ''}: migrate the CronJob instead`.trim(),
      changes: [],
      sensitive: [],
    };
  }
  const spec = rewrite(imageFields(kind, obj), mappings);
  const status =
    kind === 'imagestreams' ? rewrite(imageStreamStatusFields(obj), mappings) : { changes: [], ops: [] };
  const changes = [...spec.changes, ...status.changes];
  if (changes.length === 0) return { status: 'unchanged', changes, sensitive: [] };
  return {
    status: 'migrated',
    changes,
    ...(spec.ops.length > 0 ? { patch: withPrecondition(obj, spec.ops) } : {}),
    ...(status.ops.length > 0 ? { statusPatch: withPrecondition(obj, status.ops) } : {}),
    sensitive: [],
  };
}

function rewrite(
  fields: ImageField[],
  mappings: readonly ImageReferenceMapping[],
): { changes: MigrationChange[]; ops: JsonPatchOp[] } {
  const changes: MigrationChange[] = [];
  const ops: JsonPatchOp[] = [];
  for (const f of fields) {
    const next = mapImageReference(mappings, f.value);
    if (next === f.value) continue;
    changes.push({ field: f.field, old: f.value, new: next });
    ops.push({ op: 'replace', path: f.pointer, value: next });
  }
  return { changes, ops };
}

/** The same patch with another resourceVersion precondition (the spec write after the status write). */
export function withResourceVersion(patch: JsonPatchOp[], resourceVersion: string): JsonPatchOp[] {
  return patch.map((op) =>
    op.path === '/metadata/resourceVersion' ? { ...op, value: resourceVersion } : op,
  );
}
