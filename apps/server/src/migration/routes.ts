/** `GET /api/v1/migration/options`, `POST /api/v1/migration/preview|apply` — image reference migration. */
import { ApiRoutes } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apiRoute } from '../platform/api-route.js';
import { requestClient } from '../platform/request-client.js';
import { migrationOptions } from './options.js';
import { runMigration } from './run.js';

export const migrationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...apiRoute(ApiRoutes.migrationOptions),
    handler: async (request, reply) => migrationOptions(requestClient(request, reply)),
  });

  app.route({
    ...apiRoute(ApiRoutes.migrationPreview),
    handler: async (request, reply) => runMigration(requestClient(request, reply), request.body, true),
  });

  app.route({
    ...apiRoute(ApiRoutes.migrationApply),
    handler: async (request, reply) => {
      const result = await runMigration(requestClient(request, reply), request.body, false);
      // Counts and the oc summary only: object contents (credentials) never reach a log line.
      request.log.info(
        { summary: result.summary, namespaces: request.body.namespaces, kinds: request.body.kinds },
        'image references migrated',
      );
      return result;
    },
  });
};
