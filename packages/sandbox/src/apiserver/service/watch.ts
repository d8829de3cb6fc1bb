import { expired, badRequest } from '../../core/errors.js';
import type { Clock, KubeObject, WatchEvent, WatchOptions } from '../../core/types.js';
import type { ObjectStore, StoredEvent } from '../storage/object-store.js';
import { apiVersionOf, type ResourceType } from '../resources/resource-type.js';

export const INITIAL_EVENTS_END = 'k8s.io/initial-events-end';
export const INITIAL_EVENTS_LIST_BLUEPRINT = 'kubernetes.io/initial-events-list-blueprint';
/** kube sends a bookmark about once a minute on an idle watch (cluster time here). */
const BOOKMARK_INTERVAL_MS = 60_000;

export interface WatchSpec {
  type: ResourceType;
  resourceKey: string;
  namespace: string | undefined;
  opts: WatchOptions;
  matches: (obj: KubeObject) => boolean;
  present: (obj: KubeObject) => KubeObject;
}

/**
 * The empty, versioned list a watch-list client rebuilds its list from (kube 1.32, PR #127587): the
 * List encoded as the request asked (JSON here, with the encoder's trailing newline), base64.
 */
function listBlueprint(type: ResourceType): string {
  const list = { kind: type.listKind, apiVersion: apiVersionOf(type), metadata: {}, items: [] };
  return Buffer.from(`${JSON.stringify(list)}\n`).toString('base64');
}

/**
 * A BOOKMARK: the kind's object with only a resourceVersion (typed kinds also serialize a null
 * creationTimestamp). The one that ends a watch-list's initial events carries both annotations.
 */
function bookmark(type: ResourceType, rv: number, initialEnd: boolean): WatchEvent {
  const metadata: KubeObject['metadata'] = { resourceVersion: String(rv) };
  if (!type.crd) (metadata as Record<string, unknown>).creationTimestamp = null;
  if (initialEnd)
    metadata.annotations = {
      [INITIAL_EVENTS_END]: 'true',
      [INITIAL_EVENTS_LIST_BLUEPRINT]: listBlueprint(type),
    };
  return { type: 'BOOKMARK', object: { kind: type.kind, apiVersion: apiVersionOf(type), metadata } };
}

function parseRv(rv: string | undefined): number | undefined {
  if (rv === undefined || rv === '' || rv === '0') return undefined;
  if (!/^\d+$/.test(rv)) throw badRequest(`invalid resource version: ${rv}`);
  return Number(rv);
}

/**
 * A watch as the watch cache serves it (cacher.Watch, 1.32): without a resourceVersion (or with
 * sendInitialEvents) the current objects as ADDED first — and, for sendInitialEvents, a BOOKMARK
 * marking their end; then every change after the given resourceVersion, filtered by namespace and
 * selectors (an object leaving the selection is DELETED, one entering it ADDED), with periodic
 * bookmarks on request. A resourceVersion older than the watch cache's window throws 410 Expired
 * (sent as an ERROR event by the HTTP layer); a newer one than the store's waits for it.
 */
export function startWatch(
  store: ObjectStore,
  clock: Clock,
  spec: WatchSpec,
  emit: (e: WatchEvent) => void,
): () => void {
  const { opts, type } = spec;
  const inScope = (o: KubeObject): boolean =>
    (spec.namespace === undefined || o.metadata.namespace === spec.namespace) && spec.matches(o);
  const rv = parseRv(opts.resourceVersion);
  const initial = opts.sendInitialEvents ?? rv === undefined;

  let backlog: StoredEvent[] = [];
  if (rv !== undefined && !opts.sendInitialEvents) {
    const since = store.since(spec.resourceKey, rv);
    if (!Array.isArray(since)) throw expired(`too old resource version: ${rv} (${since.tooOld})`);
    backlog = since;
  }

  const deliver = (e: StoredEvent): void => {
    if (rv !== undefined && e.rv <= rv) return; // the cache watcher skips what the client has seen
    const now = inScope(e.object);
    const before = e.previous !== undefined && e.type !== 'ADDED' && inScope(e.previous);
    if (e.type === 'DELETED') {
      if (before || now) emit({ type: 'DELETED', object: spec.present(e.object) });
    } else if (e.type === 'ADDED') {
      if (now) emit({ type: 'ADDED', object: spec.present(e.object) });
    } else if (now && before) emit({ type: 'MODIFIED', object: spec.present(e.object) });
    else if (now) emit({ type: 'ADDED', object: spec.present(e.object) });
    else if (before) emit({ type: 'DELETED', object: spec.present(e.object) });
  };

  if (initial) {
    for (const o of store.list(spec.resourceKey, spec.namespace))
      if (spec.matches(o)) emit({ type: 'ADDED', object: spec.present(o) });
    if (opts.sendInitialEvents && opts.allowWatchBookmarks) emit(bookmark(type, store.currentRv(), true));
  }
  for (const e of backlog) deliver(e);
  const unsubscribe = store.subscribe(spec.resourceKey, deliver);
  const stopBookmarks = opts.allowWatchBookmarks
    ? clock.every(BOOKMARK_INTERVAL_MS, () => emit(bookmark(type, store.currentRv(), false)))
    : () => undefined;
  return () => {
    unsubscribe();
    stopBookmarks();
  };
}
