/** `GET /api/v1/timeline`: what the console saw, merged with cluster monitoring's past when asked for a range. */
import { TimelineQuerySchema, TimelineResponseSchema } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deniedKinds, mayRead } from '../access/stream-access.js';
import { mergeTransitions } from '../history/conditions.js';
import { parseRange, readConditionHistory } from '../history/service.js';
import { errorResponses } from '../platform/errors.js';
import { disconnectSignal, requestClient, requestToken } from '../platform/request-client.js';
import { listConsoleChanges } from './console-events.js';
import { readableEntries } from './readable.js';

export const timelineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/timeline',
    {
      schema: {
        tags: ['status'],
        summary: 'Condition transitions, namespace events and console changes, newest first',
        querystring: TimelineQuerySchema,
        response: { 200: TimelineResponseSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
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
      // Filtered before the limit, so a caller who may not read some objects still gets `limit` entries.
      const candidates = app.timeline
        .list(
          { ...query, ...(range ? { since: new Date(range.startMs).toISOString() } : {}), limit: 5000 },
          (kind) => !denied.has(kind),
        )
        .filter((e) => !range || Date.parse(e.time) <= range.endMs);
      // Console changes recorded by any replica outside the watched namespace (cluster-scoped
      // objects' Events live in `default`, the pull secret's and CAs' in openshift-config).
      if (!query.type || query.type === 'change') {
        const since = range?.startMs ?? (query.since ? Date.parse(query.since) : undefined);
        const known = new Set(candidates.map((e) => e.id));
        for (const change of await listConsoleChanges(client))
          if (!known.has(change.id) && (since === undefined || Date.parse(change.time) >= since))
            if (!range || Date.parse(change.time) <= range.endMs) candidates.push(change);
        candidates.sort((a, b) => Date.parse(b.time) - Date.parse(a.time) || (b.id > a.id ? 1 : -1));
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
          message: `History is unavailable: ${denied.get('ClusterOperator') ?? 'you may not read the ClusterOperator'}. Showing what this console has seen since it started.`,
        },
        lanes: past?.lanes ?? [],
      };
    },
  );
};
