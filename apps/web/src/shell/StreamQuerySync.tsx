import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { usePlatform } from '../platform/platform.js';
import { liveStoreFor } from '../platform/liveStore.js';
import { queryKeys } from '../common/queries.js';
import type { StreamKind, TimelineEntry, TimelineResponse } from '../common/contract.js';

/** Which REST queries are built from which streamed kind. */
const AFFECTED: Record<StreamKind, readonly (readonly string[])[]> = {
  Config: [queryKeys.config, queryKeys.diagnostics, queryKeys.workloads],
  ClusterOperator: [queryKeys.diagnostics],
  Deployment: [queryKeys.diagnostics, queryKeys.workloads],
  Pod: [queryKeys.pods, queryKeys.diagnostics, queryKeys.workloads],
  Event: [queryKeys.diagnostics, queryKeys.workloads],
};

/** Adds a streamed timeline entry to the cached timeline, newest first, without duplicates. */
export function addTimelineEntry(client: QueryClient, entry: TimelineEntry): void {
  client.setQueryData<TimelineResponse>(queryKeys.timeline, (current) => {
    if (!current) return current;
    if (current.entries.some((e) => e.id === entry.id)) return current;
    const entries = [entry, ...current.entries].sort((a, b) => b.time.localeCompare(a.time));
    return { entries, total: current.total + 1 };
  });
}

function kindOf(data: unknown): StreamKind | undefined {
  if (typeof data !== 'object' || data === null || !('kind' in data)) return undefined;
  const kind = (data as { kind: unknown }).kind;
  return typeof kind === 'string' && kind in AFFECTED ? (kind as StreamKind) : undefined;
}

/**
 * Keeps TanStack Query caches fresh from the event stream: a streamed change marks the queries
 * built from that kind stale (they refetch if shown). Timeline entries are added in place.
 * After a `reset` or a reconnect everything is refetched, because events may have been missed.
 */
export function StreamQuerySync() {
  const { eventStream } = usePlatform();
  const client = useQueryClient();
  const dropped = useRef(false);
  // Created now so that snapshots sent right after connecting are kept for later pages.
  liveStoreFor(eventStream);

  useEffect(() => {
    const onObjects = (data: unknown) => {
      const kind = kindOf(data);
      if (!kind) return;
      for (const queryKey of AFFECTED[kind]) void client.invalidateQueries({ queryKey });
    };
    const unsubscribers = [
      eventStream.subscribe('change', onObjects),
      eventStream.subscribe('timeline', (data) => addTimelineEntry(client, data as TimelineEntry)),
      eventStream.subscribe('reset', () => void client.invalidateQueries()),
      eventStream.onState((state) => {
        if (state === 'reconnecting') dropped.current = true;
        if (state === 'live' && dropped.current) {
          dropped.current = false;
          void client.invalidateQueries();
        }
      }),
    ];
    return () => unsubscribers.forEach((off) => off());
  }, [client, eventStream]);

  return null;
}
