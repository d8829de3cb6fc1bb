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

/** Chart points ({x: ms, y}) of one series. */
export function chartPoints(s: TrafficSeries | undefined): { x: number; y: number }[] {
  return (s?.points ?? []).flatMap(([t, v]) =>
    t === undefined || v === undefined ? [] : [{ x: t * 1000, y: v }],
  );
}
