/** `/healthz` (process up), `/readyz` (cluster reachable), `/metrics`. */
import { HealthResponseSchema, ReadyResponseSchema } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toKubeError } from '../kube/errors.js';

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
        summary: 'The cluster API answers (as the server identity)',
        response: { 200: ReadyResponseSchema, 503: ReadyResponseSchema },
      },
    },
    async (_request, reply) => {
      const client = app.cluster.serverClient();
      try {
        const info = await client.version.getCode(client.opts({ timeoutMs: 5000 }));
        return { status: 'ready' as const, cluster: { reachable: true, gitVersion: info.gitVersion } };
      } catch (err) {
        const e = toKubeError(err);
        // A 401/403 still proves the API answers; only transport failures make us unready.
        if (e.statusCode < 500) return { status: 'ready' as const, cluster: { reachable: true, message: e.message } };
        return reply.status(503).send({ status: 'unavailable' as const, cluster: { reachable: false, message: e.message } });
      }
    },
  );

  app.get(
    '/metrics',
    { schema: { tags: ['platform'], summary: 'Prometheus metrics (text exposition format)', produces: ['text/plain'] } },
    async (_request, reply) => {
      reply.header('content-type', app.metrics.registry.contentType);
      return app.metrics.registry.metrics();
    },
  );
};
