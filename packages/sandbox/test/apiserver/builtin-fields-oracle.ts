import * as k8s from '@kubernetes/client-node';

/**
 * The real field names of the Kubernetes structs behind the sandbox's trimmed built-in schemas,
 * read from @kubernetes/client-node's generated models (k8s.io/api): walks a Swagger 2.0 document
 * next to the model graph and answers, per definition and inner path, every field the real struct
 * has. Used to check that /openapi/v2 lists every one of them.
 */
type Json = Record<string, unknown>;
interface Attribute {
  baseName: string;
  type: string;
}
type Model = { getAttributeTypeMap(): Attribute[] } | undefined;

const models = k8s as unknown as Record<string, Model>;

function modelOf(type: string): string | undefined {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return modelOf(array[1] as string);
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return modelOf(map[1] as string);
  return models[type]?.getAttributeTypeMap ? type : undefined;
}

/** defName → inner path ('' | 'securityContext' | 'conditions[]' …) → the real struct's field names. */
export type FieldTable = Record<string, Record<string, string[]>>;

export function realFields(
  doc: { definitions: Record<string, Json> },
  roots: Array<[string, string]>,
): FieldTable {
  const out: FieldTable = {};
  const seen = new Set<string>();
  const visit = (def: string, path: string, node: Json, model: string): void => {
    const key = `${def}#${path}#${model}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (typeof node.$ref === 'string') {
      const target = node.$ref.replace('#/definitions/', '');
      const t = doc.definitions[target];
      if (t) visit(target, '', t, model);
      return;
    }
    const attrs = models[model]?.getAttributeTypeMap() ?? [];
    if (node.properties && typeof node.properties === 'object') {
      (out[def] ??= {})[path] = attrs.map((a) => a.baseName).sort();
      for (const [name, sub] of Object.entries(node.properties as Record<string, Json>)) {
        const attr = attrs.find((a) => a.baseName === name);
        const child = attr ? modelOf(attr.type) : undefined;
        if (child) visit(def, path ? `${path}.${name}` : name, sub, child);
      }
    }
    if (node.items && typeof node.items === 'object') visit(def, `${path}[]`, node.items as Json, model);
    if (node.additionalProperties && typeof node.additionalProperties === 'object')
      visit(def, `${path}{}`, node.additionalProperties as Json, model);
  };
  for (const [def, model] of roots) {
    const node = doc.definitions[def];
    if (node && models[model]) visit(def, '', node, model);
  }
  return out;
}

/** The client-node model of a built-in kind (V1Pod; core Event is CoreV1Event). */
export function kindModel(kind: string): string | undefined {
  return [`V1${kind}`, `CoreV1${kind}`].find((m) => models[m]?.getAttributeTypeMap);
}

/** For kinds the sandbox has no schema for: their top-level fields and those of spec/status. */
export function openKindFields(kinds: Array<[string, string]>): FieldTable {
  const out: FieldTable = {};
  for (const [def, model] of kinds) {
    const attrs = models[model]?.getAttributeTypeMap() ?? [];
    const entry: Record<string, string[]> = { '': attrs.map((a) => a.baseName).sort() };
    for (const part of ['spec', 'status']) {
      const child = attrs.find((a) => a.baseName === part);
      const sub = child ? modelOf(child.type) : undefined;
      if (sub) entry[part] = (models[sub]?.getAttributeTypeMap() ?? []).map((a) => a.baseName).sort();
    }
    out[def] = entry;
  }
  return out;
}
