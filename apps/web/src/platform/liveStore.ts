import type { ChangeEvent, SnapshotEvent, StateEvent, StreamKind } from '@irc/shared';
import type { EventStream } from './eventStream.js';

/**
 * The cluster objects the stream carries, kept current per kind: `snapshot` replaces a kind's
 * list, `change` upserts or deletes one object, `reset` forgets everything until new snapshots.
 */
export type LiveSyncState = 'pending' | 'synced' | 'resyncing' | 'forbidden' | 'stalled';

export interface LiveObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface LiveKindState {
  items: readonly LiveObject[];
  state: LiveSyncState;
  message?: string;
  /**
   * Objects that exist but were not sent (Events: the server sends the newest only). A page
   * listing them says "N older events not shown"; the timeline has the history.
   */
  omitted?: number;
}

export interface LiveStore {
  get(kind: StreamKind): LiveKindState;
  subscribe(kind: StreamKind, listener: () => void): () => void;
}

const EMPTY: LiveKindState = { items: [], state: 'pending' };

function keyOf(object: LiveObject): string {
  return object.metadata.uid ?? `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}

function isObjectShaped(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function createLiveStore(stream: EventStream): LiveStore {
  const objects = new Map<StreamKind, Map<string, LiveObject>>();
  const states = new Map<StreamKind, LiveKindState>();
  const listeners = new Map<StreamKind, Set<() => void>>();

  function publish(kind: StreamKind, patch: Partial<LiveKindState>): void {
    const previous = states.get(kind) ?? EMPTY;
    const items = patch.items ?? previous.items;
    states.set(kind, { ...previous, ...patch, items });
    for (const listener of [...(listeners.get(kind) ?? [])]) listener();
  }

  function itemsOf(kind: StreamKind): LiveObject[] {
    return [...(objects.get(kind)?.values() ?? [])];
  }

  stream.subscribe('snapshot', (data) => {
    if (!isObjectShaped(data) || !Array.isArray(data.items)) return;
    const snapshot = data as unknown as SnapshotEvent;
    const map = new Map<string, LiveObject>();
    for (const item of snapshot.items as LiveObject[]) map.set(keyOf(item), item);
    objects.set(snapshot.kind, map);
    publish(snapshot.kind, {
      items: itemsOf(snapshot.kind),
      state: 'synced',
      message: undefined,
      omitted: snapshot.omitted,
    });
  });

  stream.subscribe('change', (data) => {
    if (!isObjectShaped(data) || !isObjectShaped(data.object)) return;
    const change = data as unknown as ChangeEvent;
    let map = objects.get(change.kind);
    if (!map) objects.set(change.kind, (map = new Map()));
    const object = change.object as LiveObject;
    if (change.type === 'DELETED') map.delete(keyOf(object));
    else map.set(keyOf(object), object);
    publish(change.kind, { items: itemsOf(change.kind) });
  });

  stream.subscribe('state', (data) => {
    if (!isObjectShaped(data)) return;
    const event = data as unknown as StateEvent;
    publish(event.kind, { state: event.state, message: event.message });
  });

  stream.subscribe('reset', () => {
    for (const kind of [...states.keys()]) {
      objects.delete(kind);
      publish(kind, { items: [], state: 'resyncing' });
    }
  });

  return {
    get: (kind) => states.get(kind) ?? EMPTY,
    subscribe(kind, listener) {
      let set = listeners.get(kind);
      if (!set) listeners.set(kind, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

const stores = new WeakMap<EventStream, LiveStore>();

/** One live store per event stream (per tab), created on first use. */
export function liveStoreFor(stream: EventStream): LiveStore {
  let store = stores.get(stream);
  if (!store) stores.set(stream, (store = createLiveStore(stream)));
  return store;
}
