/**
 * JSON → CEL values the way apiextensions' UnstructuredToVal types them from the schema:
 * integers are CEL `int` (bigint), numbers `double`, objects maps (so `has(self.x)` works),
 * int-or-string either int or string.
 */
import type { CelInput } from '@bufbuild/cel';
import { isObject } from './json-value.js';
import { fieldSchema, type JSONSchemaProps } from './schema.js';

export function toCel(value: unknown, s: JSONSchemaProps | undefined): CelInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    const wantsDouble = s?.type === 'number';
    return Number.isInteger(value) && !wantsDouble ? BigInt(value) : value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => toCel(v, s?.items));
  if (isObject(value)) {
    const m = new Map<string, CelInput>();
    for (const [k, v] of Object.entries(value)) m.set(k, toCel(v, fieldSchema(s, k)));
    return m;
  }
  return null;
}
