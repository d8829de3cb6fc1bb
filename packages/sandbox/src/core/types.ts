/**
 * The contract between the sandbox's API machinery (apiserver/, store) and everything that runs
 * "inside" the sandbox cluster (the simulated operator, kube controllers, scenarios).
 *
 * Controllers never touch storage directly: they call an {@link ApiClient}, which goes through
 * exactly the same admission path as an HTTP request (defaulting, validation, CEL, RBAC,
 * resourceVersion checks, watch events). That is what keeps the sandbox honest.
 */

import type { ObjectMeta as SharedObjectMeta } from '@irc/shared';

/** A Kubernetes object as stored and served: plain JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** metav1.ObjectMeta as the shared model has it, plus what only the API server itself records. */
export interface ObjectMeta extends SharedObjectMeta {
  deletionGracePeriodSeconds?: number;
  managedFields?: unknown[];
}

export type OwnerReference = NonNullable<SharedObjectMeta['ownerReferences']>[number];

/** metav1.Status, as every error is answered. */
export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: StatusCause[];
    retryAfterSeconds?: number;
  };
  code: number;
}

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

/** Names one resource type: group '' is the core group. */
export interface ResourceRef {
  group: string;
  version: string;
  /** plural, lower case: 'pods', 'configs' */
  resource: string;
}

export type PatchType = 'merge' | 'json' | 'strategic' | 'apply';

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  /** Strict | Warn | Ignore, as the fieldValidation query parameter */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
}

export interface DeleteOptions extends WriteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  /** The deprecated flag as sent (kube answers 202 only when it is false and the object stays). */
  orphanDependents?: boolean;
  preconditions?: { resourceVersion?: string; uid?: string };
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  resourceVersionMatch?: 'Exact' | 'NotOlderThan';
  limit?: number;
  continue?: string;
}

export interface WatchOptions extends ListOptions {
  allowWatchBookmarks?: boolean;
  sendInitialEvents?: boolean;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject | StatusBody;
}

/** Result of a write: the object plus any warnings the API server would send (Warning header). */
export interface WriteResult<T extends KubeObject = KubeObject> {
  object: T;
  warnings: string[];
}

export interface ListResult {
  apiVersion: string;
  kind: string; // e.g. 'PodList'
  metadata: { resourceVersion: string; continue?: string };
  items: KubeObject[];
}

/** Who is asking. Controllers act as 'system:admin' (or a named service account). */
export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
}

/**
 * The in-process API. Every method throws {@link ApiError} (carrying a metav1.Status) exactly
 * where the HTTP API answers non-2xx. `ns` is undefined for cluster-scoped resources.
 */
export interface ApiClient {
  readonly user: UserInfo;
  get(ref: ResourceRef, ns: string | undefined, name: string): KubeObject;
  list(ref: ResourceRef, ns: string | undefined, opts?: ListOptions): ListResult;
  create(ref: ResourceRef, ns: string | undefined, obj: KubeObject, opts?: WriteOptions): WriteResult;
  update(
    ref: ResourceRef,
    ns: string | undefined,
    obj: KubeObject,
    opts?: WriteOptions & { subresource?: 'status' },
  ): WriteResult;
  patch(
    ref: ResourceRef,
    ns: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    opts?: WriteOptions & { subresource?: 'status' },
  ): WriteResult;
  delete(
    ref: ResourceRef,
    ns: string | undefined,
    name: string,
    opts?: DeleteOptions,
  ): KubeObject | StatusBody;
  /** Starts a watch; returns a function that stops it. Throws ApiError (410) for a too-old resourceVersion. */
  watch(
    ref: ResourceRef,
    ns: string | undefined,
    opts: WatchOptions,
    onEvent: (e: WatchEvent) => void,
  ): () => void;
}

/** One line of a container's log, as the kubelet keeps it. */
export interface LogLine {
  /** RFC3339Nano, as `kubectl logs --timestamps` prints it */
  time: string;
  text: string;
}

/**
 * Container logs, written by the simulated workloads and served by the pods/log subresource.
 * Keyed by namespace/pod/container; `previous` is the log of the container's last terminated
 * instance (kept when a container restarts, like the kubelet does).
 */
export interface PodLogStore {
  append(ns: string, pod: string, container: string, text: string, time?: Date): void;
  /** Called when a container restarts: the current log becomes `previous`, a new one starts. */
  rotate(ns: string, pod: string, container: string): void;
  /** Forget a deleted pod's logs. */
  remove(ns: string, pod: string): void;
  read(
    ns: string,
    pod: string,
    container: string,
    opts: { previous?: boolean; tailLines?: number; sinceTime?: Date; limitBytes?: number },
  ): LogLine[] | undefined;
  /**
   * Called with every new line until the returned function is called. `onEnd` (optional) is
   * called when the followed container instance ends (a restart rotates its log), as the kubelet
   * closes a `logs -f` stream when the container exits.
   */
  follow(
    ns: string,
    pod: string,
    container: string,
    onLine: (line: LogLine) => void,
    onEnd?: () => void,
  ): () => void;
}

/**
 * Simulated time. Durations given to the clock are *cluster* durations (what the real operator
 * or kubelet would take); the clock divides them by the time scale (SANDBOX_TIME_SCALE: 1 =
 * realistic, default brisk, tests near-instant). Timestamps stay real wall-clock time.
 */
export interface Clock {
  readonly scale: number;
  now(): Date;
  /** Runs `fn` after `clusterMs` cluster milliseconds; returns a cancel function. */
  after(clusterMs: number, fn: () => void): () => void;
  /** Runs `fn` every `clusterMs` cluster milliseconds; returns a cancel function. */
  every(clusterMs: number, fn: () => void): () => void;
}

/** What the sandbox hands to the controllers that run inside it. */
export interface ControllerContext {
  /** An in-process client acting as `user` (default: the system:admin superuser). */
  api(user?: UserInfo): ApiClient;
  logs: PodLogStore;
  clock: Clock;
}

export interface ScenarioInfo {
  name: string;
  description: string;
  active: boolean;
}

/** Named fault scenarios (workshop: "Identifying errors"). */
export interface ScenarioControl {
  list(): ScenarioInfo[];
  /** Throws ApiError 404 for an unknown name. */
  activate(name: string): Promise<void>;
  /** Clears one scenario, or all when no name is given, and lets the cluster heal. */
  clear(name?: string): Promise<void>;
}

export interface ControllerHandle {
  scenarios: ScenarioControl;
  /** The simulated components' metrics endpoints (monitoring/). */
  monitoring?: import('../monitoring/index.js').SandboxMonitoring;
  stop(): Promise<void>;
}
