import { describe, expect, it } from 'vitest';
import type { TrafficSeries } from '../api/contract.js';
import { chartPoints, downsample, formatValue, maxOf, trafficRows, type ChartPoint } from './traffic.js';

const series = (name: string, unit: TrafficSeries['unit'], points: number[][]): TrafficSeries => ({
  name,
  unit,
  query: `q_${name}`,
  points,
});

describe('traffic figures', () => {
  it('formats rates and latencies in their units', () => {
    expect(formatValue(12.345, 'per_second')).toBe('12.35/s');
    expect(formatValue(250.4, 'per_second')).toBe('250/s');
    expect(formatValue(0, 'per_second')).toBe('0/s');
    expect(formatValue(0.0451, 'seconds')).toBe('45 ms');
    expect(formatValue(1.2, 'seconds')).toBe('1.20 s');
  });

  it('tabulates the series by point time, newest first, leaving gaps empty', () => {
    const rows = trafficRows([
      series('requests', 'per_second', [
        [100, 5],
        [102, 6],
      ]),
      series('storageErrors', 'per_second', [[102, 1.5]]),
      series('somethingElse', 'per_second', [[104, 9]]),
    ]);
    expect(rows).toEqual([
      { time: 102_000, values: { requests: 6, storageErrors: 1.5 } },
      { time: 100_000, values: { requests: 5 } },
    ]);
  });

  it('charts points in milliseconds', () => {
    expect(chartPoints(series('requests', 'per_second', [[100, 5]]))).toEqual([{ x: 100_000, y: 5 }]);
    expect(chartPoints(undefined)).toEqual([]);
  });

  it('breaks the line where monitoring has no point for a step (the registry was down)', () => {
    // step 10 s; 130 and 140 missing
    const s = series('latencyP99', 'seconds', [
      [100, 0.1],
      [110, 0.2],
      [120, 0.1],
      [150, 4],
      [160, 0.1],
    ]);
    const expected = [
      { x: 100_000, y: 0.1 },
      { x: 110_000, y: 0.2 },
      { x: 120_000, y: 0.1 },
      { x: 130_000, y: null },
      { x: 150_000, y: 4 },
      { x: 160_000, y: 0.1 },
    ];
    expect(chartPoints(s, 10)).toEqual(expected);
    // without the step monitoring reported, the points' own spacing tells it
    expect(chartPoints(s)).toEqual(expected);
    // a step and a half is still one step late, not a gap
    expect(
      chartPoints(
        series('requests', 'per_second', [
          [100, 1],
          [114, 1],
        ]),
        10,
      ),
    ).toEqual([
      { x: 100_000, y: 1 },
      { x: 114_000, y: 1 },
    ]);
  });

  it("thins a series to about a point per pixel, keeping each bucket's lowest and highest and the gaps", () => {
    const points: ChartPoint[] = [];
    for (let i = 0; i < 1000; i++) points.push({ x: i * 1000, y: i === 421 ? 1000 : i === 700 ? -5 : 1 });
    points.splice(600, 0, { x: 599_500, y: null });
    const thin = downsample(points, 0, 1_000_000, 100);
    expect(thin.length).toBeLessThanOrEqual(100 + 1);
    expect(thin.length).toBeGreaterThan(40);
    expect(maxOf(thin)).toBe(1000);
    expect(thin.some((p) => p.y === -5)).toBe(true);
    expect(thin.filter((p) => p.y === null)).toEqual([{ x: 599_500, y: null }]);
    // in time order
    expect(thin.map((p) => p.x)).toEqual([...thin.map((p) => p.x)].sort((a, b) => a - b));
    // a series that fits is not touched
    const few = points.slice(0, 50);
    expect(downsample(few, 0, 1_000_000, 100)).toBe(few);
  });
});
