import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RANGE,
  fromLocalInput,
  rangeFromParams,
  rangeToParams,
  resolveRange,
  toLocalInput,
  validateCustom,
} from './timeRange.js';

const now = Date.parse('2026-12-07T12:00:00Z');
const H = 3600_000;
const params = (q: string) => new URLSearchParams(q);

describe('time range', () => {
  it('reads a preset from ?range= and resolves it to the hours before now', () => {
    const { range, errors } = rangeFromParams(params('range=7d'), now);
    expect(errors).toBeUndefined();
    expect(resolveRange(range, now)).toEqual({ startMs: now - 7 * 24 * H, endMs: now, live: true });
    expect(rangeFromParams(params('range=6h'), now).range).toEqual({ kind: 'preset', key: '6h' });
  });

  it('falls back to the default for an unknown preset or none', () => {
    expect(rangeFromParams(params('range=3w'), now).range).toEqual(DEFAULT_RANGE);
    expect(rangeFromParams(params(''), now).range).toEqual(DEFAULT_RANGE);
  });

  it('reads a custom range from ?start=&end= as a fixed range', () => {
    const { range } = rangeFromParams(params('start=2026-12-01T00:00:00Z&end=2026-12-02T06:00:00Z'), now);
    expect(range).toEqual({
      kind: 'custom',
      startMs: Date.parse('2026-12-01T00:00:00Z'),
      endMs: Date.parse('2026-12-02T06:00:00Z'),
    });
    expect(resolveRange(range, now).live).toBe(false);
  });

  it('says which field of a custom range is wrong', () => {
    expect(validateCustom(NaN, now, now)).toEqual({ start: 'startInvalid' });
    expect(validateCustom(now - H, NaN, now)).toEqual({ end: 'endInvalid' });
    expect(validateCustom(now, now - H, now)).toEqual({ end: 'endBeforeStart' });
    expect(validateCustom(now - 15 * 24 * H, now, now)).toEqual({ start: 'tooLong' });
    expect(validateCustom(now - H, now + 2 * H, now)).toEqual({ end: 'future' });
    expect(validateCustom(now - 14 * 24 * H, now, now)).toEqual({});
  });

  it('an invalid custom range in a link shows the default range and the reason', () => {
    const { range, errors } = rangeFromParams(
      params('start=2026-11-01T00:00:00Z&end=2026-12-01T00:00:00Z'),
      now,
    );
    expect(range).toEqual(DEFAULT_RANGE);
    expect(errors).toEqual({ start: 'tooLong' });
    expect(rangeFromParams(params('start=yesterday'), now).errors).toEqual({
      start: 'startInvalid',
      end: 'endInvalid',
    });
  });

  it('round-trips through the URL, keeping other parameters', () => {
    const custom = { kind: 'custom', startMs: now - 3 * H, endMs: now - H } as const;
    const p = rangeToParams(custom, params('kind=event&range=1h'));
    expect(p.get('kind')).toBe('event');
    expect(p.get('range')).toBeNull();
    expect(rangeFromParams(p, now).range).toEqual(custom);
    const back = rangeToParams({ kind: 'preset', key: '14d' }, p);
    expect([back.get('range'), back.get('start'), back.get('end')]).toEqual(['14d', null, null]);
  });

  it('converts datetime-local input values in local time', () => {
    const ms = new Date(2026, 11, 7, 9, 30).getTime();
    expect(toLocalInput(ms)).toBe('2026-12-07T09:30');
    expect(fromLocalInput('2026-12-07T09:30')).toBe(ms);
    expect(fromLocalInput('07/12/2026')).toBeNaN();
  });
});
