import { Icon, Label } from '@patternfly/react-core';
import {
  CheckCircleIcon,
  ExclamationCircleIcon,
  ExclamationTriangleIcon,
  QuestionCircleIcon,
} from '@patternfly/react-icons';
import { conditionHealth as sharedConditionHealth } from '@irc/shared';
import type { Condition } from '../api/contract.js';
import { useT } from '../platform/i18n.js';

export type Health = 'good' | 'bad' | 'warning' | 'unknown';

/**
 * Whether a condition is in its healthy state, by the shared polarity rule (domain.md §4:
 * *Available and Storage* good when True; *Progressing, *Degraded and Removed good when False).
 * A rollout in progress (Progressing True) or an intended removal (Removed True) is not a fault:
 * those are shown as warnings; Degraded True or Available False are bad.
 */
export function conditionHealth(condition: Pick<Condition, 'type' | 'status'>): Health {
  const health = sharedConditionHealth(condition.type, condition.status);
  if (health !== 'bad') return health;
  return condition.type.endsWith('Progressing') || condition.type === 'Removed' ? 'warning' : 'bad';
}

const COLOR = { good: 'green', bad: 'red', warning: 'orange', unknown: 'grey' } as const;
const STATUS = { good: 'success', bad: 'danger', warning: 'warning', unknown: 'custom' } as const;

export function HealthIcon({ health, label }: { health: Health; label?: string }) {
  const icon =
    health === 'good' ? (
      <CheckCircleIcon />
    ) : health === 'bad' ? (
      <ExclamationCircleIcon />
    ) : health === 'warning' ? (
      <ExclamationTriangleIcon />
    ) : (
      <QuestionCircleIcon />
    );
  return (
    <Icon
      status={STATUS[health]}
      isInline
      aria-label={label}
      role={label ? 'img' : undefined}
      aria-hidden={label ? undefined : true}
    >
      {icon}
    </Icon>
  );
}

/** Status of a condition as a coloured label with an icon, so colour is never the only cue. */
export function ConditionStatusLabel({
  condition,
  health = conditionHealth(condition),
}: {
  condition: Pick<Condition, 'type' | 'status'>;
  /** When the object's kind has its own rule (a Deployment's Progressing=True is healthy). */
  health?: Health;
}) {
  const t = useT();
  const meaning = {
    good: t('as expected'),
    bad: t('problem'),
    warning: t('attention'),
    unknown: t('unknown'),
  }[health];
  return (
    <Label
      color={COLOR[health]}
      icon={<HealthIcon health={health} />}
      data-health={health}
      aria-label={`${condition.status} (${meaning})`}
    >
      {condition.status}
    </Label>
  );
}

/** Condition messages are often multi-line (ClusterOperator aggregates one line per source). */
export function MessageLines({ message }: { message?: string }) {
  if (!message) return null;
  const lines = message.split('\n').filter((line) => line.trim() !== '');
  return (
    <div className="irc-message-lines">
      {lines.map((line, index) => (
        <div key={index}>{line}</div>
      ))}
    </div>
  );
}
