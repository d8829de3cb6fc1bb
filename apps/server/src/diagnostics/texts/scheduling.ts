/**
 * The scheduler's FailedScheduling message, as kube-scheduler 1.32 writes it
 * (`0/6 nodes are available: 3 node(s) had untolerated taint {node-role.kubernetes.io/master: },
 * 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/6 nodes are available: 6
 * Preemption is not helpful for scheduling.`): each node is counted once, under the first filter
 * plugin that rejected it.
 */
export type SchedulingReasonKind =
  | 'selector'
  | 'taint'
  | 'resources'
  | 'anti-affinity'
  | 'affinity'
  | 'spread'
  | 'cordoned'
  | 'volume'
  | 'other';

export interface SchedulingReason {
  count: number;
  text: string;
  kind: SchedulingReasonKind;
  /** `key: value` of an untolerated taint. */
  taint?: string;
  /** `cpu`, `memory`, … of an Insufficient resource. */
  resource?: string;
}

export interface FailedScheduling {
  nodes?: number;
  reasons: SchedulingReason[];
}

function kindOf(text: string): Pick<SchedulingReason, 'kind' | 'taint' | 'resource'> {
  const taint = /had untolerated taint \{([^}]*)\}/.exec(text)?.[1];
  if (taint !== undefined) return { kind: 'taint', taint: taint.trim() };
  const resource = /Insufficient ([\w./-]+)/.exec(text)?.[1];
  if (resource) return { kind: 'resources', resource };
  if (/didn't match Pod's node affinity\/selector/.test(text)) return { kind: 'selector' };
  if (/didn't match pod anti-affinity rules|didn't satisfy existing pods anti-affinity rules/.test(text))
    return { kind: 'anti-affinity' };
  if (/didn't match pod affinity rules/.test(text)) return { kind: 'affinity' };
  if (/topology spread constraints/.test(text)) return { kind: 'spread' };
  if (/were unschedulable/.test(text)) return { kind: 'cordoned' };
  if (/PersistentVolumeClaim|volume node affinity conflict|persistent volumes to bind/.test(text))
    return { kind: 'volume' };
  return { kind: 'other' };
}

export function parseFailedScheduling(message: string): FailedScheduling | undefined {
  const head = message.split(/\.\s+preemption:/)[0] ?? message;
  const m = /^(\d+)\/(\d+) nodes are available:\s*(.*)$/s.exec(head.trim());
  if (!m) return undefined;
  const body = (m[3] ?? '').replace(/\.\s*$/, '');
  const reasons = body
    .split(/,\s+(?=\d+ |pod has )/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const counted = /^(\d+)\s+(.*)$/s.exec(part);
      const count = counted ? Number(counted[1]) : 0;
      const text = counted ? (counted[2] ?? '') : part;
      return { count, text, ...kindOf(text) };
    });
  return { nodes: Number(m[2]), reasons };
}

/** Taints every control-plane node carries: a pod kept off them is normal, not a cause. */
export function isControlPlaneTaint(taint: string): boolean {
  return /^node-role\.kubernetes\.io\/(master|control-plane)\b/.test(taint);
}

/** Taints the node lifecycle controller sets on nodes that stopped reporting. */
export function isNodeDownTaint(taint: string): boolean {
  return /^node\.kubernetes\.io\/(unreachable|not-ready)\b/.test(taint);
}
