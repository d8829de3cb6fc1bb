/**
 * Pruning of unknown fields (apiextensions-apiserver schema/pruning): what the schema does not
 * declare is dropped, except under x-kubernetes-preserve-unknown-fields and the apiVersion /
 * kind / metadata of the root and of embedded resources. Returns the pruned paths, sorted, as
 * kube reports them in `unknown field "<path>"` warnings (Warn) or errors (Strict).
 */
import { isObject } from './json-value.js';
import { additionalSchema, type JSONSchemaProps } from './schema.js';

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** metav1.ObjectMeta's JSON fields: anything else in `metadata` is dropped when kube decodes it. */
export const OBJECT_META_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
]);

export function prune(root: unknown, s: JSONSchemaProps | undefined): string[] {
  const pruned: string[] = [];
  const rootSchema: JSONSchemaProps = { ...(s ?? {}), 'x-kubernetes-embedded-resource': true };
  pruneValue(root, rootSchema, '', pruned);
  if (isObject(root) && isObject(root.metadata)) pruneObjectMeta(root.metadata, pruned);
  return pruned.sort();
}

/** schemaobjectmeta.GetObjectMetaWithOptions(ReturnUnknownFieldPaths): unknown metadata fields. */
function pruneObjectMeta(meta: Record<string, unknown>, pruned: string[]): void {
  for (const k of Object.keys(meta)) {
    if (OBJECT_META_FIELDS.has(k)) continue;
    pruned.push(`metadata.${k}`);
    delete meta[k];
  }
}

const appendKey = (path: string, k: string) => (path ? `${path}.${k}` : k);

function pruneValue(x: unknown, s: JSONSchemaProps | undefined, path: string, pruned: string[]): void {
  if (s?.['x-kubernetes-preserve-unknown-fields']) return skipPrune(x, s, path, pruned);
  if (Array.isArray(x)) {
    x.forEach((item, i) => pruneValue(item, s?.items, `${path}[${i}]`, pruned));
    return;
  }
  if (!isObject(x)) return;
  if (!s) {
    for (const k of Object.keys(x)) {
      pruned.push(appendKey(path, k));
      delete x[k];
    }
    return;
  }
  const additional = additionalSchema(s);
  for (const k of Object.keys(x)) {
    if (s['x-kubernetes-embedded-resource'] && META_FIELDS.has(k)) continue;
    const prop = s.properties?.[k];
    if (prop) pruneValue(x[k], prop, appendKey(path, k), pruned);
    else if (additional) pruneValue(x[k], additional, appendKey(path, k), pruned);
    else if (s.additionalProperties === true) continue;
    else {
      if (!META_FIELDS.has(k) || path !== '') pruned.push(appendKey(path, k));
      delete x[k];
    }
  }
}

/** Under preserve-unknown-fields, unknown fields stay but declared ones are still pruned inside. */
function skipPrune(x: unknown, s: JSONSchemaProps, path: string, pruned: string[]): void {
  if (Array.isArray(x)) {
    x.forEach((item, i) => s.items && skipPrune(item, s.items, `${path}[${i}]`, pruned));
    return;
  }
  if (!isObject(x)) return;
  const additional = additionalSchema(s);
  for (const k of Object.keys(x)) {
    if (s['x-kubernetes-embedded-resource'] && META_FIELDS.has(k)) continue;
    const prop = s.properties?.[k] ?? additional;
    if (prop) pruneValue(x[k], prop, appendKey(path, k), pruned);
  }
}
