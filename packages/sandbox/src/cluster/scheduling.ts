import { quantityValue } from '@irc/shared';
import type { KubeObject } from '../core/types.js';
import { arr, isTerminating, rec, selectorMatches, str, num, labelsOf } from '../core/objects.js';

/**
 * The scheduler's filter plugins that matter here, as pure functions: NodeUnschedulable,
 * NodeSelector/NodeAffinity (required), TaintToleration, InterPodAntiAffinity (required) and
 * PodTopologySpread (DoNotSchedule). Each failing node is counted under the plugin's real
 * message, which is how `FailedScheduling` events read.
 */
export interface FitResult {
  node?: KubeObject;
  /** "0/6 nodes are available: …" when no node fits */
  message?: string;
}

const MSG = {
  unschedulable: 'node(s) were unschedulable',
  selector: "node(s) didn't match Pod's node affinity/selector",
  taint: (t: string) => `node(s) had untolerated taint {${t}}`,
  antiAffinity: "node(s) didn't match pod anti-affinity rules",
  spread: "node(s) didn't match pod topology spread constraints",
  spreadLabel: "node(s) didn't match pod topology spread constraints (missing required label)",
};

/** v1.Toleration.ToleratesTaint: empty effect matches all, Exists with no key matches every key. */
export function toleratesTaint(t: Record<string, unknown>, taint: Record<string, unknown>): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === 'Exists') return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

export function tolerates(pod: KubeObject, taint: Record<string, unknown>): boolean {
  if (taint.effect === 'PreferNoSchedule') return true;
  return arr(pod, 'spec', 'tolerations').some((t) => toleratesTaint(t, taint));
}

export function matchesNodeSelector(pod: KubeObject, node: KubeObject): boolean {
  const labels = labelsOf(node);
  for (const [k, v] of Object.entries(rec(pod, 'spec', 'nodeSelector'))) if (labels[k] !== v) return false;
  const terms = arr(
    pod,
    'spec',
    'affinity',
    'nodeAffinity',
    'requiredDuringSchedulingIgnoredDuringExecution',
    'nodeSelectorTerms',
  );
  if (terms.length === 0) return true;
  return terms.some((term) => selectorMatches({ matchExpressions: arr(term, 'matchExpressions') }, labels));
}

function podsOn(node: KubeObject, pods: KubeObject[]): KubeObject[] {
  return pods.filter(
    (p) =>
      rec(p, 'spec').nodeName === node.metadata.name &&
      !isTerminating(p) &&
      !['Succeeded', 'Failed'].includes(String(rec(p, 'status').phase)),
  );
}

function violatesAntiAffinity(
  pod: KubeObject,
  node: KubeObject,
  nodes: KubeObject[],
  pods: KubeObject[],
): boolean {
  const terms = arr(
    pod,
    'spec',
    'affinity',
    'podAntiAffinity',
    'requiredDuringSchedulingIgnoredDuringExecution',
  );
  return terms.some((term) => {
    const key = str(term.topologyKey) ?? 'kubernetes.io/hostname';
    const domain = labelsOf(node)[key];
    if (domain === undefined) return false;
    const sameDomain = nodes.filter((n) => labelsOf(n)[key] === domain);
    return sameDomain.some((n) =>
      podsOn(n, pods).some(
        (p) =>
          p.metadata.namespace === pod.metadata.namespace &&
          p.metadata.name !== pod.metadata.name &&
          selectorMatches(term.labelSelector, labelsOf(p)),
      ),
    );
  });
}

function violatesSpread(
  pod: KubeObject,
  node: KubeObject,
  eligible: KubeObject[],
  pods: KubeObject[],
): 'missing-label' | boolean {
  for (const c of arr(pod, 'spec', 'topologySpreadConstraints')) {
    if (c.whenUnsatisfiable !== 'DoNotSchedule') continue;
    const key = str(c.topologyKey) ?? '';
    const maxSkew = num(c.maxSkew) ?? 1;
    const domain = labelsOf(node)[key];
    if (domain === undefined) return 'missing-label'; // nodes without the key are not eligible
    const counts = new Map<string, number>();
    for (const n of eligible) {
      const d = labelsOf(n)[key];
      if (d === undefined) continue;
      const matching = podsOn(n, pods).filter(
        (p) =>
          p.metadata.namespace === pod.metadata.namespace && selectorMatches(c.labelSelector, labelsOf(p)),
      ).length;
      counts.set(d, (counts.get(d) ?? 0) + matching);
    }
    const min = Math.min(...counts.values());
    if ((counts.get(domain) ?? 0) + 1 - min > maxSkew) return true;
  }
  return false;
}

/** What a pod requests: its containers' sum, or its largest init container if that is more. */
function requests(pod: KubeObject, resource: string): number {
  const sum = arr(pod, 'spec', 'containers').reduce(
    (n, c) => n + quantityValue(rec(c, 'resources', 'requests')[resource]),
    0,
  );
  const init = Math.max(
    0,
    ...arr(pod, 'spec', 'initContainers').map((c) =>
      quantityValue(rec(c, 'resources', 'requests')[resource]),
    ),
  );
  return Math.max(sum, init);
}

/** NodeResourcesFit: the resources this node has too little of left for the pod (cpu, memory). */
function insufficient(pod: KubeObject, node: KubeObject, pods: KubeObject[]): string[] {
  const allocatable = rec(node, 'status', 'allocatable');
  return ['cpu', 'memory'].filter((r) => {
    const want = requests(pod, r);
    if (want === 0 || allocatable[r] === undefined) return false;
    const used = podsOn(node, pods)
      .filter((p) => p.metadata.uid !== pod.metadata.uid)
      .reduce((n, p) => n + requests(p, r), 0);
    return used + want > quantityValue(allocatable[r]);
  });
}

/** A node's Filter verdict: the first failing plugin's reasons, and whether preemption could help. */
interface NodeStatus {
  reasons: string[];
  /** Unschedulable (true) or UnschedulableAndUnresolvable (false), as the plugin returns it. */
  resolvable: boolean;
}

/** NodeUnschedulable, TaintToleration, NodeAffinity: UnschedulableAndUnresolvable, pods do not matter. */
function nodeFilters(pod: KubeObject, node: KubeObject): NodeStatus | undefined {
  // NodeUnschedulable: a pod that tolerates the unschedulable taint tolerates the cordon too
  if (
    rec(node, 'spec').unschedulable === true &&
    !tolerates(pod, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })
  )
    return { reasons: [MSG.unschedulable], resolvable: false };
  // plugin order of the default profile: TaintToleration runs before NodeAffinity
  const taint = arr(node, 'spec', 'taints').find(
    (t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod, t),
  );
  if (taint)
    return { reasons: [MSG.taint(`${String(taint.key)}: ${String(taint.value ?? '')}`)], resolvable: false };
  if (!matchesNodeSelector(pod, node)) return { reasons: [MSG.selector], resolvable: false };
  return undefined;
}

/**
 * NodeResourcesFit (every resource the node lacks), InterPodAffinity and PodTopologySpread over
 * `pods`: Unschedulable — removing pods may make room — except a node without the spread's
 * topology label.
 */
function podFilters(
  pod: KubeObject,
  node: KubeObject,
  nodes: KubeObject[],
  eligible: KubeObject[],
  pods: KubeObject[],
): NodeStatus | undefined {
  const short = insufficient(pod, node, pods);
  if (short.length) return { reasons: short.map((r) => `Insufficient ${r}`), resolvable: true };
  // the default profile runs PodTopologySpread before InterPodAffinity
  const spread = violatesSpread(pod, node, eligible, pods);
  if (spread === 'missing-label') return { reasons: [MSG.spreadLabel], resolvable: false };
  if (spread) return { reasons: [MSG.spread], resolvable: true };
  if (violatesAntiAffinity(pod, node, nodes, pods)) return { reasons: [MSG.antiAffinity], resolvable: true };
  return undefined;
}

const priority = (p: KubeObject): number => num(rec(p, 'spec').priority) ?? 0;

/**
 * DefaultPreemption's PostFilter verdict for one node (SelectVictimsOnNode): nothing to gain where
 * the filter was unresolvable; no pod of lower priority on the node; else the filters run again
 * without those pods and say why the pod still does not fit. (A node where evicting them would
 * make room is where kube-scheduler preempts; the sandbox does not evict, it reports the node's
 * filter reasons.)
 */
function preemptionStatus(
  pod: KubeObject,
  node: KubeObject,
  status: NodeStatus,
  nodes: KubeObject[],
  eligible: KubeObject[],
  pods: KubeObject[],
): string[] {
  if (!status.resolvable) return ['Preemption is not helpful for scheduling'];
  const victims = new Set(podsOn(node, pods).filter((p) => priority(p) < priority(pod)));
  if (victims.size === 0) return ['No preemption victims found for incoming pod'];
  const without = pods.filter((p) => !victims.has(p));
  return (podFilters(pod, node, nodes, eligible, without) ?? status).reasons;
}

/** "3 Insufficient cpu, 3 node(s) …": each reason counted over the nodes, sorted as strings. */
function histogram(statuses: string[][]): string {
  const counts = new Map<string, number>();
  for (const reasons of statuses) for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts.entries()]
    .map(([m, n]) => `${n} ${m}`)
    .sort()
    .join(', ');
}

/** Picks the least-loaded node that passes every filter, or explains why none does. */
export function findNode(
  pod: KubeObject,
  nodes: KubeObject[],
  pods: KubeObject[],
  prefer?: string,
): FitResult {
  const statuses = new Map<KubeObject, NodeStatus>();
  const filtered: KubeObject[] = [];
  for (const node of nodes) {
    const status = nodeFilters(pod, node);
    if (status) statuses.set(node, status);
    else filtered.push(node);
  }
  // topology spread counts its domains over the nodes the pod's nodeSelector/affinity admits
  // (nodeAffinityPolicy Honor) that carry every topology key of its DoNotSchedule constraints,
  // taints and cordons notwithstanding (nodeTaintsPolicy Ignore)
  const keys = arr(pod, 'spec', 'topologySpreadConstraints')
    .filter((c) => c.whenUnsatisfiable === 'DoNotSchedule')
    .map((c) => str(c.topologyKey) ?? '');
  const eligible = nodes.filter(
    (n) => matchesNodeSelector(pod, n) && keys.every((k) => labelsOf(n)[k] !== undefined),
  );
  const fits: KubeObject[] = [];
  for (const node of filtered) {
    const status = podFilters(pod, node, nodes, eligible, pods);
    if (status) statuses.set(node, status);
    else fits.push(node);
  }
  if (fits.length > 0) {
    const preferred = fits.find((n) => n.metadata.name === prefer);
    if (preferred) return { node: preferred };
    fits.sort((a, b) => podsOn(a, pods).length - podsOn(b, pods).length);
    return { node: fits[0] };
  }
  const reasons = histogram([...statuses.values()].map((s) => s.reasons));
  const preemption = histogram(
    [...statuses.entries()].map(([node, s]) => preemptionStatus(pod, node, s, nodes, eligible, pods)),
  );
  return { message: unschedulableMessage(nodes.length, reasons, preemption) };
}

/**
 * FitError.Error(): "0/N nodes are available: <filter or PreFilter reasons>." then the
 * preemption PostFilter's own FitError (its per-node verdicts counted the same way), each
 * appended as " %v." — hence the real message's "..". A PreFilter rejection (no node tried)
 * leaves preemption nothing to try on any node.
 */
export function unschedulableMessage(
  nodeCount: number,
  reasons: string,
  preemption = `${nodeCount} Preemption is not helpful for scheduling`,
): string {
  return `0/${nodeCount} nodes are available: ${reasons}. preemption: 0/${nodeCount} nodes are available: ${preemption}..`;
}

/** What VolumeBinding's PreFilter decides about a pod's claims. */
export interface PodVolumes {
  /** The PreFilter's UnschedulableAndUnresolvable reason: no node is tried. */
  unresolvable?: string;
  /** Unbound claims of a WaitForFirstConsumer class: provisioned for the node the pod is given. */
  delayed: KubeObject[];
}

/**
 * VolumeBinding PreFilter: a missing claim, or an unbound one that is not WaitForFirstConsumer
 * (no class, a class that does not exist, an Immediate class), stops the pod before any node.
 */
export function podVolumes(pod: KubeObject, claims: KubeObject[], classes: KubeObject[]): PodVolumes {
  const delayed: KubeObject[] = [];
  let unbound = false;
  for (const v of arr(pod, 'spec', 'volumes')) {
    const name = str(rec(v, 'persistentVolumeClaim').claimName);
    if (!name) continue;
    const claim = claims.find(
      (c) => c.metadata.namespace === pod.metadata.namespace && c.metadata.name === name,
    );
    if (!claim) return { unresolvable: `persistentvolumeclaim "${name}" not found`, delayed };
    if (isTerminating(claim))
      return { unresolvable: `persistentvolumeclaim "${name}" is being deleted`, delayed };
    if (rec(claim, 'status').phase === 'Bound') continue;
    const className = str(rec(claim, 'spec').storageClassName);
    const sc = classes.find((c) => c.metadata.name === className);
    if (sc?.volumeBindingMode === 'WaitForFirstConsumer') delayed.push(claim);
    else unbound = true;
  }
  return unbound
    ? { unresolvable: 'pod has unbound immediate PersistentVolumeClaims', delayed }
    : { delayed };
}

/** Node-level filters only (selector, taints): what a DaemonSet checks for each node. */
export function nodeAccepts(pod: KubeObject, node: KubeObject): boolean {
  if (!matchesNodeSelector(pod, node)) return false;
  return !arr(node, 'spec', 'taints').some(
    (t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod, t),
  );
}
