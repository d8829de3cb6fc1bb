import { describe, expect, it } from 'vitest';
import { formatDuration, timeTicks } from './timeAxis.js';

const H = 3600_000;

describe('the shared time axis', () => {
  it('puts round ticks inside the range, the same for every chart given it', () => {
    const start = new Date(2026, 11, 7, 9, 17).getTime();
    const ticks = timeTicks(start, start + H, 6);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.every((t) => t >= start && t <= start + H)).toBe(true);
    expect(ticks.every((t) => new Date(t).getMinutes() % 10 === 0)).toBe(true);
    expect(timeTicks(start, start + H, 6)).toEqual(ticks);
  });

  it('ticks a week on local days', () => {
    const start = new Date(2026, 11, 1, 13, 0).getTime();
    const ticks = timeTicks(start, start + 7 * 24 * H, 8);
    expect(ticks.every((t) => new Date(t).getHours() === 0 && new Date(t).getMinutes() === 0)).toBe(true);
    expect(ticks).toHaveLength(7);
  });

  it('has no ticks for an empty range', () => expect(timeTicks(5, 5)).toEqual([]));

  it('says durations in words', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(5 * 60_000)).toBe('5 min');
    expect(formatDuration(2 * H + 5 * 60_000)).toBe('2 h 5 min');
    expect(formatDuration(3 * 24 * H + 2 * H)).toBe('3 d 2 h');
  });
});
