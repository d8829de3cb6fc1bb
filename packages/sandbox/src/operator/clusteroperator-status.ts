import type { ClusterOperatorStatusCondition, ConditionStatus } from '@irc/shared';
import type { Condition } from './conditions.js';

export interface CoCondition extends ClusterOperatorStatusCondition {
  type: 'Available' | 'Progressing' | 'Degraded';
  status: ConditionStatus;
  lastTransitionTime: string;
  reason: string;
  message?: string;
}

const NORMAL: Record<CoCondition['type'], 'True' | 'False'> = {
  Available: 'True',
  Progressing: 'False',
  Degraded: 'False',
};

/**
 * The ClusterOperator conditions as the operator's ClusterOperatorStatusController computes them
 * (op:pkg/resource/clusteroperator.go, domain.md §5): for each of Available/Progressing/Degraded,
 * every Config condition whose type ends with it, plus the ImagePruner's conditions prefixed
 * `ImagePruner`. Status: the abnormal one wins, Unknown wins over all; reason: sorted
 * `<prefix><Reason>` joined by `::` (empty and AsExpected skipped, none → AsExpected);
 * message: `<Type>: <message>` lines; lastTransitionTime: the latest of the parts.
 */
export function aggregateClusterOperator(config: Condition[], pruner: Condition[]): CoCondition[] {
  const parts = [...config, ...pruner.map((c) => ({ ...c, type: `ImagePruner${c.type}` }))];
  return (['Available', 'Progressing', 'Degraded'] as const).map((type) => {
    const subs = parts.filter((c) => c.type.endsWith(type));
    const normal = NORMAL[type];
    let status: CoCondition['status'] = normal;
    if (subs.some((c) => c.status === 'Unknown')) status = 'Unknown';
    else if (subs.some((c) => c.status !== normal)) status = normal === 'True' ? 'False' : 'True';
    const reasons = subs
      .filter((c) => c.reason && c.reason !== 'AsExpected')
      .map((c) => `${c.type.slice(0, -type.length)}${c.reason}`)
      .sort();
    const messages = subs.filter((c) => c.message).map((c) => `${c.type}: ${c.message}`);
    const latest = subs
      .map((c) => c.lastTransitionTime)
      .sort()
      .at(-1);
    return {
      type,
      status,
      lastTransitionTime: latest ?? new Date(0).toISOString().replace(/\.\d+Z$/, 'Z'),
      reason: reasons.length ? [...new Set(reasons)].join('::') : 'AsExpected',
      ...(messages.length ? { message: messages.join('\n') } : {}),
    };
  });
}
