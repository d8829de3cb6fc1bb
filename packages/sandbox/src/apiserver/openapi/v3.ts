import { createHash } from 'node:crypto';
import type { ResourceRegistry } from '../resources/registry.js';
import type { ResourceType } from '../resources/resource-type.js';
import { BUILTIN_COMPONENTS } from './builtin-schemas.js';
import { OPENSHIFT_COMPONENTS, isOpenShiftGroup } from './openshift-schemas.js';
import {
  kindSchema,
  LIST_META,
  listMetaSchema,
  listSchema,
  OBJECT_META,
  objectMetaSchema,
  schemaName,
} from './schemas.js';

const param = (name: string, where: 'path' | 'query', description: string, type = 'string'): object => ({
  name,
  in: where,
  description,
  ...(where === 'path' ? { required: true } : {}),
  schema: { type, uniqueItems: true },
});

const WRITE_PARAMS = [
  param(
    'dryRun',
    'query',
    'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed',
  ),
  param(
    'fieldManager',
    'query',
    'fieldManager is a name associated with the actor or entity that is making these changes.',
  ),
  param(
    'fieldValidation',
    'query',
    'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict',
  ),
];

/**
 * Patch content types the sandbox advertises. Strategic merge is deliberately not listed for
 * built-ins: kubectl then computes apply patches from its compiled-in types (exact merge keys)
 * instead of from these trimmed schemas; the server still accepts strategic merge patches.
 */
export const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
];

function operations(t: ResourceType): Record<string, object> {
  const gvk = { group: t.group, kind: t.kind, version: t.version };
  const ref = { $ref: `#/components/schemas/${schemaName(t)}` };
  const okWith = (schema: object): object => ({
    '200': { description: 'OK', content: { 'application/json': { schema } } },
  });
  const ok = okWith(ref);
  const op = (action: string, extra: object = {}): object => ({
    operationId: `${action}${t.kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
    responses: ok,
    ...extra,
  });
  const prefix = t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
  const base = t.namespaced ? `${prefix}/namespaces/{namespace}/${t.resource}` : `${prefix}/${t.resource}`;
  const scope = t.namespaced
    ? [param('namespace', 'path', 'object name and auth scope, such as for teams and projects')]
    : [];
  const body = (types: string[]): object => ({
    requestBody: { required: true, content: Object.fromEntries(types.map((c) => [c, { schema: ref }])) },
  });
  const paths: Record<string, object> = {
    [base]: {
      get: op('list', { responses: okWith({ $ref: `#/components/schemas/${schemaName(t)}List` }) }),
      post: op('post', { ...body(['application/json']), parameters: WRITE_PARAMS }),
      parameters: [...scope, param('pretty', 'query', "If 'true', then the output is pretty printed.")],
    },
    [`${base}/{name}`]: {
      get: op('get'),
      put: op('put', { ...body(['application/json']), parameters: WRITE_PARAMS }),
      patch: op('patch', {
        ...body(PATCH_TYPES),
        parameters: [
          ...WRITE_PARAMS,
          param('force', 'query', 'Force is going to "force" Apply requests.', 'boolean'),
        ],
      }),
      delete: op('delete'),
      parameters: [
        param('name', 'path', `name of the ${t.kind}`),
        ...scope,
        param('pretty', 'query', "If 'true', then the output is pretty printed."),
        ...WRITE_PARAMS,
      ],
    },
  };
  // kubectl looks for fieldValidation on the first PATCH operation of the kind it meets (map
  // order): every write operation must carry it, or kubectl falls back to OpenAPI v2.
  if (t.hasStatus)
    paths[`${base}/{name}/status`] = {
      get: op('get'),
      put: op('put', { ...body(['application/json']), parameters: WRITE_PARAMS }),
      patch: op('patch', {
        ...body(PATCH_TYPES),
        parameters: [
          ...WRITE_PARAMS,
          param('force', 'query', 'Force is going to "force" Apply requests.', 'boolean'),
        ],
      }),
      parameters: [param('name', 'path', `name of the ${t.kind}`), ...scope, ...WRITE_PARAMS],
    };
  return paths;
}

/** The OpenAPI v3 document of one group/version (`/openapi/v3/apis/<group>/<version>`). */
export function groupVersionDocument(
  registry: ResourceRegistry,
  group: string,
  version: string,
): object | undefined {
  const types = registry
    .all()
    .filter((t) => t.group === group && t.version === version && t.verbs.includes('get'));
  if (types.length === 0) return undefined;
  // kube publishes every schema a group/version's kinds reference; the shared ones are small enough to always include
  const schemas: Record<string, unknown> = {
    [OBJECT_META]: objectMetaSchema,
    [LIST_META]: listMetaSchema,
    ...(types.some((t) => !t.crd) ? BUILTIN_COMPONENTS : {}),
    ...(types.some((t) => !t.crd && isOpenShiftGroup(t.group)) ? OPENSHIFT_COMPONENTS : {}),
  };
  let paths: Record<string, object> = {};
  for (const t of types) {
    schemas[schemaName(t)] = kindSchema(t);
    if (t.verbs.includes('list')) schemas[`${schemaName(t)}List`] = listSchema(t);
    paths = { ...paths, ...operations(t) };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.4' },
    paths,
    components: { schemas },
  };
}

/** `/openapi/v3`: one entry per group/version, with a content hash clients cache by. */
export function openApiV3Index(registry: ResourceRegistry): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  const gvs = new Set(registry.all().map((t) => `${t.group}\u0000${t.version}`));
  for (const gv of gvs) {
    const [group, version] = gv.split('\u0000') as [string, string];
    const doc = groupVersionDocument(registry, group, version);
    if (!doc) continue;
    const key = group ? `apis/${group}/${version}` : `api/${version}`;
    const hash = createHash('sha512').update(JSON.stringify(doc)).digest('hex').slice(0, 128).toUpperCase();
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
  }
  return { paths };
}
