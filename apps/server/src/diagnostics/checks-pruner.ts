/**
 * The image pruner (ImagePruner CR → CronJob image-pruner → Jobs) and the node-ca DaemonSet:
 * the two controllers whose failures the ClusterOperator reports as ImagePrunerDegraded and
 * NodeCADaemon*, with the Job's pod log and the nodes of pods that are not ready.
 */
import type { DiagnosticStep, Finding } from '@irc/shared';
import { NS, conditionsOf, toIso, type ConditionLike, type KubeObjectLike } from '../kube/resources.js';
import type { Facts } from './context.js';
import { cannotRead, finding, readProblem } from './findings.js';
import { jobFinished, latestPrunerJob, ref } from './objects.js';
import { conditionLine, lastLines, step, unreadable } from './step.js';

const CRONJOB = ref.ns('CronJob', 'image-pruner', 'batch/v1');

function failedJobFinding(
  f: Facts,
  job: KubeObjectLike & {
    status?: { conditions?: { type: string; status: string; reason?: string; message?: string }[] };
  },
): Finding[] {
  const name = job.metadata?.name ?? '';
  const failed = job.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
  const pod = f.g.prunerPods.ok ? f.g.prunerPods.value.at(-1) : undefined;
  const log = f.g.prunerLog;
  const lines = log?.ok
    ? lastLines(
        log.lines.map((l) => l.text),
        5,
      )
    : [];
  const pruner = f.g.imagePruner.ok
    ? conditionsOf(f.g.imagePruner.value).find((c) => c.type === 'Degraded')
    : undefined;
  const registryDown = lines.some((l) => /failed to ping registry/.test(l));
  const out: Finding[] = [
    finding({
      code: 'pruner-job-failed',
      severity: 'failing',
      summary: `The last image pruner run (Job ${name}) failed${failed?.reason ? `: ${failed.reason}` : ''}${registryDown ? ' — it could not reach the registry' : ''}`,
      object: ref.ns('Job', name, 'batch/v1'),
      field: 'status.conditions[Failed]',
      evidence: [
        `Job ${name}: Failed=True (${failed?.reason ?? ''}) ${failed?.message ?? ''}`,
        ...(pruner?.status === 'True' ? [`ImagePruner ${conditionLine(pruner)}`] : []),
        ...lines.map((l) => `pod ${pod?.metadata?.name} log: ${l}`),
      ],
      nextStep: registryDown
        ? 'The pruner talks to the registry service: make the registry available (see the registry steps), then run the pruner again.'
        : "Read the Job pod's log; once fixed, run the pruner again (the next scheduled run clears the Degraded condition).",
      command: `oc logs job/${name} -n ${NS}; oc create job --from=cronjob/image-pruner image-pruner-manual -n ${NS}`,
      links: [
        { label: `Job ${name}`, kind: 'object', object: ref.ns('Job', name, 'batch/v1') },
        { label: 'CronJob image-pruner', kind: 'object', object: CRONJOB },
        ...(pod?.metadata?.name
          ? [
              {
                label: `log ${pod.metadata.name}`,
                kind: 'log' as const,
                object: ref.pod(pod.metadata.name),
                container: log?.container,
              },
            ]
          : []),
      ],
    }),
  ];
  if (log && !log.ok)
    out.push(
      cannotRead(
        `the log of ${log.pod}`,
        { ok: false, error: log.error },
        ref.pod(log.pod),
        `oc logs job/${name} -n ${NS}`,
      ),
    );
  return out;
}

export function prunerStep(f: Facts): DiagnosticStep {
  const base = {
    id: 'pruner' as const,
    title: 'Image pruner',
    command: `oc get imagepruner cluster -o yaml; oc get cronjob,jobs -n ${NS}`,
    links: [{ label: 'CronJob image-pruner', kind: 'object' as const, object: CRONJOB }],
  };
  const evidence: string[] = [];
  const findings: Finding[] = [];
  if (!f.g.imagePruner.ok) {
    if (f.g.imagePruner.error.statusCode === 404)
      return step({ ...base, evidence: ['no ImagePruner: image pruning is not configured'] });
    findings.push(
      cannotRead('the ImagePruner', f.g.imagePruner, ref.imagePruner(), 'oc auth can-i get imagepruners'),
    );
  } else {
    const spec = (f.g.imagePruner.value.spec ?? {}) as { suspend?: boolean; schedule?: string };
    evidence.push(`schedule: ${spec.schedule || '(default, daily)'}${spec.suspend ? ', suspended' : ''}`);
    if (spec.suspend)
      findings.push(
        finding({
          code: 'pruner-suspended',
          severity: 'info',
          summary: 'Image pruning is suspended: unused images accumulate',
          object: ref.imagePruner(),
          field: 'spec.suspend',
          evidence: ['spec.suspend: true'],
          nextStep: 'Nothing is failing. Unsuspend it to prune regularly.',
          command: `oc patch imagepruner cluster --type merge -p '{"spec":{"suspend":false}}'`,
        }),
      );
  }
  if (!f.g.prunerJobs.ok)
    findings.push(cannotRead('jobs', f.g.prunerJobs, CRONJOB, `oc auth can-i list jobs -n ${NS}`));
  else {
    const latest = latestPrunerJob(f.g.prunerJobs.value);
    if (latest)
      evidence.push(
        `last run: Job ${latest.metadata?.name} ${jobFinished(latest)} (started ${toIso(latest.status?.startTime) ?? '?'})`,
      );
    else evidence.push('no finished run yet');
    if (latest && jobFinished(latest) === 'failed') findings.push(...failedJobFinding(f, latest));
  }
  if (!f.g.prunerCronJob.ok && f.g.prunerCronJob.error.statusCode !== 404)
    evidence.push(readProblem('cronjob image-pruner', f.g.prunerCronJob) ?? '');
  return step({ ...base, evidence, findings, nextStep: 'Nothing to do: the last pruner run succeeded.' });
}

interface DaemonSetStatus {
  desiredNumberScheduled?: number;
  numberReady?: number;
  numberAvailable?: number;
  updatedNumberScheduled?: number;
}

/** "; node NotReady (Unknown: Kubelet stopped posting node status.)" when the caller may read nodes. */
function nodeState(f: Facts, name: string | undefined): string {
  if (!name || !f.g.nodes?.ok) return '';
  const node = (
    f.g.nodes.value as { metadata?: { name?: string }; status?: { conditions?: ConditionLike[] } }[]
  ).find((n) => n.metadata?.name === name);
  const ready = node?.status?.conditions?.find((c) => c.type === 'Ready');
  if (!ready || ready.status === 'True') return '';
  return `; node NotReady (${ready.status}${ready.message ? `: ${ready.message}` : ''})`;
}

export function nodeCaStep(f: Facts): DiagnosticStep {
  const DS = ref.ns('DaemonSet', 'node-ca', 'apps/v1');
  const base = {
    id: 'node-ca' as const,
    title: 'node-ca DaemonSet (registry CA on every node)',
    command: `oc get daemonset node-ca -n ${NS}; oc get pods -n ${NS} -l name=node-ca -o wide`,
    links: [{ label: 'DaemonSet node-ca', kind: 'object' as const, object: DS }],
  };
  const read = f.g.nodeCaDaemonSet;
  if (!read.ok) {
    if (read.error.statusCode !== 404)
      return unreadable(base, cannotRead('daemonsets', read, DS, `oc auth can-i get daemonsets -n ${NS}`));
    return step({
      ...base,
      evidence: ['daemonset node-ca does not exist'],
      findings: [
        finding({
          code: 'node-ca-not-ready',
          severity: 'warning',
          summary: 'The node-ca DaemonSet does not exist: nodes do not get the registry CA',
          object: DS,
          evidence: ['daemonsets.apps "node-ca" not found'],
          nextStep: 'The operator creates it: see the operator step.',
          command: base.command,
        }),
      ],
    });
  }
  const s = (read.value.status ?? {}) as DaemonSetStatus;
  const desired = s.desiredNumberScheduled ?? 0;
  const available = s.numberAvailable ?? 0;
  const evidence = [`${available}/${desired} available, ${s.numberReady ?? 0} ready`];
  if (available >= desired) return step({ ...base, evidence });
  const pods = f.g.nodeCaPods.ok ? f.g.nodeCaPods.value : [];
  // a pod on a lost node keeps its last container statuses (ready); only its Ready condition,
  // set by the node lifecycle controller, says it is not
  const podReady = (p: (typeof pods)[number]) =>
    p.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  const unready = pods.filter((p) => !podReady(p) || !p.status?.containerStatuses?.every((c) => c.ready));
  const lines = unready.map((p) => {
    const c = p.status?.containerStatuses?.[0];
    const notReady = p.status?.conditions?.find((x) => x.type === 'Ready' && x.status !== 'True');
    const state =
      c?.state?.waiting?.reason ??
      (c?.state?.running
        ? `running, not ready${notReady?.reason ? ` (${notReady.reason})` : ''}`
        : p.status?.phase);
    return `pod ${p.metadata?.name} on node ${p.spec?.nodeName ?? '?'}: ${state}${p.status?.reason ? ` (${p.status.reason})` : ''}${nodeState(f, p.spec?.nodeName)}`;
  });
  return step({
    ...base,
    evidence,
    findings: [
      finding({
        code: 'node-ca-not-ready',
        severity: available === 0 ? 'failing' : 'warning',
        summary: `node-ca is not ready on ${desired - available} of ${desired} node(s): those nodes may not trust the registry's certificate`,
        object: DS,
        field: 'status.numberAvailable',
        evidence: [...evidence, ...lines.slice(0, 6)],
        nextStep:
          'Look at the nodes of the pods that are not ready (NotReady, unreachable, disk pressure) and at those pods’ events.',
        command: `oc get pods -n ${NS} -l name=node-ca -o wide; oc get nodes`,
        links: unready.slice(0, 3).map((p) => ({
          label: `pod ${p.metadata?.name}`,
          kind: 'object' as const,
          object: ref.pod(p.metadata?.name ?? ''),
        })),
      }),
    ],
  });
}
