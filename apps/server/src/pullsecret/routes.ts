/** `GET /api/v1/pull-secret`, `PUT /api/v1/pull-secret/registries/:registry` — names only, never credentials. */
import { ApiRoutes, RegistryNames } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apiRoute } from '../platform/api-route.js';
import { requestClient } from '../platform/request-client.js';
import { recordConsoleChange } from '../timeline/record-change.js';
import { pullSecretStatus, putPullSecretRegistry } from './pull-secret.js';

export const pullSecretRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...apiRoute(ApiRoutes.pullSecret),
    handler: async (request, reply) => pullSecretStatus(requestClient(request, reply)),
  });

  app.route({
    ...apiRoute(ApiRoutes.putPullSecretRegistry),
    handler: async (request, reply) => {
      const client = requestClient(request, reply);
      const result = await putPullSecretRegistry(client, request.params.registry, request.body);
      await recordConsoleChange(request, client, {
        object: { kind: 'Secret', name: RegistryNames.pullSecret, namespace: RegistryNames.configNamespace },
        summary: `${result.replaced ? 'replaced' : 'added'} the credentials for ${result.registry}`,
      });
      return result;
    },
  });
};
