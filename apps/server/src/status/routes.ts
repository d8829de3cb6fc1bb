/** `GET /api/v1/stream` (SSE) and `GET /api/v1/timeline`. */
import {
  STREAM_HEARTBEAT_MS,
  TimelineQuerySchema,
  TimelineResponseSchema,
  type SessionEvent,
  type StreamKind,
} from '@irc/shared';
import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { KubeClient } from '../kube/client.js';
import { toKubeError } from '../kube/errors.js';
import { identityKey } from '../me/whoami.js';
import { errorResponses } from '../platform/errors.js';
import { callerIdentity, sendLimitReached } from '../platform/per-identity-limits.js';
import { requestClient, requestToken } from '../platform/request-client.js';
import type { AccessQuestion } from './access-review.js';
import { SseConnection, sseFrame } from './sse.js';
import { KIND_ACCESS } from './targets.js';
import { ReadableEntryGate, readableEntries } from './timeline.js';
import { listConsoleChanges } from './console-events.js';
import { mergeTransitions } from '../history/conditions.js';
import { parseRange, readConditionHistory } from '../history/service.js';
import { disconnectSignal } from '../platform/request-client.js';

/**
 * The `session` event: the caller's token stopped being accepted. The stream ends after it;
 * reconnecting gets a 401 until they sign in.
 */
export const SESSION_EXPIRED: SessionEvent = {
  state: 'expired',
  message:
    'Your session has expired or your token is no longer accepted by the cluster. Sign in again to resume live updates.',
};

/** Reconnect hint sent when the server shuts down: spread over 1–5 s so tabs do not stampede. */
const SHUTDOWN_RETRY_MIN_MS = 1_000;
const SHUTDOWN_RETRY_SPREAD_MS = 4_000;

export interface StreamOptions {
  heartbeatMs?: number;
  maxBufferedBytes?: number;
  /** How often a connected token-mode client's access is re-checked. */
  recheckMs?: number;
}

/**
 * The kinds this caller may NOT see, with the reason: a SelfSubjectAccessReview per kind, as the
 * caller. Without a bearer token (kubeconfig mode only, forRequest refuses otherwise) the caller
 * is the server identity — asked too, since a kubeconfig user is not necessarily cluster-admin
 * and the timeline also holds the console's own entries, which the hub did not watch for.
 */
async function deniedKinds(
  request: FastifyRequest,
  client: KubeClient,
  kinds: StreamKind[],
  maxAgeMs?: number,
): Promise<Map<StreamKind, string>> {
  const denied = new Map<StreamKind, string>();
  const identity = identityKey(requestToken(request));
  await Promise.all(
    kinds.map(async (kind) => {
      const answer = await request.server.accessReviews.review(client, identity, KIND_ACCESS[kind], maxAgeMs);
      if (!answer.allowed)
        denied.set(
          kind,
          answer.reason || `not allowed to ${KIND_ACCESS[kind].verb} ${KIND_ACCESS[kind].resource}`,
        );
    }),
  );
  return denied;
}

/** "May this caller get that object?" as the caller, through the access review cache. */
function mayRead(request: FastifyRequest, client: KubeClient) {
  const identity = identityKey(requestToken(request));
  return async (question: AccessQuestion) =>
    (await request.server.accessReviews.review(client, identity, question)).allowed;
}

export function streamRoutes(options: StreamOptions = {}): FastifyPluginAsyncTypebox {
  const heartbeatMs = Math.min(options.heartbeatMs ?? STREAM_HEARTBEAT_MS, STREAM_HEARTBEAT_MS);
  return async (app) => {
    app.get(
      '/api/v1/stream',
      {
        schema: {
          tags: ['status'],
          summary:
            'Server-Sent Events: snapshot/change/timeline/state/reset messages (see the shared stream contract)',
          headers: Type.Object({ 'last-event-id': Type.Optional(Type.String({ maxLength: 64 })) }),
          querystring: Type.Object({ lastEventId: Type.Optional(Type.String({ maxLength: 64 })) }),
          produces: ['text/event-stream'],
          response: {
            200: Type.String({ description: 'text/event-stream' }),
            ...errorResponses(401, 403, 429, 503),
          },
        },
      },
      async (request, reply) => {
        const hub = app.hub;
        const kinds = hub.kinds();
        const client = requestClient(request, reply);
        // Each stream holds a subscription and a queue for as long as its tab stays open: capped per identity.
        const slots = app.identitySlots.streams;
        const release = slots.tryAcquire(await callerIdentity(request, client));
        if (!release)
          return sendLimitReached(
            reply,
            `you have ${slots.max} live-update connections open already (one per console tab), the most one user may hold: close some console tabs and this one will retry`,
          );
        reply.raw.once('close', release);
        const denied = await deniedKinds(request, client, kinds);
        if (denied.size === kinds.length) {
          return reply.status(403).send({
            statusCode: 403,
            reason: 'Forbidden',
            message: `you may not watch any registry object: ${[...denied.values()][0]}`,
          });
        }
        reply.hijack();
        const conn = new SseConnection(reply.raw, {
          heartbeatMs,
          maxBufferedBytes: options.maxBufferedBytes ?? 1 << 20,
          onDrop: () => app.metrics.streamDropped.inc(),
        });
        app.metrics.streamClients.inc();
        const end = (retryMs?: number) => {
          conn.close(retryMs);
          reply.raw.socket?.destroySoon();
        };
        const endForShutdown = () => end(SHUTDOWN_RETRY_MIN_MS + Math.random() * SHUTDOWN_RETRY_SPREAD_MS);
        app.longLived.add(endForShutdown);
        const lastEventId = request.headers['last-event-id'] ?? request.query.lastEventId;
        const replay = hub.since(lastEventId);
        // What the client asked for on connecting (the replay, or reset + snapshots) never counts
        // against the slow-client rule (sse.ts); only what is queued after it does.
        const replayed = new WeakSet<Buffer>(replay?.map((m) => m.frame) ?? []);
        const gate = new ReadableEntryGate(mayRead(request, client), (frame) =>
          replayed.has(frame) ? conn.sendInitial(frame) : conn.sendFrame(frame),
        );
        if (replay) {
          for (const m of replay) if (!denied.has(m.kind)) gate.deliver(m.frame, m.entry);
        } else {
          const id = hub.lastId();
          conn.sendInitial(sseFrame(id, 'reset', '{}'));
          for (const kind of kinds) {
            if (denied.has(kind)) {
              const forbidden = { kind, state: 'forbidden', message: denied.get(kind) };
              conn.sendInitial(sseFrame(id, 'state', JSON.stringify(forbidden)));
            } else {
              conn.sendInitial(hub.snapshotFrame(kind));
              conn.sendInitial(sseFrame(id, 'state', JSON.stringify(hub.stateEvent(kind))));
            }
          }
        }
        const unsubscribe = hub.subscribe((m) => {
          if (!denied.has(m.kind)) gate.deliver(m.frame, m.entry);
        });
        // The token may expire or lose rights while the tab stays open: ask again (fresh answers).
        // A 401 ends the stream with a `session` event — the data comes from the server's own
        // watches, so a caller who can no longer prove who they are gets nothing more. An API
        // outage keeps the last answers (nothing flows meanwhile anyway) until the next check.
        const recheckMs = options.recheckMs ?? 60_000;
        const recheck = requestToken(request)
          ? setInterval(() => {
              deniedKinds(request, client, kinds, recheckMs / 2)
                .then((now) => {
                  for (const [kind, why] of now) {
                    if (!denied.has(kind)) {
                      denied.set(kind, why);
                      conn.send(
                        hub.lastId(),
                        'state',
                        JSON.stringify({ kind, state: 'forbidden', message: why }),
                      );
                    }
                  }
                })
                .catch((err: unknown) => {
                  if (toKubeError(err).statusCode !== 401) return;
                  conn.send(hub.lastId(), 'session', JSON.stringify(SESSION_EXPIRED));
                  end();
                });
            }, recheckMs)
          : undefined;
        reply.raw.once('close', () => {
          unsubscribe();
          app.longLived.delete(endForShutdown);
          if (recheck) clearInterval(recheck);
          conn.close();
          app.metrics.streamClients.dec();
        });
      },
    );

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
}
