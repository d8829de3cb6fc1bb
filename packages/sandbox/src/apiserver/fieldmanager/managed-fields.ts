import type { KubeObject } from '../../core/types.js';
import { fieldPaths, fromFieldsV1, toFieldsV1 } from './field-set.js';

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Update' | 'Apply';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

export interface FieldManagerWrite {
  manager: string;
  apiVersion: string;
  time: string;
  subresource?: 'status';
}

function isEntry(e: unknown): e is ManagedFieldsEntry {
  return typeof e === 'object' && e !== null && typeof (e as ManagedFieldsEntry).manager === 'string';
}

/**
 * managedFields after an Update-operation write (kube's fieldmanager): the fields this write
 * added or changed move to `manager` (its entry is created or grows, with a fresh time); they and
 * the fields it removed leave every other manager's entry; emptied entries disappear.
 */
export function updateManagedFields(
  old: KubeObject | undefined,
  next: KubeObject,
  w: FieldManagerWrite,
): ManagedFieldsEntry[] {
  const part = w.subresource === 'status' ? 'status' : 'main';
  const before = fieldPaths(old as Record<string, unknown> | undefined, part);
  const after = fieldPaths(next as Record<string, unknown>, part);
  const changed = new Set<string>();
  for (const [p, v] of after) if (before.get(p) !== v) changed.add(p);
  const removed = new Set([...before.keys()].filter((p) => !after.has(p)));
  const touched = new Set([...changed, ...removed]);

  const entries = ((old?.metadata.managedFields ?? []) as unknown[]).filter(isEntry);
  const mine = (e: ManagedFieldsEntry): boolean =>
    e.manager === w.manager && e.operation === 'Update' && (e.subresource ?? undefined) === w.subresource;
  const out: ManagedFieldsEntry[] = [];
  let own: ManagedFieldsEntry | undefined;
  for (const e of entries) {
    if (mine(e)) {
      own = e;
      out.push(e);
      continue;
    }
    const fields = [...fromFieldsV1(e.fieldsV1)].filter((p) => !touched.has(p));
    if (fields.length > 0) out.push({ ...e, fieldsV1: toFieldsV1(fields) });
  }
  if (changed.size === 0 && !own) return out;
  const ownFields = new Set(
    [...(own ? fromFieldsV1(own.fieldsV1) : []), ...changed].filter((p) => !removed.has(p)),
  );
  const entry: ManagedFieldsEntry = {
    manager: w.manager,
    operation: 'Update',
    apiVersion: w.apiVersion,
    time: changed.size > 0 || !own ? w.time : own.time,
    fieldsType: 'FieldsV1',
    fieldsV1: toFieldsV1(ownFields),
    ...(w.subresource ? { subresource: w.subresource } : {}),
  };
  if (own) out[out.indexOf(own)] = entry;
  else out.push(entry);
  return out.filter((e) => Object.keys(e.fieldsV1).length > 0);
}
