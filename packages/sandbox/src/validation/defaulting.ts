/**
 * Structural defaulting (apiextensions-apiserver schema/defaulting), applied on every write and
 * on every read: a default fills a field that is absent, or null where the schema is not
 * nullable, at every level (defaults inside defaults included). Before that, nulls in
 * non-nullable fields without a default are dropped (PruneNonNullableNullsWithoutDefaults).
 */
import { deepCopy, isObject } from './json-value.js';
import { additionalSchema, fieldSchema, type JSONSchemaProps } from './schema.js';

const isNonNullableNull = (x: unknown, s: JSONSchemaProps | undefined) => x === null && !!s && !s.nullable;

export function pruneNonNullableNullsWithoutDefaults(x: unknown, s: JSONSchemaProps | undefined): void {
  if (Array.isArray(x)) {
    for (const item of x) pruneNonNullableNullsWithoutDefaults(item, s?.items);
    return;
  }
  if (!isObject(x)) return;
  for (const k of Object.keys(x)) {
    const sub = fieldSchema(s, k);
    if (isNonNullableNull(x[k], sub) && sub?.default === undefined) delete x[k];
    else pruneNonNullableNullsWithoutDefaults(x[k], sub);
  }
}

export function applyDefaults(x: unknown, s: JSONSchemaProps | undefined): void {
  if (!s) return;
  if (Array.isArray(x)) {
    const items = s.items;
    x.forEach((item, i) => {
      if (isNonNullableNull(item, items) && items?.default !== undefined) x[i] = deepCopy(items.default);
      applyDefaults(x[i], items);
    });
    return;
  }
  if (!isObject(x)) return;
  for (const [k, prop] of Object.entries(s.properties ?? {})) {
    if (prop.default === undefined) continue;
    if (!(k in x) || isNonNullableNull(x[k], prop)) x[k] = deepCopy(prop.default);
  }
  const additional = additionalSchema(s);
  for (const k of Object.keys(x)) {
    const prop = s.properties?.[k];
    if (prop) applyDefaults(x[k], prop);
    else if (additional) {
      if (isNonNullableNull(x[k], additional) && additional.default !== undefined)
        x[k] = deepCopy(additional.default);
      applyDefaults(x[k], additional);
    }
  }
}

/** What kube does to an object it decodes (write) or reads from storage. */
export function normalize(x: unknown, s: JSONSchemaProps | undefined): void {
  pruneNonNullableNullsWithoutDefaults(x, s);
  applyDefaults(x, s);
}
