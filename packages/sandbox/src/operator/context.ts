import type { ApiClient, Clock, KubeObject } from '../core/types.js';
import type { EventRecorder } from '../cluster/events.js';
import type { SimWorld } from '../cluster/cloud.js';
import type { PlatformFacts } from '../cluster/seed/index.js';
import type { Klog } from './klog.js';
import type { CondSpec } from './conditions.js';

/** Everything one operator process works with. */
export interface OperatorEnv {
  api: ApiClient;
  clock: Clock;
  world: SimWorld;
  log: Klog;
  events: EventRecorder;
  platform: PlatformFacts;
  /** The operator's own Deployment: involvedObject of its events. */
  self(): KubeObject;
}

/** Result of syncing the storage backend: what the rest of the sync needs. */
export interface StorageResult {
  /** spec.storage fields the operator writes back (bucket, region, encrypt, managementState …) */
  specStorage: Record<string, unknown>;
  /** status.storage */
  statusStorage: Record<string, unknown>;
  conditions: CondSpec[];
  /** registry container env for this backend */
  env: Array<{ name: string; value?: string; valueFrom?: unknown }>;
  volumes: Array<Record<string, unknown>>;
  mounts: Array<Record<string, unknown>>;
  /** data of `image-registry-private-configuration` */
  secretData: Record<string, string>;
  /** set when the backend could not be verified or created: the sync reports it, nothing is applied */
  error?: SyncError;
  /** cluster ms the backend's calls took when they are slow (an SDK retrying an unreachable endpoint) */
  elapsedMs?: number;
}

/** An error the operator returns from a sync step; permanent ones set Degraded at once. */
export class SyncError extends Error {
  constructor(
    message: string,
    readonly permanentReason?: string,
  ) {
    super(message);
  }
}
