import { stringify } from 'yaml';

export type DiffOp = 'same' | 'add' | 'remove';
export interface DiffLine {
  op: DiffOp;
  text: string;
}

/**
 * Line diff by longest common subsequence (what `diff -u` shows), enough for specs of a few
 * hundred lines. Removals come before additions within a changed block.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ op: 'remove', text: a[i++]! });
    } else {
      out.push({ op: 'add', text: b[j++]! });
    }
  }
  while (i < n) out.push({ op: 'remove', text: a[i++]! });
  while (j < m) out.push({ op: 'add', text: b[j++]! });
  return out;
}

/**
 * Spec fields that hold secrets. The server already sends them as `<REDACTED>`; this is defence
 * in depth, and shows no part of a value (not even its length or last characters).
 */
const SECRET_FIELDS = new Set(['httpSecret']);
// Spelled as the server sends it (and the README shows), so both read the same.
export const REDACTED = '<REDACTED>';

/** A copy of `value` with secret fields replaced, for display (diffs, YAML view). */
export function redactSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redactSecrets) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_FIELDS.has(key) && typeof v === 'string' && v !== '' ? REDACTED : redactSecrets(v);
  }
  return out as T;
}

/** Stable YAML (sorted keys, secrets redacted) so that a diff shows content changes, not key order. */
export function toYaml(value: unknown): string {
  if (value === undefined) return '';
  return stringify(redactSecrets(value), { sortMapEntries: true, lineWidth: 0 }).trimEnd();
}

export function hasChanges(lines: DiffLine[]): boolean {
  return lines.some((line) => line.op !== 'same');
}

/**
 * Unchanged runs longer than 2×`context` lines are folded to keep reviews short; the fold marker
 * says how many lines it hides.
 */
export type FoldedLine = DiffLine | { op: 'fold'; count: number };
export function foldUnchanged(lines: DiffLine[], context = 3): FoldedLine[] {
  const out: FoldedLine[] = [];
  let run: DiffLine[] = [];
  const flush = (atStart: boolean, atEnd: boolean) => {
    const keepHead = atStart ? 0 : context;
    const keepTail = atEnd ? 0 : context;
    if (run.length > keepHead + keepTail + 1) {
      out.push(
        ...run.slice(0, keepHead),
        { op: 'fold', count: run.length - keepHead - keepTail },
        ...run.slice(run.length - keepTail),
      );
    } else out.push(...run);
    run = [];
  };
  let seenChange = false;
  for (const line of lines) {
    if (line.op === 'same') run.push(line);
    else {
      flush(!seenChange, false);
      seenChange = true;
      out.push(line);
    }
  }
  flush(!seenChange, true);
  return out;
}
