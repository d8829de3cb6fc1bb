/**
 * The timeline's time range: a preset (last hour … 14 days, ending now) or a custom start/end,
 * kept in the URL (`?range=6h`, `?start=…&end=…`) so that a link shows the same range.
 */
import { HISTORY_MAX_RANGE_MS } from '@irc/shared';

const HOUR = 3600_000;
export const PRESETS = [
  { key: '1h', ms: HOUR },
  { key: '6h', ms: 6 * HOUR },
  { key: '24h', ms: 24 * HOUR },
  { key: '7d', ms: 7 * 24 * HOUR },
  { key: '14d', ms: 14 * 24 * HOUR },
] as const;
export type PresetKey = (typeof PRESETS)[number]['key'];

export type TimeRange =
  { kind: 'preset'; key: PresetKey } | { kind: 'custom'; startMs: number; endMs: number };

export const DEFAULT_RANGE: TimeRange = { kind: 'preset', key: '24h' };

/** A range as times: a preset ends now and follows it (`live`); a custom range is fixed. */
export interface ResolvedRange {
  startMs: number;
  endMs: number;
  live: boolean;
}

/** The grace a custom end may lie past the browser's clock (clocks differ a little). */
const FUTURE_GRACE_MS = 60_000;

export function presetMs(key: PresetKey): number {
  return PRESETS.find((p) => p.key === key)?.ms ?? HOUR;
}

export function resolveRange(range: TimeRange, now: number): ResolvedRange {
  if (range.kind === 'preset') return { startMs: now - presetMs(range.key), endMs: now, live: true };
  return { startMs: range.startMs, endMs: range.endMs, live: false };
}

/** A stable key of the range for caches (a preset's key, not its moving times). */
export function rangeKey(range: TimeRange): string {
  return range.kind === 'preset' ? range.key : `${range.startMs}-${range.endMs}`;
}

/** What is wrong with a custom range (the picker words it). */
export type RangeProblem = 'startInvalid' | 'endInvalid' | 'endBeforeStart' | 'tooLong' | 'future';

/** Field-level problems of a custom range; empty when it is valid. */
export interface RangeErrors {
  start?: RangeProblem;
  end?: RangeProblem;
}

/** Checks a custom range: each message goes with the field it is about. */
export function validateCustom(startMs: number, endMs: number, now: number): RangeErrors {
  const errors: RangeErrors = {};
  if (!Number.isFinite(startMs)) errors.start = 'startInvalid';
  if (!Number.isFinite(endMs)) errors.end = 'endInvalid';
  if (errors.start || errors.end) return errors;
  if (endMs > now + FUTURE_GRACE_MS) errors.end = 'future';
  else if (endMs <= startMs) errors.end = 'endBeforeStart';
  else if (endMs - startMs > HISTORY_MAX_RANGE_MS) errors.start = 'tooLong';
  return errors;
}

/**
 * The range a URL asks for. A broken or invalid custom range falls back to the default and
 * says why, so a mistyped link still shows a timeline.
 */
export function rangeFromParams(
  params: URLSearchParams,
  now: number,
): { range: TimeRange; errors?: RangeErrors } {
  const start = params.get('start');
  const end = params.get('end');
  if (start !== null || end !== null) {
    const startMs = start ? Date.parse(start) : NaN;
    const endMs = end ? Date.parse(end) : NaN;
    const errors = validateCustom(startMs, endMs, now);
    if (errors.start || errors.end) return { range: DEFAULT_RANGE, errors };
    return { range: { kind: 'custom', startMs, endMs } };
  }
  const key = params.get('range');
  const preset = PRESETS.find((p) => p.key === key);
  return { range: preset ? { kind: 'preset', key: preset.key } : DEFAULT_RANGE };
}

export function rangeToParams(range: TimeRange, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('range');
  next.delete('start');
  next.delete('end');
  if (range.kind === 'preset') next.set('range', range.key);
  else {
    next.set('start', new Date(range.startMs).toISOString());
    next.set('end', new Date(range.endMs).toISOString());
  }
  return next;
}

/** `<input type="datetime-local">` value (local time, minutes) of a time, and back. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): number {
  // `YYYY-MM-DDTHH:MM` without a zone is local time for Date.parse (ES2015+).
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? Date.parse(value) : NaN;
}
