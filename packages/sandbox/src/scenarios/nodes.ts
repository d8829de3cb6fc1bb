/**
 * A worker whose kubelet stops (the machine is up, the kubelet process is not): the node
 * lifecycle controller takes it from there — NotReady after the grace period, unreachable
 * taints, its pods not ready and evicted after their toleration — and logs of its pods cannot
 * be read. The same fault from kubectl: `kubectl annotate node <name> sandbox.irc/kubelet=stopped`.
 */
import { KUBELET_ANNOTATION } from '../core/kubelet-endpoint.js';
import { R } from '../core/refs.js';
import { rec, selectorString, str } from '../core/objects.js';
import { REGISTRY_LABELS } from '../operator/defaults.js';
import { memo } from './memo.js';
import type { Scenario, ScenarioEnv } from './types.js';

/**
 * The worker running the first registry pod that stays (so the fault shows on the registry), else
 * any worker. A pod already terminating (a rollout just replaced it) is gone a moment later and
 * would leave the fault on a node with no registry pod.
 */
function targetNode(env: ScenarioEnv): string | undefined {
  const pods = env.api
    .list(R.pods, 'openshift-image-registry', { labelSelector: selectorString(REGISTRY_LABELS) })
    .items.filter((p) => !p.metadata.deletionTimestamp);
  const onNode = pods.map((p) => str(rec(p, 'spec').nodeName)).find(Boolean);
  if (onNode) return onNode;
  return env.api
    .list(R.nodes, undefined)
    .items.find((n) => 'node-role.kubernetes.io/worker' in (n.metadata.labels ?? {}))?.metadata.name;
}

export const NODE_SCENARIOS: Scenario[] = [
  {
    name: 'node-unreachable',
    description:
      'The kubelet of the worker running a registry pod stops: its pods\' logs answer 500 "dial tcp …:10250: connect: connection refused", after 50 s the node is NotReady (Unknown NodeStatusUnknown) with the unreachable taints, its pods Ready=False, evicted after their 300 s toleration and replaced elsewhere.',
    activate(env) {
      const node = targetNode(env);
      if (!node) return;
      memo(env).set(`${this.name}:node`, node);
      env.api.patch(R.nodes, undefined, node, 'merge', {
        metadata: { annotations: { [KUBELET_ANNOTATION]: 'stopped' } },
      });
    },
    clear(env) {
      const node = memo(env).get(`${this.name}:node`);
      memo(env).delete(`${this.name}:node`);
      if (typeof node !== 'string') return;
      env.api.patch(R.nodes, undefined, node, 'merge', {
        metadata: { annotations: { [KUBELET_ANNOTATION]: null } },
      });
    },
  },
];
