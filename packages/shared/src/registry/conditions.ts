/**
 * Condition helpers shared by the server and the UI (domain.md §4 "Good state"): whether a
 * condition's status is healthy depends on its type.
 */
export type ConditionStatus = 'True' | 'False' | 'Unknown';

/** 'positive': healthy when True; 'negative': healthy when False. */
export type ConditionPolarity = 'positive' | 'negative';

// `Failed`: the ImagePruner's (and a Job's) last run failed.
const NEGATIVE = new Set(['Progressing', 'Degraded', 'Removed', 'Failing', 'Failed']);

/**
 * Available, *Available, Storage*, Upgradeable and the like are good when True; Progressing,
 * Degraded, Removed and any *Degraded / *Progressing (the operator's per-controller conditions,
 * e.g. `ImageConfigControllerDegraded`) are good when False.
 */
export function conditionPolarity(type: string): ConditionPolarity {
  if (NEGATIVE.has(type) || type.endsWith('Degraded') || type.endsWith('Progressing')) return 'negative';
  return 'positive';
}

/** 'good' | 'bad' | 'unknown' for one condition. */
export function conditionHealth(type: string, status: string): 'good' | 'bad' | 'unknown' {
  if (status !== 'True' && status !== 'False') return 'unknown';
  const good = conditionPolarity(type) === 'positive' ? status === 'True' : status === 'False';
  return good ? 'good' : 'bad';
}

/** The condition of `type` in a list, if present. */
export function findCondition<C extends { type: string }>(
  conditions: readonly C[] | undefined,
  type: string,
): C | undefined {
  return conditions?.find((c) => c.type === type);
}
