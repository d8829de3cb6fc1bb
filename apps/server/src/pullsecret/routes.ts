/** `GET /api/v1/pull-secret`, `PUT /api/v1/pull-secret/registries/:registry` — names only, never credentials. */
import {
  PULL_SECRET_PATH,
  RegistryNames,
  PullSecretRegistryParamsSchema,
  PullSecretStatusSchema,
  PutPullSecretRegistryRequestSchema,
  PutPullSecretRegistryResponseSchema,
} from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../platform/errors.js';
import { requestClient } from '../platform/request-client.js';
import { recordConsoleChange } from '../timeline/record-change.js';
import { mutationRateLimit } from '../platform/security.js';
import { pullSecretStatus, putPullSecretRegistry } from './pull-secret.js';

export const pullSecretRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    PULL_SECRET_PATH,
    {
      schema: {
        tags: ['pull-secret'],
        summary:
          'Registries the global pull secret (openshift-config/pull-secret) holds credentials for: names and field presence only',
        response: { 200: PullSecretStatusSchema, ...errorResponses(401, 403, 503, 504) },
      },
    },
    async (request, reply) => pullSecretStatus(requestClient(request, reply)),
  );

  app.put(
    `${PULL_SECRET_PATH}/registries/:registry`,
    {
      config: mutationRateLimit,
      schema: {
        tags: ['pull-secret'],
        summary:
          "Add or replace one registry's credentials in the global pull secret (other entries untouched; 409 on a concurrent change)",
        params: PullSecretRegistryParamsSchema,
        body: PutPullSecretRegistryRequestSchema,
        response: {
          200: PutPullSecretRegistryResponseSchema,
          ...errorResponses(400, 401, 403, 409, 413, 422, 429, 503, 504),
        },
      },
    },
    async (request, reply) => {
      const client = requestClient(request, reply);
      const result = await putPullSecretRegistry(client, request.params.registry, request.body);
      await recordConsoleChange(request, client, {
        object: { kind: 'Secret', name: RegistryNames.pullSecret, namespace: RegistryNames.configNamespace },
        summary: `${result.replaced ? 'replaced' : 'added'} the credentials for ${result.registry}`,
      });
      return result;
    },
  );
};
