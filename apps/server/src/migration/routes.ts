/** `GET /api/v1/migration/options`, `POST /api/v1/migration/preview|apply` — image reference migration. */
import { ApiRoutes } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apiRoute } from '../platform/api-route.js';
import { requestClient } from '../platform/request-client.js';
import { mutationRateLimit } from '../platform/security.js';
import { migrationOptions } from './options.js';
import { runMigration } from './run.js';

export const migrationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...apiRoute(ApiRoutes.migrationOptions, {
      tags: ['migration'],
      summary:
        'Namespaces the caller can list and the kinds the cluster serves, for the image reference migration form',
      errors: [401, 503, 504],
    }),
    handler: async (request, reply) => migrationOptions(requestClient(request, reply)),
  });

  app.route({
    ...apiRoute(ApiRoutes.migrationPreview, {
      tags: ['migration'],
      summary:
        'Dry run of oc adm migrate image-references: per-object changes and verdicts (every write sent with dryRun=All)',
      errors: [400, 401, 403, 413, 415, 422, 429, 503, 504],
      config: mutationRateLimit,
    }),
    handler: async (request, reply) => runMigration(requestClient(request, reply), request.body, true),
  });

  app.route({
    ...apiRoute(ApiRoutes.migrationApply, {
      tags: ['migration'],
      summary:
        'oc adm migrate image-references --confirm: rewrites image references and pull secret registry keys object by object; a failure does not stop or undo the others',
      errors: [400, 401, 403, 413, 415, 422, 429, 503, 504],
      config: mutationRateLimit,
    }),
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
