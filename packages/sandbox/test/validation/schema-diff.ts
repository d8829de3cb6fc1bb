/**
 * Walks two openAPIV3Schemas side by side and lists every structural difference (descriptions
 * aside): properties, types, formats, enums, patterns, bounds, defaults, required, nullable,
 * x-kubernetes-* extensions, CEL rules and value-validation combinators.
 */
type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

const canonical = (v: unknown): string => JSON.stringify(sortDeep(v));
function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (isNode(v))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .filter((k) => k !== 'description')
        .map((k) => [k, sortDeep(v[k])]),
    );
  return v;
}

/** Keywords compared by value; `required` is compared as a set. */
const SCALAR_KEYWORDS = [
  'type',
  'format',
  'enum',
  'pattern',
  'default',
  'nullable',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'x-kubernetes-validations',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-int-or-string',
  'x-kubernetes-embedded-resource',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
];

export function schemaDiff(real: unknown, ours: unknown, path = ''): string[] {
  const out: string[] = [];
  if (!isNode(real) || !isNode(ours)) {
    if (canonical(real) !== canonical(ours))
      out.push(`${path || '<root>'}: ${canonical(real)} != ${canonical(ours)}`);
    return out;
  }
  const known = new Set([
    ...SCALAR_KEYWORDS,
    'required',
    'properties',
    'items',
    'additionalProperties',
    'description',
  ]);
  for (const k of new Set([...Object.keys(real), ...Object.keys(ours)])) {
    if (!known.has(k)) out.push(`${path || '<root>'}: unexpected keyword ${k}`);
  }
  const at = path || '<root>';
  for (const k of SCALAR_KEYWORDS) {
    const a = real[k] ?? undefined;
    const b = ours[k] ?? undefined;
    if (canonical(a) !== canonical(b)) out.push(`${at}: ${k} ${canonical(a)} != ${canonical(b)}`);
  }
  const reqA = [...((real.required as string[]) ?? [])].sort();
  const reqB = [...((ours.required as string[]) ?? [])].sort();
  if (canonical(reqA) !== canonical(reqB))
    out.push(`${at}: required ${canonical(reqA)} != ${canonical(reqB)}`);
  const propsA = (real.properties as Node) ?? {};
  const propsB = (ours.properties as Node) ?? {};
  for (const k of new Set([...Object.keys(propsA), ...Object.keys(propsB)])) {
    const p = path ? `${path}.${k}` : k;
    if (!(k in propsB)) out.push(`${p}: missing in ours`);
    else if (!(k in propsA)) out.push(`${p}: not in the real CRD`);
    else out.push(...schemaDiff(propsA[k], propsB[k], p));
  }
  if (real.items !== undefined || ours.items !== undefined)
    out.push(...schemaDiff(real.items, ours.items, `${path}[]`));
  const addA = real.additionalProperties;
  const addB = ours.additionalProperties;
  if (addA !== undefined || addB !== undefined) out.push(...schemaDiff(addA, addB, `${path}{}`));
  return out;
}
