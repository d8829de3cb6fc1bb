import type { TimelineEntry } from '../api/contract.js';
import type { ResolvedRange } from './timeRange.js';

/**
 * The entries of a range, newest first, once each: what the server answered for it (monitoring's
 * past merged with its watch) plus what the live watch has added since — a range ending now
 * keeps growing without being read again.
 */
export function entriesInRange(
  fromRange: readonly TimelineEntry[],
  live: readonly TimelineEntry[],
  range: ResolvedRange,
): TimelineEntry[] {
  const byId = new Map<string, TimelineEntry>();
  const inRange = (e: TimelineEntry) => {
    const t = Date.parse(e.time);
    return t >= range.startMs && (range.live || t <= range.endMs);
  };
  for (const e of fromRange) if (inRange(e)) byId.set(e.id, e);
  for (const e of live) if (inRange(e) && !byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => Date.parse(b.time) - Date.parse(a.time) || (b.id > a.id ? 1 : -1));
}
