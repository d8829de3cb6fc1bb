import type { WorkloadCard } from '@irc/shared';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router';
import { useT } from '../common/i18n.js';
import { ErrorState, PageLoading } from '../common/states.js';
import { usePlatform } from '../shell/platform.js';
import { HealthLabel } from './parts.js';
import { workloadPageOf } from './paths.js';
import { useWorkloadsIndexQuery } from './queries.js';

function stateText(
  card: WorkloadCard,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (card.error) return card.error.message;
  const unit = {
    Deployment: t('{{ready}} of {{total}} pods ready'),
    DaemonSet: t('{{ready}} of {{total}} nodes ready'),
    CronJob: t('{{ready}} of {{total}} recent Jobs succeeded'),
    Route: t('{{ready}} of {{total}} routes admitted'),
  }[card.kind];
  return `${t(unit, { ready: card.ready, total: card.total })} · ${card.state}`;
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
