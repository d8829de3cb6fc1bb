export interface LogMatch {
  line: number;
  start: number;
  end: number;
}

/** A case-insensitive literal search for `query` (regex metacharacters escaped). */
export function searchPattern(query: string): RegExp {
  return new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
}

/**
 * Scans `lines[from..to)` for `pattern` (from searchPattern), appending to `into` until `limit`
 * matches or `deadline` (performance.now()) — the caller resumes at the returned index.
 * `startOf(line)` is where the searched text starts (after a hidden timestamp); positions are
 * relative to it. No per-line allocation (no lower-casing copies, no slices): at 300k lines this
 * is what keeps a new search in the tens of milliseconds.
 */
export function scanMatches(
  lines: readonly string[],
  pattern: RegExp,
  into: LogMatch[],
  {
    from = 0,
    to = lines.length,
    limit = 10_000,
    deadline = Infinity,
    startOf = () => 0,
  }: { from?: number; to?: number; limit?: number; deadline?: number; startOf?: (line: string) => number },
): number {
  let i = from;
  for (; i < to && into.length < limit; i++) {
    // Checking the clock costs more than a line: every 512 lines.
    if ((i & 511) === 0 && i !== from && performance.now() > deadline) return i;
    const line = lines[i]!;
    const start = startOf(line);
    pattern.lastIndex = start;
    for (let m = pattern.exec(line); m && into.length < limit; m = pattern.exec(line)) {
      into.push({ line: i, start: m.index - start, end: m.index - start + m[0].length });
    }
  }
  return i;
}

/**
 * Every case-insensitive occurrence of `query` in `lines`, in order. Capped (`limit`) so that
 * searching "e" in 500k lines stays instant; the caller says "first N matches".
 */
export function findMatches(
  lines: readonly string[],
  query: string,
  limit = 10_000,
  startOf?: (line: string) => number,
): LogMatch[] {
  if (!query) return [];
  const matches: LogMatch[] = [];
  scanMatches(lines, searchPattern(query), matches, { limit, startOf });
  return matches;
}

/** Splits a line into plain and highlighted parts for rendering. */
export function highlightParts(text: string, query: string): { text: string; match: boolean }[] {
  const needle = query.toLowerCase();
  if (!needle) return [{ text, match: false }];
  const hay = text.toLowerCase();
  const parts: { text: string; match: boolean }[] = [];
  let at = 0;
  for (let found = hay.indexOf(needle); found !== -1; found = hay.indexOf(needle, at)) {
    if (found > at) parts.push({ text: text.slice(at, found), match: false });
    parts.push({ text: text.slice(found, found + needle.length), match: true });
    at = found + needle.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}
