import { describe, expect, it } from 'vitest';
import type { Platform } from '@irc/web/platform';
import { createPlatformSession, type Timers } from '../src/session.js';

function fakeTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timers: Timers = {
    setTimeout: (fn) => {
      pending.set(++next, fn);
      return next;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  const fire = () => {
    const fns = [...pending.values()];
    pending.clear();
    for (const fn of fns) fn();
  };
  return { timers, fire, pending };
}

function harness() {
  const closed: number[] = [];
  let created = 0;
  let reopened = 0;
  const create = () => {
    const id = ++created;
    return { eventStream: { close: () => closed.push(id) } } as unknown as Platform;
  };
  const t = fakeTimers();
  const session = createPlatformSession(create, 60_000, () => (reopened += 1), t.timers);
  return { session, closed, t, created: () => created, reopened: () => reopened };
}

describe('the plugin platform session', () => {
  it('keeps one stream while the user moves between plugin pages', () => {
    const h = harness();
    const first = h.session.current();
    expect(h.session.retain(first)).toBe(true);
    h.session.release(); // page A unmounts…
    const second = h.session.current(); // …page B renders
    expect(h.session.retain(second)).toBe(true);
    h.t.fire();
    expect(second).toBe(first);
    expect(h.closed).toEqual([]);
    expect(h.created()).toBe(1);
  });

  it('closes the stream once no plugin page is shown, and reopens (refetching) on return', () => {
    const h = harness();
    const first = h.session.current();
    h.session.retain(first);
    h.session.release();
    h.t.fire();
    expect(h.closed).toEqual([1]);
    expect(h.reopened()).toBe(0);
    const again = h.session.current();
    expect(again).not.toBe(first);
    expect(h.reopened()).toBe(1);
  });

  it('tells a page that rendered with a platform closed meanwhile to render again', () => {
    const h = harness();
    const stale = h.session.current();
    h.session.retain(stale);
    h.session.release();
    h.t.fire();
    expect(h.session.retain(stale)).toBe(false);
  });
});
