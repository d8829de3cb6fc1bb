import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Stack,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { DaemonSetView } from '@irc/shared';
import { Link, useParams } from 'react-router';
import { HealthIcon } from '../ui/conditions.js';
import { ConditionsTable } from '../ui/ConditionsTable.js';
import { useT } from '../platform/i18n.js';
import { EmptyMessage } from '../ui/states.js';
import { podLogPath } from '../ui/paths/pods.js';
import { usePlatform } from '../platform/platform.js';
import { GenerationGroup, PartErrorAlert, ReadyCounts } from '../ui/workloadParts.js';
import { useDaemonSetViewQuery } from '../api/workloads.js';
import { WorkloadPage } from './WorkloadPage.js';

function NodesTable({ view }: { view: DaemonSetView }) {
  const t = useT();
  const { links } = usePlatform();
  const nodes = view.nodes;
  if (nodes.error) return <PartErrorAlert error={nodes.error} title={t('Could not read the nodes')} />;
  if (!nodes.items.length) return <EmptyMessage title={t('No node runs or should run a node-ca pod')} />;
  return (
    <Table aria-label={t('node-ca per node')} variant="compact">
      <Thead>
        <Tr>
          <Th modifier="wrap">{t('Node')}</Th>
          <Th modifier="wrap">{t('Node ready')}</Th>
          <Th modifier="wrap">{t('Pod')}</Th>
          <Th modifier="wrap">{t('Phase')}</Th>
          <Th modifier="wrap">{t('Pod ready')}</Th>
          <Th modifier="wrap">{t('Up to date')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {nodes.items.map((row) => (
          <Tr key={row.node} data-test={`node-${row.node}`}>
            <Td dataLabel={t('Node')}>{row.node}</Td>
            <Td dataLabel={t('Node ready')}>
              {row.nodeReady === undefined ? (
                t('—')
              ) : (
                <HealthIcon
                  health={row.nodeReady ? 'good' : 'bad'}
                  label={row.nodeReady ? t('Ready') : t('Not ready')}
                />
              )}
            </Td>
            <Td dataLabel={t('Pod')}>
              {row.pod ? (
                <Link to={links.page(podLogPath(row.pod))}>{row.pod.name}</Link>
              ) : (
                t('No pod on this node')
              )}
            </Td>
            <Td dataLabel={t('Phase')}>
              {row.pod?.phase ?? t('—')}
              {row.pod?.containers.find((c) => c.reason) ? (
                <div className="irc-subtle">{row.pod.containers.find((c) => c.reason)?.reason}</div>
              ) : null}
            </Td>
            <Td dataLabel={t('Pod ready')}>
              {row.pod ? (
                <>
                  <HealthIcon
                    health={row.pod.ready ? 'good' : 'bad'}
                    label={row.pod.ready ? t('Ready') : t('Not ready')}
                  />{' '}
                  {row.pod.readyContainers}
                </>
              ) : (
                t('—')
              )}
            </Td>
            <Td dataLabel={t('Up to date')}>{row.updated ? t('Yes') : t('No: runs an older template')}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function DaemonSetDetails({ view }: { view: DaemonSetView }) {
  const t = useT();
  const s = view.status;
  return (
    <Stack hasGutter>
      <DescriptionList isHorizontal isCompact>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Nodes')}</DescriptionListTerm>
          <DescriptionListDescription data-test="daemonset-ready">
            <ReadyCounts {...s} />
            {s.misscheduled ? ` · ${t('misscheduled: {{n}}', { n: s.misscheduled })}` : ''}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <GenerationGroup generation={s.generation} observed={s.observedGeneration} />
      </DescriptionList>
      <Title headingLevel="h2">{t('Per node')}</Title>
      <NodesTable view={view} />
      {view.conditions.length ? (
        <>
          <Title headingLevel="h2">{t('Conditions')}</Title>
          <ConditionsTable
            conditions={view.conditions}
            label={t('Conditions of {{name}}', { name: view.name })}
          />
        </>
      ) : null}
    </Stack>
  );
}

/** The node-ca DaemonSet: one pod per node copies the registry's CA into each node's trust. */
export default function DaemonSetPage() {
  const t = useT();
  const name = useParams().name ?? '';
  const query = useDaemonSetViewQuery(name);
  return (
    <WorkloadPage
      title={t('DaemonSet {{name}}', { name })}
      description={t(
        'One pod per node puts the registry’s CA where the node’s container runtime trusts it. A node without a ready pod cannot pull from the registry by its service name.',
      )}
      query={query}
      loadingLabel={t('Loading the DaemonSet')}
      details={(view) => <DaemonSetDetails view={view} />}
      yaml={(view) => view.object}
    />
  );
}
