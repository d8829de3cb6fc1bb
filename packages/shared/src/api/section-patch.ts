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

const Open = { additionalProperties: true } as const;

/** One storage backend's settings; the keys mirror `spec.storage.<backend>` of the CRD. */
export const StorageSectionSchema = Type.Object(
  {
    emptyDir: Nullable(Type.Object({}, Open)),
    pvc: Nullable(Type.Object({ claim: Type.Optional(Type.String()) }, Open)),
    s3: Nullable(
      Type.Object(
        {
          bucket: Type.Optional(Type.String()),
          region: Type.Optional(Type.String()),
          regionEndpoint: Type.Optional(Type.String()),
          chunkSizeMiB: Type.Optional(Type.Integer()),
          encrypt: Type.Optional(Type.Boolean()),
          keyID: Type.Optional(Type.String()),
          virtualHostedStyle: Type.Optional(Type.Boolean()),
          trustedCA: Type.Optional(Type.Object({ name: Type.Optional(Type.String()) }, Open)),
          cloudFront: Type.Optional(Type.Object({}, Open)),
        },
        Open,
      ),
    ),
    gcs: Nullable(Type.Object({}, Open)),
    swift: Nullable(Type.Object({}, Open)),
    azure: Nullable(Type.Object({}, Open)),
    ibmcos: Nullable(Type.Object({}, Open)),
    oss: Nullable(Type.Object({}, Open)),
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

export const TopologySpreadConstraintSchema = Type.Object(
  {
    maxSkew: Type.Integer(),
    topologyKey: Type.String(),
    whenUnsatisfiable: Type.Union([Type.Literal('DoNotSchedule'), Type.Literal('ScheduleAnyway')]),
  },
  Open,
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
