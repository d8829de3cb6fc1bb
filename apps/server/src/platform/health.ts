/** `/healthz` (process up), `/readyz` (cluster reachable and not shutting down), `/metrics`. */
import type { Server } from 'node:net';
import { HealthResponseSchema, ReadyResponseSchema, type ReadyResponse } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { toKubeError } from '../kube/errors.js';

/** Servers whose shutdown began (keyed by the listening server: plugins see child instances). */
const draining = new WeakSet<Server>();
/** The last cluster probe per server: a draining server answers at once with it instead of probing. */
const lastProbe = new WeakMap<Server, ReadyResponse['cluster']>();

/**
 * From now on `/readyz` answers 503 while everything else is still served: load balancers and
 * the endpoints controller stop sending new work before the server stops listening.
 */
export function markDraining(app: FastifyInstance): void {
  draining.add(app.server);
}

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['platform'], summary: 'The process is up', response: { 200: HealthResponseSchema } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['platform'],
        summary: 'The cluster API answers (as the server identity) and the server is not shutting down',
        response: { 200: ReadyResponseSchema, 503: ReadyResponseSchema },
      },
    },
    async (_request, reply) => {
      if (draining.has(app.server)) {
        // No probe now: a shutting-down server answers at once. Not probed yet → not claimed reachable.
        const known = lastProbe.get(app.server);
        const message = `the console is shutting down: finishing in-flight requests${known ? '' : ' (cluster not probed)'}`;
        return reply
          .status(503)
          .send({ status: 'unavailable', cluster: { ...(known ?? { reachable: false }), message } });
      }
      const cluster = await probeCluster(app);
      lastProbe.set(app.server, cluster);
      return cluster.reachable
        ? { status: 'ready' as const, cluster }
        : reply.status(503).send({ status: 'unavailable', cluster });
    },
  );

  app.get(
    '/metrics',
    {
      schema: {
        tags: ['platform'],
        summary: 'Prometheus metrics (text exposition format)',
        produces: ['text/plain'],
      },
    },
    async (_request, reply) => {
      reply.header('content-type', app.metrics.registry.contentType);
      return app.metrics.registry.metrics();
    },
  );
};

/** Under the pod's readinessProbe timeoutSeconds (6): the kubelet always gets an answer. */
const READY_PROBE_TIMEOUT_MS = 5000;

async function probeCluster(app: FastifyInstance): Promise<ReadyResponse['cluster']> {
  const client = app.cluster.serverClient();
  try {
    // Parameter-less calls still take the request object first: options passed alone would be
    // read as the (empty) request and the call would run with no deadline at all.
    const info = await client.version.getCode({}, client.opts({ timeoutMs: READY_PROBE_TIMEOUT_MS }));
    return { reachable: true, gitVersion: info.gitVersion };
  } catch (err) {
    const e = toKubeError(err);
    // A 401/403 still proves the API answers; only transport failures make us unready.
    return { reachable: e.statusCode < 500, message: e.message };
  }
}
