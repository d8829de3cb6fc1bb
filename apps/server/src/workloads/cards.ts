/**
 * One card per object behind the registry, for the overview and the workloads index: how many
 * of its pods / nodes / routes are good, and a health the UI colours. Each card is read on its
 * own: one the caller may not read says so, the others still show.
 */
import { Kinds, WorkloadNames, type WorkloadCard, type WorkloadHealth } from '@irc/shared';
import { readConfig } from '../config/read-config.js';
import type { KubeClient } from '../kube/client.js';
import { toKubeError } from '../kube/errors.js';
import { type KubeObjectLike } from '../kube/resources.js';
import { deploymentHealth, rolloutOf } from './deployments.js';
import { jobSummary, newestFirst, prunerHealth } from './cronjobs.js';
import { daemonSetHealth, type DaemonSetStatus } from './daemonsets.js';
import { routeRows, routesHealth } from './routes-view.js';
import { getObject, listObjects, ownedBy } from './reads.js';

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
  return { health: deploymentHealth(r), ready: r.ready, total: r.desired, state: r.state };
}

export function daemonSetCard(ds: KubeObjectLike): Card {
  const s = (ds.status ?? {}) as DaemonSetStatus;
  const { health, complete } = daemonSetHealth(s);
  return {
    health,
    ready: s.numberReady ?? 0,
    total: s.desiredNumberScheduled ?? 0,
    state: complete ? 'complete' : 'progressing',
  };
}

export function cronJobCard(cron: KubeObjectLike, jobs: readonly KubeObjectLike[]): Card {
  const owned = jobs.filter((j) => ownedBy(j, cron)).sort(newestFirst);
  const summaries = owned.map((j) => jobSummary(j, []));
  const suspended = (cron.spec as { suspend?: boolean } | undefined)?.suspend === true;
  const state = summaries[0]?.state ?? (suspended ? 'suspended' : 'never');
  return {
    health: prunerHealth(summaries[0]?.state),
    ready: summaries.filter((j) => j.state === 'Complete').length,
    total: summaries.length,
    state,
  };
}

export function routesCard(config: KubeObjectLike | undefined, routes: readonly KubeObjectLike[]): Card {
  const rows = routeRows(config, routes);
  const { health, state, admitted } = routesHealth(rows);
  return { health, ready: admitted, total: rows.length, state };
}

export async function workloadCards(client: KubeClient): Promise<WorkloadCard[]> {
  return Promise.all([
    ...WorkloadNames.deployments.map((name) =>
      card('Deployment', name, async () => deploymentCard(await getObject(client, Kinds.Deployment, name))),
    ),
    ...WorkloadNames.daemonSets.map((name) =>
      card('DaemonSet', name, async () => daemonSetCard(await getObject(client, Kinds.DaemonSet, name))),
    ),
    ...WorkloadNames.cronJobs.map((name) =>
      card('CronJob', name, async () => {
        const [cron, jobs] = await Promise.all([
          getObject(client, Kinds.CronJob, name),
          listObjects(client, Kinds.Job),
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
        listObjects(client, Kinds.Route),
      ]);
      return routesCard(config, routes);
    }),
  ]);
}
