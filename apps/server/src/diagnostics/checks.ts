/**
 * The operator README's "Identifying errors" checklist (domain.md §12), one function per item.
 * Each turns what was gathered into a verdict, the evidence behind it and a next step.
 */
import {
  RegistryNames,
  conditionHealth,
  configuredBackends,
  type DiagnosticStep,
  type Verdict,
} from '@irc/shared';
import type { V1Pod } from '@kubernetes/client-node';
import { specOf } from '../config/read-config.js';
import { NS, conditionsOf, toIso } from '../kube/resources.js';
import type { Gathered } from './gather.js';
import { registryErrors, type LogLine } from './log-tail.js';
import { classifySyncErrors, type SyncErrors } from './sync-errors.js';
import { cannotRead, conditionLine, lastLines, step, worst } from './step.js';

const CO = {
  kind: 'ClusterOperator',
  name: RegistryNames.clusterOperator,
  apiVersion: 'config.openshift.io/v1',
};
const CONFIG = {
  kind: 'Config',
  name: RegistryNames.configName,
  apiVersion: 'imageregistry.operator.openshift.io/v1',
};

function managementState(g: Gathered): string {
  return g.config.ok ? String(specOf(g.config.value).managementState ?? 'Managed') : 'Managed';
}

export function clusterOperatorStep(g: Gathered): DiagnosticStep {
  const base = {
    id: 'cluster-operator' as const,
    title: 'Cluster operator image-registry',
    command: 'oc get clusteroperator image-registry -o yaml',
    links: [{ label: 'ClusterOperator', kind: 'object' as const, object: CO }],
  };
  const err = cannotRead('clusteroperator image-registry', g.clusterOperator);
  if (err || !g.clusterOperator.ok) {
    return step({
      ...base,
      verdict: 'warning',
      evidence: [err ?? ''],
      nextStep:
        'Check that the cluster runs the image registry capability and that you may read cluster operators.',
    });
  }
  const conditions = conditionsOf(g.clusterOperator.value);
  const find = (t: string) => conditions.find((c) => c.type === t);
  const degraded = find('Degraded')?.status === 'True';
  const unavailable = find('Available')?.status !== 'True';
  const progressing = find('Progressing')?.status === 'True';
  const verdict: Verdict = degraded || unavailable ? 'failing' : progressing ? 'warning' : 'ok';
  return step({
    ...base,
    verdict,
    evidence: conditions
      .filter((c) => ['Available', 'Progressing', 'Degraded'].includes(c.type))
      .map(conditionLine),
    nextStep:
      verdict === 'ok'
        ? 'Nothing to do: the operator reports Available and not Degraded.'
        : 'Read the condition messages: each line names the controller (Available:, NodeCADaemonAvailable:, ImagePrunerDegraded: …) that reports the problem; continue with the steps below.',
  });
}

export function configStep(g: Gathered): DiagnosticStep {
  const base = {
    id: 'config' as const,
    title: 'Registry configuration (configs.imageregistry/cluster)',
    command: 'oc get configs.imageregistry.operator.openshift.io/cluster -o yaml',
    links: [{ label: 'Config', kind: 'object' as const, object: CONFIG }],
  };
  if (!g.config.ok) {
    return step({
      ...base,
      verdict: 'failing',
      evidence: [cannotRead('the registry configuration', g.config) ?? ''],
      nextStep:
        'Without the Config object the operator has nothing to reconcile: check the operator is installed and running.',
    });
  }
  const spec = specOf(g.config.value);
  const state = managementState(g);
  const backends = configuredBackends(spec.storage);
  const evidence = [
    `managementState: ${state}`,
    `storage: ${backends.join(', ') || '(none configured)'}`,
    `replicas: ${String(spec.replicas ?? '?')}`,
  ];
  let verdict: Verdict = 'ok';
  const removedExpected = state === 'Removed';
  for (const c of conditionsOf(g.config.value)) {
    const health = c.type === 'Removed' && removedExpected ? 'good' : conditionHealth(c.type, c.status);
    if (health !== 'good') {
      evidence.push(conditionLine(c));
      verdict = worst(
        verdict,
        c.type.endsWith('Degraded') || c.type.startsWith('Storage') ? 'failing' : 'warning',
      );
    }
  }
  if (backends.length > 1) {
    verdict = 'failing';
    evidence.push(`${backends.length} storage backends configured: the operator accepts exactly one`);
  }
  if (!['Managed', 'Unmanaged', 'Removed'].includes(state)) {
    verdict = 'failing';
    evidence.push(
      `managementState ${state} is not handled by the operator ("unknown custom resource state")`,
    );
  } else if (state !== 'Managed') verdict = worst(verdict, 'warning');
  return step({
    ...base,
    verdict,
    evidence,
    nextStep:
      state === 'Removed'
        ? 'The registry is intentionally removed: set managementState to Managed to deploy it.'
        : state === 'Unmanaged'
          ? 'The operator ignores the registry while Unmanaged: set Managed for changes to apply.'
          : verdict === 'ok'
            ? 'Nothing to do.'
            : 'Fix the field the condition messages point at (storage, replicas, routes); the Storage* conditions tell whether the backend is reachable.',
  });
}

export function registryDeploymentStep(g: Gathered): DiagnosticStep {
  const object = {
    kind: 'Deployment',
    name: RegistryNames.registryDeployment,
    namespace: NS,
    apiVersion: 'apps/v1',
  };
  const base = {
    id: 'registry-deployment' as const,
    title: 'Registry deployment',
    command: `oc get deployment ${RegistryNames.registryDeployment} -n ${NS} -o yaml`,
    links: [{ label: 'Deployment', kind: 'object' as const, object }],
  };
  const removed = managementState(g) === 'Removed';
  if (!g.registryDeployment.ok) {
    if (g.registryDeployment.error.statusCode === 404) {
      return removed
        ? step({
            ...base,
            verdict: 'ok',
            evidence: ['absent, as expected while Removed'],
            nextStep: 'Nothing to do.',
          })
        : step({
            ...base,
            verdict: 'failing',
            evidence: ['deployment image-registry does not exist'],
            nextStep:
              'The operator has not created it: look at the operator step and the Config conditions (StorageNotConfigured, VerificationFailed …).',
          });
    }
    return step({
      ...base,
      verdict: 'warning',
      evidence: [cannotRead('deployments', g.registryDeployment) ?? ''],
      nextStep: 'Ask for read access to deployments in openshift-image-registry.',
    });
  }
  const d = g.registryDeployment.value;
  const want = d.spec?.replicas ?? 1;
  const ready = d.status?.readyReplicas ?? 0;
  const evidence = [`replicas ${ready}/${want} ready, ${d.status?.updatedReplicas ?? 0} updated`];
  let verdict: Verdict = ready < want ? 'warning' : 'ok';
  for (const c of d.status?.conditions ?? []) {
    if (c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded') verdict = 'failing';
    if (c.type === 'Available' && c.status !== 'True' && want > 0) verdict = 'failing';
    if (c.status !== 'True' || c.reason === 'ProgressDeadlineExceeded')
      evidence.push(conditionLine({ ...c, lastTransitionTime: toIso(c.lastTransitionTime) }));
  }
  return step({
    ...base,
    verdict,
    evidence,
    nextStep:
      verdict === 'ok'
        ? 'Nothing to do.'
        : 'Some pods are not ready: see the registry pods step (scheduling, image pulls, storage mounts, probes).',
  });
}

function podProblems(pods: V1Pod[]): { failing: string[]; warning: string[] } {
  const failing: string[] = [];
  const warning: string[] = [];
  for (const p of pods) {
    const name = p.metadata?.name ?? '';
    for (const s of p.status?.containerStatuses ?? []) {
      const waiting = s.state?.waiting?.reason;
      if (
        waiting &&
        /CrashLoopBackOff|ImagePullBackOff|ErrImagePull|CreateContainerConfigError/.test(waiting)
      )
        failing.push(
          `${name}/${s.name}: ${waiting}${s.state?.waiting?.message ? ` — ${s.state.waiting.message}` : ''}`,
        );
      else if (!s.ready) warning.push(`${name}/${s.name}: not ready${waiting ? ` (${waiting})` : ''}`);
      if ((s.restartCount ?? 0) > 0) warning.push(`${name}/${s.name}: ${s.restartCount} restarts`);
    }
    if (p.status?.phase === 'Pending') {
      const why = p.status.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
      warning.push(`${name}: Pending${why?.message ? ` — ${why.message}` : ''}`);
    }
  }
  return { failing, warning };
}

export function registryPodsStep(g: Gathered): DiagnosticStep {
  const base = {
    id: 'registry-pods' as const,
    title: 'Registry pods and their logs',
    command: `oc get pods -n ${NS} -l ${RegistryNames.registryPodSelector}; oc logs <pod> -c registry -n ${NS}`,
  };
  if (!g.registryPods.ok)
    return step({
      ...base,
      verdict: 'warning',
      evidence: [cannotRead('pods', g.registryPods) ?? ''],
      nextStep: 'Ask for read access to pods in openshift-image-registry.',
    });
  const pods = g.registryPods.value;
  const links = pods.map((p) => ({
    label: `log ${p.metadata?.name}`,
    kind: 'log' as const,
    object: { kind: 'Pod', name: p.metadata?.name ?? '', namespace: NS },
    container: RegistryNames.registryContainer,
  }));
  const expected = g.registryDeployment.ok
    ? (g.registryDeployment.value.spec?.replicas ?? 1)
    : managementState(g) === 'Removed'
      ? 0
      : 1;
  if (pods.length === 0) {
    return step({
      ...base,
      verdict: expected > 0 ? 'failing' : 'ok',
      evidence: ['no registry pods'],
      nextStep:
        expected > 0
          ? 'No pods: check the deployment and the namespace events (quota, SCC, scheduling).'
          : 'Nothing to do.',
      links,
    });
  }
  const { failing, warning } = podProblems(pods);
  const logErrors = g.registryLogs.flatMap((l) =>
    lastLines(registryErrors(l.lines), 3).map((line) => `${l.pod}: ${line}`),
  );
  const verdict: Verdict = failing.length ? 'failing' : warning.length || logErrors.length ? 'warning' : 'ok';
  return step({
    ...base,
    verdict,
    evidence: [`${pods.length} pod(s)`, ...failing, ...warning, ...logErrors],
    nextStep:
      verdict === 'ok'
        ? 'Nothing to do.'
        : 'Open the pod log: storage driver errors (s3aws: …, permission denied) point at the storage step; probe failures at the registry container.',
    links,
  });
}

export function operatorStep(g: Gathered): DiagnosticStep {
  const object = {
    kind: 'Deployment',
    name: RegistryNames.operatorDeployment,
    namespace: NS,
    apiVersion: 'apps/v1',
  };
  const base = {
    id: 'operator' as const,
    title: 'Operator deployment and "unable to sync" errors',
    command: `oc logs deployment/${RegistryNames.operatorDeployment} -n ${NS} | grep 'unable to sync'`,
  };
  const pods = g.operatorPods.ok ? g.operatorPods.value : [];
  const links = [
    { label: 'Operator deployment', kind: 'object' as const, object },
    ...pods.map((p) => ({
      label: `log ${p.metadata?.name}`,
      kind: 'log' as const,
      object: { kind: 'Pod', name: p.metadata?.name ?? '', namespace: NS },
      container: RegistryNames.operatorContainer,
    })),
  ];
  if (!g.operatorDeployment.ok) {
    const absent = g.operatorDeployment.error.statusCode === 404;
    return step({
      ...base,
      verdict: absent ? 'failing' : 'warning',
      evidence: [
        absent ? 'operator deployment not found' : (cannotRead('deployments', g.operatorDeployment) ?? ''),
      ],
      nextStep: absent
        ? 'The operator is not installed: nothing reconciles the registry.'
        : 'Ask for read access to deployments.',
      links,
    });
  }
  const ready = g.operatorDeployment.value.status?.readyReplicas ?? 0;
  const { failing, warning } = podProblems(pods);
  const sync = g.operatorLogs.map((l) => classifySyncErrors(g.config, l.lines));
  const texts = (pick: (s: SyncErrors) => LogLine[]) =>
    sync.flatMap((s) =>
      lastLines(
        pick(s).map((l) => l.text),
        3,
      ),
    );
  const current = texts((s) => s.current);
  const unreported = texts((s) => s.unreported);
  const pastCount = sync.reduce((n, s) => n + s.past.length, 0);
  const recoveredAt = sync.find((s) => s.recoveredAt)?.recoveredAt;
  const verdict: Verdict =
    ready === 0 || failing.length || current.length
      ? 'failing'
      : warning.length || unreported.length
        ? 'warning'
        : 'ok';
  const evidence = [`operator ${ready} ready`, ...failing, ...warning, ...current];
  if (unreported.length)
    evidence.push(
      `"unable to sync" after the last status change (${recoveredAt}), not reported as Progressing=True Error:`,
      ...unreported,
    );
  if (pastCount)
    evidence.push(
      `${pastCount} earlier "unable to sync" line(s) predate the recovery at ${recoveredAt}: a past problem, the operator no longer reports it`,
    );
  return step({
    ...base,
    verdict,
    evidence,
    nextStep: current.length
      ? 'The operator cannot apply the configuration: the message after "unable to sync:" names the cause (storage, credentials, invalid spec).'
      : unreported.length
        ? 'Recent sync errors the status does not show yet: re-check in a moment; if they persist, read the operator log.'
        : verdict === 'ok'
          ? 'Nothing to do.'
          : 'The operator pod is not running: check its events.',
    links,
  });
}
