/** `GET /api/v1/pull-secret`, `PUT /api/v1/pull-secret/registries/:registry` — names only, never credentials. */
import { ApiRoutes, RegistryNames } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apiRoute } from '../platform/api-route.js';
import { requestClient } from '../platform/request-client.js';
import { recordConsoleChange } from '../timeline/record-change.js';
import { mutationRateLimit } from '../platform/security.js';
import { pullSecretStatus, putPullSecretRegistry } from './pull-secret.js';

export const pullSecretRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...apiRoute(ApiRoutes.pullSecret, {
      tags: ['pull-secret'],
      summary:
        'Registries the global pull secret (openshift-config/pull-secret) holds credentials for: names and field presence only',
      errors: [401, 403, 503, 504],
    }),
    handler: async (request, reply) => pullSecretStatus(requestClient(request, reply)),
  });

  app.route({
    ...apiRoute(ApiRoutes.putPullSecretRegistry, {
      tags: ['pull-secret'],
      summary:
        "Add or replace one registry's credentials in the global pull secret (other entries untouched; 409 on a concurrent change)",
      errors: [400, 401, 403, 409, 413, 422, 429, 503, 504],
      config: mutationRateLimit,
    }),
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
