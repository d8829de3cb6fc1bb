/**
 * The watch hub: ONE upstream watch per kind, shared by every stream client.
 *
 * Identity (decision): the hub watches with the SERVER's identity — its kubeconfig user in
 * kubeconfig mode, its service account when deployed in token mode. It never watches with a
 * user's token (tokens expire; one user's watch must not feed another). In token mode each
 * client's access to each kind is checked with a SelfSubjectAccessReview made as that client
 * (see stream-route.ts) before anything of that kind is delivered to it.
 *
 * Messages get a hub-wide sequence number; the last N are kept so a client reconnecting with
 * `Last-Event-ID: <epoch>.<seq>` gets exactly what it missed. The epoch changes per process, so
 * an id from before a restart yields a reset + fresh snapshots instead of a wrong replay.
 */
import { randomBytes } from 'node:crypto';
import type { SnapshotEvent, StateEvent, StreamEventName, StreamKind, TimelineEntry } from '@irc/shared';
import type { KubeClient } from '../kube/client.js';
import { forBrowser, type KubeObjectLike } from '../kube/resources.js';
import type { Metrics } from '../platform/metrics.js';
import { cutLongStrings, newestEvents } from './bounds.js';
import { sseFrame } from './sse.js';
import { WATCH_TARGETS, isRelevant } from './targets.js';
import { entryKind, type Timeline } from './timeline.js';
import { ResourceWatcher, type BackoffOptions, type WatcherState, type WatchTarget } from './watcher.js';

export interface HubMessage {
  seq: number;
  event: StreamEventName;
  kind: StreamKind;
  /** The whole SSE message (id, event, data), serialized once for every client. */
  frame: Buffer;
  /** On `timeline` messages: the entry, so a client is sent only what it may read (timeline.ts). */
  entry?: TimelineEntry;
}

/** Secrets redacted first, then long texts cut (a cut document could no longer be redacted). */
const toBrowser = (obj: KubeObjectLike): KubeObjectLike => cutLongStrings(forBrowser(obj));

export type HubListener = (message: HubMessage) => void;

export interface HubOptions {
  client: () => KubeClient;
  timeline: Timeline;
  metrics: Metrics;
  /** How many messages are kept for Last-Event-ID replay. */
  replayBuffer?: number;
  backoff?: BackoffOptions;
  /** No event or bookmark on a watch for this long: `stalled` (watcher.ts DEFAULT_STALL_MS). */
  stallMs?: number;
  targets?: readonly WatchTarget[];
  /** Sees every object version the watches deliver (e.g. Config resourceVersion → generation). */
  observe?: (kind: StreamKind, obj: KubeObjectLike) => void;
}

export class StreamHub {
  readonly epoch = randomBytes(4).toString('hex');
  private seq = 0;
  private readonly log: HubMessage[] = [];
  private readonly listeners = new Set<HubListener>();
  private readonly watchers = new Map<StreamKind, ResourceWatcher>();
  private readonly replayBuffer: number;
  /** Snapshot frames by kind, reused by every client connecting before the kind changes. */
  private readonly snapshotFrames = new Map<StreamKind, { key: string; frame: Buffer }>();
  /** Bumped on every change of a kind: what a cached snapshot frame is valid for. */
  private readonly kindVersions = new Map<StreamKind, number>();

  constructor(private readonly opts: HubOptions) {
    this.replayBuffer = opts.replayBuffer ?? 2000;
    for (const target of opts.targets ?? WATCH_TARGETS) {
      const kind = target.kind;
      this.watchers.set(
        kind,
        new ResourceWatcher(
          target,
          opts.client,
          {
            change: (type, obj, previous, relisted) =>
              this.onChange(kind, type, obj, previous, relisted === true),
            state: (state, message) =>
              this.publish('state', kind, { kind, state, ...(message ? { message } : {}) }),
            restart: (cause) => opts.metrics.watchRestarts.inc({ kind, cause }),
            connection: (delta) => opts.metrics.upstreamWatches.inc(delta),
          },
          opts.backoff,
          opts.stallMs,
        ),
      );
    }
    opts.timeline.on('entry', (entry: TimelineEntry) =>
      this.publish('timeline', entryKind(entry), entry, entry),
    );
  }

  start(): void {
    for (const w of this.watchers.values()) w.start();
  }

  stop(): void {
    for (const w of this.watchers.values()) w.stop();
    this.listeners.clear();
  }

  kinds(): StreamKind[] {
    return [...this.watchers.keys()];
  }

  /** Cut every upstream watch connection (tests, and after a suspected partition). */
  dropUpstreamConnections(): void {
    for (const w of this.watchers.values()) w.dropConnection();
  }

  lastId(): string {
    return `${this.epoch}.${this.seq}`;
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

  /** Objects of a kind from the cache (diagnostics and pods may use them). */
  items(kind: StreamKind): KubeObjectLike[] {
    return this.watchers.get(kind)?.items() ?? [];
  }

  /**
   * Messages after `lastEventId`, or null when they are no longer all available (other epoch,
   * too old, malformed) — the caller then resets the client.
   */
  since(lastEventId: string | undefined): HubMessage[] | null {
    if (!lastEventId) return null;
    const [epoch, seqText] = lastEventId.split('.');
    const seq = Number(seqText);
    if (epoch !== this.epoch || !Number.isInteger(seq) || seq > this.seq) return null;
    const oldest = this.log[0]?.seq ?? this.seq + 1;
    if (seq < oldest - 1) return null;
    return this.log.filter((m) => m.seq > seq);
  }

  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private onChange(
    kind: StreamKind,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    obj: KubeObjectLike,
    previous: KubeObjectLike | undefined,
    relisted: boolean,
  ): void {
    this.kindVersions.set(kind, (this.kindVersions.get(kind) ?? 0) + 1);
    if (type !== 'DELETED') this.opts.observe?.(kind, obj);
    if (kind === 'Config' || kind === 'ClusterOperator') {
      if (type !== 'DELETED')
        this.opts.timeline.observeConditions(kind, obj, previous, { afterGap: relisted });
    } else if (kind === 'Event' && type !== 'DELETED') {
      this.opts.timeline.observeEvent(obj);
    }
    if (!isRelevant(kind, obj) && !(previous && isRelevant(kind, previous))) return;
    this.publish('change', kind, { kind, type, object: toBrowser(obj) });
  }

  private publish(event: StreamEventName, kind: StreamKind, data: unknown, entry?: TimelineEntry): void {
    const seq = ++this.seq;
    const message: HubMessage = {
      seq,
      event,
      kind,
      frame: sseFrame(`${this.epoch}.${seq}`, event, JSON.stringify(data)),
      ...(entry ? { entry } : {}),
    };
    this.log.push(message);
    if (this.log.length > this.replayBuffer) this.log.splice(0, this.log.length - this.replayBuffer);
    for (const listener of this.listeners) listener(message);
  }
}
