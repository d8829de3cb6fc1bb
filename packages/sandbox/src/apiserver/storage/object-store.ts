import type { KubeObject } from '../../core/types.js';

export type StoredEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change as the watch cache keeps it; `previous` lets selector-filtered watches see transitions. */
export interface StoredEvent {
  rv: number;
  /** When it happened (ms), for the freshness window. */
  at?: number;
  type: StoredEventType;
  object: KubeObject;
  previous?: KubeObject;
}

export type StoreListener = (e: StoredEvent) => void;

interface Bucket {
  key: string;
  objects: Map<string, KubeObject>;
  history: StoredEvent[];
  /** RV of the newest event evicted from history (0: none yet) — watches from before it get 410. */
  evictedThrough: number;
  listeners: Set<StoreListener>;
}

/** The watch cache never keeps fewer events than this per resource (kube's lower bound). */
const MIN_HISTORY = 100;

export const objectKey = (ns: string | undefined, name: string): string => `${ns ?? ''}/${name}`;

/**
 * The sandbox's etcd + watch cache: objects per group/resource, one global monotonically
 * increasing resourceVersion, and a bounded per-resource event history for watch resumption.
 * Objects are stored frozen-by-convention: callers get deep copies, never the stored instance.
 */
export class ObjectStore {
  private rv = 1;
  private readonly buckets = new Map<string, Bucket>();
  private readonly anyListeners = new Set<(resourceKey: string, e: StoredEvent) => void>();

  /**
   * @param historyCapacity most events kept per resource
   * @param freshMs events younger than this are never evicted below `historyCapacity`; older ones
   *   go once more than MIN_HISTORY are kept — kube's watch cache sizes itself to a ~75 s window the same way.
   */
  constructor(
    private readonly historyCapacity = 100_000,
    private readonly freshMs = 75_000,
    private readonly now: () => number = Date.now,
  ) {}

  currentRv(): number {
    return this.rv;
  }

  private bucket(key: string): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = { key, objects: new Map(), history: [], evictedThrough: 0, listeners: new Set() };
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
    const now = this.now();
    e.at = now;
    b.history.push(e);
    const stale = (x: StoredEvent | undefined): boolean =>
      x !== undefined && now - (x.at ?? now) > this.freshMs && b.history.length > MIN_HISTORY;
    while (b.history.length > this.historyCapacity || stale(b.history[0]))
      b.evictedThrough = (b.history.shift() as StoredEvent).rv;
    for (const l of [...b.listeners]) l(e);
    for (const l of [...this.anyListeners]) l(b.key, e);
  }

  /** Called after every change of any resource (garbage collector, namespace lifecycle). */
  onAnyChange(listener: (resourceKey: string, e: StoredEvent) => void): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  /**
   * Events of a resource after `rv`, or a number when `rv` is older than the history:
   * the oldest resourceVersion still known minus one, as the watch cache reports it in its 410.
   */
  since(resourceKey: string, rv: number): StoredEvent[] | { tooOld: number } {
    const b = this.bucket(resourceKey);
    if (b.evictedThrough > 0 && rv < b.evictedThrough) return { tooOld: b.evictedThrough };
    return b.history.filter((e) => e.rv > rv);
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
