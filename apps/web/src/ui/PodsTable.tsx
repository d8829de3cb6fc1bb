import { Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PodSummary } from '../api/contract.js';
import { HealthIcon } from './conditions.js';
import { useT } from '../platform/i18n.js';
import { formatAge, useNow } from './time.js';
import { usePlatform } from '../platform/platform.js';
import { podLogPath } from './paths/pods.js';

/** A pod as the tables show it (the pods list adds its registry/operator component). */
export type PodRow = Omit<PodSummary, 'component'>;

function ageSeconds(pod: PodRow, now: number): number | undefined {
  if (pod.createdAt) return (now - new Date(pod.createdAt).getTime()) / 1000;
  return pod.ageSeconds;
}

/**
 * Pods with their phase, readiness, restarts, age and node; each name opens the pod's log.
 * `extra` adds one column (the pods list's component).
 */
export function PodsTable<P extends PodRow>({
  pods,
  label,
  extra,
}: {
  pods: P[];
  label: string;
  extra?: { title: string; cell: (pod: P) => ReactNode };
}) {
  const t = useT();
  const { links } = usePlatform();
  const now = useNow(5000);
  return (
    <Table aria-label={label} variant="compact">
      <Thead>
        <Tr>
          <Th modifier="wrap">{t('Name')}</Th>
          {extra ? <Th modifier="wrap">{extra.title}</Th> : null}
          <Th modifier="wrap">{t('Phase')}</Th>
          <Th modifier="wrap">{t('Ready')}</Th>
          <Th modifier="wrap">{t('Restarts')}</Th>
          <Th modifier="wrap">{t('Age')}</Th>
          <Th modifier="wrap">{t('Node')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {pods.map((pod) => {
          const age = ageSeconds(pod, now);
          const waiting = pod.containers.find((c) => c.reason);
          return (
            <Tr key={`${pod.namespace}/${pod.name}`} data-test={`pod-${pod.name}`}>
              <Td dataLabel={t('Name')}>
                <Link to={links.page(podLogPath(pod))}>{pod.name}</Link>
              </Td>
              {extra ? <Td dataLabel={extra.title}>{extra.cell(pod)}</Td> : null}
              <Td dataLabel={t('Phase')}>
                {pod.deleting ? <Label color="orange">{t('Terminating')}</Label> : pod.phase}
                {waiting?.reason ? <div className="irc-subtle">{waiting.reason}</div> : null}
              </Td>
              <Td dataLabel={t('Ready')}>
                <HealthIcon
                  health={pod.ready ? 'good' : 'bad'}
                  label={pod.ready ? t('Ready') : t('Not ready')}
                />{' '}
                {pod.readyContainers}
              </Td>
              <Td dataLabel={t('Restarts')}>{pod.restarts}</Td>
              <Td dataLabel={t('Age')}>{age === undefined ? t('—') : formatAge(age)}</Td>
              <Td dataLabel={t('Node')}>{pod.node ?? t('Not scheduled')}</Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}
