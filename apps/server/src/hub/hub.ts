/**
 * The watch hub: ONE upstream watch per kind, shared by every stream client. Data flows one
 * way: upstream watches (watch/) → this hub (caches, snapshots) → the stream feed (feed.ts) →
 * the SSE route (stream/). Whoever derives something from the objects (the timeline, the
 * Config generations) observes the hub's changes ({@link StreamHub.observe}); the hub knows
 * none of them.
 *
 * Identity (decision): the hub watches with the SERVER's identity — its kubeconfig user in
 * kubeconfig mode, its service account when deployed in token mode. It never watches with a
 * user's token (tokens expire; one user's watch must not feed another). In token mode each
 * client's access to each kind is checked with a SelfSubjectAccessReview made as that client
 * (see access/stream-access.ts) before anything of that kind is delivered to it.
 */
import type { SnapshotEvent, StateEvent, StreamKind } from '@irc/shared';
import type { KubeClient } from '../kube/client.js';
import { forBrowser, type KubeObjectLike } from '../kube/resources.js';
import type { Metrics } from '../platform/metrics.js';
import {
  ResourceWatcher,
  type BackoffOptions,
  type ChangeType,
  type WatcherState,
  type WatchTarget,
} from '../watch/watcher.js';
import { cutLongStrings, newestEvents } from './bounds.js';
import { sseFrame, type StreamFeed } from './feed.js';
import { WATCH_TARGETS, isRelevant } from './targets.js';

/** One object version a watch delivered, as observers of the hub see it. */
export interface ObjectChange {
  kind: StreamKind;
  type: ChangeType;
  object: KubeObjectLike;
  /** The cached copy it replaces (undefined when first seen). */
  previous: KubeObjectLike | undefined;
  /** Found by a re-list after a gap (410): versions in between were never seen. */
  relisted: boolean;
}

export type ChangeObserver = (change: ObjectChange) => void;

/** Secrets redacted first, then long texts cut (a cut document could no longer be redacted). */
const toBrowser = (obj: KubeObjectLike): KubeObjectLike => cutLongStrings(forBrowser(obj));

export interface HubOptions {
  client: () => KubeClient;
  /** Where the hub publishes `change` and `state` messages. */
  feed: StreamFeed;
  metrics: Metrics;
  backoff?: BackoffOptions;
  /** No event or bookmark on a watch for this long: `stalled` (watch/watcher.ts DEFAULT_STALL_MS). */
  stallMs?: number;
  targets?: readonly WatchTarget[];
}

export class StreamHub {
  private readonly watchers = new Map<StreamKind, ResourceWatcher>();
  private readonly observers: ChangeObserver[] = [];
  /** Snapshot frames by kind, reused by every client connecting before the kind changes. */
  private readonly snapshotFrames = new Map<StreamKind, { key: string; frame: Buffer }>();
  /** Bumped on every change of a kind: what a cached snapshot frame is valid for. */
  private readonly kindVersions = new Map<StreamKind, number>();

  constructor(private readonly opts: HubOptions) {
    for (const target of opts.targets ?? WATCH_TARGETS) {
      const kind = target.kind;
      this.watchers.set(
        kind,
        new ResourceWatcher(
          target,
          opts.client,
          {
            change: (type, obj, previous, relisted) =>
              this.onChange({ kind, type, object: obj, previous, relisted: relisted === true }),
            state: (state, message) =>
              opts.feed.publish('state', kind, { kind, state, ...(message ? { message } : {}) }),
            restart: (cause) => opts.metrics.watchRestarts.inc({ kind, cause }),
            connection: (delta) => opts.metrics.upstreamWatches.inc(delta),
          },
          opts.backoff,
          opts.stallMs,
        ),
      );
    }
  }

  /**
   * Sees every object version the watches deliver (deletions too), in registration order and
   * before the change is published — so what an observer publishes about a change (a timeline
   * entry) precedes the change on the feed.
   */
  observe(observer: ChangeObserver): void {
    this.observers.push(observer);
  }

  start(): void {
    for (const w of this.watchers.values()) w.start();
  }

  stop(): void {
    for (const w of this.watchers.values()) w.stop();
    this.opts.feed.clear();
  }

  kinds(): StreamKind[] {
    return [...this.watchers.keys()];
  }

  /** Cut every upstream watch connection (tests, and after a suspected partition). */
  dropUpstreamConnections(): void {
    for (const w of this.watchers.values()) w.dropConnection();
  }

  /** The current objects of a kind as the browser gets them: bounded (see bounds.ts). */
  snapshot(kind: StreamKind): SnapshotEvent {
    const w = this.watchers.get(kind);
    let relevant = (w?.items() ?? []).filter((o) => isRelevant(kind, o));
    let omitted = 0;
    if (kind === 'Event') ({ items: relevant, omitted } = newestEvents(relevant));
    return {
      kind,
      items: relevant.map(toBrowser) as SnapshotEvent['items'],
      resourceVersion: w?.lastResourceVersion ?? '',
      ...(omitted > 0 ? { omitted } : {}),
    };
  }

  /**
   * {@link snapshot} as an SSE frame, serialized once per version of the kind: a reconnect storm
   * (1,000 tabs after a server restart) serializes each kind once, not once per client, and
   * every client holds the same Buffer. It carries no `id:` — changes of OTHER kinds would
   * otherwise make a new frame each; the `reset` sent before the snapshots carries the id, and
   * the snapshots are taken in the same tick, so they are what that id stands for.
   */
  snapshotFrame(kind: StreamKind): Buffer {
    const key = `${this.kindVersions.get(kind) ?? 0}|${this.watchers.get(kind)?.lastResourceVersion ?? ''}`;
    const hit = this.snapshotFrames.get(kind);
    if (hit?.key === key) return hit.frame;
    const frame = sseFrame(undefined, 'snapshot', JSON.stringify(this.snapshot(kind)));
    this.snapshotFrames.set(kind, { key, frame });
    return frame;
  }

  state(kind: StreamKind): WatcherState {
    return this.watchers.get(kind)?.state ?? 'resyncing';
  }

  /** The `state` message a newly connected client gets: with the reason, during an outage too. */
  stateEvent(kind: StreamKind): StateEvent {
    const message = this.watchers.get(kind)?.stateMessage;
    return { kind, state: this.state(kind), ...(message ? { message } : {}) };
  }

  /**
   * Resolves true once every watch of `kinds` has listed (its cache is the cluster's, not the
   * empty one a just-started process has) or has failed to (forbidden, API down: waiting would
   * not help), false after `timeoutMs` if one is still on its first list.
   */
  async whenListed(kinds: readonly StreamKind[], timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const settled = (w: ResourceWatcher | undefined) =>
      !w || w.hasListed || w.state === 'forbidden' || w.stateMessage !== undefined;
    const listed = () => kinds.every((k) => settled(this.watchers.get(k)));
    while (!listed()) {
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, 25));
    }
    return true;
  }

  /** Objects of a kind from the cache (diagnostics and pods may use them). */
  items(kind: StreamKind): KubeObjectLike[] {
    return this.watchers.get(kind)?.items() ?? [];
  }

  private onChange(change: ObjectChange): void {
    const { kind, type, object, previous } = change;
    this.kindVersions.set(kind, (this.kindVersions.get(kind) ?? 0) + 1);
    for (const observer of this.observers) observer(change);
    if (!isRelevant(kind, object) && !(previous && isRelevant(kind, previous))) return;
    this.opts.feed.publish('change', kind, { kind, type, object: toBrowser(object) });
  }
}
