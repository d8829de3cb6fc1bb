import { describe, expect, it } from 'vitest';
import { cutLongStrings, cutText, newestEvents, trimEvent } from '../../src/hub/bounds.js';

describe('stream bounds', () => {
  it('cuts a long text to the limit, with a marker naming its whole length; a cut text stays as it is', () => {
    const cut = cutText('a'.repeat(812_345), 100);
    expect(cut).toHaveLength(100);
    expect(cut).toMatch(/^a+… \[truncated, 812,345 characters\]$/);
    expect(cutText(cut, 100)).toBe(cut);
    expect(cutText('short', 100)).toBe('short');
  });

  it('cuts every long string of an object, copying only what changed', () => {
    const tags = ['x'.repeat(50)];
    const obj = { a: { b: 'y'.repeat(500), keep: 'ok' }, tags, n: 3 };
    const out = cutLongStrings(obj, 100);
    expect(out.a.b).toHaveLength(100);
    expect(out.a.keep).toBe('ok');
    expect(out.tags).toBe(tags);
    expect(obj.a.b).toHaveLength(500);
    expect(cutLongStrings(out, 100)).toBe(out);
  });

  it("keeps an Event's message bounded at the door", () => {
    const e = { kind: 'Event', metadata: { name: 'e' }, message: 'm'.repeat(800_000), reason: 'R' };
    const kept = trimEvent(e) as typeof e;
    expect(kept.message.length).toBeLessThanOrEqual(4096);
    expect(kept.message).toContain('[truncated, 800,000 characters]');
    expect(kept.reason).toBe('R');
    const small = { kind: 'Event', metadata: { name: 's' }, message: 'fine' };
    expect(trimEvent(small)).toBe(small);
  });

  it('keeps the newest Events and counts the older ones', () => {
    const at = (name: string, t: Record<string, unknown>) => ({ metadata: { name }, ...t });
    const events = [
      at('old', { lastTimestamp: '2026-01-01T00:00:00Z' }),
      at('series', {
        series: { lastObservedTime: '2026-01-03T00:00:00Z' },
        lastTimestamp: '2025-01-01T00:00:00Z',
      }),
      at('new', { eventTime: '2026-01-02T00:00:00.000000Z' }),
      at('created', { metadata: { name: 'created', creationTimestamp: '2025-06-01T00:00:00Z' } }),
    ];
    const { items, omitted } = newestEvents(events, 2);
    expect(items.map((e) => e.metadata?.name)).toEqual(['series', 'new']);
    expect(omitted).toBe(2);
    expect(newestEvents(events, 10).omitted).toBe(0);
  });
});
