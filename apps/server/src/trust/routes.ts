/** `GET /api/v1/trust`, `PUT/DELETE /api/v1/trust/:registry` — additional trusted registry CAs. */
import { ApiRoutes, RegistryNames } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apiRoute } from '../platform/api-route.js';
import { requestClient } from '../platform/request-client.js';
import { recordConsoleChange } from '../timeline/record-change.js';
import type { KubeClient } from '../kube/client.js';
import type { FastifyRequest } from 'fastify';
import { identityKey } from '../me/whoami.js';
import { requestToken } from '../platform/request-client.js';
import type { MayWrite } from '../kube/write-check.js';
import {
  PartialTrustWrite,
  deleteTrustedCA,
  putTrustedCA,
  trustStatus,
  type TrustWrites,
} from './trusted-cas.js';

/** The timeline's summary of what a save wrote (a partial one: only the ConfigMap). */
function describeWrites(registry: string, written: TrustWrites, partial = false): string {
  return [
    `set the CA of ${registry}`,
    written.configMap === 'created' ? 'created the ConfigMap' : '',
    written.referenceSet ? 'set images.config.openshift.io/cluster spec.additionalTrustedCA' : '',
    partial
      ? 'could not set images.config.openshift.io/cluster spec.additionalTrustedCA, nor undo the ConfigMap write'
      : '',
  ]
    .filter(Boolean)
    .join('; ');
}

export const trustRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const record = (client: KubeClient, request: FastifyRequest, configMap: string, summary: string) =>
    recordConsoleChange(request, client, {
      object: { kind: 'ConfigMap', name: configMap, namespace: RegistryNames.configNamespace },
      summary,
    });

  app.route({
    ...apiRoute(ApiRoutes.trust),
    handler: async (request, reply) => trustStatus(requestClient(request, reply)),
  });

  app.route({
    ...apiRoute(ApiRoutes.putTrust),
    handler: async (request, reply) => {
      const client = requestClient(request, reply);
      const identity = identityKey(requestToken(request));
      // Fresh answers (max age 0): a write is not decided on a minute-old "yes".
      const may: MayWrite = (q) => app.accessReviews.review(client, identity, q, 0);
      let result;
      try {
        result = await putTrustedCA(client, request.params.registry, request.body.pem, may);
      } catch (err) {
        // Part of the change stayed (its undo failed): the timeline says what was written.
        if (err instanceof PartialTrustWrite)
          await record(client, request, err.configMapName, describeWrites(err.registry, err.written, true));
        throw err;
      }
      if (!result.changed) return result;
      await record(
        client,
        request,
        result.trust.configMapName,
        describeWrites(result.registry.registry, {
          ...(result.created ? { configMap: 'created' as const } : {}),
          referenceSet: result.referenceSet,
        }),
      );
      return result;
    },
  });

  app.route({
    ...apiRoute(ApiRoutes.deleteTrust),
    handler: async (request, reply) => {
      const client = requestClient(request, reply);
      const { status, registry } = await deleteTrustedCA(client, request.params.registry);
      await record(client, request, status.configMapName, `removed the CA of ${registry}`);
      return status;
    },
  });
};
