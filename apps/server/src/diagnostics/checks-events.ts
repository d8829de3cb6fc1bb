/**
 * Checklist item 8: Warning events — only those that are still true. An event about a pod that
 * no longer exists (or was replaced: another uid), about a pod that is Ready again, or about a
 * Job that has since succeeded, or about a claim since bound or no longer used, is history: it belongs to the timeline, not to the verdict.
 */
import type { DiagnosticStep } from '@irc/shared';
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import { NS, toIso } from '../kube/resources.js';
import type { Facts } from './context.js';
import { cannotRead, finding } from './findings.js';
import { jobFinished, ref } from './objects.js';
import { step, unreadable } from './step.js';

/** Warnings about objects the checklist does not list count for this long. */
const OTHER_KINDS_MS = 10 * 60_000;

function allPods(f: Facts): V1Pod[] {
  return [f.g.registryPods, f.g.operatorPods, f.g.nodeCaPods, f.g.prunerPods].flatMap((r) =>
    r.ok ? r.value : [],
  );
}

function eventTime(e: CoreV1Event): number {
  return Date.parse(toIso(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp) ?? '') || 0;
}

function stillTrue(f: Facts, e: CoreV1Event, pods: V1Pod[]): boolean {
  const o = e.involvedObject;
  if (o?.kind === 'Pod') {
    const pod = pods.find((p) => p.metadata?.name === o.name && (!o.uid || p.metadata?.uid === o.uid));
    if (!pod || pod.metadata?.deletionTimestamp) return false;
    if (pod.status?.phase === 'Succeeded') return false;
    const ready = pod.status?.containerStatuses?.every((c) => c.ready) ?? false;
    return !ready;
  }
  if (o?.kind === 'Job' && f.g.prunerJobs.ok) {
    const job = f.g.prunerJobs.value.find((j) => j.metadata?.name === o.name);
    return !!job && jobFinished(job) !== 'complete';
  }
  if (o?.kind === 'PersistentVolumeClaim') {
    // Only the claim the Config uses now counts, and only while it is not Bound: FailedBinding or
    // ProvisioningFailed about a claim since bound, deleted or no longer used is history.
    const read = f.g.claim;
    if (!read || (!read.ok && read.error.statusCode === 404)) return false;
    if (read.ok) {
      const claim = read.value;
      if (claim.metadata?.name !== o.name || (o.uid && claim.metadata?.uid !== o.uid)) return false;
      return claim.status?.phase !== 'Bound';
    }
  }
  if (o?.kind === 'Deployment' && o.name === 'image-registry' && f.g.registryDeployment.ok) {
    const d = f.g.registryDeployment.value;
    return (d.status?.availableReplicas ?? 0) < (d.spec?.replicas ?? 1);
  }
  return f.now - eventTime(e) < OTHER_KINDS_MS;
}

export function eventsStep(f: Facts): DiagnosticStep {
  const base = {
    id: 'events' as const,
    title: 'Warning events in openshift-image-registry',
    command: `oc get events -n ${NS} --field-selector type=Warning --sort-by=.lastTimestamp`,
    links: [
      {
        label: 'Timeline of events',
        kind: 'object' as const,
        object: { kind: 'Event', name: '', namespace: NS },
      },
    ],
  };
  if (!f.g.events.ok)
    return unreadable(
      base,
      cannotRead('events', f.g.events, ref.ns('Event', ''), `oc auth can-i list events -n ${NS}`),
    );
  const pods = allPods(f);
  const warnings = f.g.events.value
    .filter((e) => e.type === 'Warning')
    .sort((a, b) => eventTime(b) - eventTime(a));
  const current = warnings.filter((e) => stillTrue(f, e, pods));
  const history = warnings.length - current.length;
  const lines = current
    .slice(0, 10)
    .map(
      (e) =>
        `${e.involvedObject?.kind}/${e.involvedObject?.name}: ${e.reason} — ${e.message}${(e.count ?? 1) > 1 ? ` (×${e.count})` : ''}`,
    );
  const evidence = [
    ...(current.length
      ? []
      : [
          `no Warning event about anything that is still failing (${f.g.events.value.length} events in total)`,
        ]),
    ...(history
      ? [
          `${history} older warning(s) are about pods, jobs and claims that are gone or healthy again: see the timeline`,
        ]
      : []),
  ];
  return step({
    ...base,
    evidence,
    findings: current.length
      ? [
          finding({
            code: 'warning-events',
            severity: 'warning',
            summary: `${current.length} warning event(s) about objects that are still not healthy`,
            object: ref.ns('Event', ''),
            evidence: lines,
            nextStep:
              'Each warning names the object and the cause; the steps above diagnose the registry’s own.',
            command: base.command,
            links: current.slice(0, 5).map((e) => ({
              label: `${e.involvedObject?.kind} ${e.involvedObject?.name}`,
              kind: 'object' as const,
              object: {
                kind: e.involvedObject?.kind ?? '',
                name: e.involvedObject?.name ?? '',
                namespace: NS,
              },
            })),
          }),
        ]
      : [],
    nextStep: 'No warning about anything that is failing now.',
  });
}
