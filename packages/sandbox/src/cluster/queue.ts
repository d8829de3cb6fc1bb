import type { Clock } from '../core/types.js';
import { errorMessage } from '../core/objects.js';

export type SyncResult = void | { requeueAfterMs?: number };

/**
 * A work queue keyed by object (like client-go's rate-limited workqueue): adding a key that is
 * already queued is a no-op, a key is never processed concurrently with itself, failures retry
 * with exponential backoff (5 ms … 1000 s in cluster time, as the default controller limiter).
 * Handlers are synchronous because the in-process ApiClient is.
 */
export class WorkQueue {
  private readonly pending = new Map<string, () => void>();
  private readonly failures = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly handler: (key: string) => SyncResult,
    private readonly onError: (key: string, err: unknown) => void = () => undefined,
    private readonly latencyMs = 100,
  ) {}

  add(key: string, afterMs = this.latencyMs): void {
    if (this.stopped) return;
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
      if (res && res.requeueAfterMs !== undefined) this.add(key, res.requeueAfterMs);
    } catch (err) {
      const n = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, n);
      this.onError(key, err);
      this.add(key, Math.min(5 * 2 ** n, 60_000));
    }
  }

  stop(): void {
    this.stopped = true;
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }
}

export function describeError(err: unknown): string {
  return errorMessage(err);
}
