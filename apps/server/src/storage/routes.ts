/** `GET/PUT /api/v1/storage/credentials` — key names and change times only, never values. */
import { ApiRoutes } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apiRoute } from '../platform/api-route.js';
import { requestClient } from '../platform/request-client.js';
import { recordConsoleChange } from '../timeline/record-change.js';
import { NS } from '../kube/resources.js';
import { SECRET_NAME, credentialsStatus, putCredentials } from './credentials.js';

export const storageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...apiRoute(ApiRoutes.credentials),
    handler: async (request, reply) => credentialsStatus(requestClient(request, reply)),
  });

  app.route({
    ...apiRoute(ApiRoutes.putCredentials),
    handler: async (request, reply) => {
      const client = requestClient(request, reply);
      const { status, changed } = await putCredentials(client, request.body);
      if (changed.length > 0) {
        const values = new Map(Object.entries(request.body.values));
        const set = changed.filter((k) => values.get(k) !== null);
        const removed = changed.filter((k) => values.get(k) === null);
        await recordConsoleChange(request, client, {
          object: { kind: 'Secret', name: SECRET_NAME, namespace: NS },
          summary: [
            set.length ? `set ${set.join(', ')}` : '',
            removed.length ? `removed ${removed.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; '),
        });
      }
      return status;
    },
  });
};
