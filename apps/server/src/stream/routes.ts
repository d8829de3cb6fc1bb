/** `GET /api/v1/stream` (SSE): the stream feed's messages to each client it may read. */
import { ApiRoutes, STREAM_HEARTBEAT_MS, type SessionEvent } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deniedKinds, mayRead } from '../access/stream-access.js';
import { sseFrame } from '../hub/feed.js';
import { toKubeError } from '../kube/errors.js';
import { apiRoute } from '../platform/api-route.js';
import { callerIdentity, sendLimitReached } from '../platform/per-identity-limits.js';
import { requestClient, requestToken } from '../platform/request-client.js';
import { ReadableEntryGate } from '../timeline/readable.js';
import { SseConnection } from './sse.js';

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

export function streamRoutes(options: StreamOptions = {}): FastifyPluginAsyncTypebox {
  const heartbeatMs = Math.min(options.heartbeatMs ?? STREAM_HEARTBEAT_MS, STREAM_HEARTBEAT_MS);
  return async (app) => {
    app.route({
      ...apiRoute(ApiRoutes.stream),
      handler: async (request, reply) => {
        const { hub, feed } = app;
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
        const replay = feed.since(lastEventId);
        // What the client asked for on connecting (the replay, or reset + snapshots) never counts
        // against the slow-client rule (sse.ts); only what is queued after it does.
        const replayed = new WeakSet<Buffer>(replay?.map((m) => m.frame) ?? []);
        const gate = new ReadableEntryGate(mayRead(request, client), (frame) =>
          replayed.has(frame) ? conn.sendInitial(frame) : conn.sendFrame(frame),
        );
        if (replay) {
          for (const m of replay) if (!denied.has(m.kind)) gate.deliver(m.frame, m.entry);
        } else {
          const id = feed.lastId();
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
        const unsubscribe = feed.subscribe((m) => {
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
                        feed.lastId(),
                        'state',
                        JSON.stringify({ kind, state: 'forbidden', message: why }),
                      );
                    }
                  }
                })
                .catch((err: unknown) => {
                  if (toKubeError(err).statusCode !== 401) return;
                  conn.send(feed.lastId(), 'session', JSON.stringify(SESSION_EXPIRED));
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
    });
  };
}
