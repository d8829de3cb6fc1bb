/**
 * `GET /api/v1/workloads…`: the objects behind the registry, in context — what Headlamp and the
 * OpenShift console show for a Deployment, DaemonSet, CronJob or Route, scoped to the ones the
 * image registry operator manages in openshift-image-registry. Every read is made as the caller.
 *
 * Each view carries the object itself (for the read-only YAML tab) with secret values redacted:
 * the real operator puts `REGISTRY_HTTP_SECRET` as a plain env value in the registry Deployment,
 * so every pod template (and `last-applied-configuration`) is scrubbed before it leaves the server.
 */
import Type, { type Static, type TSchema } from 'typebox';
import { KubeObjectSchema, ObjectRefSchema } from './common.js';
import { PodSummarySchema } from './pods.js';
import { RegistryNames } from '../registry/names.js';

/** The registry's workloads the console shows, by kind (anything else in the namespace is not ours). */
export const WorkloadNames = {
  deployments: [RegistryNames.registryDeployment, RegistryNames.operatorDeployment],
  daemonSets: ['node-ca'],
  cronJobs: ['image-pruner'],
} as const;

/** Why part of a view could not be read (403 on events, a timeout …): the view says so. */
export const PartErrorSchema = Type.Object({
  statusCode: Type.Integer(),
  reason: Type.String(),
  message: Type.String(),
});
export type PartError = Static<typeof PartErrorSchema>;

/** How an object is doing, as its card and its page's label say. */
export const WorkloadHealthSchema = Type.Union([
  Type.Literal('ok'),
  Type.Literal('progressing'),
  Type.Literal('failing'),
  Type.Literal('absent'),
  Type.Literal('unknown'),
]);
export type WorkloadHealth = Static<typeof WorkloadHealthSchema>;

/** A list read alongside the main object; `error` instead of an empty list when unreadable. */
function part<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), error: Type.Optional(PartErrorSchema) });
}

export const WorkloadConditionSchema = Type.Object({
  type: Type.String(),
  status: Type.String(),
  reason: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  lastTransitionTime: Type.Optional(Type.String()),
  lastUpdateTime: Type.Optional(Type.String()),
});
export type WorkloadCondition = Static<typeof WorkloadConditionSchema>;

/** One core/v1 Event about the object or one of its children (ReplicaSet, Job, Pod). */
export const WorkloadEventSchema = Type.Object({
  /** Normal | Warning */
  type: Type.String(),
  reason: Type.String(),
  message: Type.String(),
  count: Type.Integer(),
  firstTime: Type.Optional(Type.String()),
  lastTime: Type.Optional(Type.String()),
  /** The involved object. */
  object: ObjectRefSchema,
  /** The reporting component (`deployment-controller`, `default-scheduler` …). */
  source: Type.Optional(Type.String()),
});
export type WorkloadEvent = Static<typeof WorkloadEventSchema>;

/** A pod as the pods table shows it, without the registry/operator component split. */
export const WorkloadPodSchema = Type.Omit(PodSummarySchema, ['component']);
export type WorkloadPod = Static<typeof WorkloadPodSchema>;

const WorkloadPodsSchema = part(WorkloadPodSchema);
const WorkloadEventsSchema = part(WorkloadEventSchema);

// ── Deployments ──────────────────────────────────────────────────────────────────────────────

export const ReplicaSetSummarySchema = Type.Object({
  name: Type.String(),
  /** `deployment.kubernetes.io/revision`. */
  revision: Type.Optional(Type.Integer()),
  desired: Type.Integer(),
  current: Type.Integer(),
  ready: Type.Integer(),
  available: Type.Integer(),
  createdAt: Type.Optional(Type.String()),
  /** Its pod template is the Deployment's current one (the newest revision). */
  isCurrent: Type.Boolean(),
  images: Type.Array(Type.String()),
});
export type ReplicaSetSummary = Static<typeof ReplicaSetSummarySchema>;

export const RolloutSchema = Type.Object({
  /** spec.replicas */
  desired: Type.Integer(),
  /** status.replicas: pods of every revision */
  current: Type.Integer(),
  updated: Type.Integer(),
  ready: Type.Integer(),
  available: Type.Integer(),
  unavailable: Type.Integer(),
  generation: Type.Optional(Type.Integer()),
  observedGeneration: Type.Optional(Type.Integer()),
  paused: Type.Boolean(),
  /** RollingUpdate | Recreate */
  strategy: Type.String(),
  maxSurge: Type.Optional(Type.String()),
  maxUnavailable: Type.Optional(Type.String()),
  progressDeadlineSeconds: Type.Optional(Type.Integer()),
  /** complete: every replica updated and available; progressing; stalled: ProgressDeadlineExceeded; scaledDown: 0 desired. */
  state: Type.Union([
    Type.Literal('complete'),
    Type.Literal('progressing'),
    Type.Literal('stalled'),
    Type.Literal('scaledDown'),
  ]),
});
export type Rollout = Static<typeof RolloutSchema>;

export const DeploymentViewSchema = Type.Object({
  name: Type.String(),
  namespace: Type.String(),
  /** What manages this Deployment, and so where its replica count is really set. */
  role: Type.Union([Type.Literal('registry'), Type.Literal('operator')]),
  health: WorkloadHealthSchema,
  rollout: RolloutSchema,
  conditions: Type.Array(WorkloadConditionSchema),
  /** Newest revision first. */
  replicaSets: part(ReplicaSetSummarySchema),
  pods: WorkloadPodsSchema,
  events: WorkloadEventsSchema,
  /** The Deployment, secrets redacted (the YAML tab). */
  object: KubeObjectSchema,
});
export type DeploymentView = Static<typeof DeploymentViewSchema>;

export const WorkloadNameParamsSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 253 }),
});

export const ScaleRequestSchema = Type.Object(
  { replicas: Type.Integer({ minimum: 0, maximum: 100 }) },
  { additionalProperties: false },
);
export type ScaleRequest = Static<typeof ScaleRequestSchema>;
export const ScaleResponseSchema = Type.Object({ name: Type.String(), replicas: Type.Integer() });
export type ScaleResponse = Static<typeof ScaleResponseSchema>;

// ── node-ca DaemonSet ────────────────────────────────────────────────────────────────────────

export const DaemonSetNodeSchema = Type.Object({
  node: Type.String(),
  /** The node's Ready condition; undefined when nodes could not be read. */
  nodeReady: Type.Optional(Type.Boolean()),
  /** The daemon pod on that node, if any. */
  pod: Type.Optional(WorkloadPodSchema),
  /** The pod runs the DaemonSet's current template (`pod-template-generation`). */
  updated: Type.Boolean(),
});
export type DaemonSetNode = Static<typeof DaemonSetNodeSchema>;

export const DaemonSetViewSchema = Type.Object({
  name: Type.String(),
  namespace: Type.String(),
  health: WorkloadHealthSchema,
  status: Type.Object({
    desired: Type.Integer(),
    current: Type.Integer(),
    ready: Type.Integer(),
    updated: Type.Integer(),
    available: Type.Integer(),
    misscheduled: Type.Integer(),
    generation: Type.Optional(Type.Integer()),
    observedGeneration: Type.Optional(Type.Integer()),
  }),
  conditions: Type.Array(WorkloadConditionSchema),
  /** One row per node that runs or should run a daemon pod; `error` when nodes are unreadable. */
  nodes: part(DaemonSetNodeSchema),
  events: WorkloadEventsSchema,
  object: KubeObjectSchema,
});
export type DaemonSetView = Static<typeof DaemonSetViewSchema>;

// ── image-pruner CronJob ─────────────────────────────────────────────────────────────────────

export const JobSummarySchema = Type.Object({
  name: Type.String(),
  /** Running | Complete | Failed | Suspended */
  state: Type.String(),
  /** The Failed/Complete condition's reason and message (BackoffLimitExceeded …). */
  reason: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  startTime: Type.Optional(Type.String()),
  completionTime: Type.Optional(Type.String()),
  active: Type.Integer(),
  succeeded: Type.Integer(),
  failed: Type.Integer(),
  /** Started by hand (`oc create job --from=cronjob/…`), not on schedule. */
  manual: Type.Boolean(),
  pods: Type.Array(WorkloadPodSchema),
});
export type JobSummary = Static<typeof JobSummarySchema>;

export const CronJobViewSchema = Type.Object({
  name: Type.String(),
  namespace: Type.String(),
  /** As good as its newest Job. */
  health: WorkloadHealthSchema,
  schedule: Type.String(),
  suspend: Type.Boolean(),
  concurrencyPolicy: Type.Optional(Type.String()),
  successfulJobsHistoryLimit: Type.Optional(Type.Integer()),
  failedJobsHistoryLimit: Type.Optional(Type.Integer()),
  lastScheduleTime: Type.Optional(Type.String()),
  lastSuccessfulTime: Type.Optional(Type.String()),
  /** The ImagePruner `cluster` conditions (the operator's verdict on the pruner). */
  prunerConditions: part(WorkloadConditionSchema),
  /** Newest first. */
  jobs: part(JobSummarySchema),
  /** The Jobs' pods could not be read (the Jobs are listed without them). */
  jobPodsError: Type.Optional(PartErrorSchema),
  events: WorkloadEventsSchema,
  object: KubeObjectSchema,
});
export type CronJobView = Static<typeof CronJobViewSchema>;

// ── Routes ───────────────────────────────────────────────────────────────────────────────────

export const RouteRowSchema = Type.Object({
  name: Type.String(),
  /** Where it comes from: spec.defaultRoute, an entry of spec.routes, or neither. */
  source: Type.Union([Type.Literal('default'), Type.Literal('config'), Type.Literal('other')]),
  host: Type.Optional(Type.String()),
  /** The TLS secret the Config names for it (custom routes). */
  secretName: Type.Optional(Type.String()),
  termination: Type.Optional(Type.String()),
  /** The Route object exists in the cluster. */
  exists: Type.Boolean(),
  /** The default router's Admitted condition: True | False | Unknown, or Pending (no router answered). */
  admitted: Type.String(),
  routerName: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  /** What the operator reported about this route (a Config condition naming it), when it is missing. */
  operatorMessage: Type.Optional(Type.String()),
  object: Type.Optional(KubeObjectSchema),
});
export type RouteRow = Static<typeof RouteRowSchema>;

export const RoutesViewSchema = Type.Object({
  namespace: Type.String(),
  health: WorkloadHealthSchema,
  /** spec.defaultRoute of the Config; undefined when the Config could not be read. */
  defaultRoute: Type.Optional(Type.Boolean()),
  routes: part(RouteRowSchema),
  events: WorkloadEventsSchema,
});
export type RoutesView = Static<typeof RoutesViewSchema>;

// ── Index ────────────────────────────────────────────────────────────────────────────────────

export const WorkloadCardSchema = Type.Object({
  kind: Type.Union([
    Type.Literal('Deployment'),
    Type.Literal('DaemonSet'),
    Type.Literal('CronJob'),
    Type.Literal('Route'),
  ]),
  /** The object's name; for `Route`, the card stands for all of the namespace's routes. */
  name: Type.String(),
  health: WorkloadHealthSchema,
  /** Ready pods, scheduled nodes ready, admitted routes, succeeded recent Jobs … */
  ready: Type.Integer(),
  /** … out of desired pods, nodes, routes, recent Jobs. */
  total: Type.Integer(),
  /**
   * Deployment: its rollout state (complete, progressing, stalled, scaledDown); DaemonSet:
   * complete | progressing; CronJob: the last Job's state (Complete, Failed, Running), never or
   * suspended; Route: admitted | notAdmitted | notCreated.
   */
  state: Type.String(),
  /** The read failed: the card says why. */
  error: Type.Optional(PartErrorSchema),
});
export type WorkloadCard = Static<typeof WorkloadCardSchema>;

export const WorkloadsIndexSchema = Type.Object({
  namespace: Type.String(),
  items: Type.Array(WorkloadCardSchema),
});
export type WorkloadsIndex = Static<typeof WorkloadsIndexSchema>;
