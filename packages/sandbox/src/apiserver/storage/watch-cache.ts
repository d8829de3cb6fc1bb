/**
 * One resource's window of recent events, sized the way kube-apiserver sizes its watch cache
 * (k8s.io/apiserver storage/cacher watch_cache.go, 1.32): it starts at a lower-bound capacity,
 * doubles (up to an upper bound) whenever it is full and its oldest event is still fresh, halves
 * (down to the lower bound) when it is full and even the newest quarter is stale, and otherwise
 * forgets its oldest event to take a new one. A watch from before the oldest event it still
 * holds is answered 410 Expired. Freshness is wall-clock time, as the API server's own (the
 * sandbox clock's time scale speeds up controllers, not the API server).
 */
export interface WatchCacheOptions {
  /** Initial and lowest capacity per resource (kube: defaultLowerBoundCapacity = 100). */
  size: number;
  /** Highest capacity per resource (kube: defaultUpperBoundCapacity = 100 * 1024). */
  maxSize: number;
  /** A full cache grows while its oldest event is younger than this (kube: eventFreshDuration = 75 s). */
  freshMs: number;
}

export const DEFAULT_WATCH_CACHE: WatchCacheOptions = { size: 100, maxSize: 100 * 1024, freshMs: 75_000 };

interface TimedEvent {
  rv: number;
  at?: number;
}

export class EventWindow<E extends TimedEvent = TimedEvent> {
  private events: E[] = [];
  /** Index of the oldest live event in `events` (the array is compacted now and then, not shifted). */
  private head = 0;
  private capacity: number;
  private readonly min: number;
  private readonly max: number;
  private readonly freshMs: number;
  /** An event was ever forgotten: from then on the oldest event held, not the start, bounds watches. */
  private forgot = false;

  constructor(opts: Partial<WatchCacheOptions> = {}) {
    this.min = Math.max(1, Math.floor(opts.size ?? DEFAULT_WATCH_CACHE.size));
    this.max = Math.max(this.min, Math.floor(opts.maxSize ?? DEFAULT_WATCH_CACHE.maxSize));
    this.freshMs = opts.freshMs ?? DEFAULT_WATCH_CACHE.freshMs;
    this.capacity = this.min;
  }

  get size(): number {
    return this.events.length - this.head;
  }

  /** The current capacity (grows and shrinks with the event rate). */
  get currentCapacity(): number {
    return this.capacity;
  }

  add(e: E): void {
    const now = e.at ?? 0;
    this.resize(now);
    if (this.size >= this.capacity) this.dropOldest(this.size - this.capacity + 1);
    this.events.push(e);
  }

  /** resizeCacheLocked: grow while the oldest is fresh, shrink when the newest quarter is stale. */
  private resize(now: number): void {
    if (this.size < this.capacity) return;
    const oldest = this.events[this.head] as E;
    if (now - (oldest.at ?? now) < this.freshMs) {
      this.capacity = Math.min(this.capacity * 2, this.max);
      return;
    }
    const quarter = this.events[this.events.length - Math.floor(this.capacity / 4)];
    if (quarter && now - (quarter.at ?? now) > this.freshMs) {
      const smaller = Math.max(Math.floor(this.capacity / 2), this.min);
      if (smaller < this.capacity) {
        this.capacity = smaller;
        if (this.size > smaller) this.dropOldest(this.size - smaller);
      }
    }
  }

  private dropOldest(n: number): void {
    if (n <= 0) return;
    this.head += n;
    this.forgot = true;
    if (this.head > 1024 && this.head * 2 > this.events.length) {
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
  }

  /** The resourceVersion of the oldest event still held, once any was forgotten (else undefined). */
  oldestRv(): number | undefined {
    if (!this.forgot) return undefined;
    return this.events[this.head]?.rv;
  }

  /** Events newer than `rv`, oldest first. */
  after(rv: number): E[] {
    const out: E[] = [];
    for (let i = this.events.length - 1; i >= this.head; i--) {
      const e = this.events[i] as E;
      if (e.rv <= rv) break;
      out.push(e);
    }
    return out.reverse();
  }
}
