import { mergeKeyFor } from '../patch/strategic.js';

/**
 * The set of fields an object sets, as structured-merge-diff names them in managedFields
 * (`f:name`, `k:{"name":"x"}` for items of keyed lists, `v:"x"` for set members), each path
 * with the JSON of its value so changes can be told from re-statements.
 */
export type FieldPaths = Map<string, string>;

/** Map-typed fields (map[string]…): the map itself is a member, shown as `.` in fieldsV1. */
const MAP_FIELDS = new Set([
  'labels',
  'annotations',
  'data',
  'binaryData',
  'stringData',
  'nodeSelector',
  'matchLabels',
  'requests',
  'limits',
]);
/** Lists of scalars with set semantics. */
const SET_LISTS = new Set(['finalizers']);
/** Metadata fields a manager can own; the rest is the server's. */
const OWNED_META = new Set(['labels', 'annotations', 'finalizers', 'ownerReferences']);

const SEP = '\u0000';
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** LabelSelector is an atomic struct (`+structType=atomic`): owned whole. */
const isLabelSelector = (field: string, v: Record<string, unknown>): boolean =>
  field === 'selector' && ('matchLabels' in v || 'matchExpressions' in v);

interface Walk {
  out: FieldPaths;
  /** Update entries list a map that was set as a member (`.`); Apply entries list only its keys. */
  mapMembers: boolean;
}

function walk(value: unknown, path: string[], names: string[], w: Walk): void {
  const { out } = w;
  const field = names[names.length - 1] ?? '';
  if (isObj(value) && !isLabelSelector(field, value)) {
    const entries = Object.entries(value);
    if ((w.mapMembers && MAP_FIELDS.has(field)) || entries.length === 0)
      out.set(path.join(SEP), entries.length === 0 ? '{}' : '.');
    for (const [k, v] of entries) walk(v, [...path, `f:${k}`], [...names, k], w);
    return;
  }
  if (Array.isArray(value)) {
    const key = field === 'ownerReferences' ? 'uid' : mergeKeyFor(names);
    if (key && value.every((i) => isObj(i) && i[key] !== undefined)) {
      for (const item of value as Array<Record<string, unknown>>) {
        const itemPath = [...path, `k:${JSON.stringify({ [key]: item[key] })}`];
        out.set(itemPath.join(SEP), '.');
        for (const [k, v] of Object.entries(item)) walk(v, [...itemPath, `f:${k}`], [...names, k], w);
      }
      return;
    }
    if (SET_LISTS.has(field)) {
      for (const item of value) out.set([...path, `v:${JSON.stringify(item)}`].join(SEP), '.');
      return;
    }
  }
  // Scalars and atomic lists are leaves.
  out.set(path.join(SEP), JSON.stringify(value));
}

/** The fields `obj` sets: spec-like content and owned metadata; status only for the status subresource. */
export function fieldPaths(
  obj: Record<string, unknown> | undefined,
  part: 'main' | 'status',
  operation: 'Update' | 'Apply' = 'Update',
): FieldPaths {
  const out: FieldPaths = new Map();
  const w: Walk = { out, mapMembers: operation === 'Update' };
  if (!obj) return out;
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind') continue;
    if (k === 'metadata') {
      if (part === 'status' || !isObj(v)) continue;
      for (const [mk, mv] of Object.entries(v))
        if (OWNED_META.has(mk)) walk(mv, ['f:metadata', `f:${mk}`], ['metadata', mk], w);
      continue;
    }
    if ((k === 'status') !== (part === 'status')) continue;
    walk(v, [`f:${k}`], [k], w);
  }
  return out;
}

/** fieldsV1 JSON from a set of paths (`{}` leaves, `.` for members that also have children). */
export function toFieldsV1(members: Iterable<string>): Record<string, unknown> {
  const paths = [...members];
  const root: Record<string, unknown> = {};
  for (const p of paths) {
    let node = root;
    const parts = p.split(SEP);
    parts.forEach((part, i) => {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
      if (i === parts.length - 1 && Object.keys(node).length > 0) node['.'] = {};
    });
  }
  // A member whose children came after it also gets its `.` marker.
  const mark = (n: Record<string, unknown>, members: Set<string>, prefix: string): void => {
    for (const [k, child] of Object.entries(n)) {
      if (k === '.') continue;
      const path = prefix ? `${prefix}${SEP}${k}` : k;
      const c = child as Record<string, unknown>;
      if (members.has(path) && Object.keys(c).some((x) => x !== '.')) c['.'] = {};
      mark(c, members, path);
    }
  };
  mark(root, new Set(paths), '');
  return sorted(root);
}

/** structured-merge-diff serializes `.` first, then children in path order. */
function sorted(n: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(n).sort((a, b) =>
    a === '.' ? -1 : b === '.' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  ))
    out[k] = sorted(n[k] as Record<string, unknown>);
  return out;
}

/** The member paths of a fieldsV1 tree (the inverse of toFieldsV1). */
export function fromFieldsV1(tree: unknown): Set<string> {
  const out = new Set<string>();
  const visit = (n: unknown, prefix: string[]): void => {
    if (!isObj(n)) return;
    const keys = Object.keys(n);
    if (prefix.length > 0 && (keys.length === 0 || keys.includes('.'))) out.add(prefix.join(SEP));
    for (const k of keys) if (k !== '.') visit(n[k], [...prefix, k]);
  };
  visit(tree, []);
  return out;
}
