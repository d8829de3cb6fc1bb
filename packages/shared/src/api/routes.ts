/**
 * The BFF's routes, one table: method, path under {@link API_PREFIX}, the TypeBox schemas of
 * params, query, body and the 200 answer, and what the OpenAPI document says of the route (tags,
 * summary, the error codes it answers). The server registers each route from its row (under the
 * one prefix) with only a handler of its own; the web calls `request(route, { params, query,
 * body })`, whose static type is the row's response — no caller names or casts an answer's type.
 */
import Type, { type Static, type TSchema } from 'typebox';
import {
  ConfigResponseSchema,
  ConflictBodySchema,
  PatchConfigRequestSchema,
  PatchConfigResponseSchema,
} from './config.js';
import { DiagnosticsResponseSchema } from './diagnostics.js';
import { HistoryRangeQuerySchema, TrafficResponseSchema } from './history.js';
import { MeResponseSchema } from './me.js';
import { MigrationOptionsSchema, MigrationRequestSchema, MigrationResponseSchema } from './migration.js';
import { API_PREFIX } from './paths.js';
import { PodLogParamsSchema, PodLogQuerySchema, PodsResponseSchema } from './pods.js';
import {
  PullSecretRegistryParamsSchema,
  PullSecretStatusSchema,
  PutPullSecretRegistryRequestSchema,
  PutPullSecretRegistryResponseSchema,
} from './pullsecret.js';
import { CredentialsStatusSchema, PutCredentialsRequestSchema } from './storage.js';
import { TimelineQuerySchema, TimelineResponseSchema } from './timeline.js';
import {
  PutTrustRequestSchema,
  PutTrustResponseSchema,
  TrustRegistryParamsSchema,
  TrustStatusSchema,
} from './trust.js';
import {
  CronJobViewSchema,
  DaemonSetViewSchema,
  DeploymentViewSchema,
  RoutesViewSchema,
  ScaleRequestSchema,
  ScaleResponseSchema,
  WorkloadNameParamsSchema,
  WorkloadsIndexSchema,
} from './workloads.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRoute {
  readonly method: HttpMethod;
  /** Under {@link API_PREFIX}, Fastify's syntax: `/pods/:namespace/:name/log`. */
  readonly path: string;
  readonly params?: TSchema;
  readonly query?: TSchema;
  /** Request headers the route reads (the event stream's `Last-Event-ID`). */
  readonly headers?: TSchema;
  readonly body?: TSchema;
  /** The 200 answer (a string for text and event streams). */
  readonly response: TSchema;
  /** Content types of the 200 answer other than JSON (OpenAPI `produces`). */
  readonly produces?: readonly string[];
  /** OpenAPI tags and summary. */
  readonly tags: readonly string[];
  readonly summary: string;
  /** Error codes the route can answer with the common error body (`ErrorBody`). */
  readonly errors: readonly number[];
  /** Other answers with a body of their own (409 on the config carries the live object). */
  readonly responses?: Readonly<Record<number, TSchema>>;
}

const route = <const R extends ApiRoute>(r: R): R => r;

/** `GET /stream` resumes from the last event id the browser saw. */
export const StreamQuerySchema = Type.Object({ lastEventId: Type.Optional(Type.String({ maxLength: 64 })) });
/** …or from the `Last-Event-ID` an EventSource sends when it reconnects by itself. */
export const StreamHeadersSchema = Type.Object({
  'last-event-id': Type.Optional(Type.String({ maxLength: 64 })),
});

export const ApiRoutes = {
  config: route({
    method: 'GET',
    path: '/config',
    response: ConfigResponseSchema,
    tags: ['config'],
    summary:
      'The registry configuration (configs.imageregistry.operator.openshift.io cluster, else instance)',
    errors: [401, 403, 404, 503, 504],
  }),
  patchConfig: route({
    method: 'PATCH',
    path: '/config',
    body: PatchConfigRequestSchema,
    response: PatchConfigResponseSchema,
    tags: ['config'],
    summary: 'Apply a section patch as a JSON merge patch guarded by resourceVersion (optionally dry run)',
    errors: [400, 401, 403, 404, 413, 422, 429, 503, 504],
    responses: { 409: ConflictBodySchema },
  }),
  credentials: route({
    method: 'GET',
    path: '/storage/credentials',
    response: CredentialsStatusSchema,
    tags: ['storage'],
    summary: 'Which storage credential keys the user secret holds, and when they changed (never values)',
    errors: [401, 403, 503, 504],
  }),
  putCredentials: route({
    method: 'PUT',
    path: '/storage/credentials',
    body: PutCredentialsRequestSchema,
    response: CredentialsStatusSchema,
    tags: ['storage'],
    summary:
      'Set or remove storage credential keys in image-registry-private-configuration-user (create or update)',
    errors: [400, 401, 403, 409, 413, 422, 429, 503, 504],
  }),
  pods: route({
    method: 'GET',
    path: '/pods',
    response: PodsResponseSchema,
    tags: ['pods'],
    summary: 'Registry and operator pods in openshift-image-registry',
    errors: [401, 403, 503, 504],
  }),
  podLog: route({
    method: 'GET',
    path: '/pods/:namespace/:name/log',
    params: PodLogParamsSchema,
    query: PodLogQuerySchema,
    response: Type.String({ description: 'log text' }),
    produces: ['text/plain'],
    tags: ['pods'],
    summary: 'Relay a container log (text/plain); streamed while follow=true',
    errors: [400, 401, 403, 404, 429, 502, 503, 504],
  }),
  stream: route({
    method: 'GET',
    path: '/stream',
    query: StreamQuerySchema,
    headers: StreamHeadersSchema,
    response: Type.String({ description: 'text/event-stream' }),
    produces: ['text/event-stream'],
    tags: ['status'],
    summary:
      'Server-Sent Events: snapshot/change/timeline/state/reset messages (see the shared stream contract)',
    errors: [401, 403, 429, 503],
  }),
  timeline: route({
    method: 'GET',
    path: '/timeline',
    query: TimelineQuerySchema,
    response: TimelineResponseSchema,
    tags: ['status'],
    summary: 'Condition transitions, namespace events and console changes, newest first',
    errors: [400, 401, 403],
  }),
  historyTraffic: route({
    method: 'GET',
    path: '/history/traffic',
    query: HistoryRangeQuerySchema,
    response: TrafficResponseSchema,
    tags: ['status'],
    summary:
      "The registry's request rate, 5xx rate, p99 latency, storage errors and storage latency over a range, read from cluster monitoring with the caller's token",
    errors: [400, 401],
  }),
  diagnostics: route({
    method: 'GET',
    path: '/diagnostics',
    response: DiagnosticsResponseSchema,
    tags: ['diagnostics'],
    summary:
      'The "Identifying errors" checklist computed live: one verdict per step with evidence and next steps',
    errors: [401, 503],
  }),
  me: route({
    method: 'GET',
    path: '/me',
    response: MeResponseSchema,
    tags: ['me'],
    summary: 'The caller (SelfSubjectReview) and what they may do (SelfSubjectAccessReviews)',
    errors: [401, 503],
  }),
  trust: route({
    method: 'GET',
    path: '/trust',
    response: TrustStatusSchema,
    tags: ['trust'],
    summary:
      'Registries with an additional trusted CA (images.config.openshift.io/cluster additionalTrustedCA), with certificate details',
    errors: [401, 403, 404, 503, 504],
  }),
  putTrust: route({
    method: 'PUT',
    path: '/trust/:registry',
    params: TrustRegistryParamsSchema,
    body: PutTrustRequestSchema,
    response: PutTrustResponseSchema,
    tags: ['trust'],
    summary:
      "Add or replace a registry's trusted CA bundle (PEM); creates the ConfigMap and the image config reference when missing",
    errors: [400, 401, 403, 404, 409, 413, 422, 429, 503, 504],
  }),
  deleteTrust: route({
    method: 'DELETE',
    path: '/trust/:registry',
    params: TrustRegistryParamsSchema,
    response: TrustStatusSchema,
    tags: ['trust'],
    summary: "Remove a registry's trusted CA",
    errors: [400, 401, 403, 404, 409, 422, 429, 503, 504],
  }),
  pullSecret: route({
    method: 'GET',
    path: '/pull-secret',
    response: PullSecretStatusSchema,
    tags: ['pull-secret'],
    summary:
      'Registries the global pull secret (openshift-config/pull-secret) holds credentials for: names and field presence only',
    errors: [401, 403, 503, 504],
  }),
  putPullSecretRegistry: route({
    method: 'PUT',
    path: '/pull-secret/registries/:registry',
    params: PullSecretRegistryParamsSchema,
    body: PutPullSecretRegistryRequestSchema,
    response: PutPullSecretRegistryResponseSchema,
    tags: ['pull-secret'],
    summary:
      "Add or replace one registry's credentials in the global pull secret (other entries untouched; 409 on a concurrent change)",
    errors: [400, 401, 403, 409, 413, 422, 429, 503, 504],
  }),
  migrationOptions: route({
    method: 'GET',
    path: '/migration/options',
    response: MigrationOptionsSchema,
    tags: ['migration'],
    summary:
      'Namespaces the caller can list and the kinds the cluster serves, for the image reference migration form',
    errors: [401, 503, 504],
  }),
  migrationPreview: route({
    method: 'POST',
    path: '/migration/preview',
    body: MigrationRequestSchema,
    response: MigrationResponseSchema,
    tags: ['migration'],
    summary:
      'Dry run of oc adm migrate image-references: per-object changes and verdicts (every write sent with dryRun=All)',
    errors: [400, 401, 403, 413, 415, 422, 429, 503, 504],
  }),
  migrationApply: route({
    method: 'POST',
    path: '/migration/apply',
    body: MigrationRequestSchema,
    response: MigrationResponseSchema,
    tags: ['migration'],
    summary:
      'oc adm migrate image-references --confirm: rewrites image references and pull secret registry keys object by object; a failure does not stop or undo the others',
    errors: [400, 401, 403, 413, 415, 422, 429, 503, 504],
  }),
  workloads: route({
    method: 'GET',
    path: '/workloads',
    response: WorkloadsIndexSchema,
    tags: ['workloads'],
    summary:
      'The objects behind the registry (Deployments, node-ca DaemonSet, image-pruner CronJob, Routes), one health card each',
    errors: [401, 503, 504],
  }),
  deployment: route({
    method: 'GET',
    path: '/workloads/deployments/:name',
    params: WorkloadNameParamsSchema,
    response: DeploymentViewSchema,
    tags: ['workloads'],
    summary:
      'A registry Deployment: rollout, conditions, ReplicaSets by revision, pods, events and the object (secrets redacted)',
    errors: [400, 401, 403, 404, 503, 504],
  }),
  scaleDeployment: route({
    method: 'PUT',
    path: '/workloads/deployments/:name/scale',
    params: WorkloadNameParamsSchema,
    body: ScaleRequestSchema,
    response: ScaleResponseSchema,
    tags: ['workloads'],
    summary:
      'Scale the operator Deployment (the registry Deployment is scaled by the operator from the Config’s spec.replicas)',
    errors: [400, 401, 403, 404, 409, 422, 429, 503, 504],
  }),
  daemonSet: route({
    method: 'GET',
    path: '/workloads/daemonsets/:name',
    params: WorkloadNameParamsSchema,
    response: DaemonSetViewSchema,
    tags: ['workloads'],
    summary: 'The node-ca DaemonSet: counts, one row per node with its daemon pod, events and the object',
    errors: [400, 401, 403, 404, 503, 504],
  }),
  cronJob: route({
    method: 'GET',
    path: '/workloads/cronjobs/:name',
    params: WorkloadNameParamsSchema,
    response: CronJobViewSchema,
    tags: ['workloads'],
    summary:
      'The image-pruner CronJob: schedule, ImagePruner conditions, recent Jobs with their pods, events and the object',
    errors: [400, 401, 403, 404, 503, 504],
  }),
  workloadRoutes: route({
    method: 'GET',
    path: '/workloads/routes',
    response: RoutesViewSchema,
    tags: ['workloads'],
    summary:
      'The registry’s Routes: the ones the Config asks for and the ones that exist, with the router’s admission and reason',
    errors: [401, 403, 503, 504],
  }),
} as const satisfies Record<string, ApiRoute>;

type Part<R, K extends 'params' | 'query' | 'body'> = R extends { [P in K]: infer S extends TSchema }
  ? Static<S>
  : undefined;
export type RouteParams<R extends ApiRoute> = Part<R, 'params'>;
export type RouteQuery<R extends ApiRoute> = Part<R, 'query'>;
export type RouteBody<R extends ApiRoute> = Part<R, 'body'>;
/** The static type of a route's 200 answer. */
export type RouteResponse<R extends ApiRoute> = Static<R['response']>;

/**
 * What a call of the route carries: `params` and `body` exactly when the route has them,
 * `query` optionally.
 */
export type RouteInput<R extends ApiRoute> = (R extends { params: TSchema }
  ? { params: RouteParams<R> }
  : { params?: undefined }) &
  (R extends { body: TSchema } ? { body: RouteBody<R> } : { body?: undefined }) &
  (R extends { query: TSchema } ? { query?: Partial<RouteQuery<R>> } : { query?: undefined });

/**
 * The route's path from the server root (`/api/v1/...`), its `:params` filled and encoded
 * (`host:port` is fine in a path segment; encoded anyway).
 */
export function routePath(route: ApiRoute, params?: Readonly<Record<string, string>>): string {
  return (
    API_PREFIX +
    route.path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
      const value = params?.[key];
      if (value === undefined) throw new Error(`${route.path}: no value for :${key}`);
      return encodeURIComponent(value);
    })
  );
}
