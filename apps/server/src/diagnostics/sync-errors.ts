/**
 * Is an operator "unable to sync" line a problem NOW, or evidence of one the operator has
 * recovered from? The log tail keeps old lines long after the cause is fixed.
 *
 * The operator reports a failing sync as Config Progressing=True reason Error (domain.md §6.9,
 * §6.10). While it does, the lines of the error it reports count (an earlier, different error is
 * history even though the status never left Error). Once it no longer does, errors logged up to
 * the Config's last condition transition are history; errors after it (or without a timestamp)
 * are not yet reflected in the status: worth a look, not a failure.
 */
import { conditionsOf, toIso, type KubeObjectLike } from '../kube/resources.js';
import type { Read } from './gather.js';
import { syncErrors, syncErrorText, type LogLine } from './log-tail.js';

export interface SyncErrors {
  /** Sync errors the operator still reports. */
  current: LogLine[];
  /** Sync errors after the last status change, while the status reports no error. */
  unreported: LogLine[];
  /** Sync errors from before the Config's last transition out of the error state. */
  past: LogLine[];
  /** When the Config's conditions last changed (ISO), for the note on past errors. */
  recoveredAt?: string;
}

/** Condition times have second precision: a line within the same second is not "after" it. */
const TRANSITION_PRECISION_MS = 1000;

export function classifySyncErrors(config: Read<KubeObjectLike>, logs: LogLine[]): SyncErrors {
  const lines = syncErrors(logs);
  const conditions = config.ok ? conditionsOf(config.value) : [];
  const progressing = conditions.find((c) => c.type === 'Progressing');
  if (!progressing) return { current: lines, unreported: [], past: [] };
  // The operator says it is failing to sync: the lines of THAT error are current; lines of an
  // error it reported before (another message) are history.
  if (progressing.status === 'True' && progressing.reason === 'Error') {
    const reported = (progressing.message ?? '').replace(/^Unable to apply resources: /, '');
    const same = lines.filter((l) => syncErrorText(l.text) === reported);
    const current = same.length ? same : lines.slice(-1);
    return { current, unreported: [], past: lines.filter((l) => !current.includes(l)) };
  }
  const times = conditions
    .map((c) => Date.parse(toIso(c.lastTransitionTime) ?? ''))
    .filter((t) => !Number.isNaN(t));
  if (times.length === 0) return { current: lines, unreported: [], past: [] };
  const recovered = Math.max(...times);
  const isPast = (l: LogLine) => l.at !== undefined && l.at < recovered + TRANSITION_PRECISION_MS;
  return {
    current: [],
    unreported: lines.filter((l) => !isPast(l)),
    past: lines.filter(isPast),
    recoveredAt: new Date(recovered).toISOString(),
  };
}
