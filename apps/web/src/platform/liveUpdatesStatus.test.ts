import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeEventStream } from '../test/fakePlatform.js';
import { createLiveStore } from './liveStore.js';
import { watchLiveUpdates, type LiveUpdatesStatus } from './liveUpdatesStatus.js';

function setup() {
  const stream = new FakeEventStream();
  const store = createLiveStore(stream);
  for (const kind of ['Config', 'ClusterOperator', 'Deployment', 'Pod', 'Event'])
    stream.emit('snapshot', { kind, items: [], resourceVersion: '1' });
  const seen: LiveUpdatesStatus[] = [];
  const off = watchLiveUpdates(stream, store, (s) => seen.push(s), 1000);
  return { stream, seen, off };
}

describe('watchLiveUpdates', () => {
  afterEach(() => vi.useRealTimers());

  it('reports a failing cluster API once, then Reconnected, then nothing', () => {
    vi.useFakeTimers();
    const { stream, seen, off } = setup();
    stream.emit('state', { kind: 'Config', state: 'resyncing' }); // an ordinary resync: not a problem
    expect(seen).toEqual([]);
    stream.emit('state', {
      kind: 'Pod',
      state: 'resyncing',
      message: 'the cluster is unreachable (ECONNREFUSED)',
    });
    stream.emit('state', {
      kind: 'Config',
      state: 'resyncing',
      message: 'the cluster is unreachable (ECONNREFUSED)',
    });
    expect(seen).toEqual([
      { kind: 'cluster-unreachable', message: 'the cluster is unreachable (ECONNREFUSED)' },
    ]);
    stream.emit('state', { kind: 'Pod', state: 'synced' });
    stream.emit('state', { kind: 'Config', state: 'synced' });
    expect(seen.at(-1)).toEqual({ kind: 'reconnected' });
    stream.emit('change', {
      kind: 'Pod',
      type: 'ADDED',
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } },
    });
    expect(seen.at(-1)).toEqual({ kind: 'reconnected' }); // traffic does not cut the message short
    vi.advanceTimersByTime(1000);
    expect(seen.at(-1)).toEqual({ kind: 'live' });
    off();
  });

  it('says the console server is unreachable while the stream reconnects, and the session ended when it expires', () => {
    const { stream, seen, off } = setup();
    stream.setState('reconnecting');
    expect(seen.at(-1)).toEqual({ kind: 'server-unreachable' });
    stream.setState('expired');
    expect(seen.at(-1)).toMatchObject({ kind: 'expired' });
    off();
  });

  it('a stalled watch (no event, no bookmark) pauses live updates with the reason, until it is synced', () => {
    vi.useFakeTimers();
    const { stream, seen, off } = setup();
    const message =
      'no event or bookmark from the cluster API on the Config watch for 150 s: live updates are paused while the console reconnects';
    stream.emit('state', { kind: 'Config', state: 'stalled', message });
    expect(seen).toEqual([{ kind: 'stalled', message }]);
    stream.emit('state', { kind: 'Config', state: 'synced' });
    expect(seen.at(-1)).toEqual({ kind: 'reconnected' });
    off();
  });
});
