/** The one time axis the lanes and the traffic charts share: domain, ticks and their labels. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [
  MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
];

/**
 * Round tick times within [startMs, endMs] (local time), about `count` of them: whole minutes,
 * hours or days, so that two charts given the same range get the same ticks.
 */
export function timeTicks(startMs: number, endMs: number, count = 6): number[] {
  const span = endMs - startMs;
  if (!(span > 0)) return [];
  const step = STEPS.find((s) => span / s <= count) ?? STEPS[STEPS.length - 1]!;
  // align to the local clock (a day tick at local midnight, an hour tick on the hour)
  const offset = new Date(startMs).getTimezoneOffset() * MINUTE;
  const first = Math.ceil((startMs - offset) / step) * step + offset;
  const ticks: number[] = [];
  for (let t = first; t <= endMs; t += step) ticks.push(t);
  return ticks;
}

/** A tick's label: the time of day for a range within a day, else the date (and time when not midnight). */
export function formatTick(ms: number, spanMs: number, locale?: string): string {
  const d = new Date(ms);
  const time = d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (spanMs <= DAY) return time;
  const date = d.toLocaleDateString(locale, { month: 'short', day: 'numeric' });
  return d.getHours() === 0 && d.getMinutes() === 0 ? date : `${date} ${time}`;
}

/** A duration in words for tables ("2 h 5 min", "45 s"). */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}
