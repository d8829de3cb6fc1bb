/**
 * operator-facts.md: what the real image registry operator (release-4.23, which the sandbox
 * imitates; 4.19 where both agree) wrote against a real kube-apiserver, one test per fact. Each
 * expectation is the real operator's answer, not whatever the sandbox happened to do.
 */
import { describe, expect, test } from 'vitest';
import type { SandboxHandle } from '../../src/index.js';
import type { KubeObject, ResourceRef } from '../../src/core/types.js';
import { RegistryController } from '../../src/operator/controller.js';
import { FINALIZER } from '../../src/operator/defaults.js';
import { observedTlsProfile } from '../../src/operator/tls-profiles.js';
import { mainConditions, type Condition, type DeployFacts } from '../../src/operator/conditions.js';
import { aggregateClusterOperator } from '../../src/operator/clusteroperator-status.js';
import { applyObject } from '../../src/operator/apply.js';
import { syncCertificates } from '../../src/operator/certificates.js';
import { writeBackSpec } from '../../src/operator/writeback.js';
import { str } from '../../src/core/objects.js';
import type { OperatorEnv } from '../../src/operator/context.js';
import {
  R,
  clusterOperator,
  cond,
  condition,
  config,
  events,
  operatorLog,
  rec,
  registryReady,
  tryGet,
  useTestSandbox,
  waitFor,
} from '../cluster/harness.js';

const NS = 'openshift-image-registry';
const progressingMessage = (sb: SandboxHandle): string =>
  String(condition(config(sb.api()), 'Progressing')?.message ?? '');
const patchSpec = (sb: SandboxHandle, spec: Record<string, unknown>): void => {
  sb.api().patch(R.configs, undefined, 'cluster', 'merge', { spec });
};
const registryDeployment = (sb: SandboxHandle): KubeObject =>
  sb.api().get(R.deployments, NS, 'image-registry');
const registryEnv = (sb: SandboxHandle): Array<{ name: string; value?: string; valueFrom?: unknown }> =>
  (
    rec(registryDeployment(sb), 'spec', 'template', 'spec').containers as Array<{
      env: Array<{ name: string; value?: string; valueFrom?: unknown }>;
    }>
  )[0]?.env ?? [];

/** The Config's storage moved to emptyDir, the registry Ready on it (the "last working storage"). */
async function onEmptyDir(sb: SandboxHandle): Promise<void> {
  patchSpec(sb, { storage: { s3: null, pvc: null, emptyDir: {}, managementState: 'Managed' } });
  await waitFor('emptyDir applied', () => 'emptyDir' in rec(config(sb.api()), 'status', 'storage'));
  await registryReady(sb);
}

describe('operator facts (imitating release-4.23)', () => {
  const sb = useTestSandbox({ registryReady: true });

  test('fact: the version the sandbox reports is the one whose behaviour it has (4.23: NetworkPolicy, 120 s deadline)', async () => {
    const api = sb.api();
    const co = await waitFor('versions', () => {
      const c = clusterOperator(api);
      return (rec(c, 'status').versions as unknown[] | undefined)?.length ? c : undefined;
    });
    expect(rec(co, 'status').versions).toEqual([{ name: 'operator', version: '4.23.0' }]);
    const d = registryDeployment(sb);
    expect(d.metadata.annotations?.['release.openshift.io/version']).toBe('4.23.0');
    expect(rec(d, 'spec').progressDeadlineSeconds).toBe(120);
    expect(tryGet(api, R.networkPolicies, NS, 'image-registry-networkpolicy')).toBeDefined();
  });

  test('fact: Deployment details — the checksum annotation, volumes with defaultMode 420', () => {
    const d = registryDeployment(sb);
    expect(d.metadata.annotations?.['imageregistry.operator.openshift.io/checksum']).toMatch(
      /^sha256:[0-9a-f]{64}$/,
    );
    const volumes = rec(d, 'spec', 'template', 'spec').volumes as Array<
      Record<string, Record<string, unknown>>
    >;
    const certs = volumes.find((v) => v.name === ('registry-certificates' as unknown));
    expect(certs?.configMap?.defaultMode).toBe(420);
  });

  test("fact: the pod runs with the namespace's fsGroup (OnRootMismatch) and, in 4.23, the Intermediate TLS profile in env", () => {
    const ns = sb.api().get(R.namespaces, undefined, NS);
    const groups = String(ns.metadata.annotations?.['openshift.io/sa.scc.supplemental-groups'] ?? '');
    expect(groups).toMatch(/^\d+\/\d+$/);
    const podSpec = rec(registryDeployment(sb), 'spec', 'template', 'spec');
    expect(podSpec.securityContext).toEqual({
      fsGroup: Number(groups.split('/')[0]),
      fsGroupChangePolicy: 'OnRootMismatch',
    });
    const env = registryEnv(sb);
    expect(env.find((e) => e.name === 'REGISTRY_HTTP_TLS_MINVERSION')?.value).toBe('VersionTLS12');
    expect(env.find((e) => e.name === 'OPENSHIFT_REGISTRY_HTTP_TLS_CIPHERSUITES')?.value).toBe(
      [
        'TLS_AES_128_GCM_SHA256',
        'TLS_AES_256_GCM_SHA384',
        'TLS_CHACHA20_POLY1305_SHA256',
        'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
        'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
        'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
        'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
        'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
        'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
      ].join(','),
    );
  });

  test('fact: 4.23 observes the TLS profile into spec.observedConfig.servingInfo, reports ConfigObservationDegraded=False AsExpected and an ObserveTLSSecurityProfile event', async () => {
    const cfg = config(sb.api());
    const serving = rec(cfg, 'spec', 'observedConfig', 'servingInfo');
    expect(serving.minTLSVersion).toBe('VersionTLS12');
    expect(serving.cipherSuites).toContain('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
    const c = await waitFor('ConfigObservationDegraded', () =>
      condition(config(sb.api()), 'ConfigObservationDegraded'),
    );
    expect([c?.status, c?.reason]).toEqual(['False', 'AsExpected']);
    const observed = events(sb.api()).filter(
      (e) => (e as Record<string, unknown>).reason === 'ObserveTLSSecurityProfile',
    );
    expect(observed.map((e) => (e as Record<string, unknown>).message)).toContain(
      'minTLSVersion changed to VersionTLS12',
    );
  });

  test('fact: REGISTRY_HTTP_SECRET is a plain env value; image-registry-private-configuration stays empty for emptyDir', async () => {
    await onEmptyDir(sb);
    const httpSecret = String(rec(config(sb.api()), 'spec').httpSecret);
    expect(httpSecret.length).toBeGreaterThan(32);
    await waitFor('plain env', () =>
      registryEnv(sb).find((e) => e.name === 'REGISTRY_HTTP_SECRET' && e.value === httpSecret),
    );
    expect(registryEnv(sb).find((e) => e.name === 'REGISTRY_HTTP_SECRET')?.valueFrom).toBeUndefined();
    await waitFor(
      'no data in the private configuration',
      () =>
        Object.keys(rec(sb.api().get(R.secrets, NS, 'image-registry-private-configuration'), 'data'))
          .length === 0,
    );
  });

  test('fact: a missing claim is StorageExists=False "PVC Issues Found" with the NotFound text, Progressing Error', async () => {
    await onEmptyDir(sb);
    patchSpec(sb, { storage: { emptyDir: null, pvc: { claim: 'missing-claim' } } });
    await waitFor(
      'PVC Issues Found',
      () => cond(config(sb.api()), 'StorageExists') === 'False PVC Issues Found',
    );
    expect(condition(config(sb.api()), 'StorageExists')?.message).toBe(
      'persistentvolumeclaims "missing-claim" not found',
    );
    expect(cond(config(sb.api()), 'Progressing')).toBe('True Error');
    expect(progressingMessage(sb)).toBe(
      'Unable to apply resources: unable to sync storage configuration: persistentvolumeclaims "missing-claim" not found',
    );
  });

  test('fact: undoing a failed storage change leaves the failed StorageExists stale on a Ready registry (not re-evaluated to True)', async () => {
    // continues from the missing claim: the admin goes back to the last working storage
    expect(cond(config(sb.api()), 'StorageExists')).toBe('False PVC Issues Found');
    patchSpec(sb, { storage: { pvc: null, emptyDir: {} } });
    await waitFor('change undone, applied', () => cond(config(sb.api()), 'Progressing') === 'False Ready');
    await registryReady(sb);
    const c = config(sb.api());
    expect(cond(c, 'Available')).toBe('True Ready');
    expect(rec(c, 'status', 'storage')).toMatchObject({ emptyDir: {} });
    expect(cond(c, 'StorageExists')).toBe('False PVC Issues Found');
    expect(condition(c, 'StorageExists')?.message).toBe('persistentvolumeclaims "missing-claim" not found');
    // a diagnosis compares status.storage with spec.storage: they agree
    expect(rec(c, 'spec', 'storage').emptyDir).toEqual(rec(c, 'status', 'storage').emptyDir);
  });

  test('fact: a ReadWriteOnce claim with 2 replicas: "PVC Issues Found", the whole sentence', async () => {
    const api = sb.api();
    api.create(R.pvcs, NS, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'facts-rwo', namespace: NS },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
    });
    patchSpec(sb, { replicas: 2, storage: { emptyDir: null, pvc: { claim: 'facts-rwo' } } });
    const text = 'cannot use ReadWriteOnce access mode with more than one replica of the image registry';
    await waitFor('RWO refused', () => condition(config(api), 'StorageExists')?.message === text);
    expect(cond(config(api), 'StorageExists')).toBe('False PVC Issues Found');
    expect(progressingMessage(sb)).toBe(
      `Unable to apply resources: unable to sync storage configuration: ${text}`,
    );
    await onEmptyDir(sb);
  });

  test('fact: an S3 change without credentials is StorageExists=Unknown "S3 Configuration Changed" with Progressing Error on the cluster minted credentials — and stays so after going back', async () => {
    const api = sb.api();
    await onEmptyDir(sb);
    await sb.scenarios.activate('s3-credentials-missing');
    try {
      patchSpec(sb, {
        storage: { emptyDir: null, s3: { bucket: 'facts-no-credentials', region: 'us-east-1' } },
      });
      await waitFor(
        'S3 Configuration Changed',
        () => cond(config(api), 'StorageExists') === 'Unknown S3 Configuration Changed',
      );
      expect(condition(config(api), 'StorageExists')?.message).toBe('S3 storage is in an unknown state');
      await waitFor('Progressing Error', () =>
        progressingMessage(sb).includes('installer-cloud-credentials'),
      );
      expect(progressingMessage(sb)).toBe(
        'Unable to apply resources: unable to sync storage configuration: unable to get cluster minted credentials "openshift-image-registry/installer-cloud-credentials": secret "installer-cloud-credentials" not found',
      );
      // back to the storage that last applied: the driver does not run again, the condition stays
      patchSpec(sb, { storage: { s3: null, emptyDir: {} } });
      await waitFor('undone', () => cond(config(api), 'Progressing') === 'False Ready');
      expect(cond(config(api), 'StorageExists')).toBe('Unknown S3 Configuration Changed');
    } finally {
      await sb.scenarios.clear('s3-credentials-missing');
    }
    await registryReady(sb);
  });

  test('fact: a route naming a missing TLS secret fails the apply with `secret "…" not found` (singular)', async () => {
    patchSpec(sb, {
      routes: [
        { name: 'public-registry', hostname: 'registry.apps.example.com', secretName: 'missing-route-tls' },
      ],
    });
    await waitFor('route error', () => progressingMessage(sb).includes('missing-route-tls'));
    expect(cond(config(sb.api()), 'Progressing')).toBe('True Error');
    expect(progressingMessage(sb)).toBe(
      'Unable to apply resources: unable to apply objects: failed to create object *v1.Route, Namespace=openshift-image-registry, Name=public-registry: secret "missing-route-tls" not found',
    );
    patchSpec(sb, { routes: null });
    await waitFor('route error gone', () => cond(config(sb.api()), 'Progressing') === 'False Ready');
  });

  test('fact: a missing pull secret makes the copy invalid: `Secret "installation-pull-secrets" is invalid: data[.dockerconfigjson]: Required value`', async () => {
    const api = sb.api();
    const global = api.get(R.secrets, 'openshift-config', 'pull-secret');
    api.delete(R.secrets, 'openshift-config', 'pull-secret');
    api.delete(R.secrets, NS, 'installation-pull-secrets');
    try {
      await waitFor('pull secret error', () => progressingMessage(sb).includes('installation-pull-secrets'));
      expect(cond(config(api), 'Progressing')).toBe('True Error');
      expect(progressingMessage(sb)).toMatch(
        /Secret "installation-pull-secrets" is invalid: data\[\.dockerconfigjson\]: Required value$/,
      );
    } finally {
      api.create(R.secrets, 'openshift-config', {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'pull-secret', namespace: 'openshift-config' },
        type: global.type,
        data: global.data,
      });
    }
    await waitFor('healed', () => cond(config(api), 'Progressing') === 'False Ready');
  });

  test('fact: sync errors never become Warning Events (only conditions and the operator log)', () => {
    // the tests above produced storage, route and pull-secret sync errors
    const fromOperator = events(sb.api(), NS).filter(
      (e) =>
        e.type === 'Warning' &&
        ['image-registry-operator', 'cluster-image-registry-operator'].includes(
          String(rec(e, 'source').component ?? e.reportingComponent ?? ''),
        ),
    );
    expect(fromOperator.map((e) => `${String(e.reason)}: ${String(e.message)}`)).toEqual([]);
  });

  test('fact: the operator creates serviceca (service-ca injected), image-registry-ca, the pruner RBAC and NetworkPolicy', async () => {
    const api = sb.api();
    const serviceca = await waitFor('serviceca injected', () => {
      const cm = tryGet(api, R.configMaps, NS, 'serviceca');
      return rec(cm, 'data')['service-ca.crt'] ? cm : undefined;
    });
    expect(serviceca.metadata.annotations?.['service.beta.openshift.io/inject-cabundle']).toBe('true');
    expect(String(rec(serviceca, 'data')['service-ca.crt'])).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const ca = await waitFor('image-registry-ca with the service hosts', () => {
      const cm = tryGet(api, R.configMaps, 'openshift-config-managed', 'image-registry-ca');
      return Object.keys(rec(cm, 'data')).length > 0 ? cm : undefined;
    });
    expect(Object.keys(rec(ca, 'data')).sort()).toEqual([
      'image-registry.openshift-image-registry.svc..5000',
      'image-registry.openshift-image-registry.svc.cluster.local..5000',
    ]);
    const role = api.get(R.clusterRoles, undefined, 'system:image-pruner');
    expect(role.rules).toContainEqual({
      apiGroups: ['image.openshift.io'],
      resources: ['images'],
      verbs: ['delete'],
    });
    const binding = api.get(R.clusterRoleBindings, undefined, 'openshift-image-registry-pruner');
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'system:image-pruner',
    });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'pruner', namespace: NS }]);
    const np = api.get(R.networkPolicies, NS, 'image-pruner-networkpolicy');
    expect(rec(np, 'spec').podSelector).toEqual({ matchLabels: { app: 'image-pruner' } });
    expect(rec(np, 'spec').policyTypes).toEqual(['Egress']);
    expect(rec(clusterOperator(api), 'status').relatedObjects).toContainEqual({
      group: 'rbac.authorization.k8s.io',
      resource: 'clusterrolebindings',
      name: 'openshift-image-registry-pruner',
    });
  });

  test('fact: operator events are DeploymentCreated/Updated, DaemonSetCreated, NetworkPolicyCreated, FeatureGatesInitialized, LeaderElection and (4.23) ObserveTLSSecurityProfile', () => {
    // the tests above created and updated the registry Deployment
    const reasons = new Set(events(sb.api(), NS).map((e) => String(e.reason)));
    for (const reason of [
      'DeploymentCreated',
      'DeploymentUpdated',
      'DaemonSetCreated',
      'NetworkPolicyCreated',
      'FeatureGatesInitialized',
      'LeaderElection',
      'ObserveTLSSecurityProfile',
    ])
      expect([reason, reasons.has(reason)]).toEqual([reason, true]);
  });

  test('fact: 4.23/main identity — the registry container has readOnlyRootFilesystem, the PDB an unhealthyPodEvictionPolicy', () => {
    const container = (
      rec(registryDeployment(sb), 'spec', 'template', 'spec').containers as Array<Record<string, unknown>>
    )[0];
    expect(rec(container, 'securityContext').readOnlyRootFilesystem).toBe(true);
    const pdb = sb.api().get(R.pdbs, NS, 'image-registry');
    expect(rec(pdb, 'spec').unhealthyPodEvictionPolicy).toBe('AlwaysAllow');
  });

  test("fact: the service CA in image-registry-certificates is the `serviceca` ConfigMap's injected service-ca.crt", async () => {
    const api = sb.api();
    const injected = await waitFor('serviceca injected', () =>
      str(rec(tryGet(api, R.configMaps, NS, 'serviceca'), 'data')['service-ca.crt']),
    );
    const certs = rec(api.get(R.configMaps, NS, 'image-registry-certificates'), 'data');
    expect(certs['image-registry.openshift-image-registry.svc..5000']).toBe(injected);
    expect(certs['image-registry.openshift-image-registry.svc.cluster.local..5000']).toBe(injected);
  });

  test('fact: the operator holds a leader-election Lease in openshift-image-registry (137 s)', async () => {
    const api = sb.api();
    const lease = await waitFor('lease', () => tryGet(api, R.leases, NS, 'openshift-master-controllers'));
    const spec = rec(lease, 'spec');
    const pod = api.list(R.pods, NS, { labelSelector: 'name=cluster-image-registry-operator' }).items[0];
    expect(String(spec.holderIdentity)).toMatch(new RegExp(`^${String(pod?.metadata.name)}_[0-9a-f-]{36}$`));
    expect(spec.leaseDurationSeconds).toBe(137);
    expect(String(spec.renewTime)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    // the leader renews it
    await waitFor(
      'renewed',
      () => rec(api.get(R.leases, NS, 'openshift-master-controllers'), 'spec').renewTime !== spec.renewTime,
    );
  });

  test('fact: after an operator crash nothing reconciles until the Lease expires (137 s, time-scaled), then the new pod takes it', async () => {
    const api = sb.api();
    const scale = sb.clock.scale;
    const [old] = api.list(R.pods, NS, { labelSelector: 'name=cluster-image-registry-operator' }).items;
    const oldHolder = String(
      rec(api.get(R.leases, NS, 'openshift-master-controllers'), 'spec').holderIdentity,
    );
    // a crash: the process dies without releasing the Lease (no graceful shutdown)
    api.delete(R.pods, NS, String(old?.metadata.name), { gracePeriodSeconds: 0 });
    const crashedAt = Date.now();
    await waitFor('replacement running', () =>
      api
        .list(R.pods, NS, { labelSelector: 'name=cluster-image-registry-operator' })
        .items.some((p) => p.metadata.name !== old?.metadata.name && rec(p, 'status').phase === 'Running'),
    );
    patchSpec(sb, { logLevel: 'Debug' });
    const generation = config(api).metadata.generation ?? 0;
    await new Promise((r) => setTimeout(r, 60_000 * scale)); // one cluster minute later
    expect(rec(config(api), 'status').observedGeneration).toBe(generation - 1);
    expect(rec(api.get(R.leases, NS, 'openshift-master-controllers'), 'spec').holderIdentity).toBe(oldHolder);
    await waitFor(
      'reconciled by the new leader',
      () => rec(config(api), 'status').observedGeneration === generation,
      30_000,
    );
    const waitedClusterSeconds = (Date.now() - crashedAt) / scale / 1000;
    expect(waitedClusterSeconds).toBeGreaterThanOrEqual(137);
    const lease = rec(api.get(R.leases, NS, 'openshift-master-controllers'), 'spec');
    expect(lease.holderIdentity).not.toBe(oldHolder);
    expect(lease.leaseTransitions).toBeGreaterThanOrEqual(1);
    patchSpec(sb, { logLevel: 'Normal' });
    await registryReady(sb);
  });

  test('fact: Removed empties image-registry-certificates', async () => {
    const api = sb.api();
    patchSpec(sb, { managementState: 'Removed' });
    await waitFor('removed', () => cond(config(api), 'Removed') === 'True Removed');
    await waitFor(
      'certificates emptied',
      () => Object.keys(rec(api.get(R.configMaps, NS, 'image-registry-certificates'), 'data')).length === 0,
    );
    patchSpec(sb, { managementState: 'Managed' });
    await waitFor(
      'certificates back',
      () => Object.keys(rec(api.get(R.configMaps, NS, 'image-registry-certificates'), 'data')).length > 0,
    );
    await registryReady(sb);
  });

  test('fact: 4.23 writes spec.observedConfig with its own update after the bootstrap create — generation 2, not at create', async () => {
    const api = sb.api();
    const old = config(api);
    const seen: Array<{ type: string; generation: number; observed: boolean }> = [];
    const stop = api.watch(
      R.configs,
      undefined,
      { resourceVersion: String(old.metadata.resourceVersion) },
      (e) => {
        const o = e.object as KubeObject;
        if (o.metadata?.uid === old.metadata.uid || !o.metadata?.uid) return;
        seen.push({
          type: e.type,
          generation: o.metadata.generation ?? 0,
          observed: 'servingInfo' in rec(o, 'spec', 'observedConfig'),
        });
      },
    );
    try {
      api.delete(R.configs, undefined, 'cluster');
      await waitFor('re-bootstrapped and observed', () => seen.some((s) => s.observed));
    } finally {
      stop();
    }
    expect(seen[0]).toEqual({ type: 'ADDED', generation: 1, observed: false });
    expect(seen.find((s) => s.observed)?.generation).toBe(2);
    await registryReady(sb);
  });
});

describe('operator facts: Degraded and the ClusterOperator (status computation)', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  const stuck: DeployFacts = {
    terminating: false,
    replicas: 2,
    statusReplicas: 2,
    updatedReplicas: 2,
    availableReplicas: 0,
    readyReplicas: 0,
    generation: 3,
    observedGeneration: 3,
    progressing: {
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: 'ReplicaSet "image-registry-7d9f" has timed out progressing.',
    },
  };
  const unavailableSince = (ms: number): Condition => ({
    type: 'Available',
    status: 'False',
    reason: 'NoReplicasAvailable',
    message: 'The deployment does not have available replicas',
    lastTransitionTime: new Date(now.getTime() - ms).toISOString().replace(/\.\d+Z$/, 'Z'),
  });
  const degradedOf = (prevAvailable: Condition) =>
    mainConditions({
      state: 'Managed',
      deploy: stuck,
      prevAvailable,
      now,
      inertiaMs: 5 * 60_000,
    }).conditions.find((c) => c.type === 'Degraded');

  test('fact: a rollout stuck with zero available pods is Degraded=False for the 5-minute inertia, then Unavailable — never ProgressDeadlineExceeded', () => {
    expect(degradedOf(unavailableSince(60_000))).toMatchObject({ status: 'False' });
    expect(degradedOf(unavailableSince(6 * 60_000))).toEqual({
      type: 'Degraded',
      status: 'True',
      reason: 'Unavailable',
      message: 'The deployment does not have available replicas',
    });
  });

  test('fact: ProgressDeadlineExceeded is reported only while Available=True', () => {
    const degraded = mainConditions({
      state: 'Managed',
      deploy: { ...stuck, availableReplicas: 1, readyReplicas: 1 },
      now,
      inertiaMs: 5 * 60_000,
    }).conditions.find((c) => c.type === 'Degraded');
    expect(degraded).toMatchObject({ status: 'True', reason: 'ProgressDeadlineExceeded' });
  });

  test('fact: no ready replicas — Available=False NoReplicasAvailable, Progressing DeploymentNotCompleted; the ClusterOperator joins sub-reasons', () => {
    const main = mainConditions({
      state: 'Managed',
      deploy: { ...stuck, progressing: { status: 'True', reason: 'ReplicaSetUpdated', message: '' } },
      now,
      inertiaMs: 5 * 60_000,
    }).conditions;
    expect(main.find((c) => c.type === 'Available')).toEqual({
      type: 'Available',
      status: 'False',
      reason: 'NoReplicasAvailable',
      message: 'The deployment does not have available replicas',
    });
    expect(main.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'DeploymentNotCompleted',
    });
    const t = '2026-12-07T10:00:00Z';
    const co = aggregateClusterOperator(
      [
        ...main.map((c) => ({ ...c, lastTransitionTime: t })),
        {
          type: 'NodeCADaemonAvailable',
          status: 'False',
          reason: 'NoAvailableReplicas',
          message: 'The daemon set node-ca does not have available replicas',
          lastTransitionTime: t,
        },
      ],
      [],
    );
    expect(co.find((c) => c.type === 'Available')?.reason).toBe(
      'NoReplicasAvailable::NodeCADaemonNoAvailableReplicas',
    );
  });
});

describe('operator facts: a failed apply', () => {
  test('fact: a Deployment update the API server refuses is a sync error only — no Warning event', () => {
    const recorded: string[] = [];
    const existing: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'image-registry', namespace: NS, resourceVersion: '1' },
      spec: { replicas: 1 },
    };
    const env = {
      api: {
        get: () => existing,
        update: () => {
          throw new Error('Deployment.apps "image-registry" is invalid: spec.replicas: Invalid value');
        },
      },
      events: { record: (...args: unknown[]) => recorded.push(String(args[3])) },
      log: { info: () => undefined },
      self: () => existing,
    } as unknown as OperatorEnv;
    expect(() => applyObject(env, R.deployments, { ...existing, spec: { replicas: 2 } })).toThrow(
      /^failed to update object \*v1\.Deployment, Namespace=openshift-image-registry, Name=image-registry: /,
    );
    expect(recorded).toEqual([]);
  });
});

describe('operator facts: the log', () => {
  const sb = useTestSandbox({ controllers: false });

  test('fact: until service-ca injects `serviceca`, image-registry-certificates has no service hosts ("the service CA is not injected yet")', () => {
    const api = sb.api();
    const lines: string[] = [];
    const env = {
      api,
      log: {
        info: (_file: string, msg: string) => lines.push(msg),
        warning: () => undefined,
        error: () => undefined,
        setVerbosity: () => undefined,
      },
      events: { record: () => undefined },
      self: () => api.get(R.namespaces, undefined, NS),
    } as unknown as OperatorEnv;
    if (!tryGet(api, R.namespaces, undefined, NS))
      api.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
    api.create(R.configMaps, NS, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'serviceca',
        namespace: NS,
        annotations: { 'service.beta.openshift.io/inject-cabundle': 'true' },
      },
    });
    const hosts = (): Record<string, unknown> =>
      rec(api.get(R.configMaps, NS, 'image-registry-certificates'), 'data');
    syncCertificates(env, undefined);
    expect(lines).toContain('the service CA is not injected yet');
    expect(hosts()).toEqual({});
    const pem = '-----BEGIN CERTIFICATE-----\nc2VydmljZS1jYQ==\n-----END CERTIFICATE-----\n';
    api.patch(R.configMaps, NS, 'serviceca', 'merge', { data: { 'service-ca.crt': pem } });
    syncCertificates(env, undefined);
    expect(hosts()).toEqual({
      'image-registry.openshift-image-registry.svc..5000': pem,
      'image-registry.openshift-image-registry.svc.cluster.local..5000': pem,
    });
  });

  const CONFLICT =
    'Operation cannot be fulfilled on configs.imageregistry.operator.openshift.io "cluster": the object has been modified; please apply your changes to the latest version and try again';
  const recordingLog = (errors: string[]) => ({
    info: () => undefined,
    warning: () => undefined,
    error: (_file: string, msg: string) => errors.push(msg),
    setVerbosity: () => undefined,
  });

  test('fact: an UpdateStatus from a stale read is 409 — the operator logs `unable to sync: Operation cannot be fulfilled … the object has been modified …, requeuing` and writes on its next sync', () => {
    const api = sb.api();
    if (!tryGet(api, R.namespaces, undefined, NS))
      api.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
    api.create(R.configs, undefined, {
      apiVersion: 'imageregistry.operator.openshift.io/v1',
      kind: 'Config',
      metadata: { name: 'cluster', finalizers: [FINALIZER] },
      spec: {
        managementState: 'Unmanaged',
        replicas: 1,
        storage: { emptyDir: {} },
        httpSecret: 'x'.repeat(64),
        // already observed: this sync's only write is its status
        observedConfig: { servingInfo: { ...observedTlsProfile(undefined) } },
      },
    });
    // the operator's lister still holds the Config from before the admin's save (informer lag)
    const cached = api.get(R.configs, undefined, 'cluster');
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { logLevel: 'Debug' } });
    let stale = true;
    const lister = new Proxy(api, {
      get(target, prop) {
        if (prop === 'get')
          return (ref: ResourceRef, ns: string | undefined, name: string) =>
            stale && ref.resource === 'configs' ? structuredClone(cached) : target.get(ref, ns, name);
        const v: unknown = Reflect.get(target, prop);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const errors: string[] = [];
    const env = {
      api: lister,
      clock: sb.clock,
      world: {},
      log: { ...recordingLog(errors), info: () => undefined },
      events: { record: () => undefined },
      platform: { infraName: 'test', platform: 'AWS', region: 'us-east-1' },
      self: () => api.get(R.namespaces, undefined, NS),
    } as unknown as OperatorEnv;
    const controller = new RegistryController(env);
    const first = controller.sync();
    const syncErrors = () => errors.filter((e) => e.startsWith('unable to sync:'));
    expect(syncErrors()).toEqual([`unable to sync: ${CONFLICT}, requeuing`]);
    expect(first.requeueAfterMs).toBeGreaterThan(0);
    expect(rec(config(api), 'status').conditions).toBeUndefined(); // nothing written
    expect(rec(config(api), 'spec').logLevel).toBe('Debug');
    stale = false; // the informer caught up
    controller.sync();
    expect(syncErrors()).toHaveLength(1);
    expect(cond(config(api), 'Progressing')).toBe('False Unmanaged');
    expect(rec(config(api), 'status').observedGeneration).toBe(config(api).metadata.generation);
  });

  test('a spec write-back that loses a race re-reads and retries (RetryOnConflict): the admin’s change kept, nothing logged', () => {
    const api = sb.api();
    const read = config(api);
    // the admin saves between the operator's read and its write
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { logLevel: 'Trace' } });
    let attempts = 0;
    const written = writeBackSpec(api, read, (c) => {
      attempts++;
      rec(c, 'spec').httpSecret = 'y'.repeat(64);
    });
    expect(attempts).toBe(2);
    expect(rec(written, 'spec')).toMatchObject({ logLevel: 'Trace', httpSecret: 'y'.repeat(64) });
  });
});

describe('operator facts: a bootstrap whose S3 cannot be reached', () => {
  const sb = useTestSandbox();

  test('fact: it retries about once a (cluster) second, rewriting the Config status each time — StorageExists re-stamped, no backoff', async () => {
    await sb.scenarios.activate('storage-unreachable');
    const api = sb.api();
    await waitFor('RequestError', () => cond(config(api), 'StorageExists') === 'False RequestError');
    // the bootstrap never applied: no bucket in spec or status
    expect(rec(config(api), 'status', 'storage', 's3').bucket).toBeUndefined();
    const attempts = () =>
      operatorLog(sb).split('unable to sync: unable to sync storage configuration').length - 1;
    const stamps: string[] = [];
    const stop = api.watch(
      R.configs,
      undefined,
      { resourceVersion: String(config(api).metadata.resourceVersion) },
      (e) => {
        const c = condition(e.object as KubeObject, 'StorageExists');
        if (e.type === 'MODIFIED' && c) stamps.push(`${String(c.status)} ${String(c.lastTransitionTime)}`);
      },
    );
    const before = attempts();
    const started = Date.now();
    try {
      // wait for three re-stamping status writes (the condition's time has second precision)
      await waitFor('three status rewrites', () => new Set(stamps).size >= 3, 15_000);
    } finally {
      stop();
    }
    const clusterSeconds = (Date.now() - started) / sb.clock.scale / 1000;
    const retries = attempts() - before;
    // about one retry per cluster second (the real operator: 1–2); a backoff would have reached
    // one per minute long before this
    expect(retries).toBeGreaterThanOrEqual(Math.floor(clusterSeconds / 3));
    // each write re-stamps StorageExists: False RequestError with a later lastTransitionTime
    expect(stamps.every((s) => s.startsWith('False '))).toBe(true);
    const distinct = [...new Set(stamps)];
    expect([...distinct].sort()).toEqual(distinct);
    expect(rec(config(api), 'spec', 'storage', 's3').bucket ?? '').toBe('');
  });
});
