/**
 * Checklist item 5: the operator Deployment, whether it reconciles (a Config generation it has
 * not observed while its pod is not Ready means the admin's last change is not being applied,
 * and every condition shown is stale) and its "unable to sync" errors.
 */
import { RegistryNames, type DiagnosticStep, type Finding } from '@irc/shared';
import { NS, toIso } from '../kube/resources.js';
import type { Facts } from './context.js';
import { cannotRead, finding } from './findings.js';
import { ref } from './objects.js';
import { podFindings } from './pod-findings.js';
import type { StorageDiagnosis } from './storage-analysis.js';
import { classifySyncErrors, type SyncErrors } from './sync-errors.js';
import { storageCause } from './texts/storage-errors.js';
import { lastLines, step, unreadable } from './step.js';
import { syncErrorText, type LogLine } from './log-tail.js';

const OPERATOR = RegistryNames.operatorDeployment;
/** A spec change the running operator has not observed for this long is not "catching up". */
const CATCH_UP_MS = 60_000;

/** When the Config's spec was last written (managedFields entries not on the status subresource). */
function lastSpecWrite(f: Facts): number | undefined {
  const fields = (f.g.config.ok ? f.g.config.value.metadata?.managedFields : undefined) as
    { subresource?: string; time?: string }[] | undefined;
  const times = (fields ?? [])
    .filter((m) => m.subresource !== 'status' && m.time)
    .map((m) => Date.parse(m.time ?? ''))
    .filter((t) => !Number.isNaN(t));
  return times.length ? Math.max(...times) : undefined;
}

/** The operator is not applying the Config: a finding for every step that shows its status. */
export function notReconciling(
  f: Facts,
  where: 'config' | 'operator' | 'cluster-operator',
): Finding | undefined {
  const lag = f.generationLag;
  const down = f.operatorReady === 0;
  if (!lag && !(down && where === 'cluster-operator')) return undefined;
  const written = lastSpecWrite(f);
  if (!down && (written === undefined || f.now - written < CATCH_UP_MS)) return undefined;
  const evidence = [
    ...(lag
      ? [`Config metadata.generation ${lag.generation}, status.observedGeneration ${lag.observed}`]
      : []),
    `operator ${f.operatorReady} ready`,
    ...(written ? [`spec last written ${new Date(written).toISOString()}`] : []),
  ];
  return finding({
    code: 'operator-not-reconciling',
    severity: down ? 'failing' : 'warning',
    summary:
      where === 'cluster-operator'
        ? 'These conditions are stale: the operator is not running, so nothing updates them'
        : lag
          ? `The last configuration change (generation ${lag.generation}) has not been applied: the operator observed ${lag.observed}`
          : 'The operator is not running: configuration changes are not applied',
    object: where === 'cluster-operator' ? ref.clusterOperator() : ref.config(),
    field: where === 'cluster-operator' ? 'status.conditions' : 'status.observedGeneration',
    evidence,
    nextStep: down
      ? 'Start the operator (see the operator step); until then saved changes wait and every status shown is from before.'
      : 'The operator runs but does not process changes: read its log for errors or a lost leader election.',
    command: `oc get deployment ${OPERATOR} -n ${NS}; oc get configs.imageregistry.operator.openshift.io/cluster -o jsonpath='{.metadata.generation} {.status.observedGeneration}'`,
    links: [{ label: 'Operator deployment', kind: 'object', object: ref.operatorDeployment() }],
  });
}

type SyncCause = Pick<Finding, 'field' | 'nextStep' | 'fix'> & { summary?: string };

/**
 * What a sync error is about: spec.storage itself (several backends, none), the storage
 * backend's answer, or a route's missing TLS secret — else the message has to speak for itself.
 */
function syncCause(f: Facts, text: string, storage: StorageDiagnosis): SyncCause | undefined {
  if (/exactly one storage type should be configured|storage backend not configured/.test(text))
    return {
      field: 'spec.storage',
      nextStep: /exactly one/.test(text)
        ? 'Keep one backend in spec.storage (the configuration step says which the registry runs on).'
        : 'Choose a storage backend (the configuration step says more).',
      fix: { section: 'storage', field: 'spec.storage', label: 'Choose the storage backend' },
    };
  const cause = storageCause(text, f.storageContext('operator')) ?? storage.storageCause;
  if (cause && /storage/.test(text))
    return {
      summary: cause.summary,
      ...(cause.field ? { field: cause.field } : {}),
      nextStep: cause.nextStep,
      ...(cause.fix ? { fix: cause.fix } : {}),
    };
  const route = /secrets? "([^"]+)" not found/.exec(text);
  const routeIndex = route ? (f.spec.routes ?? []).findIndex((r) => r.secretName === route[1]) : -1;
  if (routeIndex >= 0)
    return {
      nextStep: `Create the TLS secret ${route?.[1]} in ${NS} or change the route's secret name.`,
      fix: {
        section: 'routes',
        field: `spec.routes[${routeIndex}].secretName`,
        label: 'Change the secret name',
      },
    };
  return undefined;
}

function syncFinding(f: Facts, lines: LogLine[], storage: StorageDiagnosis, current: boolean): Finding {
  const text = lines.at(-1)?.text ?? '';
  const message = syncErrorText(text);
  const cause = syncCause(f, text, storage);
  return finding({
    code: 'operator-sync-error',
    severity: current ? 'failing' : 'warning',
    summary: current
      ? `The operator cannot apply the configuration: ${cause?.summary ?? message}`
      : 'Recent "unable to sync" errors that the status does not show yet',
    object: ref.config(),
    ...(cause?.field ? { field: cause.field } : {}),
    evidence: lastLines(
      lines.map((l) => l.text),
      3,
    ),
    nextStep: current
      ? (cause?.nextStep ?? 'The text after "unable to sync:" names the object and the cause.')
      : 'Re-check in a moment; if they persist, read the operator log.',
    command: `oc logs deployment/${OPERATOR} -n ${NS} | grep 'unable to sync'`,
    // a storage cause's form field only while the error is current (a route's always)
    ...(cause?.fix && (current || cause.fix.section === 'routes') ? { fix: cause.fix } : {}),
  });
}

export function operatorStep(f: Facts, storage: StorageDiagnosis): DiagnosticStep {
  const pods = f.g.operatorPods.ok ? f.g.operatorPods.value : [];
  const base = {
    id: 'operator' as const,
    title: 'Operator deployment and "unable to sync" errors',
    command: `oc get deployment ${OPERATOR} -n ${NS}; oc logs deployment/${OPERATOR} -n ${NS} | grep 'unable to sync'`,
    links: [
      { label: 'Operator deployment', kind: 'object' as const, object: ref.operatorDeployment() },
      ...pods.map((p) => ({
        label: `log ${p.metadata?.name}`,
        kind: 'log' as const,
        object: ref.pod(p.metadata?.name ?? ''),
        container: RegistryNames.operatorContainer,
      })),
    ],
  };
  const read = f.g.operatorDeployment;
  if (!read.ok) {
    if (read.error.statusCode !== 404)
      return unreadable(
        base,
        cannotRead('deployments', read, ref.operatorDeployment(), `oc auth can-i get deployments -n ${NS}`),
      );
    return step({
      ...base,
      evidence: ['operator deployment not found'],
      findings: [
        finding({
          code: 'operator-not-installed',
          severity: 'failing',
          summary: 'The image registry operator is not installed: nothing reconciles the registry',
          object: ref.operatorDeployment(),
          evidence: [`deployments.apps "${OPERATOR}" not found`],
          nextStep:
            'Check the ImageRegistry capability of the cluster (oc get clusterversion -o yaml) and the cluster-version operator.',
          command: `oc get clusterversion version -o jsonpath='{.status.capabilities}'`,
        }),
      ],
    });
  }
  const d = read.value;
  const wanted = d.spec?.replicas ?? 1;
  const findings: Finding[] = [];
  const evidence = [`operator ${f.operatorReady}/${wanted} ready`];
  if (wanted === 0 || f.operatorReady === 0)
    findings.push(
      finding({
        code: 'operator-not-running',
        severity: 'failing',
        summary:
          wanted === 0
            ? `The operator Deployment is scaled to 0: nothing applies configuration changes`
            : 'The operator pod is not ready: nothing applies configuration changes',
        object: ref.operatorDeployment(),
        field: wanted === 0 ? 'spec.replicas' : 'status.readyReplicas',
        evidence: [
          `deployment ${OPERATOR}: spec.replicas ${wanted}, readyReplicas ${f.operatorReady}`,
          ...pods.map(
            (p) =>
              `${p.metadata?.name}: ${p.status?.phase}${p.metadata?.deletionTimestamp ? ' (terminating)' : ''}`,
          ),
        ],
        nextStep:
          wanted === 0
            ? 'Scale it back to 1 (on a real cluster the cluster-version operator does so too, unless it is told not to).'
            : 'Its pod is not ready: the findings below say why (scheduling, image, crash).',
        command: `oc scale deployment/${OPERATOR} -n ${NS} --replicas=1`,
        links: base.links.slice(0, 1),
      }),
    );
  findings.push(...podFindings(f, pods));
  const lag = notReconciling(f, 'operator');
  if (lag) findings.push(lag);
  const sync: SyncErrors[] = [];
  for (const log of f.g.operatorLogs) {
    if (!log.ok) {
      findings.push(
        cannotRead(
          `the operator log of ${log.pod}`,
          { ok: false, error: log.error },
          ref.pod(log.pod),
          `oc logs ${log.pod} -n ${NS}`,
        ),
      );
      continue;
    }
    sync.push(classifySyncErrors(f.g.config, log.lines));
  }
  const current = sync.flatMap((s) => s.current);
  const unreported = sync.flatMap((s) => s.unreported);
  const pastCount = sync.reduce((n, s) => n + s.past.length, 0);
  const recoveredAt = sync.find((s) => s.recoveredAt)?.recoveredAt;
  if (current.length) findings.push(syncFinding(f, current, storage, true));
  else if (unreported.length) findings.push(syncFinding(f, unreported, storage, false));
  // Past lines are either from before a recovery (a time to quote) or, while the operator still
  // reports an error, of an earlier different error (no recovery time exists).
  if (pastCount)
    evidence.push(
      recoveredAt
        ? `${pastCount} earlier "unable to sync" line(s) predate the recovery at ${toIso(recoveredAt)}: a past problem, the operator no longer reports it`
        : `${pastCount} earlier "unable to sync" line(s) are of a different error than the one the operator reports now: history, not the current cause`,
    );
  return step({ ...base, evidence, findings });
}
