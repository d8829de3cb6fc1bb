import type { ControllerContext, KubeObject } from '../core/types.js';
import { EventRecorder } from './events.js';
import { R } from '../core/refs.js';
import { runController } from './controller-loop.js';
import {
  arr,
  clone,
  controllerOf,
  isNotFound,
  isOwnedBy,
  isTerminating,
  num,
  ownerRef,
  rec,
  selectorMatches,
  tryDelete,
  tryGet,
  labelsOf,
} from '../core/objects.js';
import { randomSuffix } from '../core/names.js';
import { isPodAvailable, isPodReady } from './pod-readiness.js';

/** How many pods one sync creates at most (kube: slow-start batches; burst 500). */
const BURST = 500;

/**
 * ReplicaSet controller: keeps `spec.replicas` pods (named `<rs>-<5 chars>`) matching the
 * selector, deletes the surplus (not-yet-ready and newest first), and reports replicas,
 * readyReplicas, availableReplicas and observedGeneration.
 */
export function startReplicaSetController(ctx: ControllerContext): () => void {
  const api = ctx.api();
  const events = new EventRecorder(api, ctx.clock);
  const source = { component: 'replicaset-controller' };

  const sync = (key: string): { requeueAfterMs?: number } | void => {
    const [ns, name] = key.split('/') as [string, string];
    const rs = tryGet(api, R.replicaSets, ns, name);
    if (!rs || isTerminating(rs)) return;
    const selector = rec(rs, 'spec', 'selector');
    const pods = api
      .list(R.pods, ns)
      .items.filter((p) => isOwnedBy(p, rs) || (!controllerOf(p) && selectorMatches(selector, labelsOf(p))));
    const active = pods.filter(
      (p) => !isTerminating(p) && !['Succeeded', 'Failed'].includes(String(rec(p, 'status').phase)),
    );
    const want = num(rec(rs, 'spec').replicas) ?? 1;
    const diff = active.length - want;
    if (diff < 0) {
      for (let i = 0; i < Math.min(-diff, BURST); i++) createPod(rs);
    } else if (diff > 0) {
      for (const pod of rankForDeletion(active).slice(0, diff)) {
        if (tryDelete(api, R.pods, ns, pod.metadata.name ?? '')) {
          events.record(source, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
        }
      }
    }
    return writeStatus(rs, ns);
  };

  const createPod = (rs: KubeObject): void => {
    const template = rec(rs, 'spec', 'template');
    const ns = rs.metadata.namespace;
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...clone(rec(template, 'metadata')),
        name: `${rs.metadata.name}-${randomSuffix()}`,
        generateName: `${rs.metadata.name}-`,
        namespace: ns,
        ownerReferences: [ownerRef(rs)],
      },
      spec: clone(rec(template, 'spec')),
    };
    const created = api.create(R.pods, ns, pod).object;
    events.record(source, rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  };

  const writeStatus = (rs: KubeObject, ns: string): { requeueAfterMs?: number } | void => {
    const minReady = num(rec(rs, 'spec').minReadySeconds) ?? 0;
    const nowMs = ctx.clock.now().getTime();
    const pods = api.list(R.pods, ns).items.filter((p) => isOwnedBy(p, rs) && !isTerminating(p));
    const status = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) =>
        selectorMatches({ matchLabels: rec(rs, 'spec', 'template', 'metadata', 'labels') }, labelsOf(p)),
      ).length,
      readyReplicas: pods.filter(isPodReady).length,
      availableReplicas: pods.filter((p) => isPodAvailable(p, minReady, nowMs, ctx.clock.scale)).length,
      observedGeneration: rs.metadata.generation ?? 1,
    };
    const current = rec(rs, 'status');
    const changed =
      Object.entries(status).some(([k, v]) => (current[k] ?? 0) !== v) ||
      arr(rs, 'status', 'conditions').length > 0;
    if (changed) {
      try {
        api.patch(
          R.replicaSets,
          ns,
          rs.metadata.name ?? '',
          'merge',
          { status: { ...status, conditions: null } },
          { subresource: 'status' },
        );
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
    // pods ready but not yet available for minReadySeconds: look again when they will be
    if (minReady > 0 && status.readyReplicas > status.availableReplicas)
      return { requeueAfterMs: minReady * 1000 };
  };

  return runController(api, ctx.clock, {
    resource: R.replicaSets,
    kind: 'ReplicaSet',
    owned: [R.pods],
    sync,
    latencyMs: 20,
  });
}

/** controller.ActivePods ordering: unscheduled < scheduled, pending < running, not ready < ready, newer first. */
function rankForDeletion(pods: KubeObject[]): KubeObject[] {
  const score = (p: KubeObject): number[] => [
    rec(p, 'spec').nodeName ? 1 : 0,
    rec(p, 'status').phase === 'Running' ? 1 : 0,
    isPodReady(p) ? 1 : 0,
  ];
  return [...pods].sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return (sa[i] ?? 0) - (sb[i] ?? 0);
    return String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp));
  });
}
