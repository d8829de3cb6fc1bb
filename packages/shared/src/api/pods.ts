/** `GET /api/v1/pods` and `GET /api/v1/pods/:namespace/:name/log`. */
import Type, { type Static } from 'typebox';
import { QueryInteger } from './common.js';

export const ContainerSummarySchema = Type.Object({
  name: Type.String(),
  image: Type.Optional(Type.String()),
  ready: Type.Boolean(),
  restartCount: Type.Integer(),
  /** running | waiting | terminated | unknown */
  state: Type.String(),
  /** e.g. CrashLoopBackOff, ContainerCreating, Error */
  reason: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  startedAt: Type.Optional(Type.String()),
  /** The previous instance terminated: `previous=true` logs exist. */
  hasPreviousLog: Type.Boolean(),
});
export type ContainerSummary = Static<typeof ContainerSummarySchema>;

export const PodSummarySchema = Type.Object({
  name: Type.String(),
  namespace: Type.String(),
  component: Type.Union([Type.Literal('registry'), Type.Literal('operator')]),
  phase: Type.String(),
  /** Ready condition True. */
  ready: Type.Boolean(),
  /** "1/1" style count of ready containers. */
  readyContainers: Type.String(),
  restarts: Type.Integer(),
  createdAt: Type.Optional(Type.String()),
  ageSeconds: Type.Optional(Type.Integer()),
  node: Type.Optional(Type.String()),
  deleting: Type.Boolean(),
  containers: Type.Array(ContainerSummarySchema),
  resourceVersion: Type.Optional(Type.String()),
});
export type PodSummary = Static<typeof PodSummarySchema>;

export const PodsResponseSchema = Type.Object({
  namespace: Type.String(),
  pods: Type.Array(PodSummarySchema),
});
export type PodsResponse = Static<typeof PodsResponseSchema>;

export const PodLogParamsSchema = Type.Object({
  namespace: Type.String({ minLength: 1, maxLength: 253 }),
  name: Type.String({ minLength: 1, maxLength: 253 }),
});
export type PodLogParams = Static<typeof PodLogParamsSchema>;

/** Mirrors the kube-apiserver PodLogOptions the relay forwards. */
export const PodLogQuerySchema = Type.Object(
  {
    container: Type.Optional(Type.String({ minLength: 1, maxLength: 253 })),
    follow: Type.Optional(Type.Boolean()),
    tailLines: Type.Optional(QueryInteger({ minimum: 0, maximum: 100000 })),
    sinceSeconds: Type.Optional(QueryInteger({ minimum: 1 })),
    timestamps: Type.Optional(Type.Boolean()),
    previous: Type.Optional(Type.Boolean()),
    limitBytes: Type.Optional(QueryInteger({ minimum: 1 })),
    // Resuming a followed log after a broken stream exactly where it stopped (`sinceSeconds`
    // would depend on the browser's clock agreeing with the cluster's).
    sinceTime: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'RFC 3339 time: only lines logged at or after it (kubelet timestamps)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PodLogQuery = Static<typeof PodLogQuerySchema>;
/** The log relay answers `text/plain; charset=utf-8`, streamed line by line while `follow`. */
export const POD_LOG_CONTENT_TYPE = 'text/plain; charset=utf-8';

/**
 * A log the cluster could not fetch because the kubelet of the pod's node cannot be reached
 * (node down, NotReady, kubelet stopped, firewall). The API server answers 500 with the kubelet
 * URL and node address in its message; the BFF answers this instead, without either.
 */
export const NodeUnreachableError = {
  statusCode: 502,
  reason: 'NodeUnreachable',
  message: 'the node running this pod cannot be reached',
} as const;
