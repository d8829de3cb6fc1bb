/**
 * The BFF contract as the UI uses it: the HTTP shapes come from `@irc/shared` (api/); the
 * cluster object shapes below are narrow local views, replaced by `@irc/shared` registry
 * types once those are exported.
 */
export type {
  ChangeEntry,
  ChangeEvent,
  ConditionEntry,
  ConfigResponse,
  ConflictBody,
  ContainerSummary,
  CredentialKey,
  CredentialKeyStatus,
  CredentialsStatus,
  DiagnosticLink,
  DiagnosticStep,
  DiagnosticsResponse,
  ErrorBody,
  EventEntry,
  FieldError,
  MeResponse,
  PatchConfigRequest,
  PatchConfigResponse,
  Permission,
  PermissionId,
  PodLogQuery,
  PodSummary,
  PodsResponse,
  PutCredentialsRequest,
  SectionPatch,
  SnapshotEvent,
  StateEvent,
  StorageClaimInfo,
  StreamKind,
  TimelineEntry,
  TimelineResponse,
  Verdict,
} from '@irc/shared';

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export type ManagementState = 'Managed' | 'Unmanaged' | 'Removed';
export type LogLevel = 'Normal' | 'Debug' | 'Trace' | 'TraceAll';
export type RolloutStrategy = 'RollingUpdate' | 'Recreate';

export type RouteEntry = {
  name: string;
  hostname?: string;
  secretName?: string;
};

export type RequestLimits = {
  maxRunning?: number;
  maxInQueue?: number;
  maxWaitInQueue?: string;
};

export type Toleration = {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: '' | 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
};

export type ResourcesSection = {
  limits?: Record<string, string | number>;
  requests?: Record<string, string | number>;
};

export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

export type StorageSpec = {
  emptyDir?: JsonObject | null;
  pvc?: { claim?: string } | null;
  s3?: JsonObject | null;
  gcs?: JsonObject | null;
  swift?: JsonObject | null;
  azure?: JsonObject | null;
  ibmcos?: JsonObject | null;
  oss?: JsonObject | null;
  managementState?: 'Managed' | 'Unmanaged';
};

export interface ConfigSpec {
  managementState?: ManagementState | string;
  replicas?: number;
  logLevel?: LogLevel | '';
  operatorLogLevel?: LogLevel | '';
  proxy?: { http?: string; https?: string; noProxy?: string };
  storage?: StorageSpec;
  requests?: { read?: RequestLimits; write?: RequestLimits };
  defaultRoute?: boolean;
  routes?: RouteEntry[];
  rolloutStrategy?: RolloutStrategy;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  resources?: ResourcesSection;
  readOnly?: boolean;
  disableRedirect?: boolean;
  [key: string]: unknown;
}

export interface ConfigStatus {
  conditions?: Condition[];
  readyReplicas?: number;
  observedGeneration?: number;
  storage?: StorageSpec;
  storageManaged?: boolean;
}

export interface RegistryConfig {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec: ConfigSpec;
  status?: ConfigStatus;
}

export interface ClusterOperator {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  status?: { conditions?: Condition[]; versions?: { name: string; version: string }[] };
}
