/** `GET /api/v1/pods`, `GET /api/v1/pods/:namespace/:name/log`. */
import { ApiRoutes, RegistryNames, type PodSummary } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toKubeError } from '../kube/errors.js';
import { NS } from '../kube/resources.js';
import { HttpError } from '../platform/errors.js';
import { apiRoute } from '../platform/api-route.js';
import { callerIdentity, sendLimitReached } from '../platform/per-identity-limits.js';
import { requestClient } from '../platform/request-client.js';
import { relayPodLog } from './log-relay.js';
import { summarizePod } from './summarize.js';

const COMPONENTS: { component: PodSummary['component']; selector: string }[] = [
  { component: 'registry', selector: RegistryNames.registryPodSelector },
  { component: 'operator', selector: RegistryNames.operatorPodSelector },
];

export const podRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...apiRoute(ApiRoutes.pods),
    handler: async (request, reply) => {
      const client = requestClient(request, reply);
      const now = Date.now();
      try {
        const lists = await Promise.all(
          COMPONENTS.map(async ({ component, selector }) => {
            const list = await client.core.listNamespacedPod(
              { namespace: NS, labelSelector: selector },
              client.opts(),
            );
            return list.items.map((pod) => summarizePod(pod, component, now));
          }),
        );
        return {
          namespace: NS,
          pods: lists
            .flat()
            .sort((a, b) => a.component.localeCompare(b.component) || a.name.localeCompare(b.name)),
        };
      } catch (err) {
        throw toKubeError(err);
      }
    },
  });

  app.route({
    ...apiRoute(ApiRoutes.podLog),
    handler: async (request, reply) => {
      const { namespace, name } = request.params;
      if (namespace !== NS) {
        throw new HttpError(403, 'Forbidden', `this console only reads logs of pods in ${NS}`);
      }
      const client = requestClient(request, reply);
      // A followed log holds an API socket for as long as the tab stays open: capped per identity.
      let release: (() => void) | undefined;
      if (request.query.follow) {
        const slots = app.identitySlots.followedLogs;
        release = slots.tryAcquire(await callerIdentity(request, client));
        if (!release)
          return sendLimitReached(
            reply,
            `you are following ${slots.max} logs already, the most one user may follow at once: close a log view (perhaps in another tab) and this one will retry`,
          );
      }
      try {
        await relayPodLog(client, reply, { namespace, name }, request.query, app.metrics, app.longLived);
      } finally {
        release?.();
      }
    },
  });
};
