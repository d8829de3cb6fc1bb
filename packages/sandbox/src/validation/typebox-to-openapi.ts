/**
 * Turns a registry TypeBox schema into a CRD openAPIV3Schema. TypeBox and Kubernetes spell a
 * few things differently: a nullable field is `anyOf [T, null]` for TypeBox and `T` +
 * `nullable: true` for Kubernetes; TypeBox objects always carry `properties`/`required`, which
 * a CRD omits when empty. Everything else (x-kubernetes-*, default, pattern …) passes through.
 */
import type { TSchema } from 'typebox';
import { isObject } from './json-value.js';
import type { JSONSchemaProps } from './schema.js';

type Node = Record<string, unknown>;

const isNullSchema = (s: unknown) => isObject(s) && s.type === 'null' && Object.keys(s).length === 1;

export function toOpenApiSchema(schema: TSchema): JSONSchemaProps {
  // a JSON round trip keeps only what TypeBox serializes (no symbols, no builder internals)
  return convert(JSON.parse(JSON.stringify(schema)) as Node) as JSONSchemaProps;
}

function convert(node: Node): Node {
  let n = node;
  const anyOf = n.anyOf;
  if (n.nullable === true && Array.isArray(anyOf) && anyOf.length === 2 && anyOf.some(isNullSchema)) {
    const inner = anyOf.find((s) => !isNullSchema(s)) as Node;
    const { anyOf: _drop, ...outer } = n;
    n = { ...inner, ...outer, nullable: true };
  }
  if (
    isObject(n.patternProperties) &&
    Object.keys(n.patternProperties).length === 1 &&
    '^.*$' in n.patternProperties
  ) {
    const { patternProperties, ...rest } = n;
    n = { ...rest, additionalProperties: (patternProperties as Node)['^.*$'] };
  }
  const out: Node = {};
  for (const [k, v] of Object.entries(n)) {
    if (k === 'properties' && isObject(v)) {
      if (Object.keys(v).length === 0) continue;
      out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, convert(s as Node)]));
    } else if (k === 'required' && Array.isArray(v) && v.length === 0) continue;
    else if ((k === 'items' || k === 'not' || k === 'additionalProperties') && isObject(v))
      out[k] = convert(v);
    else if ((k === 'allOf' || k === 'anyOf' || k === 'oneOf') && Array.isArray(v))
      out[k] = v.map((s) => (isObject(s) ? convert(s) : s));
    else out[k] = v;
  }
  return out;
}
