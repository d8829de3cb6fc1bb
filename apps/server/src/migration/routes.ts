/** `GET /api/v1/migration/options`, `POST /api/v1/migration/preview|apply` — image reference migration. */
import {
  MigrationOptionsSchema,
  MigrationPaths,
  MigrationRequestSchema,
  MigrationResponseSchema,
} from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../platform/errors.js';
import { requestClient } from '../platform/request-client.js';
import { mutationRateLimit } from '../platform/security.js';
import { migrationOptions } from './options.js';
import { runMigration } from './run.js';

export const migrationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    MigrationPaths.options,
    {
      schema: {
        tags: ['migration'],
        summary:
          'Namespaces the caller can list and the kinds the cluster serves, for the image reference migration form',
        response: { 200: MigrationOptionsSchema, ...errorResponses(401, 503, 504) },
      },
    },
    async (request, reply) => migrationOptions(requestClient(request, reply)),
  );

  app.post(
    MigrationPaths.preview,
    {
      config: mutationRateLimit,
      schema: {
        tags: ['migration'],
        summary:
          'Dry run of oc adm migrate image-references: per-object changes and verdicts (every write sent with dryRun=All)',
        body: MigrationRequestSchema,
        response: {
          200: MigrationResponseSchema,
          ...errorResponses(400, 401, 403, 413, 415, 422, 429, 503, 504),
        },
      },
    },
    async (request, reply) => runMigration(requestClient(request, reply), request.body, true),
  );

  app.post(
    MigrationPaths.apply,
    {
      config: mutationRateLimit,
      schema: {
        tags: ['migration'],
        summary:
          'oc adm migrate image-references --confirm: rewrites image references and pull secret registry keys object by object; a failure does not stop or undo the others',
        body: MigrationRequestSchema,
        response: {
          200: MigrationResponseSchema,
          ...errorResponses(400, 401, 403, 413, 415, 422, 429, 503, 504),
        },
      },
    },
    async (request, reply) => {
      const result = await runMigration(requestClient(request, reply), request.body, false);
      // Counts and the oc summary only: object contents (credentials) never reach a log line.
      request.log.info(
        { summary: result.summary, namespaces: request.body.namespaces, kinds: request.body.kinds },
        'image references migrated',
      );
      return result;
    },
  );
};
