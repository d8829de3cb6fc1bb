/**
 * Why registry pods stay Pending, from the scheduler's own FailedScheduling message and the
 * nodes (when the caller may read them): the field of the Config that asks for what no node
 * offers — nodeSelector, tolerations, affinity, topology spread, resource requests, replicas.
 */
import { quantityValue, type Finding } from '@irc/shared';
import type { V1Pod } from '@kubernetes/client-node';
import { NS, type KubeObjectLike } from '../kube/resources.js';
import type { Facts } from './context.js';
import { finding, readProblem } from './findings.js';
import { PATCH_CONFIG as PATCH, ref } from './objects.js';
import {
  isControlPlaneTaint,
  isNodeDownTaint,
  parseFailedScheduling,
  type SchedulingReason,
} from './texts/scheduling.js';

interface NodeLike extends KubeObjectLike {
  spec?: { unschedulable?: boolean };
  status?: { allocatable?: Record<string, string> };
}

function nodes(f: Facts): NodeLike[] | undefined {
  return f.g.nodes?.ok ? (f.g.nodes.value as NodeLike[]) : undefined;
}

function selectorFinding(f: Facts, pod: V1Pod, reason: SchedulingReason, message: string): Finding {
  const selector = Object.entries(pod.spec?.nodeSelector ?? {}).filter(([k]) => k !== 'kubernetes.io/os');
  const all = nodes(f);
  const nodeAffinity = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (selector.length === 0 && nodeAffinity)
    return finding({
      code: 'unschedulable-affinity',
      severity: 'failing',
      summary: `No node matches the registry's required node affinity (${reason.count} node(s) rejected)`,
      object: ref.config(),
      field: 'spec.affinity.nodeAffinity',
      evidence: [message, `affinity.nodeAffinity: ${JSON.stringify(nodeAffinity)}`],
      nextStep:
        'Label nodes to match the affinity, or change spec.affinity (no form field: patch the Config).',
      command: `${PATCH} '{"spec":{"affinity":null}}'`,
    });
  const labels = selector.map(([k, v]) => `${k}=${v}`);
  const missing = all
    ? selector
        .filter(([k, v]) => !all.some((n) => n.metadata?.labels?.[k] === v))
        .map(([k, v]) => `no node has the label ${k}=${v}`)
    : [];
  return finding({
    code: 'unschedulable-node-selector',
    severity: 'failing',
    summary: `No node matches the registry's nodeSelector ${labels.join(', ') || '(empty)'}`,
    object: ref.config(),
    field: 'spec.nodeSelector',
    evidence: [
      message,
      `nodeSelector: ${labels.join(', ')}`,
      ...missing,
      ...(f.g.nodes && !f.g.nodes.ok ? [readProblem('nodes', f.g.nodes) ?? ''] : []),
    ],
    nextStep: 'Remove or correct the nodeSelector, or label the nodes that should run the registry.',
    command: `oc get nodes -l '${labels.join(',')}'`,
    fix: { section: 'advanced', field: 'spec.nodeSelector', label: 'Change nodeSelector' },
  });
}

function taintFinding(reasons: SchedulingReason[], message: string): Finding {
  const taints = reasons.map((r) => `${r.count} node(s) with taint {${r.taint}}`);
  return finding({
    code: 'unschedulable-taints',
    severity: 'failing',
    summary: `The nodes the registry may run on are tainted and it has no toleration: ${reasons.map((r) => r.taint).join(', ')}`,
    object: ref.config(),
    field: 'spec.tolerations',
    evidence: [message, ...taints],
    nextStep:
      'Add a toleration for the taint (for infra nodes: node-role.kubernetes.io/infra, effect NoSchedule), or choose other nodes.',
    command: `oc get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints`,
    fix: { section: 'advanced', field: 'spec.tolerations', label: 'Add a toleration' },
  });
}

function resourcesFinding(f: Facts, pod: V1Pod, reasons: SchedulingReason[], message: string): Finding {
  const container = pod.spec?.containers.find((c) => c.name === 'registry') ?? pod.spec?.containers[0];
  const resource = reasons[0]?.resource === 'memory' ? 'memory' : 'cpu';
  const requested = container?.resources?.requests?.[resource];
  const all = nodes(f);
  const largest = all
    ?.map((n) => ({ name: n.metadata?.name, value: n.status?.allocatable?.[resource] }))
    .sort((a, b) => quantityValue(b.value) - quantityValue(a.value))[0];
  return finding({
    code: 'unschedulable-resources',
    severity: 'failing',
    summary: `No node has ${resource} for the registry's request of ${requested ?? '?'}`,
    object: ref.config(),
    field: `spec.resources.requests.${resource}`,
    evidence: [
      message,
      `registry container requests ${resource}: ${requested ?? '(none)'}`,
      ...(largest ? [`largest allocatable ${resource}: ${largest.value} (node ${largest.name})`] : []),
    ],
    nextStep: `Lower the ${resource} request (the default is cpu 100m, memory 256Mi), or add capacity.`,
    command: `oc adm top nodes; oc describe nodes | grep -A5 'Allocated resources'`,
    fix: {
      section: 'advanced',
      field: `spec.resources.requests.${resource}`,
      label: `Change the ${resource} request`,
    },
  });
}

function antiAffinityFinding(f: Facts, message: string): Finding {
  const own = !!f.spec.affinity?.podAntiAffinity;
  return finding({
    code: 'unschedulable-anti-affinity',
    severity: 'failing',
    summary: own
      ? 'The registry pods repel each other (podAntiAffinity) and there are not enough nodes for all replicas'
      : `${f.replicas} replicas must run on different nodes, and not enough nodes can host one`,
    object: ref.config(),
    field: own ? 'spec.affinity.podAntiAffinity' : 'spec.replicas',
    evidence: [message, `replicas: ${f.replicas}`],
    nextStep: own
      ? 'Relax the anti-affinity (preferred instead of required) or lower replicas.'
      : 'Lower replicas to the number of nodes that can run the registry, or make more nodes eligible.',
    command: own ? `${PATCH} '{"spec":{"affinity":null}}'` : `${PATCH} '{"spec":{"replicas":2}}'`,
    // the affinity itself has no form field; fewer replicas than eligible nodes fixes either case
    ...(f.replicas > 1
      ? { fix: { section: 'replicas' as const, field: 'spec.replicas', label: 'Change replicas' } }
      : {}),
  });
}

function spreadFinding(f: Facts, message: string): Finding {
  const own = (f.spec.topologySpreadConstraints ?? []).length > 0;
  return finding({
    code: 'unschedulable-topology-spread',
    severity: 'failing',
    summary: 'No node keeps the registry pods within their topology spread constraints',
    object: ref.config(),
    field: 'spec.topologySpreadConstraints',
    evidence: [
      message,
      own
        ? `topologySpreadConstraints: ${JSON.stringify(f.spec.topologySpreadConstraints)}`
        : 'the operator default: maxSkew 1, DoNotSchedule, over hostname, worker role and zone',
    ],
    nextStep: own
      ? 'Relax the constraints (maxSkew, ScheduleAnyway) or change the replica count.'
      : 'Nodes lack a label the default constraints spread over (zone, worker role): label them, or set constraints of your own.',
    command: `${PATCH} '{"spec":{"topologySpreadConstraints":[]}}'`,
  });
}

/**
 * Cordoned nodes (`oc adm cordon`, a drain, a machine-config rollout): spec.unschedulable on the
 * nodes the pod could use. Named from the nodes when they can be read, else from the message.
 */
function cordonedFinding(f: Facts, reason: SchedulingReason, message: string): Finding {
  const read = f.g.nodes;
  const cordoned = (nodes(f) ?? [])
    .filter((n) => n.spec?.unschedulable === true)
    .map((n) => n.metadata?.name ?? '');
  const all = nodes(f)?.length;
  return finding({
    code: 'unschedulable-cordoned',
    severity: 'failing',
    summary: cordoned.length
      ? `${cordoned.length} of ${all} nodes are cordoned (spec.unschedulable): ${cordoned.join(', ')}`
      : `${reason.count} node(s) are cordoned (spec.unschedulable)`,
    object: ref.node(cordoned[0] ?? ''),
    field: 'spec.unschedulable',
    evidence: [
      message,
      ...cordoned.map((n) => `node ${n}: spec.unschedulable: true (SchedulingDisabled)`),
      ...(read && !read.ok ? [readProblem('nodes', read) ?? ''] : []),
    ].filter(Boolean),
    nextStep:
      'A cordon stops new pods on the node: uncordon the nodes once their maintenance (drain, machine-config update) is done. Running pods stay where they are; the Pending registry pods are placed as soon as a node accepts them.',
    command: `oc adm uncordon ${cordoned.length ? cordoned.join(' ') : '<node>'}`,
  });
}

function plainFinding(code: 'unschedulable', summary: string, message: string, command: string): Finding {
  return finding({
    code,
    severity: 'failing',
    summary,
    object: ref.registryDeployment(),
    field: 'spec.template.spec',
    evidence: [message],
    nextStep: 'Read the scheduler message: each part names the filter that rejected the nodes.',
    command,
  });
}

/**
 * Nodes rejected by the selector are only the cause when no node has the selected labels: when
 * some do (infra nodes) and the scheduler rejected those for another reason (their taint), the
 * other nodes not matching is what the admin asked for.
 */
function selectorIsTheCause(f: Facts, pod: V1Pod, reasons: SchedulingReason[]): boolean {
  const selector = Object.entries(pod.spec?.nodeSelector ?? {}).filter(([k]) => k !== 'kubernetes.io/os');
  const all = nodes(f);
  if (all && selector.length)
    return !all.some((n) => selector.every(([k, v]) => n.metadata?.labels?.[k] === v));
  return !reasons.some(
    (r) =>
      (r.kind === 'taint' && !isNodeDownTaint(r.taint ?? '')) ||
      r.kind === 'resources' ||
      r.kind === 'anti-affinity' ||
      r.kind === 'spread',
  );
}

/** Findings for the registry pods the scheduler could not place (one per cause, not per pod). */
export function unschedulableFindings(f: Facts, pods: V1Pod[]): Finding[] {
  const out = new Map<string, Finding>();
  for (const pod of pods) {
    const cond = pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
    const message = cond?.message ?? '';
    const parsed = parseFailedScheduling(message);
    if (!parsed) {
      if (!out.has('unschedulable'))
        out.set(
          'unschedulable',
          plainFinding(
            'unschedulable',
            'A registry pod cannot be scheduled',
            message || cond?.reason || 'Pending',
            `oc describe pod ${pod.metadata?.name} -n ${NS}`,
          ),
        );
      continue;
    }
    const reasons = parsed.reasons.filter(
      (r, _, all) => !(r.kind === 'taint' && isControlPlaneTaint(r.taint ?? '') && all.length > 1),
    );
    const add = (fnd: Finding) => {
      if (!out.has(fnd.code)) out.set(fnd.code, fnd);
    };
    for (const r of reasons) {
      if (r.kind === 'selector') {
        if (!selectorIsTheCause(f, pod, reasons)) continue;
        add(selectorFinding(f, pod, r, message));
      } else if (r.kind === 'taint' && isNodeDownTaint(r.taint ?? ''))
        add(
          plainFinding(
            'unschedulable',
            `${r.count} node(s) are not ready ({${r.taint}})`,
            message,
            'oc get nodes',
          ),
        );
      else if (r.kind === 'taint')
        add(
          taintFinding(
            reasons.filter((x) => x.kind === 'taint' && !isNodeDownTaint(x.taint ?? '')),
            message,
          ),
        );
      else if (r.kind === 'resources')
        add(
          resourcesFinding(
            f,
            pod,
            reasons.filter((x) => x.kind === 'resources'),
            message,
          ),
        );
      else if (r.kind === 'anti-affinity') add(antiAffinityFinding(f, message));
      else if (r.kind === 'spread') add(spreadFinding(f, message));
      else if (r.kind === 'cordoned') add(cordonedFinding(f, r, message));
      else if (r.kind === 'volume')
        add(
          plainFinding(
            'unschedulable',
            'The registry pod waits for its storage claim to be bound (see the storage step)',
            message,
            `oc get pvc -n ${NS}`,
          ),
        );
      else
        add(
          plainFinding(
            'unschedulable',
            'A registry pod cannot be scheduled',
            message,
            `oc describe pod ${pod.metadata?.name} -n ${NS}`,
          ),
        );
    }
  }
  return [...out.values()];
}
