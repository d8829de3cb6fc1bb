import type { ControllerContext, ControllerHandle } from './core/types.js';
import { newWorld } from './cluster/cloud.js';
import { readPlatform, seedCluster } from './cluster/seed/index.js';
import { startKubeControllers } from './cluster/index.js';
import { createWorkloadRuntime } from './workloads/runtime.js';
import { createScenarioControl } from './scenarios/control.js';
import { secretData } from './operator/credentials.js';
import { INSTALLER_CREDS_SECRET, NS } from './operator/defaults.js';
import { startMonitoring } from './monitoring/index.js';

/**
 * Starts everything that runs inside the sandbox cluster: seeds a fresh cluster (idempotent),
 * then the kube controllers, scheduler and kubelets (cluster/), whose pods run the workloads —
 * among them the image registry operator itself (operator/, started by its pod) — and the fault
 * scenarios. `stop()` cancels every timer and watch.
 */
export function startControllers(ctx: ControllerContext): ControllerHandle {
  const api = ctx.api();
  const world = newWorld();
  const seeded = seedCluster(api, ctx.clock);
  const minted = secretData(api, NS, INSTALLER_CREDS_SECRET)?.aws_access_key_id;
  if (minted) world.s3.allowKey(minted);
  // the facts live in infrastructures.config.openshift.io/cluster: an edit there is what pods see next
  const runtime = createWorkloadRuntime(ctx, world, () => readPlatform(api) ?? seeded);
  const stopKube = startKubeControllers(ctx, runtime);
  const scenarios = createScenarioControl({ ctx, api, world });
  const monitoring = startMonitoring(api, world);
  return {
    scenarios,
    monitoring,
    stop: async () => {
      monitoring.stop();
      stopKube();
    },
  };
}
