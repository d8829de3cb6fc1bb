/**
 * Request schemas that refuse keys they do not declare, at every depth, built from the registry
 * schemas (which stay open: they also become the CRDs, whose structural schemas prune instead).
 *
 * Why: with `fieldValidation=Strict` the API server answers an unknown field in a merge patch
 * with a 422 whose message quotes the whole stored object — `spec.httpSecret` included. A body
 * the console forwards must therefore never carry one: it is refused field by field (`400/422
 * spec.storage.s3.notAField: unknown field`) before any API call.
 *
 * Fields a newer API declares and this schema does not are still KEPT on the live object: a
 * section patch replaces only what the console knows of its part of the spec
 * ({@link keepUndeclared}), and forms drop such fields before sending ({@link declaredOnly}).
 */
import type { TSchema } from 'typebox';

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy keeping TypeBox's non-enumerable markers (`~kind`, `~optional`). */
function copyOf(node: Node): Node {
  return Object.create(Object.getPrototypeOf(node) as object, Object.getOwnPropertyDescriptors(node)) as Node;
}

function closeNode(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeNode);
  if (!isNode(node)) return node;
  const out = copyOf(node);
  if (isNode(node.properties))
    out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, closeNode(v)]));
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf'] as const)
    if (node[key] !== undefined) out[key] = closeNode(node[key]);
  if (isNode(node.additionalProperties)) out.additionalProperties = closeNode(node.additionalProperties);
  // Only real object types: the OSS encryption's anyOf branches list `properties` as constraints.
  const declaresFields = node.type === 'object' && isNode(node.properties);
  if (
    declaresFields &&
    node.additionalProperties === undefined &&
    !node['x-kubernetes-preserve-unknown-fields']
  )
    out.additionalProperties = false;
  return out;
}

/** `schema` refusing undeclared keys at every depth (maps and preserve-unknown-fields stay open). */
export function closed<T extends TSchema>(schema: T): T {
  return closeNode(schema) as T;
}

/** The object schema among a node and its union members (a nullable object is `anyOf [T, null]`). */
function objectSchema(node: unknown): Node | undefined {
  if (!isNode(node)) return undefined;
  if (isNode(node.properties) && node.type === 'object') return node;
  if (Array.isArray(node.anyOf))
    for (const member of node.anyOf) if (objectSchema(member)) return objectSchema(member);
  return undefined;
}

/** Declared fields only, at every depth (what a form may send). */
export function declaredOnly(schema: TSchema | Node, value: unknown): unknown {
  const s = objectSchema(schema);
  if (!s || !isNode(value)) return value;
  const properties = s.properties as Node;
  const out: Node = {};
  for (const [key, v] of Object.entries(value))
    if (key in properties) out[key] = declaredOnly(properties[key] as Node, v);
  return out;
}

/**
 * `desired` with the fields `current` holds that `schema` does not declare, at every depth where
 * both are objects: what the console cannot know it must not delete.
 */
export function keepUndeclared(schema: TSchema | Node, desired: unknown, current: unknown): unknown {
  const s = objectSchema(schema);
  if (!s || !isNode(desired) || !isNode(current)) return desired;
  const properties = s.properties as Node;
  const out: Node = { ...desired };
  for (const [key, v] of Object.entries(current)) {
    if (!(key in properties)) {
      if (!(key in out)) out[key] = v;
    } else if (out[key] !== undefined) {
      out[key] = keepUndeclared(properties[key] as Node, out[key], v);
    }
  }
  return out;
}
