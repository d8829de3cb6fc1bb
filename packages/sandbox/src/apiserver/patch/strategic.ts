import { badRequest } from '../../core/errors.js';
import { deepEqual, isJsonObject, type JsonObject, type JsonValue } from './json-value.js';

/**
 * Strategic merge patch for built-in types (k8s.io/apimachinery/pkg/util/strategicpatch).
 * Which lists merge, and by which key, comes from the Go struct tags of the kube API types
 * (`patchStrategy:"merge" patchMergeKey:"..."`); lists without a strategy are replaced whole.
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  conditions: 'type',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  schedulingGates: 'name',
  secrets: 'name',
};
const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
/** Lists of scalars with patchStrategy merge (set union). */
const PRIMITIVE_MERGE = new Set(['finalizers']);

/** The merge key of the list at `path` (field names only), or undefined to replace it. */
export function mergeKeyFor(path: string[]): string | undefined {
  const field = path[path.length - 1] ?? '';
  if (field === 'ports') {
    const parent = path[path.length - 2] ?? '';
    if (CONTAINER_LISTS.has(parent)) return 'containerPort';
    // Service spec.ports: merge key "port"
    return path.length === 2 && path[0] === 'spec' ? 'port' : undefined;
  }
  // ImageStream spec.tags merge by name, status.tags (NamedTagEventList) by tag
  if (field === 'tags' && path.length === 2)
    return path[0] === 'status' ? 'tag' : path[0] === 'spec' ? 'name' : undefined;
  return MERGE_KEYS[field];
}

const DIRECTIVE = '$patch';
const RETAIN = '$retainKeys';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';
const ORDER = '$setElementOrder/';

function stripDirectives(v: JsonValue): JsonValue {
  if (Array.isArray(v))
    return v
      .filter((x) => !(isJsonObject(x) && x[DIRECTIVE] !== undefined && Object.keys(x).length === 1))
      .map(stripDirectives);
  if (!isJsonObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = stripDirectives(x);
  return out;
}

function mergeList(orig: JsonValue[], patch: JsonValue[], path: string[]): JsonValue[] {
  const key = mergeKeyFor(path);
  const field = path[path.length - 1] ?? '';
  if (!key) {
    if (PRIMITIVE_MERGE.has(field))
      return [...orig, ...patch.filter((p) => !orig.some((o) => deepEqual(o, p)))];
    return patch.map(stripDirectives);
  }
  if (patch.some((p) => isJsonObject(p) && p[DIRECTIVE] === 'replace'))
    return patch.filter((p) => !(isJsonObject(p) && p[DIRECTIVE] === 'replace')).map(stripDirectives);
  const out = orig.map((o) => structuredClone(o));
  for (const item of patch) {
    if (!isJsonObject(item))
      throw badRequest(`unable to find api field in struct for the list of ${field}: expected an object`);
    const k = item[key];
    if (k === undefined)
      throw badRequest(`map: ${JSON.stringify(item)} does not contain declared merge key: ${key}`);
    const i = out.findIndex((o) => isJsonObject(o) && deepEqual(o[key], k));
    if (item[DIRECTIVE] === 'delete') {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (i >= 0) out[i] = mergeMap(out[i] as JsonObject, item, path);
    else out.push(stripDirectives(item));
  }
  return out;
}

function mergeMap(orig: JsonObject, patch: JsonObject, path: string[]): JsonValue {
  const directive = patch[DIRECTIVE];
  if (directive === 'replace') return stripDirectives(patch);
  if (directive === 'delete') return null;
  if (directive !== undefined) throw badRequest(`Unknown patch type: ${String(directive)}`);
  const out: JsonObject = structuredClone(orig);
  const retain = patch[RETAIN];
  if (Array.isArray(retain)) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  for (const [k, v] of Object.entries(patch)) {
    if (k === DIRECTIVE || k === RETAIN || k.startsWith(ORDER)) continue;
    if (k.startsWith(DELETE_PRIMITIVE)) {
      const field = k.slice(DELETE_PRIMITIVE.length);
      const list = out[field];
      if (Array.isArray(list) && Array.isArray(v))
        out[field] = list.filter((x) => !v.some((d) => deepEqual(d, x)));
      continue;
    }
    const childPath = [...path, k];
    const cur = out[k];
    if (v === null) delete out[k];
    else if (isJsonObject(v) && isJsonObject(cur)) {
      const merged = mergeMap(cur, v, childPath);
      if (merged === null) delete out[k];
      else out[k] = merged;
    } else if (isJsonObject(v) && v[DIRECTIVE] === 'delete') delete out[k];
    else if (Array.isArray(v) && Array.isArray(cur)) out[k] = mergeList(cur, v, childPath);
    else out[k] = stripDirectives(v);
  }
  for (const [k, v] of Object.entries(patch)) {
    if (!k.startsWith(ORDER) || !Array.isArray(v)) continue;
    const field = k.slice(ORDER.length);
    const list = out[field];
    const key = mergeKeyFor([...path, field]);
    if (!Array.isArray(list)) continue;
    const rank = (x: JsonValue): number => {
      const i = v.findIndex((o) =>
        key && isJsonObject(o) && isJsonObject(x) ? deepEqual(o[key], x[key]) : deepEqual(o, x),
      );
      return i < 0 ? v.length : i;
    };
    out[field] = [...list].sort((a, b) => rank(a) - rank(b));
  }
  return out;
}

/** Applies a strategic merge patch to a built-in object. */
export function applyStrategicMergePatch(original: unknown, patch: unknown): JsonValue {
  if (!isJsonObject(patch))
    throw badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}');
  const result = mergeMap(isJsonObject(original) ? original : {}, patch, []);
  return result ?? {};
}
