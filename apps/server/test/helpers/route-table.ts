/**
 * Every route of the BFF, with the Kubernetes access it needs and a request that succeeds for a
 * user who has that access. The RBAC matrix asks the cluster (SelfSubjectAccessReview, as each
 * user) about `needs`, and compares with what the server answered; the CSRF and secret scans
 * reuse `request`. A route in the OpenAPI document without a row here fails those tests.
 */

import type { AccessAttributes } from '@irc/shared';

/** One question for the authorizer (the resourceAttributes of a SelfSubjectAccessReview). */
export type KubeAccess = AccessAttributes;

/** A non-resource URL question (`kubectl auth can-i get /metrics`). */
export interface NonResourceAccess {
  verb: string;
  path: string;
}

/**
 * `public`: answered without any user access (the probes).
 * `all`: every check must be allowed. `any`: at least one (the route degrades per kind).
 * `all: []`: any authenticated user (the route reports per step what the user may not read).
 * `tokenMode`: public standalone; in token mode a bearer token the cluster accepts
 * (`authenticated`), or whose user may do `nonResource` — asked by the SERVER with a TokenReview
 * and a SubjectAccessReview (kube-rbac-proxy's way; the one place it acts as itself for a caller).
 */
export type Needs =
  | 'public'
  | { all: KubeAccess[]; any?: KubeAccess[] }
  | { tokenMode: 'authenticated' | { nonResource: NonResourceAccess } };

export interface SampleRequest {
  method: string;
  path: string;
  body?: unknown;
  /** An event stream or a followed log: read the status and headers, then disconnect. */
  stream?: boolean;
}

/** What a request builder may look up (the live Config's resourceVersion, a pod's name). */
export interface RequestContext {
  configResourceVersion(): Promise<string>;
  registryPod(): Promise<{ namespace: string; name: string }>;
  /** A CA certificate (PEM) the trust route accepts. */
  caPem: string;
}

export interface RouteRow {
  needs: Needs;
  request(ctx: RequestContext): Promise<SampleRequest> | SampleRequest;
}

const NS = 'openshift-image-registry';
const CONFIGS = { group: 'imageregistry.operator.openshift.io', resource: 'configs', name: 'cluster' };
const USER_SECRET = {
  group: '',
  resource: 'secrets',
  namespace: NS,
  name: 'image-registry-private-configuration-user',
};
const PULL_SECRET = { group: '', resource: 'secrets', namespace: 'openshift-config', name: 'pull-secret' };
const TRUST_CONFIGMAPS = { group: '', resource: 'configmaps', namespace: 'openshift-config' };
const REGISTRY_DEPLOYMENT = { group: 'apps', resource: 'deployments', namespace: NS, name: 'image-registry' };
const OPERATOR_DEPLOYMENT = {
  group: 'apps',
  resource: 'deployments',
  namespace: NS,
  name: 'cluster-image-registry-operator',
};
const IMAGE_CONFIG = { group: 'config.openshift.io', resource: 'images', name: 'cluster' };
/** What the stream and the timeline show, kind by kind (server access/stream-access.ts KIND_ACCESS). */
const WATCHED = {
  config: { verb: 'watch', ...CONFIGS, name: undefined },
  clusterOperator: {
    verb: 'get',
    group: 'config.openshift.io',
    resource: 'clusteroperators',
    name: 'image-registry',
  },
  deployments: { verb: 'watch', group: 'apps', resource: 'deployments', namespace: NS },
  pods: { verb: 'watch', group: '', resource: 'pods', namespace: NS },
  events: { verb: 'watch', group: '', resource: 'events', namespace: NS },
};
export const TRUST_REGISTRY = 'matrix.registry.example:5000';
export const PULL_REGISTRY = 'matrix.registry.example';
const MIGRATION_NOOP = {
  mappings: ['matrix.nowhere.example/*=matrix.elsewhere.example/*'],
  namespaces: ['developer'],
  kinds: ['deployments'],
};

export const ROUTE_TABLE: Record<string, RouteRow> = {
  'GET /healthz': { needs: 'public', request: () => ({ method: 'GET', path: '/healthz' }) },
  'GET /readyz': { needs: 'public', request: () => ({ method: 'GET', path: '/readyz' }) },
  'GET /metrics': {
    needs: { tokenMode: { nonResource: { verb: 'get', path: '/metrics' } } },
    request: () => ({ method: 'GET', path: '/metrics' }),
  },
  'GET /api/openapi.json': {
    needs: { tokenMode: 'authenticated' },
    request: () => ({ method: 'GET', path: '/api/openapi.json' }),
  },
  'GET /api/v1/config': {
    needs: { all: [{ verb: 'get', ...CONFIGS }] },
    request: () => ({ method: 'GET', path: '/api/v1/config' }),
  },
  'PATCH /api/v1/config': {
    needs: {
      all: [
        { verb: 'get', ...CONFIGS },
        { verb: 'patch', ...CONFIGS },
      ],
    },
    request: async (ctx) => ({
      method: 'PATCH',
      path: '/api/v1/config',
      body: {
        patch: { logLevel: 'Debug' },
        resourceVersion: await ctx.configResourceVersion(),
        dryRun: true,
      },
    }),
  },
  'GET /api/v1/storage/credentials': {
    needs: { all: [{ verb: 'get', ...USER_SECRET }] },
    request: () => ({ method: 'GET', path: '/api/v1/storage/credentials' }),
  },
  'PUT /api/v1/storage/credentials': {
    needs: {
      all: [
        { verb: 'get', ...USER_SECRET },
        { verb: 'patch', ...USER_SECRET },
        { verb: 'create', ...USER_SECRET, name: undefined },
      ],
    },
    request: () => ({
      method: 'PUT',
      path: '/api/v1/storage/credentials',
      body: { values: { REGISTRY_STORAGE_SWIFT_USERNAME: 'matrix-user' } },
    }),
  },
  'GET /api/v1/pods': {
    needs: { all: [{ verb: 'list', group: '', resource: 'pods', namespace: NS }] },
    request: () => ({ method: 'GET', path: '/api/v1/pods' }),
  },
  'GET /api/v1/pods/{namespace}/{name}/log': {
    needs: { all: [{ verb: 'get', group: '', resource: 'pods', subresource: 'log', namespace: NS }] },
    request: async (ctx) => {
      const pod = await ctx.registryPod();
      return { method: 'GET', path: `/api/v1/pods/${pod.namespace}/${pod.name}/log?tailLines=5` };
    },
  },
  'GET /api/v1/stream': {
    needs: { all: [], any: Object.values(WATCHED) },
    request: () => ({ method: 'GET', path: '/api/v1/stream', stream: true }),
  },
  'GET /api/v1/timeline': {
    needs: { all: [], any: [WATCHED.config, WATCHED.clusterOperator, WATCHED.events] },
    request: () => ({ method: 'GET', path: '/api/v1/timeline?limit=50' }),
  },
  // Cluster monitoring decides what the caller may read (with their token); the API asks nothing.
  'GET /api/v1/history/traffic': {
    needs: { all: [] },
    request: () => ({
      method: 'GET',
      path: `/api/v1/history/traffic?start=${new Date(Date.now() - 3600_000).toISOString()}`,
    }),
  },
  'GET /api/v1/diagnostics': {
    needs: { all: [] },
    request: () => ({ method: 'GET', path: '/api/v1/diagnostics' }),
  },
  'GET /api/v1/me': {
    needs: { all: [{ verb: 'create', group: 'authentication.k8s.io', resource: 'selfsubjectreviews' }] },
    request: () => ({ method: 'GET', path: '/api/v1/me' }),
  },
  'GET /api/v1/trust': {
    needs: {
      all: [
        { verb: 'get', ...IMAGE_CONFIG },
        { verb: 'get', ...TRUST_CONFIGMAPS },
      ],
    },
    request: () => ({ method: 'GET', path: '/api/v1/trust' }),
  },
  'PUT /api/v1/trust/{registry}': {
    needs: {
      all: [
        { verb: 'get', ...IMAGE_CONFIG },
        { verb: 'patch', ...IMAGE_CONFIG },
        { verb: 'patch', ...TRUST_CONFIGMAPS },
        { verb: 'create', ...TRUST_CONFIGMAPS },
      ],
    },
    request: (ctx) => ({
      method: 'PUT',
      path: `/api/v1/trust/${encodeURIComponent(TRUST_REGISTRY)}`,
      body: { pem: ctx.caPem },
    }),
  },
  'DELETE /api/v1/trust/{registry}': {
    needs: {
      all: [
        { verb: 'get', ...IMAGE_CONFIG },
        { verb: 'get', ...TRUST_CONFIGMAPS },
        { verb: 'patch', ...TRUST_CONFIGMAPS },
      ],
    },
    request: () => ({ method: 'DELETE', path: `/api/v1/trust/${encodeURIComponent(TRUST_REGISTRY)}` }),
  },
  'GET /api/v1/pull-secret': {
    needs: { all: [{ verb: 'get', ...PULL_SECRET }] },
    request: () => ({ method: 'GET', path: '/api/v1/pull-secret' }),
  },
  'PUT /api/v1/pull-secret/registries/{registry}': {
    needs: {
      all: [
        { verb: 'get', ...PULL_SECRET },
        { verb: 'patch', ...PULL_SECRET },
      ],
    },
    request: () => ({
      method: 'PUT',
      path: `/api/v1/pull-secret/registries/${encodeURIComponent(PULL_REGISTRY)}`,
      body: { username: 'matrix', password: 'matrix-password' },
    }),
  },
  // Workload views: the object itself is required; its parts (events, pods, nodes …) degrade
  // one by one. The index and the routes view degrade per card / part: any user gets an answer.
  'GET /api/v1/workloads': {
    needs: { all: [] },
    request: () => ({ method: 'GET', path: '/api/v1/workloads' }),
  },
  'GET /api/v1/workloads/deployments/{name}': {
    needs: { all: [{ verb: 'get', ...REGISTRY_DEPLOYMENT }] },
    request: () => ({ method: 'GET', path: '/api/v1/workloads/deployments/image-registry' }),
  },
  'PUT /api/v1/workloads/deployments/{name}/scale': {
    needs: { all: [{ verb: 'patch', ...OPERATOR_DEPLOYMENT, subresource: 'scale' }] },
    // The operator runs one replica: scaling it to 1 changes nothing, whoever may do it.
    request: () => ({
      method: 'PUT',
      path: '/api/v1/workloads/deployments/cluster-image-registry-operator/scale',
      body: { replicas: 1 },
    }),
  },
  'GET /api/v1/workloads/daemonsets/{name}': {
    needs: { all: [{ verb: 'get', group: 'apps', resource: 'daemonsets', namespace: NS, name: 'node-ca' }] },
    request: () => ({ method: 'GET', path: '/api/v1/workloads/daemonsets/node-ca' }),
  },
  'GET /api/v1/workloads/cronjobs/{name}': {
    needs: {
      all: [{ verb: 'get', group: 'batch', resource: 'cronjobs', namespace: NS, name: 'image-pruner' }],
    },
    request: () => ({ method: 'GET', path: '/api/v1/workloads/cronjobs/image-pruner' }),
  },
  'GET /api/v1/workloads/routes': {
    needs: { all: [] },
    request: () => ({ method: 'GET', path: '/api/v1/workloads/routes' }),
  },
  // The run degrades per namespace and object (list problems, per-object verdicts from the API):
  // any authenticated caller gets an answer. A mapping that matches nothing writes nothing.
  'GET /api/v1/migration/options': {
    needs: { all: [] },
    request: () => ({ method: 'GET', path: '/api/v1/migration/options' }),
  },
  'POST /api/v1/migration/preview': {
    needs: { all: [] },
    request: () => ({ method: 'POST', path: '/api/v1/migration/preview', body: MIGRATION_NOOP }),
  },
  'POST /api/v1/migration/apply': {
    needs: { all: [] },
    request: () => ({ method: 'POST', path: '/api/v1/migration/apply', body: MIGRATION_NOOP }),
  },
};

/** `GET /api/v1/config`-style keys of every operation in an OpenAPI document. */
export function operationsOf(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'put', 'patch', 'post', 'delete'].includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}
