import { Icon, Label } from '@patternfly/react-core';
import { CheckCircleIcon, ExclamationCircleIcon, ExclamationTriangleIcon, QuestionCircleIcon } from '@patternfly/react-icons';
import type { Condition } from './contract.js';
import { useT } from './i18n.js';

export type Health = 'good' | 'bad' | 'warning' | 'unknown';

/**
 * Whether a condition is in its healthy state (domain.md §4): every *Available and Storage*
 * condition True, every *Progressing, *Degraded and Removed False. Progressing True and Removed
 * True are expected transitions, shown as warnings; Degraded True or Available False are bad.
 */
export function conditionHealth(condition: Pick<Condition, 'type' | 'status'>): Health {
  const { type, status } = condition;
  if (status === 'Unknown') return 'unknown';
  const isTrue = status === 'True';
  if (type.endsWith('Available') || type.startsWith('Storage')) return isTrue ? 'good' : 'bad';
  if (type.endsWith('Degraded') || type === 'Failed') return isTrue ? 'bad' : 'good';
  if (type.endsWith('Progressing') || type === 'Removed') return isTrue ? 'warning' : 'good';
  return 'unknown';
}

const COLOR = { good: 'green', bad: 'red', warning: 'orange', unknown: 'grey' } as const;
const STATUS = { good: 'success', bad: 'danger', warning: 'warning', unknown: 'custom' } as const;

export function HealthIcon({ health, label }: { health: Health; label?: string }) {
  const icon =
    health === 'good' ? <CheckCircleIcon /> : health === 'bad' ? <ExclamationCircleIcon /> : health === 'warning' ? <ExclamationTriangleIcon /> : <QuestionCircleIcon />;
  return (
    <Icon status={STATUS[health]} isInline aria-label={label} role={label ? 'img' : undefined} aria-hidden={label ? undefined : true}>
      {icon}
    </Icon>
  );
}

/** Status of a condition as a coloured label with an icon, so colour is never the only cue. */
export function ConditionStatusLabel({ condition }: { condition: Pick<Condition, 'type' | 'status'> }) {
  const t = useT();
  const health = conditionHealth(condition);
  const meaning = { good: t('as expected'), bad: t('problem'), warning: t('attention'), unknown: t('unknown') }[health];
  return (
    <Label color={COLOR[health]} icon={<HealthIcon health={health} />} data-health={health} aria-label={`${condition.status} (${meaning})`}>
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
