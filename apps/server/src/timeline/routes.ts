/** `GET /api/v1/timeline`: what the console saw, merged with cluster monitoring's past when asked for a range. */
import { ApiRoutes, type StreamKind, type TimelineEntry } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deniedKinds, mayRead } from '../access/stream-access.js';
import { mergeTransitions } from '../history/conditions.js';
import { LIVE_ONLY, parseRange, readConditionHistory } from '../history/service.js';
import type { StreamHub } from '../hub/hub.js';
import { apiRoute } from '../platform/api-route.js';
import { disconnectSignal, requestClient, requestToken } from '../platform/request-client.js';
import { listConsoleChanges } from './console-events.js';
import { readableEntries } from './readable.js';
import { currentConditionEntries, entryKind, eventEntry, newestFirst } from './timeline.js';

export const timelineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...apiRoute(ApiRoutes.timeline),
    handler: async (request, reply) => {
      const client = requestClient(request, reply);
      const denied = await deniedKinds(request, client, ['Config', 'ClusterOperator', 'Event']);
      if (denied.size === 3) {
        return reply.status(403).send({
          statusCode: 403,
          reason: 'Forbidden',
          message: `you may not read the registry's history: ${[...denied.values()][0]}`,
        });
      }
      const { start, end, ...query } = request.query;
      const limit = query.limit ?? 500;
      const range = start !== undefined ? parseRange(start, end) : undefined;
      const since = range?.startMs ?? (query.since ? Date.parse(query.since) : undefined);
      const inTime = (e: TimelineEntry) =>
        (!query.type || e.type === query.type) &&
        (since === undefined || Date.parse(e.time) >= since) &&
        (!range || Date.parse(e.time) <= range.endMs);
      const inRange = (e: TimelineEntry) => inTime(e) && !denied.has(entryKind(e));
      // A range is answered from what every replica reads alike (sharedEntries): the same
      // question gets the same answer from any of them, and after a restart — a replica that
      // has just started answers once its watches have listed, else it would lack the
      // conditions and Events the others show. Without a range: what this process has seen
      // (its bounded ring, which the stream also carries). Filtered before the limit, so a
      // caller who may not read some objects still gets `limit` entries.
      if (range) await app.hub.whenListed(SHARED_KINDS, LISTED_WAIT_MS);
      const candidates = range
        ? sharedEntries(app.hub).filter(inRange)
        : app.timeline.list({ ...query, limit: 5000 }, (kind) => !denied.has(kind)).filter(inRange);
      // Console changes recorded by any replica outside the watched namespace (cluster-scoped
      // objects' Events live in `default`, the pull secret's and CAs' in openshift-config).
      if (!query.type || query.type === 'change') {
        const known = new Set(candidates.map((e) => e.id));
        for (const change of await listConsoleChanges(client))
          if (!known.has(change.id) && inTime(change)) candidates.push(change);
        candidates.sort(newestFirst);
      }
      const entries = await readableEntries(candidates, mayRead(request, client));
      if (!range) return { entries: entries.slice(0, limit), total: app.timeline.size };
      // The past from cluster monitoring, asked with the caller's token — only about what the
      // caller may read here too (the ClusterOperator).
      const past = denied.has('ClusterOperator')
        ? undefined
        : await readConditionHistory(
            app.monitoring,
            app.cluster.monitoringToken(requestToken(request)),
            range,
            app.monitoringScrapeSeconds,
            disconnectSignal(reply),
          );
      const derived = past && (!query.type || query.type === 'condition') ? past.entries : [];
      const merged = mergeTransitions(entries, derived, past?.step ?? 0);
      return {
        entries: merged.slice(0, limit),
        total: merged.length,
        history: past?.history ?? {
          state: 'forbidden',
          message: `History is unavailable: ${denied.get('ClusterOperator') ?? 'you may not read the ClusterOperator'}. ${LIVE_ONLY}`,
        },
        lanes: past?.lanes ?? [],
      };
    },
  });
};

const SHARED_KINDS: readonly StreamKind[] = ['Config', 'ClusterOperator', 'Event'];
/** How long a range waits for a just-started replica's first lists (then answers with what it has). */
const LISTED_WAIT_MS = 5_000;

/**
 * The timeline entries every replica can rebuild from the cluster: each Config and
 * ClusterOperator condition as it is now (at its lastTransitionTime), and every Event the API
 * still keeps in the registry's namespace (console changes among them) — from the hub's watch
 * caches, which hold the same objects on every replica. What one process saw and the cluster no
 * longer has (a superseded transition, an expired Event, an Event's earlier counts) is not here:
 * the past comes from monitoring, which every replica reads alike.
 */
export function sharedEntries(hub: StreamHub): TimelineEntry[] {
  return [
    ...hub.items('Config').flatMap((o) => currentConditionEntries('Config', o)),
    ...hub.items('ClusterOperator').flatMap((o) => currentConditionEntries('ClusterOperator', o)),
    ...hub.items('Event').map(eventEntry),
  ].sort(newestFirst);
}
