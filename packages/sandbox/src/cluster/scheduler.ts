import type { ControllerContext, KubeObject } from '../core/types.js';
import { EventRecorder } from './events.js';
import { R } from '../core/refs.js';
import { WorkQueue } from './queue.js';
import { watchResource } from './watch.js';
import { findNode, podVolumes, unschedulableMessage } from './scheduling.js';
import { arr, isNotFound, isTerminating, rec, str } from '../core/objects.js';
import { SELECTED_NODE } from './pv-controller.js';
import { rfc3339 } from './time.js';

const RETRY_MS = 15_000;

/**
 * default-scheduler: binds pending pods to nodes. Pods that fit nowhere stay Pending with
 * PodScheduled=False/Unschedulable and a FailedScheduling event, and are retried periodically
 * and whenever pods or nodes change (a deleted pod may free a node).
 */
export function startScheduler(ctx: ControllerContext): () => void {
  const api = ctx.api();
  const events = new EventRecorder(api, ctx.clock);
  const source = { component: 'default-scheduler' };

  const scheduleAll = (): { requeueAfterMs?: number } | void => {
    const pods = api.list(R.pods, undefined).items;
    const nodes = api.list(R.nodes, undefined).items;
    const pending = pods
      .filter(
        (p) =>
          !str(rec(p, 'spec').nodeName) &&
          !isTerminating(p) &&
          (rec(p, 'spec').schedulerName ?? 'default-scheduler') === 'default-scheduler',
      )
      .sort((a, b) =>
        String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)),
      );
    const claims = pending.some((p) => arr(p, 'spec', 'volumes').some((v) => 'persistentVolumeClaim' in v))
      ? api.list(R.pvcs, undefined).items
      : [];
    const classes = claims.length ? api.list(R.storageClasses, undefined).items : [];
    let unschedulable = 0;
    for (const pod of pending) {
      try {
        const volumes = podVolumes(pod, claims, classes);
        if (volumes.unresolvable) {
          unschedulable++;
          markUnschedulable(pod, unschedulableMessage(nodes.length, volumes.unresolvable));
          continue;
        }
        const fit = findNode(pod, nodes, pods, selectedNode(pod, claims));
        if (!fit.node) {
          unschedulable++;
          markUnschedulable(pod, fit.message ?? '');
        } else if (volumes.delayed.length > 0) {
          // VolumeBinding PreBind: the claims are provisioned for this node before the pod is bound
          // (the PV controller's watch kicks this loop again once they are Bound)
          for (const claim of volumes.delayed)
            if (!claim.metadata.annotations?.[SELECTED_NODE])
              api.patch(R.pvcs, claim.metadata.namespace, claim.metadata.name ?? '', 'merge', {
                metadata: { annotations: { [SELECTED_NODE]: fit.node.metadata.name } },
              });
        } else bind(pod, fit.node);
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
    return unschedulable > 0 ? { requeueAfterMs: RETRY_MS } : undefined;
  };

  const bind = (pod: KubeObject, node: KubeObject): void => {
    const ns = pod.metadata.namespace;
    const name = pod.metadata.name ?? '';
    const bound = api.patch(R.pods, ns, name, 'merge', { spec: { nodeName: node.metadata.name } }).object;
    pod.spec = bound.spec; // later pods in this round see it placed (anti-affinity, spread)
    const now = rfc3339(ctx.clock.now());
    api.patch(
      R.pods,
      ns,
      name,
      'merge',
      {
        status: {
          phase: 'Pending',
          conditions: [
            { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
          ],
        },
      },
      { subresource: 'status' },
    );
    events.record(
      source,
      bound,
      'Normal',
      'Scheduled',
      `Successfully assigned ${ns}/${name} to ${node.metadata.name}`,
    );
  };

  const markUnschedulable = (pod: KubeObject, message: string): void => {
    const ns = pod.metadata.namespace;
    const name = pod.metadata.name ?? '';
    const existing = (rec(pod, 'status').conditions as unknown[] | undefined)?.find(
      (c) => rec(c).type === 'PodScheduled' && rec(c).status === 'False' && rec(c).message === message,
    );
    if (!existing) {
      const cond = {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: rfc3339(ctx.clock.now()),
        reason: 'Unschedulable',
        message,
      };
      api.patch(
        R.pods,
        ns,
        name,
        'merge',
        { status: { phase: 'Pending', conditions: [cond] } },
        { subresource: 'status' },
      );
    }
    events.record(source, pod, 'Warning', 'FailedScheduling', message);
  };

  const queue = new WorkQueue(ctx.clock, scheduleAll, undefined, 50);
  /** The node a claim of the pod was provisioned for: the pod goes there (its volume is zonal). */
  const selectedNode = (pod: KubeObject, claims: KubeObject[]): string | undefined =>
    arr(pod, 'spec', 'volumes')
      .map((v) =>
        claims.find(
          (c) =>
            c.metadata.namespace === pod.metadata.namespace &&
            c.metadata.name === rec(v, 'persistentVolumeClaim').claimName,
        ),
      )
      .map((c) => c?.metadata.annotations?.[SELECTED_NODE])
      .find(Boolean);
  const kick = (): void => queue.add('all');
  const stops = [
    watchResource(api, R.pods, undefined, (type, pod) => {
      if (type === 'DELETED' || !str(rec(pod, 'spec').nodeName)) kick();
    }),
    watchResource(api, R.nodes, undefined, kick),
    // a claim bound (or a class created) may let a waiting pod through
    watchResource(api, R.pvcs, undefined, kick),
    watchResource(api, R.storageClasses, undefined, kick),
  ];
  kick();
  return () => {
    queue.stop();
    for (const s of stops) s();
  };
}
