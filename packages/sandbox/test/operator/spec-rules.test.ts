import { describe, expect, test } from 'vitest';
import { selectBackend } from '../../src/operator/storage/backends.js';
import { generatedBucketName } from '../../src/operator/storage/s3.js';
import { registryDeployment, registryLogLevel } from '../../src/operator/resources/registry-deployment.js';
import { verifyConfig } from '../../src/operator/managed.js';
import { flatten, diffObjects } from '../../src/operator/diff.js';
import type { StorageResult } from '../../src/operator/context.js';

const storage: StorageResult = {
  specStorage: {},
  statusStorage: {},
  conditions: [],
  env: [{ name: 'REGISTRY_STORAGE', value: 'filesystem' }],
  volumes: [],
  mounts: [],
  secretData: {},
};
const envOf = (spec: Record<string, unknown>) => {
  const d = registryDeployment({
    spec,
    storage,
    depsChecksum: 'sha256:x',
    httpSecret: 'h',
    clusterProxy: {},
    zonedNodes: false,
    supplementalGroups: '1000290000/10000',
  });
  const c = (
    ((d.spec as Record<string, unknown>).template as Record<string, Record<string, unknown>>).spec
      ?.containers as Array<Record<string, unknown>>
  )[0];
  return Object.fromEntries(
    (c?.env as Array<{ name: string; value?: string }>).map((e) => [e.name, e.value]),
  );
};

describe('storage backend selection', () => {
  test('exactly one backend', () => {
    expect(selectBackend({ s3: {} }).name).toBe('S3');
    expect(() => selectBackend({ emptyDir: {}, pvc: { claim: '' } })).toThrow(
      'exactly one storage type should be configured at the same time, got 2: [EmptyDir PVC]',
    );
    expect(() => selectBackend({ oss: { bucket: 'b' } })).toThrow('storage backend not configured');
  });
  test('generated bucket name', () => {
    expect(generatedBucketName('mycluster-x7k2p', 'us-east-1')).toBe(
      'mycluster-x7k2p-image-registry-us-east-1',
    );
    expect(generatedBucketName('a'.repeat(60), 'us-east-1').length).toBeLessThanOrEqual(62);
  });
});

describe('registry Deployment from the Config', () => {
  test('log level', () => {
    expect(registryLogLevel({ logLevel: 'Debug' })).toBe('debug');
    expect(registryLogLevel({ logLevel: 'Normal', logging: 1 })).toBe('warn');
    expect(registryLogLevel({ logLevel: 'Normal' })).toBe('info');
  });
  test('requests, readOnly, disableRedirect, proxy env', () => {
    const env = envOf({
      replicas: 1,
      readOnly: true,
      disableRedirect: true,
      proxy: { http: 'http://proxy:3128' },
      requests: { read: { maxRunning: 10, maxWaitInQueue: '90s' }, write: {} },
    });
    expect(env).toMatchObject({
      REGISTRY_STORAGE_MAINTENANCE_READONLY: '{"enabled":true}',
      REGISTRY_STORAGE_REDIRECT_DISABLE: 'true',
      HTTP_PROXY: 'http://proxy:3128',
      REGISTRY_OPENSHIFT_REQUESTS_READ_MAXRUNNING: '10',
      REGISTRY_OPENSHIFT_REQUESTS_READ_MAXINQUEUE: '0',
      REGISTRY_OPENSHIFT_REQUESTS_READ_MAXWAITINQUEUE: '1m30s',
      REGISTRY_HTTP_ADDR: ':5000',
      REGISTRY_OPENSHIFT_SERVER_ADDR: 'image-registry.openshift-image-registry.svc:5000',
    });
    expect(env.REGISTRY_OPENSHIFT_REQUESTS_WRITE_MAXRUNNING).toBeUndefined();
    expect(() => envOf({ replicas: 1, requests: { read: { maxRunning: -1 } } })).toThrow(
      'Requests.Read.MaxRunning must be positive number',
    );
  });
  test('anti-affinity only at exactly two replicas; nodeSelector disables default spread', () => {
    const spec = (s: Record<string, unknown>) =>
      (
        registryDeployment({
          spec: s,
          storage,
          depsChecksum: 'x',
          httpSecret: 'h',
          clusterProxy: {},
          zonedNodes: true,
          supplementalGroups: '1000290000/10000',
        }).spec as { template: { spec: Record<string, unknown> } }
      ).template.spec;
    expect(spec({ replicas: 2 }).affinity).toBeDefined();
    expect(spec({ replicas: 3 }).affinity).toBeUndefined();
    expect((spec({ replicas: 2 }).topologySpreadConstraints as unknown[]).length).toBe(3);
    const withSelector = spec({ replicas: 2, nodeSelector: { 'node-role.kubernetes.io/infra': '' } });
    expect(withSelector.topologySpreadConstraints).toBeUndefined();
    expect(withSelector.nodeSelector).toEqual({
      'kubernetes.io/os': 'linux',
      'node-role.kubernetes.io/infra': '',
    });
  });
});

describe('verification and diffs', () => {
  test('verify', () => {
    expect(verifyConfig({ replicas: -1 })?.message).toBe(
      'unable to complete resource: replicas must be greater than or equal to 0',
    );
    expect(verifyConfig({ replicas: 1, routes: [{ name: 'a' }, { name: 'a' }] })?.permanentReason).toBe(
      'VerificationFailed',
    );
    expect(verifyConfig({ replicas: 1, routes: [{ name: 'a' }] })).toBeUndefined();
  });
  test('diff lines as the operator logs them, secrets redacted', () => {
    expect(diffObjects({ spec: { replicas: 2 } }, { spec: { replicas: 3 } })).toBe(
      'changed:spec.replicas={"2" -> "3"}',
    );
    const d = diffObjects(
      { data: { credentials: 'old' } },
      { data: { credentials: 'new' } },
      { secret: true },
    );
    expect(d).toBe('changed:data.credentials={"<REDACTED>" -> "<REDACTED>"}');
    expect(flatten({ a: [{ b: 1 }] })).toEqual({ 'a.0.b': '1' });
  });
});
