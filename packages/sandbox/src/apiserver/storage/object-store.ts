import type { KubeObject } from '../../core/types.js';
import { EventWindow, type WatchCacheOptions } from './watch-cache.js';

export type StoredEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change as the watch cache keeps it; `previous` lets selector-filtered watches see transitions. */
export interface StoredEvent {
  rv: number;
  /** When it happened (wall-clock ms), for the watch cache's freshness window. */
  at?: number;
  type: StoredEventType;
  object: KubeObject;
  previous?: KubeObject;
}

export type StoreListener = (e: StoredEvent) => void;

interface Bucket {
  key: string;
  objects: Map<string, KubeObject>;
  window: EventWindow<StoredEvent>;
  listeners: Set<StoreListener>;
}

export const objectKey = (ns: string | undefined, name: string): string => `${ns ?? ''}/${name}`;

export interface ObjectStoreOptions {
  /** The resourceVersion the store starts at (the watch caches are "initialized" there). Default 1. */
  startResourceVersion?: number;
  /** Sizing of each resource's watch cache (kube's lower/upper bounds and freshness by default). */
  watchCache?: Partial<WatchCacheOptions>;
  /** Wall-clock ms, for event freshness; default Date.now. */
  now?: () => number;
}

/**
 * The sandbox's etcd + watch cache: objects per group/resource, one global monotonically
 * increasing resourceVersion (etcd's revision), a bounded per-resource window of recent events
 * for watch resumption ({@link EventWindow}), and etcd compaction. Objects are stored
 * frozen-by-convention: callers get deep copies, never the stored instance.
 */
export class ObjectStore {
  private rv: number;
  /** The revision the watch caches were initialized at: nothing older can be watched from. */
  readonly startRv: number;
  /** etcd compaction: revisions below this are gone (continue tokens, Exact lists); 0 = none yet. */
  private compactedRv = 0;
  /** The revision recorded at the last compaction tick, compacted at the next one (kube's compactor). */
  private compactCandidate = 0;
  private readonly buckets = new Map<string, Bucket>();
  private readonly anyListeners = new Set<(resourceKey: string, e: StoredEvent) => void>();
  private readonly now: () => number;
  private readonly cache: Partial<WatchCacheOptions>;

  constructor(opts: ObjectStoreOptions = {}) {
    this.startRv = Math.max(1, Math.floor(opts.startResourceVersion ?? 1));
    this.rv = this.startRv;
    this.now = opts.now ?? Date.now;
    this.cache = opts.watchCache ?? {};
  }

  currentRv(): number {
    return this.rv;
  }

  private bucket(key: string): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = { key, objects: new Map(), window: new EventWindow<StoredEvent>(this.cache), listeners: new Set() };
      this.buckets.set(key, b);
    }
    return b;
  }

  get(resourceKey: string, ns: string | undefined, name: string): KubeObject | undefined {
    const o = this.bucket(resourceKey).objects.get(objectKey(ns, name));
    return o ? structuredClone(o) : undefined;
  }

  /** All objects of a resource (optionally of one namespace), sorted by namespace/name like etcd keys. */
  list(resourceKey: string, ns?: string): KubeObject[] {
    const out: KubeObject[] = [];
    const entries = [...this.bucket(resourceKey).objects.entries()].sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    for (const [, o] of entries)
      if (ns === undefined || o.metadata.namespace === ns) out.push(structuredClone(o));
    return out;
  }

  /** Read-only view of every object of a resource, without copying (for controllers scanning often). Never mutate. */
  peek(resourceKey: string): Iterable<Readonly<KubeObject>> {
    return this.bucket(resourceKey).objects.values();
  }

  /** Stores `obj` with a fresh resourceVersion; returns the stored copy. */
  put(resourceKey: string, obj: KubeObject): KubeObject {
    const b = this.bucket(resourceKey);
    const key = objectKey(obj.metadata.namespace, obj.metadata.name ?? '');
    const previous = b.objects.get(key);
    const stored = structuredClone(obj);
    stored.metadata.resourceVersion = String(++this.rv);
    b.objects.set(key, stored);
    this.record(b, { rv: this.rv, type: previous ? 'MODIFIED' : 'ADDED', object: stored, previous });
    return structuredClone(stored);
  }

  /** Removes an object; the DELETED event carries the object at a fresh resourceVersion. */
  remove(resourceKey: string, ns: string | undefined, name: string): KubeObject | undefined {
    const b = this.bucket(resourceKey);
    const key = objectKey(ns, name);
    const previous = b.objects.get(key);
    if (!previous) return undefined;
    b.objects.delete(key);
    const gone = structuredClone(previous);
    gone.metadata.resourceVersion = String(++this.rv);
    this.record(b, { rv: this.rv, type: 'DELETED', object: gone, previous });
    return structuredClone(gone);
  }

  private record(b: Bucket, e: StoredEvent): void {
    e.at = this.now();
    b.window.add(e);
    for (const l of [...b.listeners]) l(e);
    for (const l of [...this.anyListeners]) l(b.key, e);
  }

  /** Called after every change of any resource (garbage collector, namespace lifecycle). */
  onAnyChange(listener: (resourceKey: string, e: StoredEvent) => void): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  /**
   * Events of a resource after `rv`, or — when `rv` is older than the watch cache still holds —
   * the number the watch cache reports in its 410 ("too old resource version: rv (n)"): the oldest
   * event it still has minus one, or the revision it was initialized at minus one while it has
   * forgotten nothing (cacher's watchCache.getAllEventsSinceLocked).
   */
  since(resourceKey: string, rv: number): StoredEvent[] | { tooOld: number } {
    const w = this.bucket(resourceKey).window;
    const oldest = w.oldestRv() ?? this.startRv;
    if (rv < oldest - 1) return { tooOld: oldest - 1 };
    return w.after(rv);
  }

  /**
   * One tick of kube-apiserver's etcd compactor (every --etcd-compaction-interval): compacts to
   * the revision recorded at the previous tick, then records the current one — so a revision
   * stays readable for one to two intervals.
   */
  compact(): void {
    if (this.compactCandidate > 0) this.compactedRv = this.compactCandidate;
    this.compactCandidate = this.rv;
  }

  /** Revisions below this have been compacted away (0: none yet). */
  compactedRevision(): number {
    return this.compactedRv;
  }

  subscribe(resourceKey: string, listener: StoreListener): () => void {
    const b = this.bucket(resourceKey);
    b.listeners.add(listener);
    return () => b.listeners.delete(listener);
  }

  resourceKeys(): string[] {
    return [...this.buckets.keys()];
  }
}
