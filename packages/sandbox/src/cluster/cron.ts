/**
 * Standard 5-field cron schedules (minute hour day-of-month month day-of-week) with `*`, lists,
 * ranges and steps, plus the @hourly/@daily/@weekly/@monthly/@yearly macros — what CronJob
 * `spec.schedule` accepts. Times are UTC (CronJob timeZone unset on this cluster).
 */
const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const RANGES: Array<[number, number]> = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];

function parseField(field: string, [lo, hi]: [number, number]): Set<number> | undefined {
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) return undefined;
    const start = m[1] === '*' ? lo : Number(m[2]);
    const end = m[1] === '*' ? hi : m[3] !== undefined ? Number(m[3]) : m[4] ? hi : start;
    const step = m[4] ? Number(m[4]) : 1;
    if (start < lo || end > hi || start > end || step < 1) return undefined;
    for (let v = start; v <= end; v += step) out.add(v);
  }
  return out;
}

export type Schedule = Set<number>[];

export function parseSchedule(spec: string): Schedule | undefined {
  const fields = (MACROS[spec.trim()] ?? spec).trim().split(/\s+/);
  if (fields.length !== 5) return undefined;
  const parsed = fields.map((f, i) => parseField(f === '?' ? '*' : f, RANGES[i] ?? [0, 0]));
  return parsed.every((p) => p !== undefined) ? (parsed as Schedule) : undefined;
}

/** The first scheduled minute strictly after `after`, looking at most `horizonDays` ahead. */
export function nextRun(schedule: Schedule, after: Date, horizonDays = 400): Date | undefined {
  const [min, hour, dom, mon, dow] = schedule;
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  const limit = after.getTime() + horizonDays * 86_400_000;
  while (t.getTime() <= limit) {
    if (!mon?.has(t.getUTCMonth() + 1) || !dom?.has(t.getUTCDate()) || !dow?.has(t.getUTCDay())) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!hour?.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (min?.has(t.getUTCMinutes())) return t;
    t.setUTCMinutes(t.getUTCMinutes() + 1);
  }
  return undefined;
}
