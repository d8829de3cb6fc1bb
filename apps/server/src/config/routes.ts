/** `GET /api/v1/config`, `PATCH /api/v1/config`. */
import { ApiRoutes, type ConfigResponse } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { KubeClient } from '../kube/client.js';
import { toKubeError } from '../kube/errors.js';
import { forBrowser } from '../kube/resources.js';
import { apiRoute } from '../platform/api-route.js';
import { requestClient } from '../platform/request-client.js';
import { recordConsoleChange } from '../timeline/record-change.js';
import { RuleViolation, StaleConfig, patchConfig } from './patch-config.js';
import { readConfig, readStorageClaim, type LiveConfig } from './read-config.js';

async function toResponse(client: KubeClient, live: LiveConfig): Promise<ConfigResponse> {
  const storageClaim = await readStorageClaim(client, live.object);
  return {
    config: forBrowser(live.object) as ConfigResponse['config'],
    resourceVersion: live.resourceVersion,
    ...(storageClaim ? { storageClaim } : {}),
  };
}

export const configRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...apiRoute(ApiRoutes.config),
    handler: async (request, reply) => {
      const client = requestClient(request, reply);
      const live = await readConfig(client);
      app.configGenerations.observe(live.object);
      return toResponse(client, live);
    },
  });

  app.route({
    ...apiRoute(ApiRoutes.patchConfig),
    handler: async (request, reply) => {
      const client = requestClient(request, reply);
      try {
        const outcome = await patchConfig(client, request.body, app.configGenerations);
        app.metrics.configPatches.inc({ outcome: outcome.dryRun ? 'dry-run' : 'applied' });
        if (!outcome.dryRun && Object.keys(outcome.patch).length > 0) {
          await recordConsoleChange(request, client, {
            object: { kind: 'Config', name: outcome.configName },
            summary: `changed ${Object.keys(request.body.patch).join(', ')}`,
            patch: outcome.patch,
            ocCommand: outcome.ocCommand,
          });
        }
        const { configName: _name, ...response } = outcome;
        return response;
      } catch (err) {
        if (err instanceof StaleConfig) {
          app.metrics.configPatches.inc({ outcome: 'conflict' });
          return reply.status(409).send({
            statusCode: 409 as const,
            reason: 'Conflict' as const,
            message: err.message,
            live: await toResponse(client, err.live),
          });
        }
        app.metrics.configPatches.inc({
          outcome: err instanceof RuleViolation || toKubeError(err).statusCode === 422 ? 'invalid' : 'error',
        });
        throw err;
      }
    },
  });
};
