/**
 * One card per object behind the registry, for the overview and the workloads index: how many
 * of its pods / nodes / routes are good, and a health the UI colours. Each card is read on its
 * own: one the caller may not read says so, the others still show.
 */
import { WorkloadNames, type WorkloadCard, type WorkloadHealth } from '@irc/shared';
import { readConfig } from '../config/read-config.js';
import type { KubeClient } from '../kube/client.js';
import { toKubeError } from '../kube/errors.js';
import { RouteResource, type KubeObjectLike } from '../kube/resources.js';
import { rolloutOf } from './deployments.js';
import { jobSummary } from './cronjobs.js';
import { routeRows } from './routes-view.js';
import {
  CronJobResource,
  DaemonSetResource,
  DeploymentResource,
  getObject,
  JobResource,
  listObjects,
  ownedBy,
} from './reads.js';

type Card = Omit<WorkloadCard, 'kind' | 'name'>;

async function card(
  kind: WorkloadCard['kind'],
  name: string,
  read: () => Promise<Card>,
): Promise<WorkloadCard> {
  try {
    return { kind, name, ...(await read()) };
  } catch (err) {
    const e = toKubeError(err);
    if (e.statusCode === 401) throw e;
    const health: WorkloadHealth = e.statusCode === 404 ? 'absent' : 'unknown';
    return {
      kind,
      name,
      health,
      ready: 0,
      total: 0,
      state: e.statusCode === 404 ? 'absent' : 'unreadable',
      error: { statusCode: e.statusCode, reason: e.reason, message: e.message },
    };
  }
}

export function deploymentCard(d: KubeObjectLike): Card {
  const r = rolloutOf(d);
  const health: WorkloadHealth =
    r.state === 'complete'
      ? 'ok'
      : r.state === 'scaledDown' || r.state === 'stalled' || r.available === 0
        ? 'failing'
        : 'progressing';
  return { health, ready: r.ready, total: r.desired, state: r.state };
}

export function daemonSetCard(ds: KubeObjectLike): Card {
  const s = (ds.status ?? {}) as {
    desiredNumberScheduled?: number;
    numberReady?: number;
    updatedNumberScheduled?: number;
  };
  const desired = s.desiredNumberScheduled ?? 0;
  const ready = s.numberReady ?? 0;
  const complete = desired > 0 && ready === desired && (s.updatedNumberScheduled ?? 0) === desired;
  const health: WorkloadHealth = complete ? 'ok' : desired === 0 || ready === 0 ? 'failing' : 'progressing';
  return { health, ready, total: desired, state: complete ? 'complete' : 'progressing' };
}

export function cronJobCard(cron: KubeObjectLike, jobs: readonly KubeObjectLike[]): Card {
  const summaries = jobs.filter((j) => ownedBy(j, cron)).map((j) => jobSummary(j, []));
  summaries.sort((a, b) => (b.startTime ?? '').localeCompare(a.startTime ?? ''));
  const last = summaries[0];
  const suspended = (cron.spec as { suspend?: boolean } | undefined)?.suspend === true;
  const state = last?.state ?? (suspended ? 'suspended' : 'never');
  const health: WorkloadHealth = state === 'Failed' ? 'failing' : state === 'Running' ? 'progressing' : 'ok';
  return {
    health,
    ready: summaries.filter((j) => j.state === 'Complete').length,
    total: summaries.length,
    state,
  };
}

export function routesCard(config: KubeObjectLike | undefined, routes: readonly KubeObjectLike[]): Card {
  const rows = routeRows(config, routes);
  const admitted = rows.filter((r) => r.admitted === 'True').length;
  const state = rows.some((r) => !r.exists)
    ? 'notCreated'
    : rows.some((r) => r.admitted === 'False')
      ? 'notAdmitted'
      : admitted < rows.length
        ? 'pending'
        : 'admitted';
  const health: WorkloadHealth =
    state === 'admitted' ? 'ok' : state === 'pending' ? 'progressing' : 'failing';
  return { health, ready: admitted, total: rows.length, state };
}

export async function workloadCards(client: KubeClient): Promise<WorkloadCard[]> {
  return Promise.all([
    ...WorkloadNames.deployments.map((name) =>
      card('Deployment', name, async () => deploymentCard(await getObject(client, DeploymentResource, name))),
    ),
    ...WorkloadNames.daemonSets.map((name) =>
      card('DaemonSet', name, async () => daemonSetCard(await getObject(client, DaemonSetResource, name))),
    ),
    ...WorkloadNames.cronJobs.map((name) =>
      card('CronJob', name, async () => {
        const [cron, jobs] = await Promise.all([
          getObject(client, CronJobResource, name),
          listObjects(client, JobResource),
        ]);
        return cronJobCard(cron, jobs);
      }),
    ),
    card('Route', 'routes', async () => {
      const [config, routes] = await Promise.all([
        readConfig(client).then(
          (c) => c.object,
          () => undefined,
        ),
        listObjects(client, RouteResource),
      ]);
      return routesCard(config, routes);
    }),
  ]);
}
