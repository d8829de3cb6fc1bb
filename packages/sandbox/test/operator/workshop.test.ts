import { describe, expect, test } from 'vitest';
import {
  R,
  clusterOperator,
  cond,
  condition,
  config,
  events,
  operatorLog,
  readyPods,
  rec,
  registryPods,
  registryReady,
  tryGet,
  useTestSandbox,
  waitFor,
} from '../cluster/harness.js';

/** The workshop flow, end to end through the in-process API, at time scale 0.01. */
describe('image registry operator: workshop flow', () => {
  const sb = useTestSandbox({ registryReady: true });

  test('bootstraps configs/cluster as the real operator does', () => {
    const c = config(sb.api());
    const spec = rec(c, 'spec');
    expect(spec.managementState).toBe('Managed');
    expect(spec.replicas).toBe(2);
    expect(spec.logLevel).toBe('Normal');
    expect(spec.operatorLogLevel).toBe('Normal');
    expect(spec.rolloutStrategy).toBe('RollingUpdate');
    expect(String(spec.httpSecret)).toMatch(/^[0-9a-f]{128}$/);
    const s3 = rec(spec, 'storage', 's3');
    expect(String(s3.bucket)).toMatch(/^sandbox-[a-z0-9]{5}-image-registry-us-east-1$/);
    expect(s3.region).toBe('us-east-1');
    expect(rec(spec, 'storage').managementState).toBe('Managed');
    expect(c.metadata.finalizers).toContain('imageregistry.operator.openshift.io/finalizer');
    expect(cond(c, 'StorageExists')).toMatch(/^True /);
    expect(cond(c, 'StorageEncrypted')).toBe('True Encryption Successful');
    expect(rec(c, 'status').storageManaged).toBe(true);
    const co = clusterOperator(sb.api());
    expect(condition(co, 'Available')).toMatchObject({
      status: 'True',
      reason: 'Ready',
      message:
        'Available: The registry is ready\nNodeCADaemonAvailable: The daemon set node-ca has available replicas\nImagePrunerAvailable: Pruner CronJob has been created',
    });
    expect(condition(co, 'Degraded')).toMatchObject({ status: 'False', reason: 'AsExpected' });
    const evs = events(sb.api());
    expect(
      evs.some(
        (e) =>
          e.reason === 'LeaderElection' &&
          /^cluster-image-registry-operator-\w+-\w{5}_[0-9a-f-]{36} became leader$/.test(String(e.message)),
      ),
    ).toBe(true);
    expect(evs.some((e) => e.reason === 'FeatureGatesInitialized')).toBe(true);
    const pod = registryPods(sb.api())[0];
    expect(pod?.metadata.name).toMatch(
      /^image-registry-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
    );
    expect(rec(pod, 'spec').nodeName).toMatch(/^ip-10-0-/);
    // two replicas: the default required anti-affinity puts them on different workers
    const nodes = registryPods(sb.api()).map((p) => String(rec(p, 'spec').nodeName));
    expect(new Set(nodes).size).toBe(2);
    for (const n of nodes)
      expect(sb.api().get(R.nodes, undefined, n).metadata.labels).toHaveProperty(
        'node-role.kubernetes.io/worker',
      );
  });

  test('Removed tears the registry down, Managed brings it back', async () => {
    const api = sb.api();
    const bucket = String(rec(config(api), 'spec', 'storage', 's3').bucket);
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { managementState: 'Removed' } });
    await waitFor('Removed', () => {
      const c = config(api);
      return (
        cond(c, 'Available') === 'True Removed' &&
        cond(c, 'Removed') === 'True Removed' &&
        !tryGet(api, R.deployments, 'openshift-image-registry', 'image-registry') &&
        registryPods(api).length === 0
      );
    });
    const c = config(api);
    expect(cond(c, 'Progressing')).toBe('False Removed');
    expect(cond(c, 'Degraded')).toBe('False Removed');
    expect(condition(c, 'StorageExists')).toMatchObject({
      status: 'False',
      reason: 'S3 Bucket Deleted',
      message: 'The S3 bucket has been removed.',
    });
    expect(rec(c, 'status').readyReplicas).toBe(0);
    expect(rec(c, 'spec', 'storage', 's3').bucket).toBe('');
    expect(tryGet(api, R.daemonSets, 'openshift-image-registry', 'node-ca')).toBeDefined();
    await waitFor('CO Removed', () => {
      const co = clusterOperator(api);
      return cond(co, 'Available') === 'True Removed' &&
        condition(co, 'Degraded')?.message === 'Degraded: The registry is removed'
        ? co
        : undefined;
    });
    // graceful termination ran: the kubelet stopped the containers before the pods went away
    expect(
      events(api).some((e) => e.reason === 'Killing' && e.message === 'Stopping container registry'),
    ).toBe(true);

    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { managementState: 'Managed' } });
    await registryReady(sb);
    const back = config(api);
    expect(cond(back, 'Removed')).toBe('False ');
    expect(rec(back, 'spec', 'storage', 's3').bucket).toBe(bucket);
    expect(cond(back, 'StorageExists')).toMatch(/^True /);
    expect(
      events(api).some(
        (e) =>
          e.reason === 'DeploymentCreated' &&
          e.message ===
            'Created Deployment.apps/image-registry -n openshift-image-registry because it was missing',
      ),
    ).toBe(true);
    await waitFor('CO Ready', () => cond(clusterOperator(api), 'Available') === 'True Ready');
  });

  test('replicas 3: three Ready pods, MinimumAvailability on the way', async () => {
    const api = sb.api();
    const seen = new Set<string>();
    const stop = api.watch(R.configs, undefined, {}, (e) => {
      const reason = condition(e.object as never, 'Available')?.reason;
      if (typeof reason === 'string') seen.add(reason);
    });
    try {
      api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { replicas: 3 } });
      await registryReady(sb, 3);
    } finally {
      stop();
    }
    expect(seen.has('MinimumAvailability')).toBe(true);
    expect(readyPods(registryPods(api))).toHaveLength(3);
    const d = api.get(R.deployments, 'openshift-image-registry', 'image-registry');
    // crossing 2 removes the default anti-affinity and sets maxUnavailable replicas-1
    expect(rec(d, 'spec', 'template', 'spec').affinity).toBeUndefined();
    expect(rec(d, 'spec', 'strategy', 'rollingUpdate')).toEqual({ maxUnavailable: 2, maxSurge: '25%' });
  });

  test('a user S3 secret missing a key: the exact Progressing error and operator log line', async () => {
    const api = sb.api();
    api.create(R.secrets, 'openshift-image-registry', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'image-registry-private-configuration-user', namespace: 'openshift-image-registry' },
      stringData: { REGISTRY_STORAGE_S3_ACCESSKEY: 'AKIAIOSFODNN7EXAMPLE' },
    });
    const msg =
      'Unable to apply resources: unable to sync storage configuration: secret "openshift-image-registry/image-registry-private-configuration-user" does not contain required key "REGISTRY_STORAGE_S3_SECRETKEY"';
    await waitFor('Progressing Error', () => condition(config(api), 'Progressing')?.message === msg);
    expect(cond(config(api), 'Progressing')).toBe('True Error');
    await waitFor('unable to sync log line', () =>
      operatorLog(sb).match(
        /^E\d{4} \d\d:\d\d:\d\d\.\d{6} {7}1 controller\.go:\d+\] unable to sync: unable to sync storage configuration: secret "openshift-image-registry\/image-registry-private-configuration-user" does not contain required key "REGISTRY_STORAGE_S3_SECRETKEY", requeuing$/m,
      ),
    );
    // the registry keeps serving with what it had: still available
    expect(cond(config(api), 'Available')).toMatch(/^True /);
    api.delete(R.secrets, 'openshift-image-registry', 'image-registry-private-configuration-user');
    await waitFor('recovered', () => cond(config(api), 'Progressing') === 'False Ready');
  });

  test('two storage backends: the exact error', async () => {
    const api = sb.api();
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { storage: { emptyDir: {} } } });
    const msg =
      'Unable to apply resources: unable to sync storage configuration: exactly one storage type should be configured at the same time, got 2: [EmptyDir S3]';
    await waitFor('two backends error', () => condition(config(api), 'Progressing')?.message === msg);
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { storage: { emptyDir: null } } });
    await waitFor('recovered', () => cond(config(api), 'Progressing') === 'False Ready');
  });

  test('negative replicas and duplicate route names are VerificationFailed', async () => {
    const api = sb.api();
    api.patch(R.configs, undefined, 'cluster', 'merge', {
      spec: { routes: [{ name: 'default-route', hostname: 'r.example.com' }] },
    });
    await waitFor('VerificationFailed', () => {
      const d = condition(config(api), 'Degraded');
      return (
        d?.reason === 'VerificationFailed' &&
        d.message ===
          'Error: unable to complete resource: duplication of names has been detected in the additional routes'
      );
    });
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { routes: null } });
    await waitFor('recovered', () => cond(config(api), 'Degraded') === 'False ');
  });

  test('defaultRoute: admitted Route and images.config external hostname', async () => {
    const api = sb.api();
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { defaultRoute: true } });
    const host = 'default-route-openshift-image-registry.apps.sandbox.example.com';
    await waitFor('external hostname', () => {
      const img = api.get(R.imageConfigs, undefined, 'cluster');
      const hosts = rec(img, 'status').externalRegistryHostnames;
      return Array.isArray(hosts) && hosts[0] === host;
    });
    const route = api.get(R.routes, 'openshift-image-registry', 'default-route');
    expect(rec(route, 'spec').host).toBe(host);
    expect(rec(route, 'spec', 'tls').termination).toBe('reencrypt');
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { defaultRoute: false } });
    await waitFor('route deleted', () => !tryGet(api, R.routes, 'openshift-image-registry', 'default-route'));
  });
});
