import { describe, expect, it } from 'vitest';
import { formatAge, formatRelative } from './time.js';

describe('time formatting', () => {
  const now = Date.parse('2026-11-25T10:00:00Z');
  it('says how long ago, and treats small clock skew as now', () => {
    expect(formatRelative('2026-11-25T09:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-11-25T10:00:03Z', now)).toBe('now');
    expect(formatRelative('2026-11-25T11:00:00Z', now)).toBe('in 1 hour');
  });
  it('formats ages like kubectl', () => {
    expect(formatAge(42)).toBe('42s');
    expect(formatAge(310)).toBe('5m10s');
    expect(formatAge(7200)).toBe('2h');
    expect(formatAge(90_000)).toBe('1d1h');
  });
});
