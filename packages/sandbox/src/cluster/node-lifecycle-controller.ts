/**
 * kube-controller-manager's node lifecycle controller and taint eviction controller, for a node
 * whose kubelet stopped posting status (the sandbox's fault: {@link KUBELET_ANNOTATION}):
 *
 *  - after `--node-monitor-grace-period` (50 s since v1.32 / OpenShift 4.19) every condition the
 *    kubelet owns turns Unknown, reason NodeStatusUnknown, "Kubelet stopped posting node
 *    status." (lastHeartbeatTime kept: it is the kubelet's last post), and the node gets the
 *    `node.kubernetes.io/unreachable` NoSchedule and NoExecute taints;
 *  - its pods get Ready=False and a NodeNotReady event (MarkPodsNotReady);
 *  - each pod is evicted when its toleration of the NoExecute taint runs out (the 300 s
 *    DefaultTolerationSeconds adds, 120 s for the operator, never for a toleration without
 *    seconds, at once for a pod that does not tolerate it): condition DisruptionTarget, then a
 *    graceful delete — the pod stays Terminating until its kubelet is back to confirm it;
 *  - when the kubelet posts Ready again the taints go;
 *  - a cordoned node (spec.unschedulable) gets the `node.kubernetes.io/unschedulable` NoSchedule
 *    taint, and loses it when uncordoned.
 *
 * Durations are cluster time (the sandbox's time scale applies).
 */
import type { ControllerContext, KubeObject } from '../core/types.js';
import { kubeletStopped } from '../core/kubelet-endpoint.js';
import { EventRecorder } from './events.js';
import { R } from '../core/refs.js';
import { WorkQueue } from './queue.js';
import { watchResource } from './watch.js';
import { arr, isNotFound, rec, str, tryDelete, tryGet, type Json } from '../core/objects.js';
import { rfc3339 } from './time.js';
import { toleratesTaint } from './scheduling.js';

export const NODE_MONITOR_GRACE_MS = 50_000;
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
export const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable';
/** The conditions the kubelet posts, which the controller turns Unknown. */
const KUBELET_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

export function readyStatus(node: KubeObject | undefined): string | undefined {
  return str(arr(node, 'status', 'conditions').find((c) => c.type === 'Ready')?.status);
}

function isUnreachableTaint(t: Json): boolean {
  return t.key === UNREACHABLE_TAINT;
}

/** Seconds the pod may stay on a node with these NoExecute taints: -1 forever, 0 not at all. */
export function tolerationSeconds(pod: KubeObject, taints: Json[]): number {
  let min = Infinity;
  for (const taint of taints) {
    const matching = arr(pod, 'spec', 'tolerations').filter((t) => toleratesTaint(t, taint));
    if (matching.length === 0) return 0;
    for (const t of matching) {
      if (typeof t.tolerationSeconds !== 'number') continue;
      if (t.tolerationSeconds <= 0) return 0;
      min = Math.min(min, t.tolerationSeconds);
    }
  }
  return min === Infinity ? -1 : min;
}

export function startNodeLifecycleController(ctx: ControllerContext): () => void {
  const api = ctx.api();
  const events = new EventRecorder(api, ctx.clock);
  const source = { component: 'node-controller' };
  const graceTimers = new Map<string, () => void>();
  /** Pending evictions by pod uid, with the node they are for. */
  const evictions = new Map<string, { node: string; cancel: () => void }>();
  const now = (): string => rfc3339(ctx.clock.now());

  const podsOn = (node: string): KubeObject[] =>
    api.list(R.pods, undefined).items.filter((p) => rec(p, 'spec').nodeName === node);

  const markUnknown = (name: string): void => {
    const node = tryGet(api, R.nodes, undefined, name);
    if (!node || !kubeletStopped(node) || readyStatus(node) === 'Unknown') return;
    const at = now();
    const conditions = arr(node, 'status', 'conditions').map((c) =>
      KUBELET_CONDITIONS.includes(String(c.type))
        ? {
            ...c,
            status: 'Unknown',
            reason: 'NodeStatusUnknown',
            message: 'Kubelet stopped posting node status.',
            lastTransitionTime: at,
          }
        : c,
    );
    api.patch(R.nodes, undefined, name, 'merge', { status: { conditions } }, { subresource: 'status' });
    events.record(source, node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
    const taints = [
      ...arr(node, 'spec', 'taints').filter((t) => !isUnreachableTaint(t)),
      { key: UNREACHABLE_TAINT, effect: 'NoSchedule', timeAdded: at },
      { key: UNREACHABLE_TAINT, effect: 'NoExecute', timeAdded: at },
    ];
    api.patch(R.nodes, undefined, name, 'merge', { spec: { taints } });
    for (const pod of podsOn(name)) {
      markPodNotReady(pod, at);
      scheduleEviction(
        pod,
        name,
        taints.filter((t) => t.effect === 'NoExecute'),
      );
    }
  };

  /** MarkPodsNotReady: the Ready condition only, as the controller leaves the rest to the kubelet. */
  const markPodNotReady = (pod: KubeObject, at: string): void => {
    const conditions = arr(pod, 'status', 'conditions');
    const ready = conditions.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') return;
    const next = conditions.map((c) => (c === ready ? { ...c, status: 'False', lastTransitionTime: at } : c));
    try {
      api.patch(
        R.pods,
        pod.metadata.namespace,
        pod.metadata.name ?? '',
        'merge',
        { status: { conditions: next } },
        { subresource: 'status' },
      );
      events.record(source, pod, 'Warning', 'NodeNotReady', 'Node is not ready');
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  };

  const scheduleEviction = (pod: KubeObject, node: string, noExecute: Json[]): void => {
    const uid = pod.metadata.uid ?? '';
    if (evictions.has(uid) || pod.metadata.deletionTimestamp) return;
    const seconds = tolerationSeconds(pod, noExecute);
    if (seconds < 0) return;
    const cancel = ctx.clock.after(seconds * 1000, () => {
      evictions.delete(uid);
      evict(pod, node);
    });
    evictions.set(uid, { node, cancel });
  };

  const evict = (stale: KubeObject, node: string): void => {
    const ns = stale.metadata.namespace;
    const name = stale.metadata.name ?? '';
    const pod = tryGet(api, R.pods, ns, name);
    if (!pod || pod.metadata.uid !== stale.metadata.uid || pod.metadata.deletionTimestamp) return;
    const live = tryGet(api, R.nodes, undefined, node);
    if (!arr(live, 'spec', 'taints').some((t) => isUnreachableTaint(t) && t.effect === 'NoExecute')) return;
    const conditions = [
      ...arr(pod, 'status', 'conditions').filter((c) => c.type !== 'DisruptionTarget'),
      {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
        lastTransitionTime: now(),
      },
    ];
    try {
      api.patch(R.pods, ns, name, 'merge', { status: { conditions } }, { subresource: 'status' });
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
    events.record(
      { component: 'taint-eviction-controller' },
      pod,
      'Normal',
      'TaintManagerEviction',
      `Marking for deletion Pod ${ns}/${name}`,
    );
    tryDelete(api, R.pods, ns, name);
  };

  const cancelEvictions = (node: string): void => {
    for (const [uid, e] of evictions)
      if (e.node === node) {
        e.cancel();
        evictions.delete(uid);
      }
  };

  /** doNoScheduleTaintingPass: a cordoned node carries the unschedulable NoSchedule taint. */
  const syncUnschedulableTaint = (node: KubeObject): void => {
    const taints = arr(node, 'spec', 'taints');
    const isIt = (t: Json) => t.key === UNSCHEDULABLE_TAINT && t.effect === 'NoSchedule';
    const want = rec(node, 'spec').unschedulable === true;
    if (want === taints.some(isIt)) return;
    const next = want
      ? [...taints, { key: UNSCHEDULABLE_TAINT, effect: 'NoSchedule', timeAdded: now() }]
      : taints.filter((t) => !isIt(t));
    api.patch(R.nodes, undefined, node.metadata.name ?? '', 'merge', {
      spec: { taints: next.length ? next : null },
    });
  };

  const sync = (name: string): void => {
    const node = tryGet(api, R.nodes, undefined, name);
    if (node) syncUnschedulableTaint(node);
    if (!node || !kubeletStopped(node)) {
      graceTimers.get(name)?.();
      graceTimers.delete(name);
    }
    if (!node) return cancelEvictions(name);
    if (kubeletStopped(node)) {
      if (readyStatus(node) !== 'Unknown' && !graceTimers.has(name))
        graceTimers.set(
          name,
          ctx.clock.after(NODE_MONITOR_GRACE_MS, () => {
            graceTimers.delete(name);
            markUnknown(name);
          }),
        );
      return;
    }
    // The kubelet posts Ready again (kubelet-node-status.ts): the taints go, nobody is evicted.
    const taints = arr(node, 'spec', 'taints');
    if (readyStatus(node) === 'True' && taints.some(isUnreachableTaint)) {
      cancelEvictions(name);
      const kept = taints.filter((t) => !isUnreachableTaint(t));
      api.patch(R.nodes, undefined, name, 'merge', { spec: { taints: kept.length ? kept : null } });
    }
  };

  const queue = new WorkQueue(ctx.clock, sync, undefined, 0);
  const stopWatch = watchResource(api, R.nodes, undefined, (_type, node) => {
    if (node.metadata.name) queue.add(node.metadata.name);
  });
  for (const node of api.list(R.nodes, undefined).items)
    if (node.metadata.name) queue.add(node.metadata.name);

  return () => {
    stopWatch();
    queue.stop();
    for (const cancel of graceTimers.values()) cancel();
    for (const e of evictions.values()) e.cancel();
  };
}
