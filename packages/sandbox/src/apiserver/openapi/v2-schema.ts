/**
 * OpenAPI v3 schema → Swagger 2.0 schema, the way kube-apiserver publishes `/openapi/v2`:
 * `#/components/schemas/X` references become `#/definitions/X`, a lone `allOf: [{$ref}]` wrapper
 * becomes a plain `$ref` (how kube's v2 builder emits named fields), and what v2 cannot express is
 * dropped as apiextensions' ToStructuralOpenAPIV2 does for CRDs: allOf/anyOf/oneOf/not, nullable
 * (the value becomes untyped), and the items/properties of x-kubernetes-preserve-unknown-fields
 * nodes, because kubectl's client-side validation rejects every field a `properties` list lacks.
 * The result only ever gets weaker than the v3 schema, never stricter.
 */
export type JsonSchema = Record<string, unknown>;

const V3_REF = '#/components/schemas/';
const V2_REF = '#/definitions/';

/** Keywords Swagger 2.0 schemas share with OpenAPI v3 (copied as they are). */
const KEPT = [
  'description',
  'type',
  'format',
  'title',
  'default',
  'enum',
  'required',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'readOnly',
  'example',
];

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

function v2Ref(ref: string): string {
  return ref.startsWith(V3_REF) ? V2_REF + ref.slice(V3_REF.length) : ref;
}

/** `{allOf: [{$ref}]}` (kube's v3 way of describing a named field) → the reference, else undefined. */
function loneRef(s: JsonSchema): string | undefined {
  if (typeof s.$ref === 'string') return s.$ref;
  const all = s.allOf;
  if (!Array.isArray(all) || all.length !== 1 || !isObject(all[0])) return undefined;
  const only = all[0];
  return typeof only.$ref === 'string' && Object.keys(only).length === 1 ? only.$ref : undefined;
}

export interface V2Options {
  /**
   * The schema stands for Go types the sandbox only trims (built-ins), not a CRD: an open node
   * there hides a real struct, whose null fields kubectl skips, so it becomes untyped (anything
   * goes) instead of a CRD's `type: object` map (whose null values kubectl refuses).
   */
  trimmed?: boolean;
}

export function toV2Schema(s: JsonSchema, opts: V2Options = {}): JsonSchema {
  const ref = loneRef(s);
  if (ref !== undefined) {
    // kubectl refuses a reference carrying a type or properties: keep only the words around it
    const out: JsonSchema = { $ref: v2Ref(ref) };
    for (const k of ['description', 'default'] as const) if (s[k] !== undefined) out[k] = s[k];
    return withExtensions(out, s);
  }
  const out: JsonSchema = {};
  for (const k of KEPT) if (s[k] !== undefined) out[k] = structuredClone(s[k]);
  const open = s['x-kubernetes-preserve-unknown-fields'] === true || s.nullable === true;
  if (s.nullable === true || (opts.trimmed && s['x-kubernetes-preserve-unknown-fields'] === true))
    delete out.type;
  if (!open && isObject(s.properties)) {
    const props: JsonSchema = {};
    for (const [name, sub] of Object.entries(s.properties))
      if (isObject(sub)) props[name] = toV2Schema(sub, opts);
    out.properties = props;
    // a nullable field may be sent as null, which kubectl counts as absent: it cannot stay required
    const nullable = Object.entries(s.properties)
      .filter(([, sub]) => isObject(sub) && sub.nullable === true)
      .map(([name]) => name);
    if (Array.isArray(out.required))
      out.required = (out.required as unknown[]).filter((r) => !nullable.includes(String(r)));
  }
  if (!open && isObject(s.items)) out.items = toV2Schema(s.items, opts);
  if (isObject(s.additionalProperties)) {
    out.additionalProperties = toV2Schema(s.additionalProperties, opts);
    if (s.additionalProperties.nullable === true) delete out.required;
  } else if (typeof s.additionalProperties === 'boolean') out.additionalProperties = s.additionalProperties;
  if (Array.isArray(out.required) && out.required.length === 0) delete out.required;
  // kubectl cannot read an array without an item schema
  if (out.type === 'array' && out.items === undefined) delete out.type;
  return withExtensions(out, s);
}

/** Vendor extensions travel unchanged (x-kubernetes-group-version-kind, list types, patch strategies …). */
function withExtensions(out: JsonSchema, s: JsonSchema): JsonSchema {
  for (const [k, v] of Object.entries(s)) if (k.startsWith('x-')) out[k] = structuredClone(v);
  return out;
}
