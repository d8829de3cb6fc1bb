import { BUILTIN_KIND_MODELS, BUILTIN_STRUCTS } from './builtin-structs.js';
import { OPENSHIFT_KIND_STRUCTS, OPENSHIFT_STRUCTS } from './openshift-structs.js';

/**
 * The one description of the Go structs behind every built-in and OpenShift kind the sandbox
 * serves: the generated k8s.io/api table (builtin-structs.ts) plus the openshift/api table
 * (openshift-structs.ts). Strict decoding (admission/unknown-fields.ts) and the real field names
 * /openapi/v2 publishes (openapi/v2.ts) both read it, so they cannot disagree.
 *
 * A struct maps each JSON field to '' (a leaf: scalar, quantity, int-or-string, time, string
 * map, RawExtension) or a reference: `Struct`, `[]Struct` (list) or `{}Struct` (map).
 */
export type Struct = ReadonlyMap<string, string>;

let table: Map<string, Struct> | undefined;

function structTable(): Map<string, Struct> {
  if (table) return table;
  table = new Map();
  for (const [name, fields] of Object.entries({ ...BUILTIN_STRUCTS, ...OPENSHIFT_STRUCTS })) {
    const struct = new Map<string, string>();
    for (const field of fields.split(' ')) {
      const colon = field.indexOf(':');
      if (colon < 0) struct.set(field, '');
      else struct.set(field.slice(0, colon), field.slice(colon + 1));
    }
    table.set(name, struct);
  }
  return table;
}

/** A struct's fields (field → reference, '' for a leaf), or undefined when the table has no such struct. */
export function structFields(name: string): Struct | undefined {
  return structTable().get(name);
}

/** The struct a reference's elements are (`[]X`, `{}X`, `X` → X), '' for a leaf. */
export function elementStruct(ref: string): string {
  return ref.replace(/^(\[\]|\{\})+/, '');
}

/** The root struct of a built-in or OpenShift kind, when the sandbox knows its fields. */
export function structOfKind(kind: string): string | undefined {
  return BUILTIN_KIND_MODELS[kind] ?? OPENSHIFT_KIND_STRUCTS[kind];
}
