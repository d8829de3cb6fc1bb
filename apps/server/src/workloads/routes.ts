/**
 * `GET /api/v1/workloads` and one view per object behind the registry (Deployments, the node-ca
 * DaemonSet, the image-pruner CronJob, the Routes), all read as the caller; `PUT …/scale` for the
 * operator Deployment (the fix for an operator scaled to 0).
 */
import { RegistryNames, ApiRoutes, WorkloadNameParamsSchema, WorkloadNames } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PatchStrategy } from '@kubernetes/client-node';
import type { TSchema } from 'typebox';
import type { KubeClient } from '../kube/client.js';
import { invalidField, toKubeError } from '../kube/errors.js';
import { NS } from '../kube/resources.js';
import { HttpError } from '../platform/errors.js';
import { apiRoute } from '../platform/api-route.js';
import { requestClient } from '../platform/request-client.js';
import { mutationRateLimit } from '../platform/security.js';
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

export const workloadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...apiRoute(ApiRoutes.workloads, {
      tags: ['workloads'],
      summary:
        'The objects behind the registry (Deployments, node-ca DaemonSet, image-pruner CronJob, Routes), one health card each',
      errors: [401, 503, 504],
    }),
    handler: async (request, reply) => ({
      namespace: NS,
      items: await workloadCards(requestClient(request, reply)),
    }),
  });

  /** One view of one named object of the allow-list, read as the caller. */
  // The response schema still checks (and serializes) what `view` returns.
  const objectView = (
    route: { method: 'GET'; path: string; params: typeof WorkloadNameParamsSchema; response: TSchema },
    kind: string,
    allowed: readonly string[],
    summary: string,
    view: (client: KubeClient, name: string) => Promise<unknown>,
  ) =>
    app.route({
      ...apiRoute(route, { tags: ['workloads'], summary, errors: [400, 401, 403, 404, 503, 504] }),
      handler: async (request, reply) => {
        ensureOurs(kind, allowed, request.params.name);
        return view(requestClient(request, reply), request.params.name);
      },
    });

  objectView(
    ApiRoutes.deployment,
    'deployment',
    WorkloadNames.deployments,
    'A registry Deployment: rollout, conditions, ReplicaSets by revision, pods, events and the object (secrets redacted)',
    deploymentView,
  );
  objectView(
    ApiRoutes.daemonSet,
    'daemonset',
    WorkloadNames.daemonSets,
    'The node-ca DaemonSet: counts, one row per node with its daemon pod, events and the object',
    daemonSetView,
  );
  objectView(
    ApiRoutes.cronJob,
    'cronjob',
    WorkloadNames.cronJobs,
    'The image-pruner CronJob: schedule, ImagePruner conditions, recent Jobs with their pods, events and the object',
    cronJobView,
  );

  app.route({
    ...apiRoute(ApiRoutes.scaleDeployment, {
      tags: ['workloads'],
      summary:
        'Scale the operator Deployment (the registry Deployment is scaled by the operator from the Config’s spec.replicas)',
      errors: [400, 401, 403, 404, 409, 422, 429, 503, 504],
      config: mutationRateLimit,
    }),
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
    ...apiRoute(ApiRoutes.workloadRoutes, {
      tags: ['workloads'],
      summary:
        'The registry’s Routes: the ones the Config asks for and the ones that exist, with the router’s admission and reason',
      errors: [401, 403, 503, 504],
    }),
    handler: async (request, reply) => routesView(requestClient(request, reply)),
  });
};
