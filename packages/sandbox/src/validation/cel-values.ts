/**
 * JSON → CEL values the way apiextensions' UnstructuredToVal types them from the schema:
 * integers are CEL `int` (bigint), numbers `double`, objects maps (so `has(self.x)` works),
 * int-or-string either int or string. Declared property names are escaped as kube's CEL
 * library escapes them (`namespace` → `__namespace__`, `a-b` → `a__dash__b`); keys of
 * additionalProperties maps are not.
 */
import type { CelInput } from '@bufbuild/cel';
import { isObject } from './json-value.js';
import { additionalSchema, type JSONSchemaProps } from './schema.js';

const RESERVED = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

/** k8s.io/apiserver/pkg/cel Escape. */
export function escapeProperty(name: string): string {
  if (RESERVED.has(name)) return `__${name}__`;
  if (/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name) && !name.includes('__')) return name;
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i] as string;
    if (ch === '_' && name[i + 1] === '_') {
      out += '__underscores__';
      i++;
    } else if (ch === '.') out += '__dot__';
    else if (ch === '-') out += '__dash__';
    else if (ch === '/') out += '__slash__';
    else out += ch;
  }
  return out;
}

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
    const additional = s && additionalSchema(s);
    for (const [k, v] of Object.entries(value)) {
      const prop = s?.properties?.[k];
      if (prop) m.set(escapeProperty(k), toCel(v, prop));
      else m.set(k, toCel(v, additional));
    }
    return m;
  }
  return null;
}
