import type { ControllerContext, KubeObject } from '../core/types.js';
import { EventRecorder } from './events.js';
import { R } from '../core/refs.js';
import { runController } from './controller-loop.js';
import {
  arr,
  clone,
  isNotFound,
  isOwnedBy,
  num,
  ownerRef,
  rec,
  stableStringify,
  str,
  tryDelete,
  tryGet,
} from '../core/objects.js';
import { nextRun, parseSchedule } from './cron.js';
import { rfc3339 } from './time.js';

const finished = (job: KubeObject, type: 'Complete' | 'Failed') =>
  arr(job, 'status', 'conditions').some((c) => c.type === type && c.status === 'True');

/**
 * CronJob controller: creates `<cronjob>-<scheduled minutes since epoch>` Jobs at the scheduled
 * (wall-clock, UTC) times unless suspended, honours concurrencyPolicy Forbid, keeps
 * successful/failed Job history within its limits, and reports active/lastScheduleTime/lastSuccessfulTime.
 */
export function startCronJobController(ctx: ControllerContext): () => void {
  const api = ctx.api();
  const events = new EventRecorder(api, ctx.clock);
  const source = { component: 'cronjob-controller' };

  const sync = (key: string): { requeueAfterMs?: number } | void => {
    const [ns, name] = key.split('/') as [string, string];
    const cj = tryGet(api, R.cronJobs, ns, name);
    if (!cj || cj.metadata.deletionTimestamp) return;
    const spec = rec(cj, 'spec');
    const jobs = api.list(R.jobs, ns).items.filter((j) => isOwnedBy(j, cj));
    const active = jobs.filter((j) => !finished(j, 'Complete') && !finished(j, 'Failed'));
    const now = ctx.clock.now();
    const schedule = parseSchedule(str(spec.schedule) ?? '');
    const status = rec(cj, 'status');
    let lastSchedule = str(status.lastScheduleTime);

    if (schedule && spec.suspend !== true) {
      const from = new Date(lastSchedule ?? cj.metadata.creationTimestamp ?? now.toISOString());
      const due = nextRun(schedule, from);
      if (due && due.getTime() <= now.getTime()) {
        if (spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
          events.record(
            source,
            cj,
            'Normal',
            'JobAlreadyActive',
            'Not starting job because prior execution is running and concurrency policy is Forbid',
          );
        } else {
          createJob(cj, due);
          lastSchedule = rfc3339(due);
        }
      }
    }

    // history limits, oldest first
    const byAge = (a: KubeObject, b: KubeObject) =>
      String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp));
    for (const [type, limit] of [
      ['Complete', num(spec.successfulJobsHistoryLimit) ?? 3],
      ['Failed', num(spec.failedJobsHistoryLimit) ?? 1],
    ] as const) {
      const done = jobs.filter((j) => finished(j, type)).sort(byAge);
      for (const j of done.slice(0, Math.max(0, done.length - limit))) {
        if (tryDelete(api, R.jobs, ns, j.metadata.name ?? '', { propagationPolicy: 'Background' })) {
          events.record(source, cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`);
        }
      }
    }

    const lastSuccess = jobs
      .filter((j) => finished(j, 'Complete'))
      .map((j) => str(rec(j, 'status').completionTime) ?? '')
      .sort()
      .at(-1);
    const next: Record<string, unknown> = {
      active: active.length
        ? active.map((j) => ({
            kind: 'Job',
            namespace: ns,
            name: j.metadata.name,
            uid: j.metadata.uid,
            apiVersion: 'batch/v1',
            resourceVersion: j.metadata.resourceVersion,
          }))
        : null,
      lastScheduleTime: lastSchedule ?? null,
      lastSuccessfulTime: lastSuccess || null,
    };
    const clean = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
    if (
      stableStringify(clean(next)) !==
      stableStringify(
        clean({
          active: status.active,
          lastScheduleTime: status.lastScheduleTime,
          lastSuccessfulTime: status.lastSuccessfulTime,
        }),
      )
    ) {
      try {
        api.patch(R.cronJobs, ns, name, 'merge', { status: next }, { subresource: 'status' });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
    const upcoming = schedule
      ? nextRun(schedule, new Date(Math.max(now.getTime(), Date.parse(lastSchedule ?? '') || 0)))
      : undefined;
    // wall-clock wait, handed to the clock in cluster time (capped: re-check at least daily)
    if (upcoming)
      return {
        requeueAfterMs: Math.min((upcoming.getTime() - now.getTime()) / ctx.clock.scale, 86_400_000) + 1,
      };
  };

  const createJob = (cj: KubeObject, at: Date): void => {
    const template = clone(rec(cj, 'spec', 'jobTemplate'));
    const name = `${cj.metadata.name}-${Math.floor(at.getTime() / 60_000)}`;
    try {
      api.create(R.jobs, cj.metadata.namespace, {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: {
          name,
          namespace: cj.metadata.namespace,
          labels: rec(template, 'metadata', 'labels') as Record<string, string>,
          annotations: {
            'batch.kubernetes.io/cronjob-scheduled-timestamp': at.toISOString().replace(/\.\d+Z$/, 'Z'),
          },
          ownerReferences: [ownerRef(cj)],
        },
        spec: rec(template, 'spec'),
      });
      events.record(source, cj, 'Normal', 'SuccessfulCreate', `Created job ${name}`);
    } catch (e) {
      if (!(e instanceof Error && /already exists/i.test(e.message))) throw e;
    }
  };

  return runController(api, ctx.clock, {
    resource: R.cronJobs,
    kind: 'CronJob',
    owned: [R.jobs],
    sync,
    latencyMs: 50,
  });
}
