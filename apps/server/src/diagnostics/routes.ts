/** `GET /api/v1/diagnostics`: the troubleshooting checklist, computed live as the caller. */
import { ApiRoutes } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apiRoute } from '../platform/api-route.js';
import { identityKey } from '../me/whoami.js';
import { requestToken } from '../platform/request-client.js';
import { Coalescer } from './coalesce.js';
import { gather, type Gathered } from './gather.js';
import { runChecklist } from './run.js';

export const diagnosticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // A gather is ~12 reads and a few bounded log tails; bursts from live re-runs share runs.
  const runs = new Coalescer<Gathered>();
  app.route({
    ...apiRoute(ApiRoutes.diagnostics),
    handler: async (request) => {
      const token = requestToken(request);
      // Shared by several requests: not aborted by one browser's disconnect (the calls time out).
      const client = app.cluster.forRequest(token);
      const g = await runs.run(identityKey(token), () => gather(client));
      return runChecklist(g);
    },
  });
};
