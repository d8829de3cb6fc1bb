import type { ControllerContext, KubeObject } from '../core/types.js';
import { EventRecorder } from './events.js';
import { R } from '../core/refs.js';
import { runController } from './controller-loop.js';
import {
  arr,
  clone,
  isNotFound,
  isOwnedBy,
  isTerminating,
  num,
  ownerRef,
  rec,
  stableStringify,
  tryGet,
} from '../core/objects.js';
import { randomSuffix } from '../core/names.js';
import { rfc3339 } from './time.js';
import { isPodReady } from './pod-readiness.js';

/**
 * Job controller (enough for the image pruner): runs pods until `completions` succeed, counts
 * failures against `backoffLimit`, and ends with Complete or Failed (BackoffLimitExceeded,
 * "Job has reached the specified backoff limit") like kube 1.32, SuccessCriteriaMet/FailureTarget included.
 */
export function startJobController(ctx: ControllerContext): () => void {
  const api = ctx.api();
  const events = new EventRecorder(api, ctx.clock);
  const source = { component: 'job-controller' };

  const sync = (key: string): void => {
    const [ns, name] = key.split('/') as [string, string];
    const job = tryGet(api, R.jobs, ns, name);
    if (!job || isTerminating(job)) return;
    const conds = arr(job, 'status', 'conditions');
    if (conds.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')) return;
    const spec = rec(job, 'spec');
    const completions = num(spec.completions) ?? 1;
    const parallelism = num(spec.parallelism) ?? 1;
    const backoffLimit = num(spec.backoffLimit) ?? 6;
    const pods = api.list(R.pods, ns).items.filter((p) => isOwnedBy(p, job));
    const phase = (p: KubeObject) => String(rec(p, 'status').phase);
    const succeeded = pods.filter((p) => phase(p) === 'Succeeded').length;
    const failed = pods.filter((p) => phase(p) === 'Failed').length;
    const active = pods.filter((p) => !isTerminating(p) && !['Succeeded', 'Failed'].includes(phase(p)));
    const now = rfc3339(ctx.clock.now());
    const status: Record<string, unknown> = {
      startTime: rec(job, 'status').startTime ?? now,
      active: active.length || undefined,
      succeeded: succeeded || undefined,
      failed: failed || undefined,
      ready: active.filter(isPodReady).length,
      terminating: pods.filter(isTerminating).length,
      uncountedTerminatedPods: {},
    };
    const cond = (type: string, reason?: string, message?: string) => ({
      type,
      status: 'True',
      lastProbeTime: now,
      lastTransitionTime: now,
      ...(reason ? { reason } : {}),
      ...(message ? { message } : {}),
    });
    if (succeeded >= completions) {
      status.conditions = [
        cond('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods'),
        cond('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods'),
      ];
      status.completionTime = now;
      events.record(source, job, 'Normal', 'Completed', 'Job completed');
    } else if (failed > backoffLimit) {
      const msg = 'Job has reached the specified backoff limit';
      status.conditions = [
        cond('FailureTarget', 'BackoffLimitExceeded', msg),
        cond('Failed', 'BackoffLimitExceeded', msg),
      ];
      events.record(source, job, 'Warning', 'BackoffLimitExceeded', msg);
    } else {
      for (let i = active.length; i < Math.min(parallelism, completions - succeeded); i++) createPod(job);
    }
    if (stableStringify({ ...rec(job, 'status'), ...status }) !== stableStringify(rec(job, 'status'))) {
      try {
        api.patch(R.jobs, ns, name, 'merge', { status }, { subresource: 'status' });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  };

  const createPod = (job: KubeObject): void => {
    const template = clone(rec(job, 'spec', 'template'));
    const meta = rec(template, 'metadata');
    const labels = {
      ...(rec(meta, 'labels') as Record<string, string>),
      'batch.kubernetes.io/controller-uid': job.metadata.uid ?? '',
      'batch.kubernetes.io/job-name': job.metadata.name ?? '',
      'controller-uid': job.metadata.uid ?? '',
      'job-name': job.metadata.name ?? '',
    };
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...meta,
        name: `${job.metadata.name}-${randomSuffix()}`,
        generateName: `${job.metadata.name}-`,
        namespace: job.metadata.namespace,
        labels,
        ownerReferences: [ownerRef(job)],
      },
      spec: { restartPolicy: 'Never', ...rec(template, 'spec') },
    };
    const created = api.create(R.pods, job.metadata.namespace, pod).object;
    events.record(source, job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  };

  return runController(api, ctx.clock, {
    resource: R.jobs,
    kind: 'Job',
    owned: [R.pods],
    sync,
    latencyMs: 20,
  });
}
