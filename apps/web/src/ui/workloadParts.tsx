/** Pieces every object page shares: its health label, a part it could not read, its events. */
import {
  Alert,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { PartError, WorkloadEvent, WorkloadHealth } from '@irc/shared';
import { HealthIcon, type Health } from './conditions.js';
import { useT } from '../platform/i18n.js';
import { EmptyMessage } from './states.js';
import { Since } from './time.js';

const ICON: Record<WorkloadHealth, Health> = {
  ok: 'good',
  progressing: 'warning',
  failing: 'bad',
  absent: 'unknown',
  unknown: 'unknown',
};
const COLOR = { ok: 'green', progressing: 'blue', failing: 'red', absent: 'grey', unknown: 'grey' } as const;

/** How the object is doing, as the server judged it: colour, icon and a word. */
export function HealthLabel({ health }: { health: WorkloadHealth }) {
  const t = useT();
  const text = {
    ok: t('Healthy'),
    progressing: t('Progressing'),
    failing: t('Failing'),
    absent: t('Absent'),
    unknown: t('Unknown'),
  }[health];
  return (
    <Label color={COLOR[health]} icon={<HealthIcon health={ICON[health]} />} data-health={health}>
      {text}
    </Label>
  );
}

/** A part of the view the caller could not read (403 on events …): said, never shown as empty. */
export function PartErrorAlert({ error, title }: { error: PartError; title: string }) {
  return (
    <Alert variant="warning" isInline isPlain title={title} data-test="part-error">
      {error.message}
    </Alert>
  );
}

/** Events about the object and its children (ReplicaSets, Jobs, pods), newest first. */
export function EventsTable({
  events,
  error,
  label,
}: {
  events: WorkloadEvent[];
  error?: PartError;
  label: string;
}) {
  const t = useT();
  if (error) return <PartErrorAlert error={error} title={t('Could not read the events')} />;
  if (!events.length)
    return (
      <EmptyMessage title={t('No events')}>
        {t('Kubernetes keeps events for about an hour: nothing happened to these objects lately.')}
      </EmptyMessage>
    );
  return (
    <Table aria-label={label} variant="compact">
      <Thead>
        <Tr>
          <Th modifier="wrap">{t('Type')}</Th>
          <Th modifier="wrap">{t('Reason')}</Th>
          <Th modifier="wrap">{t('Object')}</Th>
          <Th>{t('Message')}</Th>
          <Th modifier="wrap">{t('Count')}</Th>
          <Th modifier="wrap">{t('Last seen')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {events.map((event, i) => (
          <Tr key={`${event.object.kind}/${event.object.name}/${event.reason}/${i}`}>
            <Td dataLabel={t('Type')}>
              {event.type === 'Warning' ? (
                <Label color="orange" icon={<HealthIcon health="warning" />}>
                  {t('Warning')}
                </Label>
              ) : (
                t('Normal')
              )}
            </Td>
            <Td dataLabel={t('Reason')}>{event.reason}</Td>
            <Td dataLabel={t('Object')} modifier="nowrap">
              <div className="irc-subtle">{event.object.kind}</div>
              {event.object.name}
            </Td>
            <Td dataLabel={t('Message')} modifier="breakWord" className="irc-multiline">
              {event.message}
              {event.source ? <div className="irc-subtle">{event.source}</div> : null}
            </Td>
            <Td dataLabel={t('Count')}>{event.count}</Td>
            <Td dataLabel={t('Last seen')} modifier="nowrap">
              <Since time={event.lastTime ?? event.firstTime} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** "2 of 3 ready · 3 updated · 2 available": a Deployment's replicas or a DaemonSet's nodes. */
export function ReadyCounts(c: { ready: number; desired: number; updated: number; available: number }) {
  const t = useT();
  return (
    <>
      {t('{{ready}} of {{desired}} ready', { ready: c.ready, desired: c.desired })} ·{' '}
      {t('{{count}} updated', { count: c.updated })} · {t('{{n}} available', { n: c.available })}
    </>
  );
}

/** The Generation row: has the object's controller seen its latest spec? */
export function GenerationGroup({ generation, observed }: { generation?: number; observed?: number }) {
  const t = useT();
  const behind = generation !== undefined && observed !== undefined && observed < generation;
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{t('Generation')}</DescriptionListTerm>
      <DescriptionListDescription>
        {t('{{observed}} observed of {{generation}}', {
          observed: observed ?? t('—'),
          generation: generation ?? t('—'),
        })}
        {behind ? ` · ${t('the controller has not acted on the latest change yet')}` : ''}
      </DescriptionListDescription>
    </DescriptionListGroup>
  );
}
