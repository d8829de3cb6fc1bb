import type { ControllerContext, KubeObject } from '../core/types.js';
import type {
  ContainerIO,
  ContainerProcess,
  ContainerRuntime,
  ProbeResult,
} from '../cluster/container-runtime.js';
import type { SimWorld } from '../cluster/cloud.js';
import type { PlatformFacts } from '../cluster/seed/index.js';
import type { Json } from '../core/objects.js';
import { str } from '../core/objects.js';
import { NODE_CA, OPERATOR_NAME, PRUNER_NAME } from '../operator/defaults.js';
import { startRegistry, type RegistryProcess } from './registry.js';
import { startOperatorProcess } from './operator-process.js';
import { startNodeCA } from './node-ca.js';
import { startPrunerJob } from './pruner-job.js';
import { startApp } from './app.js';
import { startBatchJob } from './batch-job.js';
import { pullImage } from './image-pull.js';

type Running = ContainerProcess & { probe?: RegistryProcess['probe']; probeHit?: () => void };

/**
 * What each container of the sandbox does, chosen by the pod's labels: the image registry,
 * the operator (which runs the reconcile loop), node-ca, the pruner job, another Job's
 * container (works, then exits 0), or a plain app.
 */
export function createWorkloadRuntime(
  ctx: ControllerContext,
  world: SimWorld,
  platform: () => PlatformFacts,
): ContainerRuntime {
  const running = new Map<string, Running>();
  const api = ctx.api();
  const key = (pod: KubeObject, c: Json) => `${pod.metadata.uid}/${str(c.name)}`;

  return {
    pull: (pod, container) => pullImage(api, world, pod, str(container.image) ?? ''),
    start(pod: KubeObject, container: Json, io: ContainerIO): ContainerProcess {
      const labels = pod.metadata.labels ?? {};
      const k = key(pod, container);
      let proc: Running;
      if (labels['docker-registry'] === 'default') proc = startRegistry(ctx.clock, world, pod, container, io);
      else if (labels.name === OPERATOR_NAME) proc = startOperatorProcess(ctx, world, platform, k, io);
      else if (labels.name === NODE_CA) proc = startNodeCA(ctx.clock, api, io);
      else if (labels.app === PRUNER_NAME || (labels['job-name'] ?? '').startsWith(PRUNER_NAME))
        proc = startPrunerJob(ctx.clock, world, container, io);
      else if (labels['job-name']) proc = startBatchJob(ctx.clock, container, io);
      else proc = startApp(ctx.clock, pod, container, io);
      running.set(k, proc);
      const forget = (fn: () => void) => () => {
        fn();
        if (running.get(k) === proc) running.delete(k);
      };
      return { terminate: forget(() => proc.terminate()), kill: forget(() => proc.kill()) };
    },
    probe(pod: KubeObject, container: Json, _kind: 'readiness' | 'liveness'): ProbeResult {
      const proc = running.get(key(pod, container));
      if (!proc) return { ok: false, message: 'connection refused' };
      if (proc.probe) return proc.probe(_kind);
      proc.probeHit?.();
      return { ok: true };
    },
  };
}
