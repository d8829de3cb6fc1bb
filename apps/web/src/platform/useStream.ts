import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { StreamListener, StreamState } from './eventStream.js';
import { usePlatform } from './platform.js';
import { liveStoreFor, type LiveKindState } from './liveStore.js';
import type { StreamKind } from '@irc/shared';
import { currentStatus, watchLiveUpdates, type LiveUpdatesStatus } from './liveUpdatesStatus.js';

/** Live / reconnecting state of the tab's event stream. */
export function useStreamState(): StreamState {
  const { eventStream } = usePlatform();
  return useSyncExternalStore(
    (notify) => eventStream.onState(notify),
    () => eventStream.state,
  );
}

/** Calls `listener` for every stream event of `kind` while mounted (latest listener wins, no resubscribe). */
export function useStreamEvent(kind: string, listener: StreamListener): void {
  const { eventStream } = usePlatform();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => eventStream.subscribe(kind, (data, id) => latest.current(data, id)), [eventStream, kind]);
}

/** The live list of one kind of cluster object from the stream (Pods, ClusterOperator …). */
export function useLiveObjects(kind: StreamKind): LiveKindState {
  const { eventStream } = usePlatform();
  const store = liveStoreFor(eventStream);
  return useSyncExternalStore(
    (notify) => store.subscribe(kind, notify),
    () => store.get(kind),
  );
}

/** Live updates as the user should hear about them: live, paused (and why), reconnected, session over. */
export function useLiveUpdatesStatus(): LiveUpdatesStatus {
  const { eventStream } = usePlatform();
  const store = liveStoreFor(eventStream);
  const [status, setStatus] = useState(() => currentStatus(eventStream, store));
  useEffect(() => {
    setStatus(currentStatus(eventStream, store));
    return watchLiveUpdates(eventStream, store, setStatus);
  }, [eventStream, store]);
  return status;
}
