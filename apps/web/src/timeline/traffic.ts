/** The registry traffic series as the panel groups, formats and tabulates them. */
import type { TrafficSeries } from '../api/contract.js';

export type TrafficName = 'requests' | 'errors5xx' | 'latencyP99' | 'storageErrors' | 'storageLatencyP99';

/** Which series share a chart (one unit per chart). */
export const TRAFFIC_GROUPS = [
  { id: 'requests', series: ['requests', 'errors5xx'] },
  { id: 'latency', series: ['latencyP99', 'storageLatencyP99'] },
  { id: 'storage', series: ['storageErrors'] },
] as const satisfies readonly { id: string; series: readonly TrafficName[] }[];
export type TrafficGroupId = (typeof TRAFFIC_GROUPS)[number]['id'];

export const TRAFFIC_ORDER: TrafficName[] = TRAFFIC_GROUPS.flatMap((g) => [...g.series]);

/** A figure in its unit: `12.5/s`, `0/s`, `45 ms`, `1.20 s`. */
export function formatValue(value: number, unit: TrafficSeries['unit']): string {
  if (unit === 'seconds') return value < 1 ? `${Math.round(value * 1000)} ms` : `${value.toFixed(2)} s`;
  const rounded = value >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
  return `${rounded}/s`;
}

export function seriesByName(series: readonly TrafficSeries[]): Map<string, TrafficSeries> {
  return new Map(series.map((s) => [s.name, s]));
}

export interface TrafficRow {
  /** unix milliseconds */
  time: number;
  values: Partial<Record<TrafficName, number>>;
}

/** One row per point time, newest first, each series' value at it (a gap stays empty). */
export function trafficRows(series: readonly TrafficSeries[]): TrafficRow[] {
  const rows = new Map<number, TrafficRow>();
  for (const s of series) {
    if (!(TRAFFIC_ORDER as string[]).includes(s.name)) continue;
    for (const [t, v] of s.points) {
      if (t === undefined || v === undefined) continue;
      const time = t * 1000;
      const row = rows.get(time) ?? { time, values: {} };
      row.values[s.name as TrafficName] = v;
      rows.set(time, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.time - a.time);
}

/** A chart point: unix ms, and null where the line breaks (monitoring had no point). */
export interface ChartPoint {
  x: number;
  y: number | null;
}

/** The series' step in seconds: the one monitoring reported, else the smallest spacing of its points. */
function stepOf(points: readonly number[][], stepSeconds: number | undefined): number | undefined {
  if (stepSeconds && stepSeconds > 0) return stepSeconds;
  let step: number | undefined;
  for (let i = 1; i < points.length; i++) {
    const d = points[i]![0]! - points[i - 1]![0]!;
    if (d > 0 && (step === undefined || d < step)) step = d;
  }
  return step;
}

/**
 * Chart points ({x: ms, y}) of one series. A range answer has no point for a step monitoring
 * had no sample at (the registry was down, a scrape failed): where points are more than a step
 * and a half apart, a null point at the first missing step breaks the line, so that no diagonal
 * is drawn across the gap.
 */
export function chartPoints(s: TrafficSeries | undefined, stepSeconds?: number): ChartPoint[] {
  const points = (s?.points ?? []).filter(
    (p): p is [number, number] => p[0] !== undefined && p[1] !== undefined,
  );
  const step = stepOf(points, stepSeconds);
  const out: ChartPoint[] = [];
  for (let i = 0; i < points.length; i++) {
    const [t, v] = points[i]!;
    const prev = points[i - 1];
    if (prev && step !== undefined && t - prev[0] > 1.5 * step)
      out.push({ x: (prev[0] + step) * 1000, y: null });
    out.push({ x: t * 1000, y: v });
  }
  return out;
}

/** The largest value of chart points (0 for none). */
export function maxOf(points: readonly ChartPoint[]): number {
  let max = 0;
  for (const p of points) if (p.y !== null && p.y > max) max = p.y;
  return max;
}

/**
 * At most about one point per pixel: the range is cut into `width / 2` buckets and each keeps
 * its lowest and its highest point (in time order), so a one-step burst or dip stays visible at
 * its true height; gaps (null points) are kept. A series already that sparse is returned as is.
 * Only the picture is thinned: the table view shows every point.
 */
export function downsample(
  points: ChartPoint[],
  startMs: number,
  endMs: number,
  width: number,
): ChartPoint[] {
  const buckets = Math.max(1, Math.floor(width / 2));
  if (points.length <= 2 * buckets) return points;
  const size = Math.max(1, (endMs - startMs) / buckets);
  const out: ChartPoint[] = [];
  let bucket = Number.NaN;
  let min: ChartPoint | undefined;
  let max: ChartPoint | undefined;
  const flush = () => {
    if (min && max) {
      if (min === max) out.push(min);
      else out.push(...(min.x <= max.x ? [min, max] : [max, min]));
    }
    min = max = undefined;
  };
  for (const p of points) {
    if (p.y === null) {
      flush();
      out.push(p);
      continue;
    }
    const b = Math.floor((p.x - startMs) / size);
    if (b !== bucket) {
      flush();
      bucket = b;
    }
    if (!min || p.y < min.y!) min = p;
    if (!max || p.y > max.y!) max = p;
  }
  flush();
  return out;
}
