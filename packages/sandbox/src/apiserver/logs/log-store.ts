import type { LogLine, PodLogStore } from '../../core/types.js';

interface ContainerLog {
  current: LogLine[];
  previous?: LogLine[];
  followers: Set<(line: LogLine) => void>;
  enders: Map<(line: LogLine) => void, () => void>;
}

/** RFC 3339 with nanoseconds, as the kubelet writes `--timestamps` (millisecond precision, zero-padded). */
export function rfc3339Nano(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/**
 * The kubelet's container log files, in memory: one current log per container plus the last
 * terminated instance (`previous`), bounded like log rotation (oldest lines dropped).
 */
export class MemoryPodLogStore implements PodLogStore {
  private readonly logs = new Map<string, ContainerLog>();

  constructor(private readonly maxLinesPerContainer = 10_000) {}

  private key(ns: string, pod: string, container: string): string {
    return `${ns}/${pod}/${container}`;
  }

  private entry(ns: string, pod: string, container: string): ContainerLog {
    const k = this.key(ns, pod, container);
    let e = this.logs.get(k);
    if (!e) {
      e = { current: [], followers: new Set(), enders: new Map() };
      this.logs.set(k, e);
    }
    return e;
  }

  append(ns: string, pod: string, container: string, text: string, time: Date = new Date()): void {
    const e = this.entry(ns, pod, container);
    for (const part of text.replace(/\n$/, '').split('\n')) {
      const line: LogLine = { time: rfc3339Nano(time), text: part };
      e.current.push(line);
      if (e.current.length > this.maxLinesPerContainer) e.current.shift();
      for (const f of [...e.followers]) f(line);
    }
  }

  rotate(ns: string, pod: string, container: string): void {
    const e = this.entry(ns, pod, container);
    e.previous = e.current;
    e.current = [];
    // The instance being followed is gone: its followers' streams end.
    const ends = [...e.enders.values()];
    e.followers.clear();
    e.enders.clear();
    for (const end of ends) end();
  }

  remove(ns: string, pod: string): void {
    const prefix = `${ns}/${pod}/`;
    for (const [k, e] of [...this.logs.entries()]) {
      if (!k.startsWith(prefix)) continue;
      this.logs.delete(k);
      for (const end of [...e.enders.values()]) end();
    }
  }

  /** True when the container has ever logged or been followed (the kubelet knows it). */
  has(ns: string, pod: string, container: string): boolean {
    return this.logs.has(this.key(ns, pod, container));
  }

  read(
    ns: string,
    pod: string,
    container: string,
    opts: { previous?: boolean; tailLines?: number; sinceTime?: Date; limitBytes?: number },
  ): LogLine[] | undefined {
    const e = this.logs.get(this.key(ns, pod, container));
    let lines = opts.previous ? e?.previous : (e?.current ?? []);
    if (!lines) return undefined;
    if (opts.sinceTime) {
      const since = opts.sinceTime.getTime();
      lines = lines.filter((l) => Date.parse(l.time) >= since);
    }
    if (opts.tailLines !== undefined) lines = opts.tailLines === 0 ? [] : lines.slice(-opts.tailLines);
    return [...lines];
  }

  follow(
    ns: string,
    pod: string,
    container: string,
    onLine: (line: LogLine) => void,
    onEnd?: () => void,
  ): () => void {
    const e = this.entry(ns, pod, container);
    e.followers.add(onLine);
    if (onEnd) e.enders.set(onLine, onEnd);
    return () => {
      e.followers.delete(onLine);
      e.enders.delete(onLine);
    };
  }
}
