import type { ControllerContext, ResourceRef } from '../core/types.js';
import { R } from '../core/refs.js';
import { EventRecorder } from '../cluster/events.js';
import { WorkQueue } from '../cluster/queue.js';
import { watchResource } from '../cluster/watch.js';
import { errorMessage, tryGet } from '../core/objects.js';
import { isServed } from '../cluster/served.js';
import type { SimWorld } from '../cluster/cloud.js';
import { readPlatform, type PlatformFacts } from '../cluster/seed/index.js';
import type { Klog } from './klog.js';
import type { OperatorEnv } from './context.js';
import { RegistryController } from './controller.js';
import { NS, OPERATOR_NAME } from './defaults.js';

/** Sync latency after a change (the real operator: well under a second), and the informer resync. */
const SYNC_LATENCY_MS = 300;
const RESYNC_MS = 10 * 60_000;

export interface OperatorHandle {
  stop(): void;
  /** Runs one sync now (tests, scenarios that must not wait for an event). */
  kick(): void;
}

/**
 * Starts the operator's controllers: informers on every object of domain.md §6.1 feed one work
 * queue key ("changes"); each change runs a full sync shortly after. Lives as long as the
 * operator's pod runs (workloads/operator-process.ts starts and stops it).
 */
export function startOperator(
  ctx: ControllerContext,
  world: SimWorld,
  platform: PlatformFacts,
  log: Klog,
): OperatorHandle {
  // the operator's service account is bound to cluster-admin-equivalent rights; act as the superuser
  const api = ctx.api();
  const env: OperatorEnv = {
    api,
    clock: ctx.clock,
    world,
    log,
    events: new EventRecorder(api, ctx.clock),
    // read from infrastructures.config.openshift.io/cluster at every use, as the operator's lister does
    get platform() {
      return readPlatform(api) ?? platform;
    },
    self: () =>
      tryGet(api, R.deployments, NS, OPERATOR_NAME) ?? {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: NS },
      },
  };
  const controller = new RegistryController(env);
  const queue = new WorkQueue(
    ctx.clock,
    () => controller.sync(),
    (_key, err) => log.error('controller.go:400', `unable to sync: ${errorMessage(err)}, requeuing`),
    SYNC_LATENCY_MS,
  );
  const kick = (): void => queue.add('changes');
  const watched: Array<[ResourceRef, string | undefined]> = [
    [R.configs, undefined],
    [R.imagePruners, undefined],
    [R.deployments, NS],
    [R.daemonSets, NS],
    [R.services, NS],
    [R.secrets, NS],
    [R.configMaps, NS],
    [R.serviceAccounts, NS],
    [R.pdbs, NS],
    [R.networkPolicies, NS],
    [R.routes, NS],
    [R.cronJobs, NS],
    [R.jobs, NS],
    [R.clusterRoles, undefined],
    [R.clusterRoleBindings, undefined],
    [R.configMaps, 'openshift-config'],
    [R.configMaps, 'openshift-config-managed'],
    [R.proxies, undefined],
    [R.infrastructures, undefined],
    [R.apiServers, undefined],
    [R.imageConfigs, undefined],
    [R.clusterOperators, undefined],
  ];
  const stops = watched
    .filter(([ref]) => isServed(api, ref))
    .map(([ref, ns]) => watchResource(api, ref, ns, kick));
  const resync = ctx.clock.every(RESYNC_MS, kick);
  kick();
  return {
    stop: () => {
      queue.stop();
      resync();
      for (const s of stops) s();
    },
    kick,
  };
}
