import { describe, expect, it } from 'vitest';
import { createEventStream, type EventSourceLike, type StreamState } from './eventStream.js';

class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((ev: Event) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  closed = false;
  readonly handlers = new Map<string, ((ev: MessageEvent) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  emit(type: string, data: unknown, id = ''): void {
    const event = new MessageEvent(type, { data: JSON.stringify(data), lastEventId: id });
    for (const handler of this.handlers.get(type) ?? []) handler(event);
  }
  fail(readyState: number): void {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }
}

function harness() {
  const sources: FakeSource[] = [];
  const pending: { fn: () => void; ms: number }[] = [];
  const stream = createEventStream({
    url: '/api/v1/stream',
    createSource: (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    },
    backoffMs: { initial: 100, max: 400 },
    timers: {
      setTimeout: (fn, ms) => {
        const entry = { fn, ms };
        pending.push(entry);
        return entry;
      },
      clearTimeout: (handle) => {
        const index = pending.indexOf(handle as (typeof pending)[number]);
        if (index >= 0) pending.splice(index, 1);
      },
    },
  });
  const runTimers = () => pending.splice(0).forEach((entry) => entry.fn());
  return { stream, sources, pending, runTimers, last: () => sources[sources.length - 1]! };
}

describe('createEventStream', () => {
  it('delivers parsed events of subscribed kinds and reports live once open', () => {
    const { stream, last } = harness();
    const states: StreamState[] = [];
    stream.onState((s) => states.push(s));
    const got: unknown[] = [];
    stream.subscribe('change', (data) => got.push(data));
    last().open();
    last().emit('change', { kind: 'Pod', type: 'ADDED' }, '7');
    last().emit('timeline', { id: 'x' }, '8');
    expect(got).toEqual([{ kind: 'Pod', type: 'ADDED' }]);
    expect(states).toEqual(['live']);
    expect(stream.state).toBe('live');
  });

  it('lets the browser retry while CONNECTING, showing reconnecting, without opening a second source', () => {
    const { stream, sources, last } = harness();
    last().open();
    last().fail(0);
    expect(stream.state).toBe('reconnecting');
    expect(sources).toHaveLength(1);
    last().open();
    expect(stream.state).toBe('live');
  });

  it('reopens after the browser gives up, with backoff and the last event id, and keeps subscriptions', () => {
    const { stream, sources, pending, runTimers, last } = harness();
    const got: unknown[] = [];
    stream.subscribe('change', (data) => got.push(data));
    last().open();
    last().emit('change', { n: 1 }, '41');
    last().fail(2);
    expect(stream.state).toBe('reconnecting');
    expect(pending.map((p) => p.ms)).toEqual([100]);
    runTimers();
    expect(sources).toHaveLength(2);
    expect(last().url).toBe('/api/v1/stream?lastEventId=41');
    // Fails again before opening: the delay doubles.
    last().fail(2);
    expect(pending.map((p) => p.ms)).toEqual([200]);
    runTimers();
    last().open();
    last().emit('change', { n: 2 }, '42');
    expect(got).toEqual([{ n: 1 }, { n: 2 }]);
    expect(stream.state).toBe('live');
  });

  it('closes for good: no retries after close()', () => {
    const { stream, sources, pending, last } = harness();
    last().open();
    stream.close();
    expect(sources[0]!.closed).toBe(true);
    expect(pending).toHaveLength(0);
  });
});
