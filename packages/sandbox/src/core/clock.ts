import type { Clock } from './types.js';

/** Default time scale: cluster durations run ten times faster than in a real cluster. */
export const DEFAULT_TIME_SCALE = 0.1;

/** Reads SANDBOX_TIME_SCALE (1 = realistic, 0.1 default, 0.01 in tests); bad values fall back to the default. */
export function timeScaleFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SANDBOX_TIME_SCALE;
  if (raw === undefined || raw.trim() === '') return DEFAULT_TIME_SCALE;
  const scale = Number(raw);
  return Number.isFinite(scale) && scale > 0 ? scale : DEFAULT_TIME_SCALE;
}

/**
 * A {@link Clock} over real timers. Timers are unref'd so a forgotten controller timer never keeps
 * a test process alive; `stop()` cancels everything still pending (sandbox shutdown).
 */
export class ScaledClock implements Clock {
  readonly scale: number;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(scale: number = timeScaleFromEnv()) {
    if (!(scale > 0)) throw new Error(`time scale must be > 0, got ${scale}`);
    this.scale = scale;
  }

  now(): Date {
    return new Date();
  }

  after(clusterMs: number, fn: () => void): () => void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, this.realMs(clusterMs));
    timer.unref();
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  every(clusterMs: number, fn: () => void): () => void {
    const timer = setInterval(fn, Math.max(1, this.realMs(clusterMs)));
    timer.unref();
    this.timers.add(timer);
    return () => {
      clearInterval(timer);
      this.timers.delete(timer);
    };
  }

  /** Cancels every pending timer. */
  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private realMs(clusterMs: number): number {
    return Math.max(0, Math.round(clusterMs * this.scale));
  }
}
