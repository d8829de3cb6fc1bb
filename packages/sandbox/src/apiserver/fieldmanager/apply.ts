import { ApiError, statusFailure } from '../../core/errors.js';
import type { KubeObject, StatusCause } from '../../core/types.js';
import { fieldPaths, fromFieldsV1, toFieldsV1, type FieldPaths } from './field-set.js';
import type { ManagedFieldsEntry } from './managed-fields.js';

const SEP = '\u0000';

/** fieldpath.Path.String(): `.spec.containers[name="web"].image`, `.metadata.finalizers[="x"]`. */
export function pathString(p: string): string {
  return p
    .split(SEP)
    .map((el) => {
      if (el.startsWith('f:')) return `.${el.slice(2)}`;
      if (el.startsWith('v:')) return `[=${el.slice(2)}]`;
      if (el.startsWith('k:')) {
        const keys = JSON.parse(el.slice(2)) as Record<string, unknown>;
        return `[${Object.entries(keys)
          .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
          .join(',')}]`;
      }
      return el;
    })
    .join('');
}

function printManager(e: ManagedFieldsEntry): string {
  let s = JSON.stringify(e.manager);
  if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
  if (e.operation === 'Update') s += ` using ${e.apiVersion} at ${e.time}`;
  return s;
}

interface Conflict {
  entry: ManagedFieldsEntry;
  path: string;
}

/** 409 Conflict worded as kube's fieldmanager words apply conflicts. */
export function conflictError(conflicts: Conflict[]): ApiError {
  const causes: StatusCause[] = conflicts.map((c) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with ${printManager(c.entry)}`,
    field: pathString(c.path),
  }));
  let message: string;
  if (conflicts.length === 1) {
    const c = conflicts[0] as Conflict;
    message = `Apply failed with 1 conflict: conflict with ${printManager(c.entry)}: ${pathString(c.path)}`;
  } else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts)
      byManager.set(printManager(c.entry), [
        ...(byManager.get(printManager(c.entry)) ?? []),
        pathString(c.path),
      ]);
    const lines = [...byManager.keys()]
      .sort()
      .flatMap((m) => [`conflicts with ${m}:`, ...(byManager.get(m) ?? []).map((p) => `- ${p}`)]);
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  }
  return new ApiError(statusFailure(409, 'Conflict', message, { causes }));
}

export interface ApplyPlan {
  /** Paths the previous apply by this manager set that this apply drops, owned by nobody else: remove them. */
  remove: string[];
  /** managedFields once the apply is written. */
  managedFields: (entries: ManagedFieldsEntry[]) => ManagedFieldsEntry[];
}

/**
 * Server-side apply ownership: fields of the applied configuration that differ from the live
 * object and are owned by other managers conflict (unless forced, which takes them over);
 * equal values are shared; fields this manager applied before but no longer does are removed
 * when nobody else owns them.
 */
export function planApply(
  live: KubeObject,
  config: KubeObject,
  w: { manager: string; apiVersion: string; time: string; force: boolean; subresource?: 'status' },
): ApplyPlan {
  const part = w.subresource === 'status' ? 'status' : 'main';
  const applied: FieldPaths = fieldPaths(config as Record<string, unknown>, part, 'Apply');
  const current: FieldPaths = fieldPaths(live as Record<string, unknown>, part, 'Apply');
  const entries = (live.metadata.managedFields ?? []) as ManagedFieldsEntry[];
  const isMine = (e: ManagedFieldsEntry): boolean =>
    e.manager === w.manager && e.operation === 'Apply' && (e.subresource ?? undefined) === w.subresource;
  const conflicts: Conflict[] = [];
  for (const e of entries) {
    if (isMine(e) || (e.subresource ?? undefined) !== w.subresource) continue;
    const owned = fromFieldsV1(e.fieldsV1);
    for (const [p, v] of applied)
      if (owned.has(p) && current.has(p) && current.get(p) !== v && v !== '.')
        conflicts.push({ entry: e, path: p });
  }
  if (conflicts.length > 0 && !w.force) throw conflictError(conflicts);
  const taken = new Set(conflicts.map((c) => c.path));
  const previous = entries.find(isMine);
  const ownedByOthers = new Set(
    entries.filter((e) => !isMine(e)).flatMap((e) => [...fromFieldsV1(e.fieldsV1)]),
  );
  const remove = previous
    ? [...fromFieldsV1(previous.fieldsV1)].filter((p) => !applied.has(p) && !ownedByOthers.has(p))
    : [];
  return {
    remove,
    managedFields: (current) => {
      const out: ManagedFieldsEntry[] = [];
      for (const e of current) {
        if (isMine(e)) continue;
        const kept = [...fromFieldsV1(e.fieldsV1)].filter((p) => !taken.has(p));
        if (kept.length > 0) out.push({ ...e, fieldsV1: toFieldsV1(kept) });
      }
      if (applied.size > 0)
        out.push({
          manager: w.manager,
          operation: 'Apply',
          apiVersion: w.apiVersion,
          time: w.time,
          fieldsType: 'FieldsV1',
          fieldsV1: toFieldsV1(applied.keys()),
          ...(w.subresource ? { subresource: w.subresource } : {}),
        });
      return out;
    },
  };
}

/** Removes the fields at the given paths from an object (leaves, keyed list items, set members). */
export function removePaths(obj: KubeObject, paths: string[]): void {
  // A keyed list item or set member that goes is removed whole: its own fields (the merge key
  // among them) are not removed first, or the item could no longer be found by its key.
  const items = new Set(paths.filter((p) => /^[kv]:/.test(p.split(SEP).pop() ?? '')));
  const insideRemovedItem = (parts: string[]): boolean =>
    parts.slice(0, -1).some((_, i) => items.has(parts.slice(0, i + 1).join(SEP)));
  // Deepest first, so removing an item never invalidates a path below it.
  for (const p of [...paths].sort((a, b) => b.split(SEP).length - a.split(SEP).length)) {
    const parts = p.split(SEP);
    if (insideRemovedItem(parts)) continue;
    let parent: unknown = obj;
    for (const el of parts.slice(0, -1)) parent = step(parent, el);
    const last = parts[parts.length - 1] as string;
    if (last.startsWith('f:') && typeof parent === 'object' && parent !== null && !Array.isArray(parent))
      delete (parent as Record<string, unknown>)[last.slice(2)];
    else if (Array.isArray(parent)) {
      const i = parent.findIndex((item) => matches(item, last));
      if (i >= 0) parent.splice(i, 1);
    }
  }
}

function matches(item: unknown, el: string): boolean {
  if (el.startsWith('v:')) return JSON.stringify(item) === el.slice(2);
  if (!el.startsWith('k:') || typeof item !== 'object' || item === null) return false;
  const keys = JSON.parse(el.slice(2)) as Record<string, unknown>;
  return Object.entries(keys).every(
    ([k, v]) => JSON.stringify((item as Record<string, unknown>)[k]) === JSON.stringify(v),
  );
}

function step(cur: unknown, el: string): unknown {
  if (el.startsWith('f:'))
    return typeof cur === 'object' && cur !== null
      ? (cur as Record<string, unknown>)[el.slice(2)]
      : undefined;
  return Array.isArray(cur) ? cur.find((item) => matches(item, el)) : undefined;
}
