/**
 * Registry pods on a node that is not ready. When a node's kubelet stops posting status (machine
 * down, kubelet stopped, network), the node lifecycle controller sets its conditions Unknown
 * (NodeStatusUnknown), taints it unreachable, marks its pods not ready and evicts them when
 * their toleration runs out; their logs cannot be read meanwhile. The cause is the node, not
 * the pods: one finding per node, naming the pods it holds.
 */
import type { Finding } from '@irc/shared';
import type { V1Pod } from '@kubernetes/client-node';
import { conditionsOf, toIso, type KubeObjectLike } from '../kube/resources.js';
import type { Facts } from './context.js';
import { finding } from './findings.js';
import { ref } from './objects.js';
import { conditionLine } from './step.js';

interface Taint {
  key?: string;
  effect?: string;
  timeAdded?: string | Date;
}

/** A pod the node lifecycle controller has marked not ready (read nodes only then: see gather.ts). */
export function onUnreadyNode(pod: V1Pod): boolean {
  return (
    !!pod.spec?.nodeName &&
    (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status !== 'True')
  );
}

export function notReadyNodeFindings(f: Facts, pods: V1Pod[]): Finding[] {
  if (!f.g.nodes?.ok) return [];
  const nodes = new Map(f.g.nodes.value.map((n) => [n.metadata?.name ?? '', n]));
  const byNode = new Map<string, V1Pod[]>();
  for (const p of pods) {
    const name = p.spec?.nodeName;
    if (name) byNode.set(name, [...(byNode.get(name) ?? []), p]);
  }
  const out: Finding[] = [];
  for (const [name, onNode] of byNode) {
    const node: KubeObjectLike | undefined = nodes.get(name);
    const ready = conditionsOf(node).find((c) => c.type === 'Ready');
    if (!node || !ready || ready.status === 'True') continue;
    const taints = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []).filter((t) =>
      /^node\.kubernetes\.io\/(unreachable|not-ready)$/.test(t.key ?? ''),
    );
    const podNames = onNode.map((p) => p.metadata?.name ?? '');
    out.push(
      finding({
        code: 'node-not-ready',
        severity: 'failing',
        summary: `Node ${name} is not ready${ready.reason === 'NodeStatusUnknown' ? ' (its kubelet stopped posting status)' : ''}: registry pod${podNames.length > 1 ? 's' : ''} ${podNames.join(', ')} cannot run there`,
        object: ref.node(name),
        field: 'status.conditions[Ready]',
        evidence: [
          `node ${name}: ${conditionLine(ready)}`,
          ...taints.map(
            (t) =>
              `taint ${t.key}:${t.effect}${t.timeAdded ? ` since ${toIso(t.timeAdded) ?? String(t.timeAdded)}` : ''}`,
          ),
          ...onNode.map(
            (p) =>
              `pod ${p.metadata?.name}: ${p.metadata?.deletionTimestamp ? 'evicted, Terminating until the node is back or removed' : 'not ready'}`,
          ),
        ],
        nextStep:
          'The node does not report (machine down, kubelet stopped, network), so its pods cannot be reached and their logs cannot be read. They are evicted when their toleration runs out (5 minutes by default) and started on other nodes. Bring the node back (restart the kubelet or the machine) or remove it (oc adm drain, then delete its Machine).',
        command: `oc describe node ${name}`,
      }),
    );
  }
  return out;
}
