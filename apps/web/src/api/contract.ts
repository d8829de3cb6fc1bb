/**
 * The BFF contract and cluster object types as the UI uses them, all from `@irc/shared`
 * (api/, registry/, rules/), gathered in one place so pages import from one module.
 */
export type {
  ChangeEntry,
  ChangeEvent,
  ConditionEntry,
  ConditionLane,
  ConfigResponse,
  ConflictBody,
  ContainerSummary,
  CredentialKey,
  CredentialKeyStatus,
  CredentialsStatus,
  DiagnosticLink,
  DiagnosticStep,
  DiagnosticsHeadline,
  DiagnosticsResponse,
  ErrorBody,
  EventEntry,
  FieldError,
  Finding,
  FixTarget,
  HistoryStatus,
  LaneSegment,
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
  TrafficResponse,
  TrafficSeries,
  Verdict,
} from '@irc/shared';

/** A condition as the tables show it (Config, ClusterOperator and ImagePruner share this shape). */
export interface Condition {
  type: string;
  /** True, False or Unknown. */
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export type {
  ClusterOperator,
  ConfigSpec,
  ConfigStatus,
  JsonObject,
  LogLevel,
  ManagementState,
  RequestLimits,
  ResourcesSection,
  RolloutStrategy,
  RouteEntry,
  StorageSpec,
  Toleration,
} from '@irc/shared';
import type { Config } from '@irc/shared';

/** The Config as the BFF relays it. */
export type RegistryConfig = Config;
