/**
 * The x-kubernetes-list-type invariants (apiextensions-apiserver schema/listtype): items of a
 * `set` are unique, items of a `map` are unique by their keys. Reported as `Duplicate value`
 * on the second occurrence, with the key map as the value.
 */
import { child, duplicate, index, invalid, key, type FieldError } from './field-error.js';
import { isObject } from './json-value.js';
import { additionalSchema, sortedKeys, type JSONSchemaProps } from './schema.js';

export function validateListSetsAndMaps(
  path: string,
  s: JSONSchemaProps | undefined,
  obj: Record<string, unknown>,
): FieldError[] {
  if (!s) return [];
  const errs: FieldError[] = [];
  const additional = additionalSchema(s);
  if (additional)
    for (const k of sortedKeys(obj)) errs.push(...validateValue(key(path, k), additional, obj[k]));
  if (s.properties) {
    for (const k of sortedKeys(obj)) {
      const sub = s.properties[k];
      if (sub) errs.push(...validateValue(child(path, k), sub, obj[k]));
    }
  }
  return errs;
}

function validateValue(path: string, s: JSONSchemaProps, v: unknown): FieldError[] {
  if (Array.isArray(v)) return validateArray(path, s, v);
  if (isObject(v)) return validateListSetsAndMaps(path, s, v);
  return [];
}

function validateArray(path: string, s: JSONSchemaProps, list: unknown[]): FieldError[] {
  const errs: FieldError[] = [];
  const type = s['x-kubernetes-list-type'];
  if (type === 'set') for (const i of nonUniqueIndices(list)) errs.push(duplicate(index(path, i), list[i]));
  if (type === 'map') errs.push(...validateListMap(path, s, list));
  if (s.items)
    list.forEach((item, i) => errs.push(...validateValue(index(path, i), s.items as JSONSchemaProps, item)));
  return errs;
}

/** Indices of the second occurrence of each repeated value (compounds compared as JSON). */
function nonUniqueIndices(list: unknown[]): number[] {
  const seen = new Map<string, number>();
  const out: number[] = [];
  list.forEach((x, i) => {
    const id = x === UNSPECIFIED ? '\u0000unspecified' : (JSON.stringify(x) ?? 'null');
    const times = seen.get(id) ?? 0;
    seen.set(id, times + 1);
    if (times === 1) out.push(i);
  });
  return out;
}

const UNSPECIFIED = Symbol('unspecified-key');

function validateListMap(path: string, s: JSONSchemaProps, list: unknown[]): FieldError[] {
  const bad = list.findIndex((x) => x !== null && !isObject(x));
  if (bad >= 0)
    return [invalid(index(path, bad), list[bad], 'must be an object for an array of list-type map')];
  if (list.length <= 1) return [];
  const keyFields = s['x-kubernetes-list-map-keys'] ?? [];
  if (keyFields.length === 1) {
    const field = keyFields[0] as string;
    const keys = list.map((x) => (isObject(x) && field in x ? x[field] : UNSPECIFIED));
    return nonUniqueIndices(keys).map((i) =>
      duplicate(index(path, i), keys[i] === UNSPECIFIED ? {} : { [field]: keys[i] }),
    );
  }
  const keys = list.map((x) => {
    const k: Record<string, unknown> = {};
    if (isObject(x)) for (const f of keyFields) if (f in x) k[f] = x[f];
    return k;
  });
  return nonUniqueIndices(keys).map((i) => duplicate(index(path, i), keys[i]));
}
