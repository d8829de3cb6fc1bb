/**
 * The image pruner: the `image-pruner` CronJob, the ImagePruner's conditions (the operator's
 * verdict, e.g. Failed=True ImagePrunerJobFailed), its recent Jobs with their outcome and pods
 * (whose logs the log viewer opens), and the events of all of them.
 */
import { Kinds, RegistryNames } from '@irc/shared';
import type { CronJobView, JobSummary, WorkloadHealth } from '@irc/shared';
import type { V1Pod } from '@kubernetes/client-node';
import type { KubeClient } from '../kube/client.js';
import { conditionsOf, forBrowser, NS, toIso, type KubeObjectLike } from '../kube/resources.js';
import { podStatusSummary } from '../pods/summarize.js';
import { conditionsFor } from './deployments.js';
import { eventsFor } from './events.js';
import { getObject, listEvents, listObjects, listPods, outcome, ownedBy, partOf } from './reads.js';

const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';

interface JobStatus {
  active?: number;
  succeeded?: number;
  failed?: number;
  startTime?: string;
  completionTime?: string;
}

export function jobSummary(job: KubeObjectLike, pods: readonly V1Pod[], now = Date.now()): JobSummary {
  const name = job.metadata?.name ?? '';
  const status = (job.status ?? {}) as JobStatus;
  const conditions = conditionsOf(job).filter((c) => c.status === 'True');
  const final =
    conditions.find((c) => c.type === 'Failed') ??
    conditions.find((c) => c.type === 'Complete') ??
    conditions.find((c) => c.type === 'Suspended');
  const state = final?.type === 'Complete' ? 'Complete' : (final?.type ?? 'Running');
  const start = toIso(status.startTime);
  const completion = toIso(status.completionTime);
  const own = pods.filter(
    (p) => (p.metadata?.labels?.[JOB_NAME_LABEL] ?? p.metadata?.labels?.['job-name']) === name,
  );
  return {
    name,
    state,
    ...(final?.reason ? { reason: final.reason } : {}),
    ...(final?.message ? { message: final.message } : {}),
    ...(start ? { startTime: start } : {}),
    ...(completion ? { completionTime: completion } : {}),
    active: status.active ?? 0,
    succeeded: status.succeeded ?? 0,
    failed: status.failed ?? 0,
    manual: job.metadata?.annotations?.['cronjob.kubernetes.io/instantiate'] === 'manual',
    pods: own.map((p) => podStatusSummary(p, now)).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The pruner is as good as its newest Job: failed → failing, running → progressing. */
export function prunerHealth(lastJobState: string | undefined): WorkloadHealth {
  return lastJobState === 'Failed' ? 'failing' : lastJobState === 'Running' ? 'progressing' : 'ok';
}

/**
 * Newest Job first by start time. Timestamps have one-second resolution, so two Jobs started in
 * the same second (a manual run right after a failed one) tie: then the one still running, or
 * the one that finished later, is the newer; the name is only the last resort.
 */
export function newestFirst(a: KubeObjectLike, b: KubeObjectLike): number {
  const started = (o: KubeObjectLike) =>
    toIso((o.status as JobStatus | undefined)?.startTime) ?? toIso(o.metadata?.creationTimestamp) ?? '';
  return (
    started(b).localeCompare(started(a)) ||
    order(ended(b), ended(a)) ||
    (b.metadata?.name ?? '').localeCompare(a.metadata?.name ?? '')
  );
}

/** Code-point order: localeCompare would put '~' before digits. */
function order(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** When a Job finished (completionTime, or its Failed condition's time); '~' (after any date) while it runs. */
function ended(job: KubeObjectLike): string {
  const finished = conditionsOf(job).find(
    (c) => c.status === 'True' && (c.type === 'Complete' || c.type === 'Failed'),
  );
  if (!finished) return '~';
  return (
    toIso((job.status as JobStatus | undefined)?.completionTime) ?? toIso(finished.lastTransitionTime) ?? ''
  );
}

export async function cronJobView(client: KubeClient, name: string): Promise<CronJobView> {
  const cron = await getObject(client, Kinds.CronJob, name);
  const [jobs, pods, events, pruner] = await Promise.all([
    outcome(listObjects(client, Kinds.Job)),
    outcome(listPods(client, JOB_NAME_LABEL)),
    outcome(listEvents(client)),
    outcome(
      client.custom
        .getClusterCustomObject(
          { ...Kinds.ImagePruner.coordinates, name: RegistryNames.imagePrunerName },
          client.opts(),
        )
        .then((o) => o as KubeObjectLike),
    ),
  ]);
  const owned = jobs.ok ? jobs.value.filter((j) => ownedBy(j, cron)).sort(newestFirst) : [];
  const jobNames = owned.map((j) => j.metadata?.name ?? '');
  const spec = (cron.spec ?? {}) as {
    schedule?: string;
    suspend?: boolean;
    concurrencyPolicy?: string;
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
  };
  const status = (cron.status ?? {}) as { lastScheduleTime?: string; lastSuccessfulTime?: string };
  const lastSchedule = toIso(status.lastScheduleTime);
  const lastSuccess = toIso(status.lastSuccessfulTime);
  const now = Date.now();
  const summaries = owned.map((j) => jobSummary(j, pods.ok ? pods.value : [], now));
  return {
    name,
    namespace: NS,
    health: jobs.ok ? prunerHealth(summaries[0]?.state) : 'unknown',
    schedule: spec.schedule ?? '',
    suspend: spec.suspend === true,
    ...(spec.concurrencyPolicy ? { concurrencyPolicy: spec.concurrencyPolicy } : {}),
    ...(spec.successfulJobsHistoryLimit !== undefined
      ? { successfulJobsHistoryLimit: spec.successfulJobsHistoryLimit }
      : {}),
    ...(spec.failedJobsHistoryLimit !== undefined
      ? { failedJobsHistoryLimit: spec.failedJobsHistoryLimit }
      : {}),
    ...(lastSchedule ? { lastScheduleTime: lastSchedule } : {}),
    ...(lastSuccess ? { lastSuccessfulTime: lastSuccess } : {}),
    prunerConditions: partOf(pruner, conditionsFor),
    jobs: partOf(jobs, () => summaries),
    ...(pods.ok ? {} : { jobPodsError: pods.error }),
    events: partOf(events, (list) =>
      eventsFor(list, {
        names: { CronJob: [name], Job: jobNames },
        prefixes: { Job: [`${name}-`], Pod: [`${name}-`] },
      }),
    ),
    object: forBrowser(cron) as CronJobView['object'],
  };
}
