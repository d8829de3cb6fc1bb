import type { ApiClient, ControllerContext, KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { WorkQueue } from './queue.js';
import { watchResource } from './watch.js';
import {
  arr,
  controllerOf,
  isNotFound,
  isTerminating,
  labelsOf,
  num,
  rec,
  selectorMatches,
  stableStringify,
  tryGet,
} from '../core/objects.js';
import { isPodReady } from './pod-readiness.js';
import { rfc3339 } from './time.js';

/** IntOrString bound of a PDB scaled to the expected pod count, rounded up (GetScaledValueFromIntOrPercent). */
function scaled(v: unknown, expected: number): number {
  if (typeof v === 'number') return v;
  const pct = /^(\d+)%$/.exec(String(v));
  return pct ? Math.ceil((Number(pct[1]) * expected) / 100) : 0;
}

/** The scale of the workloads owning the pods (a Deployment's when it owns the ReplicaSet), as getExpectedScale does. */
function expectedScale(api: ApiClient, ns: string, pods: KubeObject[]): number {
  const seen = new Map<string, number>();
  for (const p of pods) {
    const owner = controllerOf(p);
    if (!owner) continue;
    const ref =
      owner.kind === 'ReplicaSet' ? R.replicaSets : owner.kind === 'StatefulSet' ? R.statefulSets : undefined;
    const workload = ref && tryGet(api, ref, ns, owner.name);
    if (!workload) continue;
    const deployment = controllerOf(workload);
    const top =
      deployment?.kind === 'Deployment'
        ? (tryGet(api, R.deployments, ns, deployment.name) ?? workload)
        : workload;
    seen.set(top.metadata.uid ?? '', num(rec(top, 'spec').replicas) ?? 1);
  }
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

/**
 * The disruption controller: a PodDisruptionBudget's status (currentHealthy, desiredHealthy,
 * expectedPods, disruptionsAllowed and the DisruptionAllowed condition) from the Ready pods its
 * selector matches, so `kubectl get pdb` shows what a cluster would.
 */
export function startDisruptionController(ctx: ControllerContext): () => void {
  const api = ctx.api();

  const sync = (key: string): void => {
    const [ns, name] = key.split('/') as [string, string];
    const pdb = tryGet(api, R.pdbs, ns, name);
    if (!pdb || pdb.metadata.deletionTimestamp) return;
    const spec = rec(pdb, 'spec');
    const pods = api
      .list(R.pods, ns)
      .items.filter((p) => !isTerminating(p) && selectorMatches(spec.selector ?? {}, labelsOf(p)));
    const healthy = pods.filter(isPodReady).length;
    let expected: number;
    let desired: number;
    if (typeof spec.minAvailable === 'number') {
      expected = pods.length;
      desired = spec.minAvailable;
    } else {
      expected = expectedScale(api, ns, pods);
      desired =
        spec.maxUnavailable !== undefined
          ? Math.max(0, expected - scaled(spec.maxUnavailable, expected))
          : scaled(spec.minAvailable, expected);
    }
    const allowed = expected > 0 ? Math.max(0, healthy - desired) : 0;
    const status = rec(pdb, 'status');
    const old = arr(pdb, 'status', 'conditions').find((c) => c.type === 'DisruptionAllowed');
    const reason = allowed > 0 ? 'SufficientPods' : 'InsufficientPods';
    const condition = {
      type: 'DisruptionAllowed',
      status: allowed > 0 ? 'True' : 'False',
      reason,
      message: '',
      observedGeneration: pdb.metadata.generation,
      lastTransitionTime: old?.reason === reason ? old.lastTransitionTime : rfc3339(ctx.clock.now()),
    };
    const next = {
      ...status,
      currentHealthy: healthy,
      desiredHealthy: desired,
      expectedPods: expected,
      disruptionsAllowed: allowed,
      observedGeneration: pdb.metadata.generation,
      conditions: [condition],
    };
    if (stableStringify(next) === stableStringify(status)) return;
    try {
      api.patch(R.pdbs, ns, name, 'merge', { status: next }, { subresource: 'status' });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  };

  const queue = new WorkQueue(ctx.clock, sync, undefined, 50);
  const enqueueNamespace = (ns: string | undefined): void => {
    for (const p of api.list(R.pdbs, ns).items) queue.add(`${p.metadata.namespace}/${p.metadata.name}`);
  };
  const stops = [
    watchResource(api, R.pdbs, undefined, (_t, pdb) =>
      queue.add(`${pdb.metadata.namespace}/${pdb.metadata.name}`),
    ),
    watchResource(api, R.pods, undefined, (_t, pod) => enqueueNamespace(pod.metadata.namespace)),
  ];
  enqueueNamespace(undefined);
  return () => {
    queue.stop();
    for (const s of stops) s();
  };
}
