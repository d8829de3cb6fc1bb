/**
 * The watch window's settings as the sandbox takes them from its environment and command line,
 * named after kube-apiserver's flags: the watch cache size per resource (its lower and upper
 * bound) and --etcd-compaction-interval (a Go duration: 5m, 30s, 1h30m; 0 turns compaction off).
 */
export interface WatchWindowSettings {
  /** Initial and lowest watch cache capacity per resource (default 100). */
  watchCacheSize?: number;
  /** Highest watch cache capacity per resource (default 102400). */
  watchCacheMaxSize?: number;
  /** How often etcd compacts, in ms (default 5 minutes; 0 = never). */
  compactionIntervalMs?: number;
  /** For how long after a start lists and watches answer 503 "storage is (re)initializing" (default 0). */
  storageInitializingMs?: number;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go duration (`5m`, `1m30s`, `250ms`, `0`) in milliseconds; a bare number is seconds. */
export function parseDuration(text: string): number {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== t)
    throw new Error(`invalid duration ${JSON.stringify(text)} (use e.g. 5m, 30s, 1h)`);
  return parts.reduce((ms, p) => ms + Number(p[1]) * (UNITS[p[2] as string] as number), 0);
}

function count(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(text)}`);
  return n;
}

/** SANDBOX_WATCH_CACHE_SIZE, SANDBOX_WATCH_CACHE_MAX_SIZE, SANDBOX_ETCD_COMPACTION_INTERVAL, SANDBOX_STORAGE_INITIALIZING. */
export function watchWindowFromEnv(env: NodeJS.ProcessEnv = process.env): WatchWindowSettings {
  const out: WatchWindowSettings = {};
  const size = env.SANDBOX_WATCH_CACHE_SIZE?.trim();
  const max = env.SANDBOX_WATCH_CACHE_MAX_SIZE?.trim();
  const interval = env.SANDBOX_ETCD_COMPACTION_INTERVAL?.trim();
  if (size) out.watchCacheSize = count('SANDBOX_WATCH_CACHE_SIZE', size);
  if (max) out.watchCacheMaxSize = count('SANDBOX_WATCH_CACHE_MAX_SIZE', max);
  if (interval) out.compactionIntervalMs = parseDuration(interval);
  const init = env.SANDBOX_STORAGE_INITIALIZING?.trim();
  if (init) out.storageInitializingMs = parseDuration(init);
  return out;
}

/** `--watch-cache-size=N`, `--watch-cache-max-size=N`, `--etcd-compaction-interval=5m` (also as two words). */
export function watchWindowFromArgs(args: string[]): WatchWindowSettings {
  const out: WatchWindowSettings = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = (args[i] as string).split('=', 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--watch-cache-size') out.watchCacheSize = count(flag, value());
    else if (flag === '--watch-cache-max-size') out.watchCacheMaxSize = count(flag, value());
    else if (flag === '--etcd-compaction-interval') out.compactionIntervalMs = parseDuration(value());
    else if (flag === '--storage-initializing') out.storageInitializingMs = parseDuration(value());
    else throw new Error(`unknown flag ${flag}`);
  }
  return out;
}
