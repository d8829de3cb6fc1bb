import { Content, Label, PageSection, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router';
import type { PodSummary } from '../common/contract.js';
import { HealthIcon } from '../common/conditions.js';
import { useT } from '../common/i18n.js';
import { usePodsQuery } from '../common/queries.js';
import { EmptyMessage, ErrorState, PageLoading } from '../common/states.js';
import { formatAge, useNow } from '../common/time.js';
import { usePlatform } from '../shell/platform.js';

function ageSeconds(pod: PodSummary, now: number): number | undefined {
  if (pod.createdAt) return (now - new Date(pod.createdAt).getTime()) / 1000;
  return pod.ageSeconds;
}

export default function PodsPage() {
  const t = useT();
  const { links } = usePlatform();
  const pods = usePodsQuery();
  const now = useNow(5000);
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('Pods and logs')}</Title>
        <Content component="p">
          {t(
            'Registry and operator pods in openshift-image-registry, updated live. Open a pod to read its log.',
          )}
        </Content>
      </PageSection>
      <PageSection data-test="pods">
        {pods.isPending ? (
          <PageLoading label={t('Loading pods')} />
        ) : pods.isError ? (
          <ErrorState
            error={pods.error}
            title={t('Could not list the pods')}
            onRetry={() => void pods.refetch()}
          />
        ) : pods.data.pods.length === 0 ? (
          <EmptyMessage title={t('No pods')}>
            {t('No registry or operator pods exist. If the registry is Removed, this is expected.')}
          </EmptyMessage>
        ) : (
          <Table aria-label={t('Pods')} variant="compact">
            <Thead>
              <Tr>
                <Th modifier="wrap">{t('Name')}</Th>
                <Th modifier="wrap">{t('Component')}</Th>
                <Th modifier="wrap">{t('Phase')}</Th>
                <Th modifier="wrap">{t('Ready')}</Th>
                <Th modifier="wrap">{t('Restarts')}</Th>
                <Th modifier="wrap">{t('Age')}</Th>
                <Th modifier="wrap">{t('Node')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {pods.data.pods.map((pod) => {
                const age = ageSeconds(pod, now);
                const waiting = pod.containers.find((c) => c.reason);
                return (
                  <Tr key={`${pod.namespace}/${pod.name}`} data-test={`pod-${pod.name}`}>
                    <Td dataLabel={t('Name')}>
                      <Link
                        to={links.page(
                          `/pods/${encodeURIComponent(pod.namespace)}/${encodeURIComponent(pod.name)}/logs`,
                        )}
                      >
                        {pod.name}
                      </Link>
                    </Td>
                    <Td dataLabel={t('Component')}>
                      {pod.component === 'registry' ? t('Registry') : t('Operator')}
                    </Td>
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
        )}
      </PageSection>
    </>
  );
}
