/**
 * The section patch: what the web app sends when the user saves one section of the registry
 * configuration. Every property is optional; a present property REPLACES that part of
 * `spec` whole (see rules/merge-patch.ts for how it becomes a JSON merge patch):
 *  - `storage` replaces the backend (switching backend emits `null` for the old key);
 *  - maps (`nodeSelector`, `resources`, `requests`, `proxy`) are replaced, removed keys become `null`;
 *  - atomic lists (`routes`, `tolerations`, `topologySpreadConstraints`) are sent whole;
 *  - `null` clears an optional field.
 */
import Type, { type Static } from 'typebox';
// The registry index, not its files: importing it registers the formats (duration …) these carry.
import {
  TopologySpreadConstraint,
  AzureStorage,
  EmptyDirStorage,
  GCSStorage,
  IBMCOSStorage,
  OSSStorage,
  PVCStorage,
  S3Storage,
  SwiftStorage,
} from '../registry/index.js';
import { closed } from './declared-fields.js';

const Nullable = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));

export const ManagementStateSchema = Type.Union([
  Type.Literal('Managed'),
  Type.Literal('Unmanaged'),
  Type.Literal('Removed'),
]);
export type ManagementState = Static<typeof ManagementStateSchema>;

export const LogLevelSchema = Type.Union([
  Type.Literal('Normal'),
  Type.Literal('Debug'),
  Type.Literal('Trace'),
  Type.Literal('TraceAll'),
]);
export type LogLevel = Static<typeof LogLevelSchema>;

export const RolloutStrategySchema = Type.Union([Type.Literal('RollingUpdate'), Type.Literal('Recreate')]);
export type RolloutStrategy = Static<typeof RolloutStrategySchema>;

export const ProxySectionSchema = Type.Object(
  {
    http: Type.Optional(Type.String()),
    https: Type.Optional(Type.String()),
    noProxy: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type ProxySection = Static<typeof ProxySectionSchema>;

/**
 * One storage backend's settings: the registry's own schemas of `spec.storage.<backend>`,
 * closed at every depth (declared-fields.ts: an unknown key never reaches the API server).
 */
export const StorageSectionSchema = Type.Object(
  {
    emptyDir: Nullable(closed(EmptyDirStorage)),
    pvc: Nullable(closed(PVCStorage)),
    s3: Nullable(closed(S3Storage)),
    gcs: Nullable(closed(GCSStorage)),
    swift: Nullable(closed(SwiftStorage)),
    azure: Nullable(closed(AzureStorage)),
    ibmcos: Nullable(closed(IBMCOSStorage)),
    oss: Nullable(closed(OSSStorage)),
    /** Managed: the operator owns (and deletes on Removed) the bucket/claim. */
    managementState: Type.Optional(Type.Union([Type.Literal('Managed'), Type.Literal('Unmanaged')])),
  },
  { additionalProperties: false },
);
export type StorageSection = Static<typeof StorageSectionSchema>;

export const STORAGE_BACKENDS = ['emptyDir', 'pvc', 's3', 'gcs', 'swift', 'azure', 'ibmcos', 'oss'] as const;
export type StorageBackend = (typeof STORAGE_BACKENDS)[number];

export const RequestLimitsSchema = Type.Object(
  {
    maxRunning: Type.Optional(Type.Integer()),
    maxInQueue: Type.Optional(Type.Integer()),
    /** Go duration, e.g. `30s`, `1m0s`. */
    maxWaitInQueue: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type RequestLimits = Static<typeof RequestLimitsSchema>;

export const RequestsSectionSchema = Type.Object(
  { read: Type.Optional(RequestLimitsSchema), write: Type.Optional(RequestLimitsSchema) },
  { additionalProperties: false },
);
export type RequestsSection = Static<typeof RequestsSectionSchema>;

export const RouteEntrySchema = Type.Object(
  {
    name: Type.String(),
    hostname: Type.Optional(Type.String()),
    secretName: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type RouteEntry = Static<typeof RouteEntrySchema>;

export const TolerationSchema = Type.Object(
  {
    key: Type.Optional(Type.String()),
    operator: Type.Optional(Type.Union([Type.Literal('Exists'), Type.Literal('Equal')])),
    value: Type.Optional(Type.String()),
    effect: Type.Optional(
      Type.Union([
        Type.Literal(''),
        Type.Literal('NoSchedule'),
        Type.Literal('PreferNoSchedule'),
        Type.Literal('NoExecute'),
      ]),
    ),
    tolerationSeconds: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
export type Toleration = Static<typeof TolerationSchema>;

const Quantity = Type.Union([Type.String(), Type.Number()]);
export const ResourcesSectionSchema = Type.Object(
  {
    limits: Type.Optional(Type.Record(Type.String(), Quantity)),
    requests: Type.Optional(Type.Record(Type.String(), Quantity)),
  },
  { additionalProperties: false },
);
export type ResourcesSection = Static<typeof ResourcesSectionSchema>;

/** The registry's TopologySpreadConstraint, closed, with the enum kube's validation applies. */
export const TopologySpreadConstraintSchema = Type.Object(
  {
    ...closed(TopologySpreadConstraint).properties,
    whenUnsatisfiable: Type.Union([Type.Literal('DoNotSchedule'), Type.Literal('ScheduleAnyway')]),
  },
  { additionalProperties: false },
);

export const SectionPatchSchema = Type.Object(
  {
    managementState: Type.Optional(ManagementStateSchema),
    replicas: Type.Optional(Type.Integer()),
    proxy: Nullable(ProxySectionSchema),
    storage: Type.Optional(StorageSectionSchema),
    requests: Nullable(RequestsSectionSchema),
    defaultRoute: Type.Optional(Type.Boolean()),
    routes: Nullable(Type.Array(RouteEntrySchema)),
    // advanced
    logLevel: Type.Optional(LogLevelSchema),
    operatorLogLevel: Type.Optional(LogLevelSchema),
    rolloutStrategy: Nullable(RolloutStrategySchema),
    nodeSelector: Nullable(Type.Record(Type.String(), Type.String())),
    tolerations: Nullable(Type.Array(TolerationSchema)),
    resources: Nullable(ResourcesSectionSchema),
    topologySpreadConstraints: Nullable(Type.Array(TopologySpreadConstraintSchema)),
    readOnly: Type.Optional(Type.Boolean()),
    disableRedirect: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SectionPatch = Static<typeof SectionPatchSchema>;

/** The keys of `spec` a section patch can touch, in the order the UI shows them. */
export const SECTION_KEYS = [
  'managementState',
  'replicas',
  'proxy',
  'storage',
  'requests',
  'defaultRoute',
  'routes',
  'logLevel',
  'operatorLogLevel',
  'rolloutStrategy',
  'nodeSelector',
  'tolerations',
  'resources',
  'topologySpreadConstraints',
  'readOnly',
  'disableRedirect',
] as const satisfies readonly (keyof SectionPatch)[];
