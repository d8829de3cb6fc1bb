/**
 * The BFF's routes, one table: method, path under {@link API_PREFIX}, and the TypeBox schemas of
 * params, query, body and the 200 answer. The server registers each route from its row (under
 * the one prefix); the web calls `request(route, { params, query, body })`, whose static type is
 * the row's response — no caller names or casts an answer's type.
 */
import Type, { type Static, type TSchema } from 'typebox';
import { ConfigResponseSchema, PatchConfigRequestSchema, PatchConfigResponseSchema } from './config.js';
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
}

const route = <const R extends ApiRoute>(r: R): R => r;

/** `GET /stream` resumes from the last event id the browser saw. */
export const StreamQuerySchema = Type.Object({ lastEventId: Type.Optional(Type.String({ maxLength: 64 })) });
/** …or from the `Last-Event-ID` an EventSource sends when it reconnects by itself. */
export const StreamHeadersSchema = Type.Object({
  'last-event-id': Type.Optional(Type.String({ maxLength: 64 })),
});

export const ApiRoutes = {
  config: route({ method: 'GET', path: '/config', response: ConfigResponseSchema }),
  patchConfig: route({
    method: 'PATCH',
    path: '/config',
    body: PatchConfigRequestSchema,
    response: PatchConfigResponseSchema,
  }),
  credentials: route({ method: 'GET', path: '/storage/credentials', response: CredentialsStatusSchema }),
  putCredentials: route({
    method: 'PUT',
    path: '/storage/credentials',
    body: PutCredentialsRequestSchema,
    response: CredentialsStatusSchema,
  }),
  pods: route({ method: 'GET', path: '/pods', response: PodsResponseSchema }),
  podLog: route({
    method: 'GET',
    path: '/pods/:namespace/:name/log',
    params: PodLogParamsSchema,
    query: PodLogQuerySchema,
    response: Type.String({ description: 'log text' }),
  }),
  stream: route({
    method: 'GET',
    path: '/stream',
    query: StreamQuerySchema,
    headers: StreamHeadersSchema,
    response: Type.String({ description: 'text/event-stream' }),
  }),
  timeline: route({
    method: 'GET',
    path: '/timeline',
    query: TimelineQuerySchema,
    response: TimelineResponseSchema,
  }),
  historyTraffic: route({
    method: 'GET',
    path: '/history/traffic',
    query: HistoryRangeQuerySchema,
    response: TrafficResponseSchema,
  }),
  diagnostics: route({ method: 'GET', path: '/diagnostics', response: DiagnosticsResponseSchema }),
  me: route({ method: 'GET', path: '/me', response: MeResponseSchema }),
  trust: route({ method: 'GET', path: '/trust', response: TrustStatusSchema }),
  putTrust: route({
    method: 'PUT',
    path: '/trust/:registry',
    params: TrustRegistryParamsSchema,
    body: PutTrustRequestSchema,
    response: PutTrustResponseSchema,
  }),
  deleteTrust: route({
    method: 'DELETE',
    path: '/trust/:registry',
    params: TrustRegistryParamsSchema,
    response: TrustStatusSchema,
  }),
  pullSecret: route({ method: 'GET', path: '/pull-secret', response: PullSecretStatusSchema }),
  putPullSecretRegistry: route({
    method: 'PUT',
    path: '/pull-secret/registries/:registry',
    params: PullSecretRegistryParamsSchema,
    body: PutPullSecretRegistryRequestSchema,
    response: PutPullSecretRegistryResponseSchema,
  }),
  migrationOptions: route({ method: 'GET', path: '/migration/options', response: MigrationOptionsSchema }),
  migrationPreview: route({
    method: 'POST',
    path: '/migration/preview',
    body: MigrationRequestSchema,
    response: MigrationResponseSchema,
  }),
  migrationApply: route({
    method: 'POST',
    path: '/migration/apply',
    body: MigrationRequestSchema,
    response: MigrationResponseSchema,
  }),
  workloads: route({ method: 'GET', path: '/workloads', response: WorkloadsIndexSchema }),
  deployment: route({
    method: 'GET',
    path: '/workloads/deployments/:name',
    params: WorkloadNameParamsSchema,
    response: DeploymentViewSchema,
  }),
  scaleDeployment: route({
    method: 'PUT',
    path: '/workloads/deployments/:name/scale',
    params: WorkloadNameParamsSchema,
    body: ScaleRequestSchema,
    response: ScaleResponseSchema,
  }),
  daemonSet: route({
    method: 'GET',
    path: '/workloads/daemonsets/:name',
    params: WorkloadNameParamsSchema,
    response: DaemonSetViewSchema,
  }),
  cronJob: route({
    method: 'GET',
    path: '/workloads/cronjobs/:name',
    params: WorkloadNameParamsSchema,
    response: CronJobViewSchema,
  }),
  workloadRoutes: route({ method: 'GET', path: '/workloads/routes', response: RoutesViewSchema }),
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
