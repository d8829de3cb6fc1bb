import type { Clock } from '../core/types.js';
import { errorMessage } from '../core/objects.js';

export type SyncResult = void | {
  requeueAfterMs?: number;
  /**
   * How long this sync would have kept its worker busy (e.g. an SDK call retrying against an
   * unreachable endpoint): the key does not run again sooner — changes that arrived meanwhile,
   * its own writes among them, are handled once it is over, as client-go's queue does for a key
   * being processed.
   */
  busyForMs?: number;
};

/**
 * A work queue keyed by object (like client-go's rate-limited workqueue): adding a key that is
 * already queued is a no-op, a key is never processed concurrently with itself, failures retry
 * with exponential backoff (5 ms … 1000 s in cluster time, as the default controller limiter).
 * Handlers are synchronous because the in-process ApiClient is.
 */
export class WorkQueue {
  private readonly pending = new Map<string, () => void>();
  private readonly failures = new Map<string, number>();
  /** Keys whose last sync is still "running" (busyForMs), with whether changes came meanwhile. */
  private readonly busy = new Map<string, { changed: boolean; cancel: () => void }>();
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly handler: (key: string) => SyncResult,
    private readonly onError: (key: string, err: unknown) => void = () => undefined,
    private readonly latencyMs = 100,
  ) {}

  add(key: string, afterMs = this.latencyMs): void {
    if (this.stopped) return;
    const busy = this.busy.get(key);
    if (busy && afterMs <= this.latencyMs) {
      busy.changed = true; // handled when the sync is over
      return;
    }
    const existing = this.pending.get(key);
    if (existing) {
      // keep the earlier of the two deadlines: cancel and re-arm only if sooner is asked
      if (afterMs > this.latencyMs) return;
      existing();
    }
    const cancel = this.clock.after(afterMs, () => {
      this.pending.delete(key);
      this.run(key);
    });
    this.pending.set(key, cancel);
  }

  private run(key: string): void {
    if (this.stopped) return;
    try {
      const res = this.handler(key);
      this.failures.delete(key);
      if (res && res.busyForMs !== undefined) this.busyFor(key, res.busyForMs);
      if (res && res.requeueAfterMs !== undefined)
        this.add(key, Math.max(res.requeueAfterMs, res.busyForMs ?? 0));
    } catch (err) {
      const n = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, n);
      this.onError(key, err);
      this.add(key, Math.min(5 * 2 ** n, 60_000));
    }
  }

  /**
   * The sync of `key` that just returned stands for one that lasted `ms`: changes that arrived
   * during it (already pending, or added before it ends) run once it is over, not sooner.
   */
  private busyFor(key: string, ms: number): void {
    const pending = this.pending.get(key);
    if (pending) {
      pending();
      this.pending.delete(key);
    }
    const state = {
      changed: pending !== undefined,
      cancel: this.clock.after(ms, () => {
        this.busy.delete(key);
        if (state.changed) this.add(key, 0);
      }),
    };
    this.busy.set(key, state);
  }

  stop(): void {
    this.stopped = true;
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
    for (const b of this.busy.values()) b.cancel();
    this.busy.clear();
  }
}

export function describeError(err: unknown): string {
  return errorMessage(err);
}
