/**
 * `/healthz` (process up), `/readyz` (cluster reachable and not shutting down), `/metrics`.
 *
 * The probes answer anyone (the kubelet sends no token, and probes by the pod IP: hosts.ts
 * exempts them) and therefore say a status and nothing else: no cluster version, no address,
 * no error text. Why the cluster is unreachable goes to the log, once per change.
 * The metrics are for callers allowed to read them (metrics-access.ts).
 */
import type { Server } from 'node:net';
import { HealthResponseSchema, ReadyResponseSchema } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { toKubeError } from '../kube/errors.js';
import { MetricsAccess, METRICS_PATH } from './metrics-access.js';

/** Servers whose shutdown began (keyed by the listening server: plugins see child instances). */
const draining = new WeakSet<Server>();
/** The last cluster probe per server (logged when it changes). */
const lastProbe = new WeakMap<Server, ClusterProbe>();

interface ClusterProbe {
  reachable: boolean;
  /** For the log only: never sent to a caller. */
  detail: string;
}

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
    async (request, reply) => {
      if (draining.has(app.server)) {
        // No probe now: a shutting-down server answers at once.
        return reply.status(503).send({ status: 'unavailable' as const, reason: 'ShuttingDown' as const });
      }
      const probe = await probeCluster(app);
      const before = lastProbe.get(app.server);
      lastProbe.set(app.server, probe);
      if (before?.reachable !== probe.reachable || before.detail !== probe.detail)
        request.log[probe.reachable ? 'info' : 'warn'](
          { cluster: probe.detail },
          'readiness: cluster probe changed',
        );
      return probe.reachable
        ? { status: 'ready' as const }
        : reply.status(503).send({ status: 'unavailable' as const, reason: 'ClusterUnreachable' as const });
    },
  );

  const metricsAccess = new MetricsAccess(app.cluster);
  app.get(
    METRICS_PATH,
    {
      schema: {
        tags: ['platform'],
        summary:
          'Prometheus metrics (text exposition format); in token mode for callers allowed to get /metrics',
        produces: ['text/plain'],
      },
    },
    async (request, reply) => {
      await metricsAccess.check(request);
      reply.header('content-type', app.metrics.registry.contentType);
      return app.metrics.registry.metrics();
    },
  );
};

/** Under the pod's readinessProbe timeoutSeconds (6): the kubelet always gets an answer. */
const READY_PROBE_TIMEOUT_MS = 5000;

async function probeCluster(app: FastifyInstance): Promise<ClusterProbe> {
  const client = app.cluster.serverClient();
  try {
    // Parameter-less calls still take the request object first: options passed alone would be
    // read as the (empty) request and the call would run with no deadline at all.
    const info = await client.version.getCode({}, client.opts({ timeoutMs: READY_PROBE_TIMEOUT_MS }));
    return { reachable: true, detail: `${app.cluster.serverUrl} ${info.gitVersion}` };
  } catch (err) {
    const e = toKubeError(err);
    // A 401/403 still proves the API answers; only transport failures make us unready.
    return { reachable: e.statusCode < 500, detail: `${app.cluster.serverUrl}: ${e.message}` };
  }
}
