/**
 * The UI re-runs the checklist on every relevant stream change, so bursts of identical requests
 * arrive while one is still gathering. Per key (the caller's identity) at most one run is in
 * flight and at most one is queued: a request that arrives during a run waits for the NEXT run,
 * which starts after the current one (so it sees the change that triggered it), and every
 * request arriving meanwhile shares that queued run. Never serves a result computed before the
 * request arrived.
 */
export class Coalescer<T> {
  private readonly running = new Map<string, Promise<T>>();
  private readonly queued = new Map<string, Promise<T>>();

  run(key: string, fn: () => Promise<T>): Promise<T> {
    const queued = this.queued.get(key);
    if (queued) return queued;
    const current = this.running.get(key);
    if (!current) return this.start(key, fn);
    const next = current
      .catch(() => undefined)
      .then(() => {
        this.queued.delete(key);
        return this.start(key, fn);
      });
    this.queued.set(key, next);
    return next;
  }

  private start(key: string, fn: () => Promise<T>): Promise<T> {
    const p = fn().finally(() => {
      if (this.running.get(key) === p) this.running.delete(key);
    });
    this.running.set(key, p);
    return p;
  }
}
