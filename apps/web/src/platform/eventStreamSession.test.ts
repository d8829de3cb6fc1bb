import { describe, expect, it } from 'vitest';
import { createEventStream, type EventSourceLike, type ProbeAnswer } from './eventStream.js';

class Source implements EventSourceLike {
  readyState = 0;
  onopen: ((ev: Event) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  readonly handlers = new Map<string, ((ev: MessageEvent) => void)[]>();
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  close(): void {
    this.readyState = 2;
  }
  emit(type: string, data: unknown): void {
    for (const h of this.handlers.get(type) ?? []) h(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  giveUp(): void {
    this.readyState = 2;
    this.onerror?.(new Event('error'));
  }
}

function setup(status: number | ProbeAnswer | undefined) {
  const sources: Source[] = [];
  const timers: (() => void)[] = [];
  const delays: number[] = [];
  const stream = createEventStream({
    url: '/api/v1/stream',
    createSource: () => {
      const s = new Source();
      sources.push(s);
      return s;
    },
    probeStatus: () => Promise.resolve(status),
    timers: {
      setTimeout: (fn, ms) => (timers.push(fn), delays.push(ms), fn),
      clearTimeout: (handle) => void timers.splice(timers.indexOf(handle as () => void) >>> 0, 1),
    },
  });
  return { stream, sources, delays, runTimers: () => timers.splice(0).forEach((fn) => fn()) };
}

describe('event stream session end', () => {
  it('a session event ends the stream for good, with the server’s words', () => {
    const { stream, sources, runTimers } = setup(200);
    sources[0]!.emit('session', { state: 'expired', message: 'Your session has expired. Sign in again.' });
    expect(stream.state).toBe('expired');
    expect(stream.message).toBe('Your session has expired. Sign in again.');
    expect(sources[0]!.readyState).toBe(2);
    runTimers();
    expect(sources).toHaveLength(1); // no reconnect
  });

  it.each([
    [401, 'expired', 1],
    [503, 'reconnecting', 2],
  ])(
    'when the browser gives up and the URL answers %i, the stream is %s (%i connection attempts)',
    async (status, state, attempts) => {
      const { stream, sources, runTimers } = setup(status);
      sources[0]!.giveUp();
      await new Promise((r) => setTimeout(r, 0));
      expect(stream.state).toBe(state);
      runTimers();
      expect(sources).toHaveLength(attempts);
    },
  );

  it('a 429 (too many streams for this user) pauses with the server’s words and retries after Retry-After', async () => {
    const message = 'you have 20 live-update connections open already: close some console tabs';
    const { stream, sources, delays, runTimers } = setup({ status: 429, message, retryAfterSeconds: 10 });
    sources[0]!.giveUp();
    await new Promise((r) => setTimeout(r, 0));
    expect(stream.state).toBe('limited');
    expect(stream.message).toBe(message);
    expect(delays.at(-1)).toBe(10_000);
    runTimers();
    expect(sources).toHaveLength(2);
    sources[1]!.onopen?.(new Event('open'));
    expect(stream.state).toBe('live');
    expect(stream.message).toBeUndefined();
  });
});
