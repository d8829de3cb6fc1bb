import { STREAM_KINDS } from '@irc/shared';
import type { EventStream } from './eventStream.js';
import type { LiveStore } from './liveStore.js';

/**
 * What the pages tell the user about live updates, from the tab's stream (is the console server
 * reachable, is the session valid) and the per-kind `state` events (the server's watches on the
 * cluster API: `resyncing` with a message means the API is failing, not the usual resync).
 */
export type LiveUpdatesStatus =
  | { kind: 'live' }
  | { kind: 'reconnected' }
  | { kind: 'server-unreachable' }
  | { kind: 'limited'; message?: string }
  | { kind: 'stalled'; message?: string }
  | { kind: 'cluster-unreachable'; message?: string }
  | { kind: 'expired'; message?: string };

export function currentStatus(stream: EventStream, store: LiveStore): LiveUpdatesStatus {
  if (stream.state === 'expired') return { kind: 'expired', message: stream.message };
  if (stream.state === 'reconnecting') return { kind: 'server-unreachable' };
  if (stream.state === 'limited') return { kind: 'limited', message: stream.message };
  for (const kind of STREAM_KINDS) {
    const s = store.get(kind);
    if (s.state === 'resyncing' && s.message) return { kind: 'cluster-unreachable', message: s.message };
    if (s.state === 'stalled') return { kind: 'stalled', message: s.message };
  }
  return { kind: 'live' };
}

export function sameStatus(a: LiveUpdatesStatus, b: LiveUpdatesStatus): boolean {
  return (
    a.kind === b.kind && ('message' in a ? a.message : undefined) === ('message' in b ? b.message : undefined)
  );
}

/**
 * Follows {@link currentStatus}, saying `reconnected` for `reconnectedForMs` after a problem
 * clears. Calls `onStatus` on every change; returns the unsubscribe.
 */
export function watchLiveUpdates(
  stream: EventStream,
  store: LiveStore,
  onStatus: (status: LiveUpdatesStatus) => void,
  reconnectedForMs = 5000,
): () => void {
  let shown: LiveUpdatesStatus = currentStatus(stream, store);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = (next: LiveUpdatesStatus) => {
    if (sameStatus(shown, next)) return;
    shown = next;
    onStatus(next);
  };
  const update = () => {
    const next = currentStatus(stream, store);
    if (next.kind !== 'live') {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      return show(next);
    }
    if (shown.kind === 'live' || shown.kind === 'reconnected') return;
    show({ kind: 'reconnected' });
    timer = setTimeout(() => {
      timer = undefined;
      show(currentStatus(stream, store));
    }, reconnectedForMs);
  };
  const offs = [stream.onState(update), ...STREAM_KINDS.map((kind) => store.subscribe(kind, update))];
  return () => {
    offs.forEach((off) => off());
    if (timer !== undefined) clearTimeout(timer);
  };
}
