export interface LogMatch {
  line: number;
  start: number;
  end: number;
}

/**
 * Every case-insensitive occurrence of `query` in `lines`, in order. Capped (`limit`) so that
 * searching "e" in 500k lines stays instant; the caller says "first N matches".
 */
export function findMatches(lines: readonly string[], query: string, limit = 10_000, textOf: (line: string) => string = (l) => l): LogMatch[] {
  const needle = query.toLowerCase();
  if (!needle) return [];
  const matches: LogMatch[] = [];
  for (let i = 0; i < lines.length && matches.length < limit; i++) {
    const text = textOf(lines[i]!);
    const hay = text.toLowerCase();
    let from = hay.indexOf(needle);
    while (from !== -1 && matches.length < limit) {
      matches.push({ line: i, start: from, end: from + needle.length });
      from = hay.indexOf(needle, from + needle.length);
    }
  }
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
