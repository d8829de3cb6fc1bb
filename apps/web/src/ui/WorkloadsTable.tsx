import type { WorkloadCard } from '@irc/shared';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router';
import { useT } from '../platform/i18n.js';
import { ErrorState, PageLoading } from './states.js';
import { usePlatform } from '../platform/platform.js';
import { HealthLabel } from './workloadParts.js';
import { workloadPageOf } from './paths/workloads.js';
import { useWorkloadsIndexQuery } from '../api/workloads.js';

type T = (key: string, options?: Record<string, unknown>) => string;

/** The card's `state` in words (its values are listed in the shared WorkloadCard schema). */
function stateWords(card: WorkloadCard, t: T): string {
  const words: Record<string, string> = {
    complete: t('rollout complete'),
    progressing: t('rolling out'),
    stalled: t('rollout stalled'),
    scaledDown: t('scaled down to 0'),
    Complete: t('last Job complete'),
    Failed: t('last Job failed'),
    Running: t('a Job is running'),
    never: t('no Job has run yet'),
    suspended: t('suspended'),
    admitted: t('all admitted'),
    notAdmitted: t('not admitted by the router'),
    notCreated: t('not created by the operator'),
  };
  return words[card.state] ?? card.state;
}

function stateText(card: WorkloadCard, t: T): string {
  if (card.error) return card.error.message;
  if (card.kind === 'Route' && card.total === 0) return t('No routes: reachable inside the cluster only');
  if (card.kind === 'CronJob' && card.total === 0) return stateWords(card, t);
  // `count` is the total: "1 of 1 pod ready", "0 of 2 pods ready" (the catalogue's _one/_other)
  const { ready, total: count } = card;
  const unit = {
    Deployment: t('{{ready}} of {{count}} pods ready', { ready, count }),
    DaemonSet: t('{{ready}} of {{count}} nodes ready', { ready, count }),
    CronJob: t('{{ready}} of {{count}} recent Jobs succeeded', { ready, count }),
    Route: t('{{ready}} of {{count}} routes admitted', { ready, count }),
  }[card.kind];
  // "2 of 2 routes admitted · all admitted" says it twice
  if (card.kind === 'Route' && card.state === 'admitted') return unit;
  return `${unit} · ${stateWords(card, t)}`;
}

/** One row per object behind the registry (the overview's card and the Workloads page). */
export function WorkloadsTable() {
  const t = useT();
  const { links } = usePlatform();
  const query = useWorkloadsIndexQuery();
  if (query.isPending) return <PageLoading label={t('Loading the workloads')} />;
  if (query.isError)
    return (
      <ErrorState
        error={query.error}
        title={t('Could not read the workloads')}
        onRetry={() => void query.refetch()}
      />
    );
  return (
    <Table aria-label={t('Objects behind the registry')} variant="compact" data-test="workloads">
      <Thead>
        <Tr>
          <Th modifier="wrap">{t('Object')}</Th>
          <Th modifier="wrap">{t('Health')}</Th>
          <Th>{t('Status')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {query.data.items.map((card) => {
          const target = workloadPageOf(card.kind, card.name);
          const name = card.kind === 'Route' ? t('Routes') : `${card.kind} ${card.name}`;
          return (
            <Tr key={`${card.kind}/${card.name}`} data-test={`workload-${card.kind}-${card.name}`}>
              <Td dataLabel={t('Object')}>{target ? <Link to={links.page(target)}>{name}</Link> : name}</Td>
              <Td dataLabel={t('Health')}>
                <HealthLabel health={card.health} />
              </Td>
              <Td dataLabel={t('Status')}>{stateText(card, t)}</Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}
