import { useEffect, useRef, useState } from 'react';
import { textStart, type LogBuffer } from '@irc/shared';
import { scanMatches, searchPattern, type LogMatch } from './logSearch.js';

export interface Scan {
  query: string;
  pattern: RegExp | null;
  /** buffer.dropped when `matches` was last brought up to date. */
  dropped: number;
  /** Lines [0, scanned) are searched. */
  scanned: number;
  lines: readonly string[] | null;
  matches: LogMatch[];
}

export const EMPTY_SCAN: Scan = {
  query: '',
  pattern: null,
  dropped: 0,
  scanned: 0,
  lines: null,
  matches: [],
};
/** Longest a search keeps the main thread in one go; the rest of the scan continues in later tasks. */
export const SLICE_MS = 20;

/** True while lines remain to be searched (more matches may come). */
export function scanPending(scan: Scan, buffer: LogBuffer, limit: number): boolean {
  return scan.query !== '' && scan.scanned < buffer.length && scan.matches.length < limit;
}

/**
 * Matches of `query` in the buffer, brought up to date incrementally: a new query starts over;
 * appended lines are searched as they come; lines dropped at the front shift the matches found
 * instead of searching everything again. Each call searches for at most `budgetMs`, so a new
 * query over 300k lines never blocks the page: the caller calls again (next task) while
 * scanPending() says so, and the matches grow in order.
 */
export function incrementalMatches(
  scan: Scan,
  buffer: LogBuffer,
  query: string,
  limit: number,
  budgetMs = Infinity,
): Scan {
  const lines = buffer.all();
  let next = scan;
  if (scan.query !== query || scan.lines !== lines || buffer.dropped < scan.dropped) {
    next = {
      query,
      pattern: query ? searchPattern(query) : null,
      dropped: buffer.dropped,
      lines,
      scanned: 0,
      matches: [],
    };
  } else if (buffer.dropped > scan.dropped) {
    const shift = buffer.dropped - scan.dropped;
    next = {
      ...scan,
      dropped: buffer.dropped,
      scanned: Math.max(0, scan.scanned - shift),
      matches: scan.matches.filter((m) => m.line >= shift).map((m) => ({ ...m, line: m.line - shift })),
    };
  }
  if (!next.pattern || next.scanned >= lines.length || next.matches.length >= limit) return next;
  const matches = [...next.matches];
  const scanned = scanMatches(lines, next.pattern, matches, {
    from: next.scanned,
    limit,
    deadline: performance.now() + budgetMs,
    startOf: textStart,
  });
  return { ...next, scanned, matches: matches.length === next.matches.length ? next.matches : matches };
}

/** The matches, and whether the search is still going through older lines. */
export function useMatches(
  buffer: LogBuffer,
  version: number,
  query: string,
  limit: number,
): { matches: LogMatch[]; searching: boolean } {
  const scan = useRef<Scan>(EMPTY_SCAN);
  const [, setSlice] = useState(0);
  void version; // re-evaluated on every new batch of lines
  scan.current = incrementalMatches(scan.current, buffer, query, limit, SLICE_MS);
  const searching = scanPending(scan.current, buffer, limit);
  // Not done: the scan goes on in later tasks (the browser paints and handles input between
  // them), re-rendering only when it found something or finished — not once per slice.
  useEffect(() => {
    if (!searching) return;
    let timer = setTimeout(function step() {
      const before = scan.current;
      scan.current = incrementalMatches(before, buffer, query, limit, SLICE_MS);
      if (scan.current.matches !== before.matches || !scanPending(scan.current, buffer, limit))
        setSlice((n) => n + 1);
      else timer = setTimeout(step, 0);
    }, 0);
    return () => clearTimeout(timer);
  });
  return { matches: scan.current.matches, searching };
}
