import type { ResourceRegistry } from '../resources/registry.js';
import type { ResourceType } from '../resources/resource-type.js';
import { elementStruct, structFields, structOfKind } from '../structs/index.js';
import { BUILTIN_COMPONENTS } from './builtin-schemas.js';
import { OPENSHIFT_COMPONENTS } from './openshift-schemas.js';
import {
  hasKindSchema,
  kindSchema,
  LIST_META,
  listMetaSchema,
  OBJECT_META,
  objectMetaSchema,
  schemaName,
} from './schemas.js';
import { PATCH_TYPES } from './v3.js';
import { toV2Schema, type JsonSchema } from './v2-schema.js';

/**
 * The Swagger 2.0 document kube-apiserver serves at `/openapi/v2`: one document for every served
 * kind, built from the same schemas as `/openapi/v3`. kubectl needs it whenever it validates on
 * the client side — for `kind: List` files always (its v3 field-validation check answers
 * "unsupported" for v1/List), mapping each item's GVK to a definition through the definition's
 * `x-kubernetes-group-version-kind` extension.
 */
const gvkOf = (t: ResourceType, kind = t.kind): { group: string; kind: string; version: string } => ({
  group: t.group,
  kind,
  version: t.version,
});
const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });
const str = (description: string): JsonSchema => ({ type: 'string', description });

/**
 * A built-in kind's inline spec/status become the named definitions kube publishes for its Go
 * structs (io.k8s.api.apps.v1.DeploymentSpec), so kubectl's errors name the same model as against
 * a real cluster: `unknown field "replica" in io.k8s.api.apps.v1.DeploymentSpec`. CRDs stay inline.
 */
function hoistStructs(
  t: ResourceType,
  kind: JsonSchema,
  definitions: Record<string, JsonSchema>,
): JsonSchema {
  const props = kind.properties as Record<string, JsonSchema> | undefined;
  if (t.crd || !props) return kind;
  const hoisted = { ...props };
  for (const [field, suffix] of [
    ['spec', 'Spec'],
    ['status', 'Status'],
  ] as const) {
    const inline = props[field];
    if (!inline || inline.$ref !== undefined || inline.properties === undefined) continue;
    const name = `${schemaName(t)}${suffix}`;
    // a published component of that name is the same Go struct (kube names them <Kind>Spec): use
    // it, the richer one (a Pod's spec is the PodSpec its templates use); never overwrite it
    definitions[name] ??= inline;
    hoisted[field] = {
      ...ref(name),
      ...(inline.description !== undefined ? { description: inline.description } : {}),
    };
  }
  return { ...kind, properties: hoisted };
}

const UNTYPED: JsonSchema = { description: 'Not described by the sandbox: accepted as is.' };
const untyped = (struct: ReadonlyMap<string, string> | undefined): Record<string, JsonSchema> =>
  Object.fromEntries([...(struct?.keys() ?? [])].map((n) => [n, { ...UNTYPED }]));

/** A built-in kind the sandbox has no schema for, from its real field names: typos at the top, in spec and in status are refused. */
function namesOnlyKind(t: ResourceType, root: ReadonlyMap<string, string>): JsonSchema {
  const props: Record<string, JsonSchema> = {
    ...untyped(root),
    apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
    kind: str('Kind is a string value representing the REST resource this object represents.'),
    metadata: { ...ref(OBJECT_META), description: "Standard object's metadata.", default: {} },
  };
  for (const part of ['spec', 'status']) {
    const ref = root.get(part);
    const struct = ref ? structFields(elementStruct(ref)) : undefined;
    if (struct)
      props[part] = {
        type: 'object',
        description: `${part === 'spec' ? 'Spec defines the desired' : 'Status is the observed'} state of the ${t.kind}.`,
        properties: untyped(struct),
      };
  }
  return {
    type: 'object',
    description: `${t.kind} (${t.group || 'core'}/${t.version}).`,
    properties: props,
    'x-kubernetes-group-version-kind': [gvkOf(t)],
  };
}

/** A kind's definition; kinds whose fields the sandbox does not know stay open, so kubectl refuses nothing in them. */
function kindDefinition(t: ResourceType, definitions: Record<string, JsonSchema>): JsonSchema {
  if (hasKindSchema(t)) return hoistStructs(t, toV2Schema(kindSchema(t), { trimmed: !t.crd }), definitions);
  const root = t.crd ? undefined : structFields(structOfKind(t.kind) ?? '');
  if (root) return hoistStructs(t, namesOnlyKind(t, root), definitions);
  // untyped: kubectl's validation accepts anything (a `type: object` map would still refuse null values)
  return {
    description: `${t.kind} (${t.group || 'core'}/${t.version}).`,
    'x-kubernetes-group-version-kind': [gvkOf(t)],
  };
}

function listDefinition(t: ResourceType): JsonSchema {
  return {
    description: `${t.listKind} is a list of ${t.kind}.`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
      items: { type: 'array', description: `List of ${t.resource}.`, items: ref(schemaName(t)) },
      kind: str('Kind is a string value representing the REST resource this object represents.'),
      metadata: { ...ref(LIST_META), description: 'Standard list metadata.', default: {} },
    },
    'x-kubernetes-group-version-kind': [gvkOf(t, t.listKind)],
  };
}

/** listAppsV1NamespacedDeployment, patchImageregistryOperatorOpenshiftIoV1Config … as kube names them. */
function operationId(action: string, t: ResourceType): string {
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const group = t.group
    ? t.group
        .replace(/\.k8s\.io$/, '')
        .split(/[.-]/)
        .map(cap)
        .join('')
    : 'Core';
  return `${action}${group}${cap(t.version)}${t.namespaced ? 'Namespaced' : ''}${t.kind}`;
}

const query = (name: string, description: string, type = 'string'): JsonSchema => ({
  uniqueItems: true,
  type,
  description,
  name,
  in: 'query',
});
const pathParam = (name: string, description: string): JsonSchema => ({
  uniqueItems: true,
  type: 'string',
  description,
  name,
  in: 'path',
  required: true,
});
const WRITE_PARAMS = [
  query(
    'dryRun',
    'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed',
  ),
  query(
    'fieldManager',
    'fieldManager is a name associated with the actor or entity that is making these changes.',
  ),
  query(
    'fieldValidation',
    'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict',
  ),
];
const PRODUCES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

function paths(t: ResourceType): Record<string, JsonSchema> {
  const tag = `${t.group ? t.group.replace(/\.k8s\.io$/, '').replace(/\./g, '_') : 'core'}_${t.version}`;
  const op = (action: string, verb: string, schema: string, extra: JsonSchema = {}): JsonSchema => ({
    consumes: ['*/*'],
    produces: PRODUCES,
    schemes: ['https'],
    tags: [tag],
    operationId: operationId(verb, t),
    responses: { '200': { description: 'OK', schema: ref(schema) }, '401': { description: 'Unauthorized' } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvkOf(t),
    ...extra,
  });
  const body = { name: 'body', in: 'body', required: true, schema: ref(schemaName(t)) };
  const can = (verb: string): boolean => t.verbs.includes(verb);
  const prefix = t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
  const base = t.namespaced ? `${prefix}/namespaces/{namespace}/${t.resource}` : `${prefix}/${t.resource}`;
  const scope = t.namespaced
    ? [pathParam('namespace', 'object name and auth scope, such as for teams and projects')]
    : [];
  const pretty = query('pretty', "If 'true', then the output is pretty printed.");
  const collection: JsonSchema = { parameters: [...scope, pretty] };
  if (can('list')) collection.get = op('list', 'list', `${schemaName(t)}List`);
  if (can('create'))
    collection.post = op('post', 'create', schemaName(t), { parameters: [body, ...WRITE_PARAMS] });
  const item: JsonSchema = { parameters: [pathParam('name', `name of the ${t.kind}`), ...scope, pretty] };
  if (can('get')) item.get = op('get', 'read', schemaName(t));
  if (can('update')) item.put = op('put', 'replace', schemaName(t), { parameters: [body, ...WRITE_PARAMS] });
  if (can('patch'))
    item.patch = op('patch', 'patch', schemaName(t), {
      consumes: PATCH_TYPES,
      parameters: [
        {
          ...body,
          schema: {
            type: 'object',
            description:
              'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.',
          },
        },
        ...WRITE_PARAMS,
        query('force', 'Force is going to "force" Apply requests.', 'boolean'),
      ],
    });
  if (can('delete'))
    item.delete = op('delete', 'delete', schemaName(t), { parameters: WRITE_PARAMS.slice(0, 1) });
  const out: Record<string, JsonSchema> = {};
  if (collection.get || collection.post) out[base] = collection;
  if (item.get || item.put || item.patch || item.delete) out[`${base}/{name}`] = item;
  return out;
}

/**
 * The sandbox's built-in schemas list only the fields it uses; kubectl would refuse every other
 * real field (`hostAliases`, `dnsConfig` …) that a real cluster takes. Walking each kind's
 * definition next to its Go struct (structs/), every field the struct has and the definition
 * lacks is added untyped: accepted as it is, while a typo at a level the schema covers is still
 * refused.
 */
function acceptRealFields(definitions: Record<string, JsonSchema>, kindDef: JsonSchema, root: string): void {
  const seen = new Map<JsonSchema, Set<string>>();
  const visit = (node: JsonSchema, struct: string): void => {
    const done = seen.get(node) ?? new Set<string>();
    if (done.has(struct)) return;
    seen.set(node, done.add(struct));
    if (typeof node.$ref === 'string') {
      const target = definitions[node.$ref.replace('#/definitions/', '')];
      if (target) visit(target, struct);
      return;
    }
    const fields = structFields(struct);
    const props = node.properties as Record<string, JsonSchema> | undefined;
    if (props && fields) {
      for (const [name, ref] of fields) {
        const sub = props[name];
        if (!sub) props[name] = { ...UNTYPED };
        else if (ref) visit(sub, elementStruct(ref));
      }
    }
    const items = node.items as JsonSchema | undefined;
    if (items && typeof items === 'object') visit(items, struct);
    const values = node.additionalProperties as JsonSchema | undefined;
    if (values && typeof values === 'object') visit(values, struct);
  };
  visit(kindDef, root);
}

/** `/openapi/v2` as JSON (the protobuf form is encoded from this). */
export function openApiV2Document(registry: ResourceRegistry): JsonSchema {
  const definitions: Record<string, JsonSchema> = {
    [OBJECT_META]: toV2Schema(objectMetaSchema, { trimmed: true }),
    [LIST_META]: structuredClone(listMetaSchema),
  };
  for (const [name, schema] of Object.entries({ ...BUILTIN_COMPONENTS, ...OPENSHIFT_COMPONENTS }))
    definitions[name] = toV2Schema(schema, { trimmed: true });
  let allPaths: Record<string, JsonSchema> = {};
  for (const t of registry.all()) {
    definitions[schemaName(t)] = kindDefinition(t, definitions);
    if (t.verbs.includes('list')) definitions[`${schemaName(t)}List`] = listDefinition(t);
    allPaths = { ...allPaths, ...paths(t) };
  }
  for (const t of registry.all()) {
    const root = t.crd ? undefined : structOfKind(t.kind);
    const def = definitions[schemaName(t)];
    if (root && def) acceptRealFields(definitions, def, root);
  }
  const sorted = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: 'v1.32.4' },
    paths: allPaths,
    definitions: sorted,
  };
}
