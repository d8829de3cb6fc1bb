import {
  Alert,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  Progress,
  Stack,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { RegistryNames, type DeploymentView, type Rollout } from '@irc/shared';
import { Link, useParams } from 'react-router';
import type { Health } from '../ui/conditions.js';
import { ConditionsTable } from '../ui/ConditionsTable.js';
import type { Condition } from '../api/contract.js';
import { useT } from '../platform/i18n.js';
import { ErrorState, EmptyMessage } from '../ui/states.js';
import { Since } from '../ui/time.js';
import { PodsTable } from '../ui/PodsTable.js';
import { usePlatform } from '../platform/platform.js';
import { GenerationGroup, PartErrorAlert, ReadyCounts } from '../ui/workloadParts.js';
import { useDeploymentViewQuery, useScaleMutation } from '../api/workloads.js';
import { WorkloadPage } from './WorkloadPage.js';

/**
 * A Deployment's conditions read as the deployment controller means them: Progressing=True is a
 * rollout that is fine (NewReplicaSetAvailable, ReplicaSetUpdated), unless its deadline passed.
 */
export function deploymentConditionHealth(condition: Condition): Health {
  if (condition.status !== 'True' && condition.status !== 'False') return 'unknown';
  const good =
    condition.type === 'ReplicaFailure' ? condition.status === 'False' : condition.status === 'True';
  if (condition.reason === 'ProgressDeadlineExceeded') return 'bad';
  return good ? 'good' : 'bad';
}

function RolloutStateLabel({ state }: { state: Rollout['state'] }) {
  const t = useT();
  const text = {
    complete: t('Rollout complete'),
    progressing: t('Rolling out'),
    stalled: t('Rollout stalled (progress deadline exceeded)'),
    scaledDown: t('Scaled down to 0'),
  }[state];
  const color = { complete: 'green', progressing: 'blue', stalled: 'red', scaledDown: 'orange' } as const;
  return (
    <Label color={color[state]} data-state={state}>
      {text}
    </Label>
  );
}

/** The operator scaled to 0 reconciles nothing: the one fix this page offers itself. */
function StartOperator() {
  const t = useT();
  const scale = useScaleMutation(RegistryNames.operatorDeployment);
  return (
    <Alert
      variant="danger"
      isInline
      title={t('The operator is scaled to 0: nothing reconciles the registry')}
      data-test="operator-scaled-down"
    >
      <Stack hasGutter>
        <p>
          {t(
            'Configuration changes wait and every status shown is from before it stopped. Scale it back to 1 replica (oc scale deployment/cluster-image-registry-operator -n openshift-image-registry --replicas=1).',
          )}
        </p>
        {scale.isError ? <ErrorState error={scale.error} title={t('Could not scale the operator')} /> : null}
        <div>
          <Button
            variant="primary"
            onClick={() => scale.mutate(1)}
            isLoading={scale.isPending}
            isDisabled={scale.isPending}
          >
            {t('Scale the operator to 1')}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}

function RolloutDetails({ view }: { view: DeploymentView }) {
  const t = useT();
  const { links } = usePlatform();
  const r = view.rollout;
  return (
    <Stack hasGutter>
      {r.desired > 0 ? (
        <Progress
          value={r.desired ? Math.round((Math.min(r.updated, r.available) / r.desired) * 100) : 0}
          title={t('Updated and available replicas')}
          label={t('{{done}} of {{desired}}', { done: Math.min(r.updated, r.available), desired: r.desired })}
          variant={r.state === 'stalled' ? 'danger' : r.state === 'complete' ? 'success' : undefined}
        />
      ) : null}
      <DescriptionList isHorizontal isCompact>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('State')}</DescriptionListTerm>
          <DescriptionListDescription>
            <RolloutStateLabel state={r.state} />
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Replicas')}</DescriptionListTerm>
          <DescriptionListDescription data-test="deployment-ready">
            <ReadyCounts {...r} />
            {r.unavailable ? ` · ${t('{{n}} unavailable', { n: r.unavailable })}` : ''}
            {r.current !== r.desired ? ` · ${t('pods of every revision: {{n}}', { n: r.current })}` : ''}
            {view.role === 'registry' ? (
              <div>
                <Link to={links.page('/config/replicas')}>
                  {t('Set by the operator from the Config: change replicas')}
                </Link>
              </div>
            ) : null}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Strategy')}</DescriptionListTerm>
          <DescriptionListDescription>
            {r.strategy}
            {r.maxSurge !== undefined || r.maxUnavailable !== undefined
              ? ` (${t('max surge {{surge}}, max unavailable {{unavailable}}', {
                  surge: r.maxSurge ?? t('—'),
                  unavailable: r.maxUnavailable ?? t('—'),
                })})`
              : ''}
            {r.paused ? ` · ${t('paused')}` : ''}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <GenerationGroup generation={r.generation} observed={r.observedGeneration} />
      </DescriptionList>
    </Stack>
  );
}

/** A digest pull spec with its digest cut to 12 hex digits (the full one is in the tooltip). */
export function shortImage(image: string): string {
  const at = /^(.*@sha256:)([0-9a-f]{12})[0-9a-f]+$/.exec(image);
  return at ? `${at[1]}${at[2]}…` : image;
}

function ReplicaSetsTable({ view }: { view: DeploymentView }) {
  const t = useT();
  const sets = view.replicaSets;
  if (sets.error) return <PartErrorAlert error={sets.error} title={t('Could not read the ReplicaSets')} />;
  if (!sets.items.length) return <EmptyMessage title={t('No ReplicaSets')} />;
  return (
    <Table aria-label={t('ReplicaSets of {{name}}', { name: view.name })} variant="compact">
      <Thead>
        <Tr>
          <Th modifier="wrap">{t('Revision')}</Th>
          <Th modifier="wrap">{t('Name')}</Th>
          <Th modifier="wrap">{t('Ready')}</Th>
          <Th>{t('Images')}</Th>
          <Th modifier="wrap">{t('Created')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {sets.items.map((rs) => (
          <Tr key={rs.name} data-test={`replicaset-${rs.name}`}>
            <Td dataLabel={t('Revision')}>
              {rs.revision ?? t('—')}{' '}
              {rs.isCurrent ? (
                <Label color="blue" isCompact>
                  {t('current')}
                </Label>
              ) : null}
            </Td>
            <Td dataLabel={t('Name')} modifier="nowrap">
              {rs.name}
            </Td>
            <Td dataLabel={t('Ready')}>
              {t('{{ready}} of {{desired}} ready', { ready: rs.ready, desired: rs.desired })}
            </Td>
            <Td dataLabel={t('Images')} modifier="breakWord">
              {rs.images.map((image) => (
                <div key={image} title={image}>
                  {shortImage(image)}
                </div>
              ))}
            </Td>
            <Td dataLabel={t('Created')} modifier="nowrap">
              <Since time={rs.createdAt} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function DeploymentDetails({ view }: { view: DeploymentView }) {
  const t = useT();
  return (
    <Stack hasGutter>
      {view.role === 'operator' && view.rollout.desired === 0 ? <StartOperator /> : null}
      <Title headingLevel="h2">{t('Rollout')}</Title>
      <RolloutDetails view={view} />
      <Title headingLevel="h2">{t('Conditions')}</Title>
      {view.conditions.length ? (
        <ConditionsTable
          conditions={view.conditions}
          label={t('Conditions of {{name}}', { name: view.name })}
          healthOf={deploymentConditionHealth}
        />
      ) : (
        <EmptyMessage title={t('No conditions reported yet')} />
      )}
      <Title headingLevel="h2">{t('ReplicaSets')}</Title>
      <ReplicaSetsTable view={view} />
      <Title headingLevel="h2">{t('Pods')}</Title>
      {view.pods.error ? (
        <PartErrorAlert error={view.pods.error} title={t('Could not read the pods')} />
      ) : view.pods.items.length ? (
        <PodsTable pods={view.pods.items} label={t('Pods of {{name}}', { name: view.name })} />
      ) : (
        <EmptyMessage title={t('No pods')} />
      )}
    </Stack>
  );
}

/** The registry or the operator Deployment: rollout, conditions, ReplicaSets, pods, events, YAML. */
export default function DeploymentPage() {
  const t = useT();
  const name = useParams().name ?? '';
  const query = useDeploymentViewQuery(name);
  const operator = name === RegistryNames.operatorDeployment;
  return (
    <WorkloadPage
      title={t('Deployment {{name}}', { name })}
      description={
        operator
          ? t(
              'The image registry operator. It reconciles the Config into the registry’s objects: while it is not running, nothing changes and every status is stale.',
            )
          : t(
              'The registry itself. The operator writes this Deployment from the Config: its replicas, storage and placement come from there.',
            )
      }
      query={query}
      loadingLabel={t('Loading the Deployment')}
      details={(view) => <DeploymentDetails view={view} />}
      yaml={(view) => view.object}
    />
  );
}
