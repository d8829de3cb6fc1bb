import { describe, expect, test } from 'vitest';
import type { SandboxHandle } from '../../src/index.js';
import type { KubeObject } from '../../src/core/types.js';
import {
  R,
  cond,
  condition,
  config,
  events,
  operatorLog,
  rec,
  registryPods,
  registryReady,
  tryGet,
  useTestSandbox,
  waitFor,
} from '../cluster/harness.js';

const NS = 'openshift-image-registry';
const deploy = (sb: SandboxHandle): KubeObject => sb.api().get(R.deployments, NS, 'image-registry');
const depsChecksum = (sb: SandboxHandle): string | undefined =>
  (rec(deploy(sb), 'spec', 'template', 'metadata', 'annotations') as Record<string, string>)[
    'imageregistry.operator.openshift.io/dependencies-checksum'
  ];
const registryEnv = (sb: SandboxHandle): Record<string, string> => {
  const c = (
    rec(deploy(sb), 'spec', 'template', 'spec').containers as Array<{
      env: Array<{ name: string; value?: string }>;
    }>
  )[0];
  return Object.fromEntries((c?.env ?? []).map((e) => [e.name, e.value ?? '']));
};

describe('operator behaviour', () => {
  const sb = useTestSandbox({ registryReady: true });

  test('Unmanaged: conditions switch, manual edits of the operand stay', async () => {
    const api = sb.api();
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { managementState: 'Unmanaged' } });
    await waitFor('Unmanaged', () => cond(config(api), 'Available') === 'True Unmanaged');
    expect(condition(config(api), 'Degraded')?.message).toBe(
      'The registry configuration is set to unmanaged mode',
    );
    api.patch(R.deployments, NS, 'image-registry', 'merge', {
      metadata: { labels: { 'edited-by': 'admin' } },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(deploy(sb).metadata.labels?.['edited-by']).toBe('admin');
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { managementState: 'Managed' } });
    await waitFor('Managed again', () => cond(config(api), 'Available') === 'True Ready');
  });

  test('Force is an unknown state: a warning, no reconcile', async () => {
    const api = sb.api();
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { managementState: 'Force' } });
    await waitFor('warning', () =>
      /^W\d{4} [\d:.]+ {7}1 controller\.go:290\] unknown custom resource state: Force$/m.test(
        operatorLog(sb),
      ),
    );
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { managementState: 'Managed' } });
  });

  test('new S3 credentials in the user secret roll the registry pods', async () => {
    const api = sb.api();
    const before = depsChecksum(sb);
    const oldPods = registryPods(api).map((p) => p.metadata.name);
    api.create(R.secrets, NS, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'image-registry-private-configuration-user', namespace: NS },
      stringData: {
        REGISTRY_STORAGE_S3_ACCESSKEY: 'AKIAIOSFODNN7EXAMPLE',
        REGISTRY_STORAGE_S3_SECRETKEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
    });
    await waitFor('checksum changed', () => depsChecksum(sb) !== before);
    await registryReady(sb);
    expect(registryPods(api).some((p) => oldPods.includes(p.metadata.name))).toBe(false);
    // the operator never prints secret values
    expect(operatorLog(sb)).not.toContain('wJalrXUtnFEMI');
    expect(operatorLog(sb)).toContain('<REDACTED>');
    api.delete(R.secrets, NS, 'image-registry-private-configuration-user');
    await waitFor('rolled back to minted credentials', () => depsChecksum(sb) === before);
    await registryReady(sb);
  });

  test('logLevel, proxy and readOnly change the pod template', async () => {
    const api = sb.api();
    api.patch(R.configs, undefined, 'cluster', 'merge', {
      spec: { logLevel: 'Debug', readOnly: true, proxy: { https: 'http://proxy.example.com:3128' } },
    });
    await waitFor('env', () => {
      const env = registryEnv(sb);
      return (
        env.REGISTRY_LOG_LEVEL === 'debug' &&
        env.REGISTRY_STORAGE_MAINTENANCE_READONLY === '{"enabled":true}' &&
        env.HTTPS_PROXY === 'http://proxy.example.com:3128'
      );
    });
    await registryReady(sb);
    expect(
      events(api).some(
        (e) =>
          e.reason === 'DeploymentUpdated' &&
          e.message ===
            'Updated Deployment.apps/image-registry -n openshift-image-registry because it changed',
      ),
    ).toBe(true);
    api.patch(R.configs, undefined, 'cluster', 'merge', {
      spec: { logLevel: 'Normal', readOnly: null, proxy: null },
    });
    await waitFor(
      'env restored',
      () => registryEnv(sb).REGISTRY_LOG_LEVEL === 'info' && !registryEnv(sb).HTTPS_PROXY,
    );
    await registryReady(sb);
  });

  test('operatorLogLevel change is announced', async () => {
    const api = sb.api();
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { operatorLogLevel: 'Debug' } });
    await waitFor('event', () =>
      events(api).some(
        (e) =>
          e.reason === 'OperatorLogLevelChange' &&
          e.message === 'Operator log level changed from "Normal" to "Debug"',
      ),
    );
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { operatorLogLevel: 'Normal' } });
  });

  test('an additional trusted CA ConfigMap: copied into image-registry-certificates, changes roll the pods', async () => {
    const api = sb.api();
    api.create(R.configMaps, 'openshift-config', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'registry-cas', namespace: 'openshift-config' },
      data: { 'registry.example.com..5000': 'PEM-1' },
    });
    api.patch(R.imageConfigs, undefined, 'cluster', 'merge', {
      spec: { additionalTrustedCA: { name: 'registry-cas' } },
    });
    await waitFor(
      'copied',
      () =>
        rec(api.get(R.configMaps, NS, 'image-registry-certificates'), 'data')[
          'registry.example.com..5000'
        ] === 'PEM-1',
    );
    await registryReady(sb);
    const before = depsChecksum(sb);
    api.patch(R.configMaps, 'openshift-config', 'registry-cas', 'merge', {
      data: { 'registry.example.com..5000': 'PEM-2' },
    });
    await waitFor('rollout', () => depsChecksum(sb) !== before);
    await registryReady(sb);
    expect(cond(config(api), 'ImageRegistryCertificatesControllerDegraded')).toBe('False AsExpected');
    api.patch(R.imageConfigs, undefined, 'cluster', 'merge', { spec: { additionalTrustedCA: null } });
    await waitFor(
      'removed key',
      () =>
        !(
          'registry.example.com..5000' in
          rec(api.get(R.configMaps, NS, 'image-registry-certificates'), 'data')
        ),
    );
    await registryReady(sb);
  });

  test('a field removed from spec.storage leaves status.storage too (the operator replaces the status)', async () => {
    const api = sb.api();
    const s3 = () => rec(config(api), 'status', 'storage', 's3');
    const before = rec(config(api), 'spec', 'storage');
    api.patch(R.configs, undefined, 'cluster', 'merge', {
      spec: { storage: { s3: { regionEndpoint: 'https://s3.us-east-1.amazonaws.com' } } },
    });
    await waitFor(
      'regionEndpoint applied',
      () => s3().regionEndpoint === 'https://s3.us-east-1.amazonaws.com',
    );
    api.patch(R.configs, undefined, 'cluster', 'merge', {
      spec: { storage: { s3: { regionEndpoint: null } } },
    });
    await waitFor('regionEndpoint gone from status.storage.s3', () => !('regionEndpoint' in s3()));
    expect(s3().bucket).toBeTruthy();
    expect(rec(config(api), 'spec', 'storage')).toEqual(before);
  });

  test('PVC storage: RWO with two replicas is refused with the operator message', async () => {
    const api = sb.api();
    api.create(R.pvcs, NS, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'registry-rwo', namespace: NS },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
    });
    api.patch(R.configs, undefined, 'cluster', 'merge', {
      spec: { storage: { s3: null, managementState: null, pvc: { claim: 'registry-rwo' } } },
    });
    await waitFor('PVC Issues Found', () => {
      const c = config(api);
      return (
        cond(c, 'StorageExists') === 'False PVC Issues Found' &&
        condition(c, 'Progressing')?.message ===
          'Unable to apply resources: unable to sync storage configuration: cannot use ReadWriteOnce access mode with more than one replica of the image registry'
      );
    });
    api.patch(R.configs, undefined, 'cluster', 'merge', {
      spec: { replicas: 1, rolloutStrategy: 'Recreate' },
    });
    await waitFor(
      'PVC Exists',
      () =>
        cond(config(api), 'StorageExists') === 'True PVC Exists' &&
        registryEnv(sb).REGISTRY_STORAGE === 'filesystem',
    );
    await registryReady(sb, 1);
    expect(rec(config(api), 'status', 'storage')).toMatchObject({
      pvc: { claim: 'registry-rwo' },
      managementState: 'Unmanaged',
    });
  });

  test('deleting the Config runs the removal through the finalizer, then the operator bootstraps a new one', async () => {
    const api = sb.api();
    const uid = config(api).metadata.uid;
    api.delete(R.configs, undefined, 'cluster');
    await waitFor('operator finalized and re-bootstrapped', () => {
      const c = tryGet(api, R.configs, undefined, 'cluster');
      return c && c.metadata.uid !== uid;
    });
    expect(operatorLog(sb)).toContain('finalizing *v1.Config, Name=cluster');
    expect(operatorLog(sb)).toContain('generating registry custom resource');
    await registryReady(sb, 2);
    expect(rec(config(api), 'spec', 'storage').s3).toBeDefined();
  });
});
