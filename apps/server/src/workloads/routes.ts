/**
 * `GET /api/v1/workloads` and one view per object behind the registry (Deployments, the node-ca
 * DaemonSet, the image-pruner CronJob, the Routes), all read as the caller; `PUT …/scale` for the
 * operator Deployment (the fix for an operator scaled to 0).
 */
import { RegistryNames, ApiRoutes, WorkloadNames, type RouteResponse } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PatchStrategy } from '@kubernetes/client-node';
import type { KubeClient } from '../kube/client.js';
import { invalidField, toKubeError } from '../kube/errors.js';
import { NS } from '../kube/resources.js';
import { HttpError } from '../platform/errors.js';
import { apiRoute } from '../platform/api-route.js';
import { requestClient } from '../platform/request-client.js';
import { recordConsoleChange } from '../timeline/record-change.js';
import { workloadCards } from './cards.js';
import { cronJobView } from './cronjobs.js';
import { daemonSetView } from './daemonsets.js';
import { deploymentView } from './deployments.js';
import { routesView } from './routes-view.js';

/** Only the registry's own objects: anything else in the namespace is not this console's business. */
function ensureOurs(kind: string, allowed: readonly string[], name: string): void {
  if (!allowed.includes(name)) {
    throw new HttpError(
      404,
      'NotFound',
      `${kind} "${name}" is not one of the image registry's objects (${allowed.join(', ')})`,
    );
  }
}

type ObjectViewRoute = typeof ApiRoutes.deployment | typeof ApiRoutes.daemonSet | typeof ApiRoutes.cronJob;

export const workloadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...apiRoute(ApiRoutes.workloads),
    handler: async (request, reply) => ({
      namespace: NS,
      items: await workloadCards(requestClient(request, reply)),
    }),
  });

  /** One view of one named object of the allow-list, read as the caller. */
  const objectView = (
    route: ObjectViewRoute,
    kind: string,
    allowed: readonly string[],
    view: (client: KubeClient, name: string) => Promise<RouteResponse<ObjectViewRoute>>,
  ) =>
    app.route({
      ...apiRoute(route),
      handler: async (request, reply) => {
        ensureOurs(kind, allowed, request.params.name);
        return view(requestClient(request, reply), request.params.name);
      },
    });

  objectView(ApiRoutes.deployment, 'deployment', WorkloadNames.deployments, deploymentView);
  objectView(ApiRoutes.daemonSet, 'daemonset', WorkloadNames.daemonSets, daemonSetView);
  objectView(ApiRoutes.cronJob, 'cronjob', WorkloadNames.cronJobs, cronJobView);

  app.route({
    ...apiRoute(ApiRoutes.scaleDeployment),
    handler: async (request, reply) => {
      const { name } = request.params;
      ensureOurs('deployment', WorkloadNames.deployments, name);
      if (name !== RegistryNames.operatorDeployment) {
        // The operator would put its own count back at the next sync: say where it is set.
        throw invalidField(
          'replicas',
          'the operator sets the registry Deployment’s replicas from the Config’s spec.replicas: change them in the Replicas section',
        );
      }
      const client = requestClient(request, reply);
      let replicas: number;
      try {
        const scale = await client.apps.patchNamespacedDeploymentScale(
          {
            name,
            namespace: NS,
            body: { spec: { replicas: request.body.replicas } },
            fieldManager: RegistryNames.fieldManager,
          },
          client.opts({ headers: { 'Content-Type': PatchStrategy.MergePatch } }),
        );
        replicas = scale.spec?.replicas ?? request.body.replicas;
      } catch (err) {
        throw toKubeError(err);
      }
      await recordConsoleChange(request, client, {
        object: { kind: 'Deployment', name, namespace: NS },
        summary: `scaled to ${replicas}`,
        ocCommand: `oc scale deployment/${name} -n ${NS} --replicas=${replicas}`,
      });
      return { name, replicas };
    },
  });

  app.route({
    ...apiRoute(ApiRoutes.workloadRoutes),
    handler: async (request, reply) => routesView(requestClient(request, reply)),
  });
};
