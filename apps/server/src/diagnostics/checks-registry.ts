/** Checklist items 3 and 4: the registry Deployment, its pods and their logs. */
import { RegistryNames, type DiagnosticStep, type Finding } from '@irc/shared';
import { NS, toIso } from '../kube/resources.js';
import { notReadyNodeFindings } from './checks-nodes.js';
import type { Facts } from './context.js';
import { cannotRead, finding } from './findings.js';
import { ref } from './objects.js';
import { unschedulableFindings } from './checks-scheduling.js';
import { podFindings } from './pod-findings.js';
import type { StorageDiagnosis } from './storage-analysis.js';
import { conditionLine, step, unreadable } from './step.js';

const DEPLOY_LINK = {
  label: 'Deployment image-registry',
  kind: 'object' as const,
  object: ref.registryDeployment(),
};

export function registryDeploymentStep(f: Facts): DiagnosticStep {
  const base = {
    id: 'registry-deployment' as const,
    title: 'Registry deployment',
    command: `oc get deployment ${RegistryNames.registryDeployment} -n ${NS} -o yaml`,
    links: [DEPLOY_LINK],
  };
  const removed = f.managementState === 'Removed';
  const read = f.g.registryDeployment;
  if (!read.ok) {
    if (read.error.statusCode !== 404)
      return unreadable(
        base,
        cannotRead('deployments', read, ref.registryDeployment(), `oc auth can-i get deployments -n ${NS}`),
      );
    if (removed) return step({ ...base, evidence: ['absent, as expected while Removed'] });
    const progressing = f.condition('Progressing');
    return step({
      ...base,
      evidence: ['deployment image-registry does not exist'],
      findings: [
        finding({
          code: 'deployment-missing',
          severity: 'failing',
          summary: 'The operator has not created the registry Deployment',
          object: ref.registryDeployment(),
          evidence: [
            'deployment image-registry does not exist',
            ...(progressing ? [`Config ${conditionLine(progressing)}`] : []),
          ],
          nextStep:
            'The operator creates it once storage and configuration apply: the operator and storage steps name what stops it.',
          command: `oc get configs.imageregistry.operator.openshift.io/cluster -o jsonpath='{.status.conditions}'`,
        }),
      ],
    });
  }
  const d = read.value;
  const want = d.spec?.replicas ?? 1;
  const ready = d.status?.readyReplicas ?? 0;
  const evidence = [
    `replicas ${ready}/${want} ready, ${d.status?.updatedReplicas ?? 0} updated, ${d.status?.availableReplicas ?? 0} available`,
  ];
  const findings: Finding[] = [];
  for (const c of d.status?.conditions ?? []) {
    const line = conditionLine({ ...c, lastTransitionTime: toIso(c.lastTransitionTime) });
    if (c.status !== 'True' || c.reason === 'ProgressDeadlineExceeded') evidence.push(line);
    if (c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded')
      findings.push(
        finding({
          code: 'deployment-progress-deadline',
          severity: 'failing',
          summary: 'The registry rollout is stuck: it made no progress within its deadline',
          object: ref.registryDeployment(),
          field: 'status.conditions[Progressing]',
          evidence: [line],
          nextStep:
            'New pods do not become ready: the registry pods step names why (scheduling, image, crash, probes).',
          command: `oc rollout status deployment/${RegistryNames.registryDeployment} -n ${NS}`,
          links: [DEPLOY_LINK],
        }),
      );
    if (c.type === 'Available' && c.status !== 'True' && want > 0)
      findings.push(
        finding({
          code: 'deployment-unavailable',
          severity: 'failing',
          summary: `The registry has no available replica (${ready}/${want} ready)`,
          object: ref.registryDeployment(),
          field: 'status.availableReplicas',
          evidence: [line],
          nextStep: 'See the registry pods step for why the pods are not ready.',
          command: `oc get pods -n ${NS} -l ${RegistryNames.registryPodSelector} -o wide`,
          links: [DEPLOY_LINK],
        }),
      );
  }
  return step({ ...base, evidence, findings });
}

export function registryPodsStep(f: Facts, storage: StorageDiagnosis): DiagnosticStep {
  const base = {
    id: 'registry-pods' as const,
    title: 'Registry pods and their logs',
    command: `oc get pods -n ${NS} -l ${RegistryNames.registryPodSelector} -o wide; oc logs <pod> -c registry -n ${NS}`,
  };
  const read = f.g.registryPods;
  if (!read.ok)
    return unreadable(
      base,
      cannotRead(
        'pods',
        read,
        ref.ns('Pod', RegistryNames.registryPodSelector),
        `oc auth can-i list pods -n ${NS}`,
      ),
    );
  const pods = read.value;
  const links = pods.map((p) => ({
    label: `log ${p.metadata?.name}`,
    kind: 'log' as const,
    object: ref.pod(p.metadata?.name ?? ''),
    container: RegistryNames.registryContainer,
  }));
  const expected = f.g.registryDeployment.ok
    ? (f.g.registryDeployment.value.spec?.replicas ?? 1)
    : f.managementState === 'Removed'
      ? 0
      : 1;
  const evidence = [
    `${pods.length} pod(s)`,
    ...pods.map((p) => {
      const s = p.status?.containerStatuses?.find((c) => c.name === RegistryNames.registryContainer);
      const state =
        s?.state?.waiting?.reason ??
        (s?.ready ? 'ready' : s?.state?.running ? 'running, not ready' : p.status?.phase);
      return `${p.metadata?.name}: ${state}${p.spec?.nodeName ? ` on ${p.spec.nodeName}` : ''}`;
    }),
  ];
  const findings: Finding[] = [];
  if (pods.length === 0 && expected > 0 && f.g.registryDeployment.ok)
    findings.push(
      finding({
        code: 'pods-missing',
        severity: 'failing',
        summary: 'The registry Deployment has no pods',
        object: ref.registryDeployment(),
        evidence: eventsOfReplicaSets(f),
        nextStep:
          'The ReplicaSet cannot create pods: its events say why (quota, security context constraints).',
        command: `oc get events -n ${NS} --field-selector involvedObject.kind=ReplicaSet`,
      }),
    );
  const pending = pods.filter((p) =>
    p.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False'),
  );
  findings.push(...unschedulableFindings(f, pending));
  findings.push(...podFindings(f, pods, storage.storageCause));
  findings.push(...notReadyNodeFindings(f, pods));
  for (const log of f.g.registryLogs)
    if (!log.ok)
      findings.push(
        cannotRead(
          `the log of ${log.pod}`,
          { ok: false, error: log.error },
          ref.pod(log.pod),
          `oc logs ${log.pod} -c registry -n ${NS}`,
        ),
      );
  return step({ ...base, evidence, findings, links });
}

function eventsOfReplicaSets(f: Facts): string[] {
  if (!f.g.events.ok) return ['no pods'];
  const lines = f.g.events.value
    .filter((e) => e.type === 'Warning' && e.involvedObject?.kind === 'ReplicaSet')
    .slice(-3)
    .map((e) => `ReplicaSet ${e.involvedObject?.name}: ${e.reason} — ${e.message}`);
  return ['no pods', ...lines];
}
