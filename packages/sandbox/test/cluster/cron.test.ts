import { expect, test } from 'vitest';
import { nextRun, parseSchedule } from '../../src/cluster/cron.js';

const next = (spec: string, after: string) => {
  const s = parseSchedule(spec);
  if (!s) throw new Error(`unparsable ${spec}`);
  return nextRun(s, new Date(after))?.toISOString();
};

test('cron schedules as CronJob spec.schedule reads them (UTC)', () => {
  expect(next('0 0 * * *', '2026-11-25T20:36:10Z')).toBe('2026-11-26T00:00:00.000Z');
  expect(next('@hourly', '2026-11-25T20:36:10Z')).toBe('2026-11-25T21:00:00.000Z');
  expect(next('*/15 9-17 * * 1-5', '2026-11-27T17:50:00Z')).toBe('2026-11-30T09:00:00.000Z'); // Friday evening → Monday
  expect(next('30 2 1 * *', '2026-11-25T00:00:00Z')).toBe('2026-12-01T02:30:00.000Z');
  expect(next('0 0 * * *', '2026-11-26T00:00:00Z')).toBe('2026-11-27T00:00:00.000Z'); // strictly after
  expect(parseSchedule('61 * * * *')).toBeUndefined();
  expect(parseSchedule('* * *')).toBeUndefined();
});
