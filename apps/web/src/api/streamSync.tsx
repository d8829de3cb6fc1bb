import { STREAM_KINDS, type StreamKind, type TimelineEntry } from '@irc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { usePlatform } from '../platform/platform.js';
import { liveStoreFor } from '../platform/liveStore.js';
import { configStream } from './config.js';
import { diagnosticsStream } from './diagnostics.js';
import { podsStream } from './pods.js';
import { addTimelineEntry } from './timeline.js';
import type { StreamInvalidation } from './types.js';
import { workloadsStream } from './workloads.js';

/** The resources whose REST queries are built from streamed kinds (each module says which). */
const INVALIDATIONS: readonly StreamInvalidation[] = [
  configStream,
  podsStream,
  diagnosticsStream,
  workloadsStream,
];

/** Which REST queries are built from which streamed kind. */
const AFFECTED = new Map<StreamKind, readonly (readonly unknown[])[]>(
  STREAM_KINDS.map((kind) => [
    kind,
    INVALIDATIONS.filter((i) => i.kinds.includes(kind)).map((i) => i.queryKey),
  ]),
);

function kindOf(data: unknown): StreamKind | undefined {
  if (typeof data !== 'object' || data === null || !('kind' in data)) return undefined;
  const kind = (data as { kind: unknown }).kind;
  return typeof kind === 'string' && AFFECTED.has(kind as StreamKind) ? (kind as StreamKind) : undefined;
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
      for (const queryKey of AFFECTED.get(kind) ?? []) void client.invalidateQueries({ queryKey });
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
