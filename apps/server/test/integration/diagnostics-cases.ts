/**
 * One row per sandbox fault scenario (`pnpm sandbox scenario list`): the failing step, the
 * object and field its finding names, the fix it offers (a form field, or for causes without
 * one, the object it links to) and the evidence it must quote. Shared by the diagnostics
 * suites; `diagnostics.test.ts` checks that no scenario of the sandbox is left out.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiagnosticStep, Finding } from '@irc/shared';
import { expect } from 'vitest';
import type { Expected } from './diagnostics-support.js';

export interface ScenarioCase {
  scenario: string;
  want: Expected;
  evidence: RegExp;
  /** Further diagnoses the same fault makes (operator-down: the stale ClusterOperator too). */
  also?: Expected[];
  check?(finding: Finding, step: DiagnosticStep): void;
}

const USER = { kind: 'Secret', name: 'image-registry-private-configuration-user' };
const MINTED = { kind: 'Secret', name: 'installer-cloud-credentials' };
const CONFIG = { kind: 'Config', name: 'cluster' };
const credentials = (key: string) => ({ section: 'storage' as const, field: `credentials.${key}` });
const ACCESS = 'REGISTRY_STORAGE_S3_ACCESSKEY';
const SECRET = 'REGISTRY_STORAGE_S3_SECRETKEY';
const OPERATOR = { kind: 'Deployment', name: 'cluster-image-registry-operator' };

const causes: [scenario: string, want: Expected, evidence: RegExp][] = [
  [
    'storage-multiple-backends',
    {
      step: 'config',
      code: 'storage-multiple-backends',
      object: CONFIG,
      field: 'spec.storage',
      fix: { section: 'storage', field: 'spec.storage' },
      // the registry still runs on S3: the patch keeps the PVC the admin added
      command: /'\{"spec":\{"storage":\{"s3":null\}\}\}'$/,
    },
    /Progressing=True \(Error\): Unable to apply resources: unable to sync storage configuration: exactly one storage type should be configured at the same time, got 2: \[S3 PVC\][\s\S]*status\.storage: s3/,
  ],
  [
    's3-credentials-missing',
    {
      step: 'storage-credentials',
      code: 'storage-credentials-missing',
      object: MINTED,
      fix: credentials(ACCESS),
    },
    /installer-cloud-credentials/,
  ],
  [
    's3-credentials-invalid',
    {
      step: 'storage-credentials',
      code: 'storage-credentials-invalid',
      object: USER,
      field: `data.${ACCESS}`,
      fix: credentials(ACCESS),
    },
    /InvalidAccessKeyId/,
  ],
  [
    's3-signature-mismatch',
    {
      step: 'storage-credentials',
      code: 'storage-credentials-invalid',
      object: MINTED,
      field: `data.${SECRET}`,
      fix: credentials(SECRET),
    },
    /SignatureDoesNotMatch/,
  ],
  [
    's3-access-denied',
    {
      step: 'storage-credentials',
      code: 'storage-access-denied',
      object: MINTED,
      field: `data.${ACCESS}`,
      fix: credentials(ACCESS),
    },
    // the registry's GetObject says AccessDenied, the operator's HeadBucket (no body) only Forbidden
    /AccessDenied: Access Denied|Forbidden: Forbidden/,
  ],
  [
    's3-bucket-missing',
    {
      step: 'storage-credentials',
      code: 'storage-bucket-missing',
      object: CONFIG,
      field: 'spec.storage.s3.bucket',
      fix: { section: 'storage', field: 'spec.storage.s3.bucket' },
    },
    /NoSuchBucket/,
  ],
  [
    's3-bucket-other-region',
    {
      step: 'storage-credentials',
      code: 'storage-bucket-wrong-region',
      object: CONFIG,
      field: 'spec.storage.s3.region',
      fix: { section: 'storage', field: 'spec.storage.s3.region' },
    },
    /BucketRegionError/,
  ],
  [
    's3-clock-skew',
    {
      step: 'storage-credentials',
      code: 'storage-clock-skew',
      object: { kind: 'Node' },
      field: 'status (node time)',
      // the cause is outside the cluster's configuration: the command checks the node's clock
      command: /chronyc tracking/,
      link: { kind: 'log' },
    },
    /RequestTimeTooSkewed/,
  ],
  [
    's3-proxy-unreachable',
    {
      step: 'storage-credentials',
      code: 'storage-proxy-unreachable',
      object: CONFIG,
      field: 'spec.proxy.https',
      fix: { section: 'proxy', field: 'spec.proxy.https' },
    },
    /proxyconnect tcp/,
  ],
  [
    's3-proxy-no-bypass',
    {
      step: 'storage-credentials',
      code: 'storage-proxy-no-bypass',
      object: CONFIG,
      field: 'spec.proxy.noProxy',
      fix: { section: 'proxy', field: 'spec.proxy.noProxy' },
    },
    /minio\.storage\.svc:9000.*Service Unavailable/,
  ],
  [
    'pvc-missing',
    {
      step: 'storage-credentials',
      code: 'pvc-missing',
      object: CONFIG,
      field: 'spec.storage.pvc.claim',
      fix: { section: 'storage', field: 'spec.storage.pvc.claim' },
    },
    /"missing-claim" not found/,
  ],
  [
    'pvc-rwo-replicas',
    {
      step: 'storage-credentials',
      code: 'pvc-rwo-replicas',
      object: CONFIG,
      field: 'spec.replicas',
      fix: { section: 'replicas', field: 'spec.replicas' },
    },
    /ReadWriteOnce access mode with more than one replica/,
  ],
  [
    'pvc-storageclass-missing',
    {
      step: 'storage-credentials',
      code: 'pvc-pending',
      object: { kind: 'PersistentVolumeClaim', name: 'registry-storage-fast' },
      field: 'spec.storageClassName',
      // a claim's class cannot change: the fix is another claim
      fix: { section: 'storage', field: 'spec.storage.pvc.claim' },
    },
    /ProvisioningFailed: storageclass\.storage\.k8s\.io "fast-rwx" not found/,
  ],
  [
    'pvc-rwo-rolling-update',
    {
      step: 'storage-credentials',
      code: 'pvc-rwo-rolling-update',
      object: CONFIG,
      field: 'spec.rolloutStrategy',
      fix: { section: 'replicas', field: 'spec.rolloutStrategy' },
    },
    /ReadWriteOnce access mode with RollingUpdate rollout strategy/,
  ],
  [
    'registry-node-affinity',
    {
      step: 'registry-pods',
      code: 'unschedulable-affinity',
      object: CONFIG,
      field: 'spec.affinity.nodeAffinity',
      // no form edits the affinity: the finding gives the patch that removes it
      command: /"affinity":null/,
    },
    /didn't match Pod's node affinity\/selector/,
  ],
  [
    'registry-nodes-cordoned',
    {
      step: 'registry-pods',
      code: 'unschedulable-cordoned',
      object: { kind: 'Node' },
      field: 'spec.unschedulable',
      // nodes are no part of the registry's configuration: the command uncordons exactly them
      command: /^oc adm uncordon ip-\S+ ip-\S+ ip-\S+$/,
    },
    /3 node\(s\) were unschedulable[\s\S]*spec\.unschedulable: true \(SchedulingDisabled\)/,
  ],
  [
    'storage-emptydir-replicas',
    {
      step: 'storage-credentials',
      code: 'storage-emptydir-replicas',
      object: CONFIG,
      field: 'spec.replicas',
      fix: { section: 'replicas', field: 'spec.replicas' },
      verdict: 'warning',
    },
    /on ip-\S+: its own emptyDir volume[\s\S]*cannot be used with more than 1 replica/,
  ],
  [
    'pruner-suspended',
    {
      step: 'pruner',
      code: 'pruner-suspended',
      object: { kind: 'ImagePruner', name: 'cluster' },
      field: 'spec.suspend',
      command: /"suspend":false/,
      verdict: 'info',
    },
    /spec\.suspend: true/,
  ],
  [
    'registry-untolerated-taint',
    {
      step: 'registry-pods',
      code: 'unschedulable-taints',
      object: CONFIG,
      field: 'spec.tolerations',
      fix: { section: 'advanced', field: 'spec.tolerations' },
    },
    /untolerated taint \{node-role\.kubernetes\.io\/infra: \}/,
  ],
  [
    'registry-insufficient-cpu',
    {
      step: 'registry-pods',
      code: 'unschedulable-resources',
      object: CONFIG,
      field: 'spec.resources.requests.cpu',
      fix: { section: 'advanced', field: 'spec.resources.requests.cpu' },
    },
    /Insufficient cpu/,
  ],
  [
    'registry-anti-affinity',
    {
      step: 'registry-pods',
      code: 'unschedulable-anti-affinity',
      object: CONFIG,
      field: 'spec.affinity.podAntiAffinity',
      // more replicas than nodes: lowering them is the fix the console has a field for
      fix: { section: 'replicas', field: 'spec.replicas' },
    },
    /anti-affinity rules/,
  ],
  [
    'registry-topology-spread',
    {
      step: 'registry-pods',
      code: 'unschedulable-topology-spread',
      object: CONFIG,
      field: 'spec.topologySpreadConstraints',
      // no form edits the constraints: the finding gives the patch that removes them
      command: /"topologySpreadConstraints":\[\]/,
    },
    /topology spread constraints/,
  ],
  [
    'route-tls-secret-missing',
    {
      step: 'routes',
      code: 'route-tls-secret-missing',
      object: CONFIG,
      field: 'spec.routes[0].secretName',
      fix: { section: 'routes', field: 'spec.routes[0].secretName' },
    },
    /"missing-route-tls" not found/,
  ],
  [
    'route-host-claimed',
    {
      step: 'routes',
      code: 'route-not-admitted',
      object: { kind: 'Route', name: 'public-registry' },
      field: 'status.ingress[].conditions[Admitted]',
      fix: { section: 'routes', field: 'spec.routes[0].hostname' },
      command: /^oc get routes -A .*grep -F registry\.apps\.sandbox\.example\.com$/,
    },
    /not admitted: a route in another namespace holds registry\.apps\.sandbox\.example\.com and is older than public-registry[\s\S]*Config Degraded=True \(RouteDegraded\)/,
  ],
  [
    'route-tls-secret-not-tls',
    {
      step: 'routes',
      code: 'route-tls-secret-invalid',
      object: { kind: 'Secret', name: 'public-registry-tls' },
      field: 'data',
      fix: { section: 'routes', field: 'spec.routes[0].secretName' },
      verdict: 'warning',
    },
    /type Opaque, keys registry\.pem/,
  ],
];

/** The first seven scenarios, with what each must say beyond the object and field. */
const faults: ScenarioCase[] = [
  {
    scenario: 's3-credentials-missing-key',
    want: {
      step: 'storage-credentials',
      code: 'storage-credentials-key-missing',
      object: USER,
      field: `data.${SECRET}`,
      fix: credentials(SECRET),
    },
    evidence: /does not contain required key "REGISTRY_STORAGE_S3_SECRETKEY"/,
  },
  {
    scenario: 'storage-unreachable',
    want: {
      step: 'storage-credentials',
      code: 'storage-endpoint-unreachable',
      object: { kind: 'Config' },
      field: 'spec.proxy.https',
      fix: { section: 'proxy', field: 'spec.proxy.https' },
    },
    evidence: /i\/o timeout/,
    check: (finding) => expect(finding.nextStep).toMatch(/proxy/),
  },
  {
    scenario: 'registry-unschedulable',
    want: {
      step: 'registry-pods',
      code: 'unschedulable-node-selector',
      object: CONFIG,
      field: 'spec.nodeSelector',
      fix: { section: 'advanced', field: 'spec.nodeSelector' },
    },
    evidence: /didn't match Pod's node affinity\/selector/,
    also: [
      // an old pod keeps serving (Available), the new ones never become ready: past the deadline
      // the rollout is stuck, which the operator reports as Degraded too
      {
        step: 'registry-deployment',
        code: 'deployment-progress-deadline',
        object: { kind: 'Deployment', name: 'image-registry' },
        field: 'status.conditions[Progressing]',
        link: { kind: 'object', object: { kind: 'Deployment', name: 'image-registry' } },
        command: /^oc rollout status deployment\/image-registry/,
        evidence:
          /Progressing=False \(ProgressDeadlineExceeded\): ReplicaSet "image-registry-\w+" has timed out progressing\./,
      },
    ],
  },
  {
    scenario: 'registry-crashloop',
    want: {
      step: 'registry-pods',
      code: 'crash-loop',
      object: MINTED,
      field: `data.${ACCESS}`,
      fix: credentials(ACCESS),
      link: { kind: 'log', previous: true },
    },
    evidence: /AccessDenied/,
  },
  {
    scenario: 'operator-down',
    want: {
      step: 'operator',
      code: 'operator-not-running',
      object: OPERATOR,
      field: 'spec.replicas',
      link: { kind: 'object', object: OPERATOR },
      command: /^oc scale deployment\/cluster-image-registry-operator .*--replicas=1$/,
    },
    evidence: /spec\.replicas 0/,
    also: [
      {
        step: 'cluster-operator',
        code: 'operator-not-reconciling',
        object: { kind: 'ClusterOperator' },
        field: 'status.conditions',
        link: { kind: 'object', object: OPERATOR },
      },
    ],
  },
  {
    scenario: 'clusteroperator-degraded',
    want: {
      step: 'pruner',
      code: 'pruner-job-failed',
      object: { kind: 'Job' },
      field: 'status.conditions[Failed]',
      link: { kind: 'log' },
      command: /oc create job --from=cronjob\/image-pruner/,
    },
    evidence: /failed to ping registry/,
    check: (finding) =>
      expect(finding.links).toContainEqual(
        expect.objectContaining({ kind: 'object', object: expect.objectContaining({ kind: 'Job' }) }),
      ),
  },
  {
    scenario: 'trusted-ca-missing',
    want: {
      step: 'routes',
      code: 'trusted-ca-missing',
      object: { kind: 'Image', name: 'cluster' },
      field: 'spec.additionalTrustedCA.name',
      fix: { section: 'trust', field: 'additionalTrustedCA' },
    },
    evidence: /registry-cas/,
  },
  {
    scenario: 'registry-image-pull',
    want: {
      step: 'registry-pods',
      code: 'image-pull',
      object: { kind: 'Pod' },
      field: 'spec.containers[registry].image',
      fix: { section: 'pull-secret', field: 'auths' },
    },
    evidence:
      /(ErrImagePull|ImagePullBackOff).*unauthorized: access to the requested resource is not authorized/,
    check: (finding) => expect(finding.summary).toMatch(/pull secret is missing or rejected/),
  },
  {
    scenario: 'pvc-no-default-storageclass',
    want: {
      step: 'storage-credentials',
      code: 'pvc-no-default-storageclass',
      object: { kind: 'PersistentVolumeClaim', name: 'image-registry-storage' },
      field: 'spec.storageClassName',
      // no form field: marking a class default is a cluster-wide change the command makes
      command: /^oc patch storageclass .*is-default-class":"true"/,
    },
    evidence:
      /FailedBinding: no persistent volumes available for this claim and no storage class is set[\s\S]*none is annotated storageclass\.kubernetes\.io\/is-default-class=true/,
    also: [
      // the registry pod waits for the claim: the scheduler's own words, pointing at the storage step
      {
        step: 'registry-pods',
        code: 'unschedulable',
        object: { kind: 'Deployment', name: 'image-registry' },
        field: 'spec.template.spec',
        evidence: /pod has unbound immediate PersistentVolumeClaims/,
      },
    ],
  },
  {
    scenario: 'node-unreachable',
    want: {
      step: 'registry-pods',
      code: 'node-not-ready',
      object: { kind: 'Node' },
      field: 'status.conditions[Ready]',
      command: /^oc describe node ip-/,
    },
    evidence: /Ready=Unknown \(NodeStatusUnknown\): Kubelet stopped posting node status\./,
    also: [
      // node-ca's pod on that node: only its Ready condition turns False (its kubelet is gone)
      {
        step: 'node-ca',
        code: 'node-ca-not-ready',
        object: { kind: 'DaemonSet', name: 'node-ca' },
        field: 'status.numberAvailable',
        link: { kind: 'object', object: { kind: 'Pod' } },
        command: /oc get nodes/,
        verdict: 'warning',
        evidence:
          /on node \S+: running, not ready; node NotReady \(Unknown: Kubelet stopped posting node status\.\)/,
      },
    ],
    // the log of its pod cannot be read either, and the step says so without the node's address
    check: (_finding, step) =>
      expect(
        step.findings.find(
          (f) =>
            f.code === 'cannot-read' && f.summary.endsWith('the node running this pod cannot be reached'),
        ),
      ).toBeDefined(),
  },
];

export const SCENARIO_CASES: ScenarioCase[] = [
  ...causes.map(([scenario, want, evidence]) => ({ scenario, want, evidence })),
  ...faults,
];

/**
 * Scenarios that are no fault of the registry, so no diagnosis of it: each names where the
 * console answers for it instead.
 */
export const NOT_REGISTRY_FAULTS: Record<string, string> = {
  // cluster monitoring down: the registry is fine; the Timeline says history cannot be reached
  // and keeps the live list (e2e history.spec.ts)
  'monitoring-unreachable': 'the Timeline',
};

const CONFIG_RESOURCE = 'configs.imageregistry.operator.openshift.io/cluster';
type Kubectl = (...args: string[]) => Promise<string>;
const patchConfig = (kubectl: Kubectl, spec: unknown) =>
  kubectl('patch', CONFIG_RESOURCE, '--type', 'merge', '-p', JSON.stringify({ spec }));
const WORKERS = ['-l', 'node-role.kubernetes.io/worker'];
const REGISTRY_PODS = ['-n', 'openshift-image-registry', '-l', 'docker-registry=default'];

/**
 * Scenarios whose fault an admin makes with kubectl, as the kubectl commands that make it (and
 * return how to undo it): `diagnostics.test.ts` runs them and expects the scenario's own diagnosis.
 */
export const BY_HAND: { scenario: string; make(kubectl: Kubectl): Promise<() => Promise<unknown>> }[] = [
  {
    // another team's route made first, then the registry's route for the same host
    scenario: 'route-host-claimed',
    async make(kubectl) {
      const file = join(mkdtempSync(join(tmpdir(), 'irc-route-')), 'route.json');
      writeFileSync(
        file,
        JSON.stringify({
          apiVersion: 'route.openshift.io/v1',
          kind: 'Route',
          metadata: { name: 'registry-mirror', namespace: 'shop-frontend' },
          spec: {
            host: 'registry.apps.sandbox.example.com',
            to: { kind: 'Service', name: 'frontend' },
            tls: { termination: 'edge' },
          },
        }),
      );
      await kubectl('create', '-f', file);
      // creation times have whole seconds: the registry's route must be the younger one
      await new Promise((r) => setTimeout(r, 1_100));
      await patchConfig(kubectl, {
        routes: [{ name: 'public-registry', hostname: 'registry.apps.sandbox.example.com' }],
      });
      return async () => {
        await patchConfig(kubectl, { routes: null });
        await kubectl('delete', 'route', 'registry-mirror', '-n', 'shop-frontend');
      };
    },
  },
  {
    // a drain's first two steps: cordon, then the registry pods go (all of them, here)
    scenario: 'registry-nodes-cordoned',
    async make(kubectl) {
      await kubectl('cordon', ...WORKERS);
      await kubectl('delete', 'pod', ...REGISTRY_PODS, '--wait=false');
      return () => kubectl('uncordon', ...WORKERS);
    },
  },
  {
    scenario: 'storage-multiple-backends',
    async make(kubectl) {
      await patchConfig(kubectl, { storage: { pvc: { claim: '' } } });
      return () => patchConfig(kubectl, { storage: { pvc: null } });
    },
  },
  {
    // replicas stay 2; the S3 storage is put back exactly as it was
    scenario: 'storage-emptydir-replicas',
    async make(kubectl) {
      const s3 = JSON.parse(
        await kubectl('get', CONFIG_RESOURCE, '-o', 'jsonpath={.spec.storage.s3}'),
      ) as unknown;
      await patchConfig(kubectl, { storage: { s3: null, emptyDir: {} } });
      return () => patchConfig(kubectl, { storage: { emptyDir: null, s3 } });
    },
  },
];
