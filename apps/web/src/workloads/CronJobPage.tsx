import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  Label,
  Stack,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { CronJobView, JobSummary } from '@irc/shared';
import { Link, useParams } from 'react-router';
import { HealthIcon } from '../ui/conditions.js';
import { ConditionsTable } from '../ui/ConditionsTable.js';
import { useT } from '../platform/i18n.js';
import { EmptyMessage } from '../ui/states.js';
import { Since } from '../ui/time.js';
import { podLogPath } from '../ui/paths/pods.js';
import { usePlatform } from '../platform/platform.js';
import { PartErrorAlert } from '../ui/workloadParts.js';
import { useCronJobViewQuery } from '../api/workloads.js';
import { WorkloadPage } from './WorkloadPage.js';

function JobStateLabel({ job }: { job: JobSummary }) {
  const t = useT();
  const known = {
    Complete: { text: t('Complete'), color: 'green', health: 'good' },
    Failed: { text: t('Failed'), color: 'red', health: 'bad' },
    Running: { text: t('Running'), color: 'blue', health: 'unknown' },
    Suspended: { text: t('Suspended'), color: 'grey', health: 'unknown' },
  } as const;
  const state = known[job.state as keyof typeof known] ?? {
    text: job.state,
    color: 'grey',
    health: 'unknown',
  };
  return (
    <Label color={state.color} icon={<HealthIcon health={state.health} />} data-state={job.state}>
      {state.text}
    </Label>
  );
}

function JobsTable({ view }: { view: CronJobView }) {
  const t = useT();
  const { links } = usePlatform();
  const jobs = view.jobs;
  if (jobs.error) return <PartErrorAlert error={jobs.error} title={t('Could not read the Jobs')} />;
  if (!jobs.items.length)
    return (
      <EmptyMessage title={t('No Jobs yet')}>
        {t('The pruner has not run since its history was last cleaned up.')}
      </EmptyMessage>
    );
  return (
    <>
      {view.jobPodsError ? (
        <PartErrorAlert error={view.jobPodsError} title={t('Could not read the Jobs’ pods')} />
      ) : null}
      <Table aria-label={t('Recent Jobs of {{name}}', { name: view.name })} variant="compact">
        <Thead>
          <Tr>
            <Th modifier="wrap">{t('Job')}</Th>
            <Th modifier="wrap">{t('State')}</Th>
            <Th>{t('Reason')}</Th>
            <Th modifier="wrap">{t('Started')}</Th>
            <Th modifier="wrap">{t('Finished')}</Th>
            <Th modifier="wrap">{t('Pods and logs')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {jobs.items.map((job) => (
            <Tr key={job.name} data-test={`job-${job.name}`}>
              <Td dataLabel={t('Job')}>
                {job.name}
                {job.manual ? <div className="irc-subtle">{t('started by hand')}</div> : null}
              </Td>
              <Td dataLabel={t('State')}>
                <JobStateLabel job={job} />
              </Td>
              <Td dataLabel={t('Reason')} className="irc-multiline">
                {job.reason ?? t('—')}
                {job.message ? <div className="irc-subtle">{job.message}</div> : null}
              </Td>
              <Td dataLabel={t('Started')} modifier="nowrap">
                <Since time={job.startTime} />
              </Td>
              <Td dataLabel={t('Finished')} modifier="nowrap">
                <Since time={job.completionTime} />
              </Td>
              <Td dataLabel={t('Pods and logs')}>
                {job.pods.length ? (
                  <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsXs' }}>
                    {job.pods.map((pod) => (
                      <Link key={pod.name} to={links.page(podLogPath(pod))}>
                        {t('Log of {{pod}}', { pod: pod.name })}
                      </Link>
                    ))}
                  </Flex>
                ) : (
                  t('No pods left')
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
}

function CronJobDetails({ view }: { view: CronJobView }) {
  const t = useT();
  return (
    <Stack hasGutter>
      <DescriptionList isHorizontal isCompact>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Schedule')}</DescriptionListTerm>
          <DescriptionListDescription>
            <code>{view.schedule}</code>
            {view.suspend ? ` · ${t('suspended: no Job starts')}` : ''}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Last scheduled')}</DescriptionListTerm>
          <DescriptionListDescription>
            <Since time={view.lastScheduleTime} />
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Last success')}</DescriptionListTerm>
          <DescriptionListDescription>
            <Since time={view.lastSuccessfulTime} />
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('History kept')}</DescriptionListTerm>
          <DescriptionListDescription>
            {t('{{ok}} successful, {{failed}} failed Jobs', {
              ok: view.successfulJobsHistoryLimit ?? t('—'),
              failed: view.failedJobsHistoryLimit ?? t('—'),
            })}
          </DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
      <Title headingLevel="h2">{t('Recent Jobs')}</Title>
      <JobsTable view={view} />
      <Title headingLevel="h2">{t('ImagePruner conditions')}</Title>
      {view.prunerConditions.error ? (
        <PartErrorAlert error={view.prunerConditions.error} title={t('Could not read the ImagePruner')} />
      ) : view.prunerConditions.items.length ? (
        <ConditionsTable
          conditions={view.prunerConditions.items}
          label={t('Conditions of the ImagePruner')}
        />
      ) : (
        <EmptyMessage title={t('No conditions reported yet')} />
      )}
    </Stack>
  );
}

/** The image pruner: its CronJob, the recent Jobs with their pods' logs, the ImagePruner's verdict. */
export default function CronJobPage() {
  const t = useT();
  const name = useParams().name ?? '';
  const query = useCronJobViewQuery(name);
  return (
    <WorkloadPage
      title={t('CronJob {{name}}', { name })}
      description={t(
        'The image pruner deletes images nobody uses any more. The operator creates this CronJob from imagepruners.imageregistry.operator.openshift.io/cluster; a failed Job makes the ClusterOperator Degraded.',
      )}
      query={query}
      loadingLabel={t('Loading the pruner')}
      details={(view) => <CronJobDetails view={view} />}
      yaml={(view) => view.object}
    />
  );
}
