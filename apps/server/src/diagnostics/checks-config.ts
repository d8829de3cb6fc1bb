/**
 * Checklist items 1 and 2: the ClusterOperator and the Config. Their conditions are the
 * operator's summary; the causes are diagnosed by the steps that read the objects behind them,
 * so these steps name where to look and add findings only for what is theirs: the management
 * state, an invalid spec, and a status that is stale because nothing reconciles.
 */
import {
  RegistryNames,
  conditionHealth,
  configuredBackends,
  multipleBackendsError,
  type DiagnosticStep,
  type Finding,
} from '@irc/shared';
import { conditionsOf } from '../kube/resources.js';
import type { Facts } from './context.js';
import { cannotRead, finding } from './findings.js';
import { PATCH_CONFIG as PATCH, ref } from './objects.js';
import { notReconciling } from './checks-operator.js';
import { conditionLine, step, unreadable } from './step.js';

const CONFIG_CMD = 'oc get configs.imageregistry.operator.openshift.io/cluster -o yaml';

/** Which step diagnoses a ClusterOperator message line (`ImagePrunerDegraded: …`). */
function stepFor(line: string): string {
  if (/^ImagePruner/.test(line)) return 'image pruner';
  if (/^NodeCADaemon/.test(line)) return 'node-ca';
  if (/^ImageRegistryCertificatesController|^ImageConfigController/.test(line)) return 'routes and trust';
  if (/^Storage/.test(line)) return 'storage';
  return 'registry deployment and pods';
}

export function clusterOperatorStep(f: Facts): DiagnosticStep {
  const base = {
    id: 'cluster-operator' as const,
    title: 'Cluster operator image-registry',
    command: 'oc get clusteroperator image-registry -o yaml',
    links: [{ label: 'ClusterOperator', kind: 'object' as const, object: ref.clusterOperator() }],
  };
  const read = f.g.clusterOperator;
  if (!read.ok)
    return unreadable(
      base,
      cannotRead(
        'clusteroperator image-registry',
        read,
        ref.clusterOperator(),
        'oc auth can-i get clusteroperators',
      ),
    );
  const conditions = conditionsOf(read.value).filter((c) =>
    ['Available', 'Progressing', 'Degraded'].includes(c.type),
  );
  const evidence = conditions.map(conditionLine);
  for (const c of conditions)
    if (conditionHealth(c.type, c.status) === 'bad' && c.type !== 'Progressing')
      for (const line of (c.message ?? '').split('\n').filter(Boolean))
        evidence.push(`${line.split(':')[0]} → see the ${stepFor(line)} step`);
  const findings: Finding[] = [];
  const stale = notReconciling(f, 'cluster-operator');
  if (stale) findings.push(stale);
  return step({
    ...base,
    evidence,
    findings,
    nextStep:
      'The operator reports Available and not Degraded, or the steps below diagnose what its conditions summarise.',
  });
}

function stateFinding(f: Facts): Finding | undefined {
  const state = f.managementState;
  const fix = {
    section: 'overview' as const,
    field: 'spec.managementState',
    label: 'Change the management state',
  };
  if (state === 'Managed') return undefined;
  if (state === 'Removed')
    return finding({
      code: 'config-removed',
      severity: 'info',
      summary: 'The registry is removed on purpose (managementState Removed): no registry runs',
      object: ref.config(),
      field: 'spec.managementState',
      evidence: ['managementState: Removed'],
      nextStep: 'Nothing to fix. Set managementState to Managed to deploy the registry.',
      command: `${PATCH} '{"spec":{"managementState":"Managed"}}'`,
      fix,
    });
  if (state === 'Unmanaged')
    return finding({
      code: 'config-unmanaged',
      severity: 'warning',
      summary:
        'managementState is Unmanaged: the operator ignores the configuration, changes saved here are not applied',
      object: ref.config(),
      field: 'spec.managementState',
      evidence: [
        'managementState: Unmanaged',
        ...(f.condition('Available') ? [conditionLine(f.condition('Available')!)] : []),
      ],
      nextStep: 'Set managementState to Managed for the operator to apply the configuration again.',
      command: `${PATCH} '{"spec":{"managementState":"Managed"}}'`,
      fix,
    });
  return finding({
    code: 'config-unknown-state',
    severity: 'failing',
    summary: `managementState ${state} is not handled by the operator ("unknown custom resource state")`,
    object: ref.config(),
    field: 'spec.managementState',
    evidence: [`managementState: ${state}`],
    nextStep: 'Set Managed, Unmanaged or Removed.',
    command: `${PATCH} '{"spec":{"managementState":"Managed"}}'`,
    fix,
  });
}

/**
 * More than one backend in spec.storage (typically a merge patch that added the new backend
 * without nulling the old one): the operator's refusal quoted from its condition, the backend the
 * registry still runs on (status.storage), and the patch that keeps the one added.
 */
function multipleBackendsFinding(f: Facts): Finding | undefined {
  const storage = f.spec.storage as Record<string, unknown> | undefined;
  const computed = multipleBackendsError(storage);
  if (!computed) return undefined;
  const backends = configuredBackends(storage);
  const status = f.g.config.ok
    ? (f.g.config.value.status as { storage?: Record<string, unknown> } | undefined)?.storage
    : undefined;
  const running = configuredBackends(status).filter((b) => backends.includes(b));
  const added = backends.filter((b) => !running.includes(b));
  // keep what was added (the admin's intent when switching); without a running one, the first
  const remove = running.length && added.length ? running : backends.slice(1);
  const keep = backends.filter((b) => !remove.includes(b));
  const refused = f.conditions.find(
    (c) => c.status === 'True' && (c.message ?? '').includes('exactly one storage type should be configured'),
  );
  return finding({
    code: 'storage-multiple-backends',
    severity: 'failing',
    summary: `${backends.length} storage backends are configured (${backends.join(', ')}): the operator accepts exactly one and applies no storage change`,
    object: ref.config(),
    field: 'spec.storage',
    evidence: [
      refused ? conditionLine(refused) : computed,
      ...(running.length ? [`status.storage: ${running.join(', ')} (what the registry runs on)`] : []),
    ],
    nextStep: `Keep one backend: ${
      running.length
        ? `the registry still runs on ${running.join(', ')}. To switch to ${keep.join(', ')}, remove ${remove.join(', ')} (the command); to stay, remove ${keep.join(', ')} instead.`
        : `remove ${remove.join(', ')} (the command), or keep another one.`
    } A merge patch that sets a new backend must set the old one to null. The storage form keeps only the backend you choose.`,
    command: `${PATCH} '${JSON.stringify({ spec: { storage: Object.fromEntries(remove.map((b) => [b, null])) } })}'`,
    fix: { section: 'storage', field: 'spec.storage', label: 'Choose one backend' },
  });
}

function invalidSpecFindings(f: Facts): Finding[] {
  const out: Finding[] = [];
  const multiple = multipleBackendsFinding(f);
  if (multiple) out.push(multiple);
  for (const c of f.conditions) {
    if (c.status !== 'True' || c.type !== 'Degraded') continue;
    if (c.reason === 'VerificationFailed') {
      const routes = /routes/.test(c.message ?? '');
      out.push(
        finding({
          code: 'config-invalid',
          severity: 'failing',
          summary: `The operator refuses the configuration: ${(c.message ?? '').replace(/^Error: /, '')}`,
          object: ref.config(),
          field: routes ? 'spec.routes' : 'spec.replicas',
          evidence: [conditionLine(c)],
          nextStep: routes
            ? 'Give every route a unique name (default-route is reserved).'
            : 'Set replicas to 0 or more.',
          command: CONFIG_CMD,
          fix: routes
            ? { section: 'routes', field: 'spec.routes', label: 'Change the routes' }
            : { section: 'replicas', field: 'spec.replicas', label: 'Change replicas' },
        }),
      );
    }
    if (c.reason === 'StorageNotConfigured')
      out.push(
        finding({
          code: 'storage-not-configured',
          severity: 'failing',
          summary: 'No storage backend the operator can use is configured',
          object: ref.config(),
          field: 'spec.storage',
          evidence: [conditionLine(c)],
          nextStep: 'Choose a storage backend (emptyDir for a test cluster).',
          command: `${PATCH} '{"spec":{"storage":{"emptyDir":{}}}}'`,
          fix: { section: 'storage', field: 'spec.storage', label: 'Choose a backend' },
        }),
      );
  }
  return out;
}

export function configStep(f: Facts): DiagnosticStep {
  const base = {
    id: 'config' as const,
    title: 'Registry configuration (configs.imageregistry/cluster)',
    command: CONFIG_CMD,
    links: [{ label: 'Config', kind: 'object' as const, object: ref.config() }],
  };
  if (!f.g.config.ok) {
    if (f.g.config.error.statusCode !== 404)
      return unreadable(
        base,
        cannotRead(
          'the registry configuration',
          f.g.config,
          ref.config(),
          'oc auth can-i get configs.imageregistry.operator.openshift.io',
        ),
      );
    return step({
      ...base,
      evidence: [f.g.config.error.message],
      findings: [
        finding({
          code: 'config-missing',
          severity: 'failing',
          summary: 'There is no registry configuration: the operator has not bootstrapped it',
          object: ref.config(),
          evidence: [f.g.config.error.message],
          nextStep: 'The operator creates configs.imageregistry/cluster when it starts: check that it runs.',
          command: `oc get deployment ${RegistryNames.operatorDeployment} -n ${RegistryNames.namespace}`,
        }),
      ],
    });
  }
  const removedExpected = f.managementState === 'Removed';
  const evidence = [
    `managementState: ${f.managementState}`,
    `storage: ${configuredBackends(f.spec.storage).join(', ') || '(none configured)'}`,
    `replicas: ${String(f.spec.replicas ?? '?')}`,
    ...f.conditions
      .filter(
        (c) =>
          (c.type === 'Removed' && removedExpected ? 'good' : conditionHealth(c.type, c.status)) !== 'good',
      )
      .map(conditionLine),
  ];
  const findings = [stateFinding(f), ...invalidSpecFindings(f), notReconciling(f, 'config')].filter(
    (x): x is Finding => !!x,
  );
  return step({ ...base, evidence, findings });
}
