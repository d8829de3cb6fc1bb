import { useRef } from 'react';
import type { LogBuffer } from './logBuffer.js';
import { splitTimestamp } from './logBuffer.js';
import { findMatches, type LogMatch } from './logSearch.js';

interface Scan {
  query: string;
  dropped: number;
  scanned: number;
  lines: readonly string[] | null;
  matches: LogMatch[];
}

const textOf = (line: string) => splitTimestamp(line)[1];

/**
 * Matches of `query` in the buffer, updated incrementally while lines stream in: only new lines
 * are searched, so following a busy log with a search active stays cheap. A new query, or old
 * lines dropped, searches everything once.
 */
export function incrementalMatches(scan: Scan, buffer: LogBuffer, query: string, limit: number): Scan {
  const lines = buffer.all();
  const fresh = scan.query !== query || scan.dropped !== buffer.dropped || scan.lines !== lines || scan.scanned > lines.length;
  if (fresh) {
    return { query, dropped: buffer.dropped, lines, scanned: lines.length, matches: findMatches(lines, query, limit, textOf) };
  }
  if (scan.scanned === lines.length || scan.matches.length >= limit) return scan;
  const added = findMatches(lines.slice(scan.scanned), query, limit - scan.matches.length, textOf).map((m) => ({ ...m, line: m.line + scan.scanned }));
  return { ...scan, scanned: lines.length, matches: added.length ? [...scan.matches, ...added] : scan.matches };
}

export function useMatches(buffer: LogBuffer, version: number, query: string, limit: number): LogMatch[] {
  const scan = useRef<Scan>({ query: '', dropped: 0, scanned: 0, lines: null, matches: [] });
  void version; // re-evaluated on every new batch of lines
  scan.current = incrementalMatches(scan.current, buffer, query, limit);
  return scan.current.matches;
}
