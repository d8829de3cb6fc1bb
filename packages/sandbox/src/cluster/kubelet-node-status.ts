/**
 * The kubelet's node status post when it starts again after being down: the conditions it owns
 * back to healthy (heartbeat now, Ready's transition now) and its NodeReady event. The node
 * lifecycle controller then lifts the unreachable taints.
 */
import type { ApiClient, KubeObject } from '../core/types.js';
import type { EventRecorder } from './events.js';
import { R } from '../core/refs.js';
import { arr } from '../core/objects.js';

const HEALTHY: Record<string, [string, string, string]> = {
  MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
};

export function postNodeReady(api: ApiClient, events: EventRecorder, node: KubeObject, now: string): void {
  const name = node.metadata.name ?? '';
  const conditions = arr(node, 'status', 'conditions').map((c) => {
    const healthy = HEALTHY[String(c.type)];
    if (!healthy) return c;
    const [status, reason, message] = healthy;
    return {
      ...c,
      status,
      reason,
      message,
      lastHeartbeatTime: now,
      lastTransitionTime: c.status === status ? c.lastTransitionTime : now,
    };
  });
  api.patch(R.nodes, undefined, name, 'merge', { status: { conditions } }, { subresource: 'status' });
  events.record(
    { component: 'kubelet', host: name },
    node,
    'Normal',
    'NodeReady',
    `Node ${name} status is now: NodeReady`,
  );
}
