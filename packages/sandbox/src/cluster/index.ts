import type { ControllerContext } from '../core/types.js';
import type { ContainerRuntime } from './container-runtime.js';
import { startScheduler } from './scheduler.js';
import { startKubelet } from './kubelet.js';
import { startReplicaSetController } from './replicaset-controller.js';
import { startDeploymentController } from './deployment-controller.js';
import { startDaemonSetController } from './daemonset-controller.js';
import { startStatefulSetController } from './statefulset-controller.js';
import { startImageImportController } from './image-import-controller.js';
import { startJobController } from './job-controller.js';
import { startCronJobController } from './cronjob-controller.js';
import { startDisruptionController } from './disruption-controller.js';
import { startRouter } from './router.js';
import { startEventTTL } from './event-ttl.js';
import { startServiceAccountsController } from './serviceaccounts-controller.js';
import { startNodeLifecycleController } from './node-lifecycle-controller.js';
import { startServiceCAInjector } from './service-ca-controller.js';
import { startPersistentVolumeController } from './pv-controller.js';

/** Starts kube-controller-manager's controllers, the scheduler, the kubelets, the router and the event TTL. */
export function startKubeControllers(ctx: ControllerContext, runtime: ContainerRuntime): () => void {
  const stops = [
    startDeploymentController(ctx),
    startReplicaSetController(ctx),
    startDaemonSetController(ctx),
    startStatefulSetController(ctx),
    startImageImportController(ctx),
    startJobController(ctx),
    startCronJobController(ctx),
    startDisruptionController(ctx),
    startServiceAccountsController(ctx),
    startNodeLifecycleController(ctx),
    startServiceCAInjector(ctx),
    startPersistentVolumeController(ctx),
    startScheduler(ctx),
    startKubelet(ctx, runtime),
    startRouter(ctx),
    startEventTTL(ctx),
  ];
  return () => {
    for (const s of stops.reverse()) s();
  };
}
