import { afterEach, describe, expect, test } from 'vitest';
import { ApiError } from '../../src/core/errors.js';
import {
  R,
  arrOf,
  clusterOperator,
  cond,
  condition,
  config,
  events,
  operatorLog,
  rec,
  registryPods,
  registryReady,
  useTestSandbox,
  waitFor,
} from './support.js';

/** Each fault scenario: on → the conditions/events/logs a real cluster shows; off → the cluster heals. */
describe('fault scenarios', () => {
  const sb = useTestSandbox({ registryReady: true });
  // every scenario starts from a healthy cluster, whatever the previous one left behind
  afterEach(async () => {
    await sb.scenarios.clear();
    await registryReady(sb);
    await waitFor(
      'CO healthy',
      () =>
        cond(clusterOperator(sb.api()), 'Degraded') === 'False AsExpected' &&
        cond(clusterOperator(sb.api()), 'Available') === 'True Ready',
    );
  });

  test('catalog and unknown names', async () => {
    const names = sb.scenarios.list().map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        's3-credentials-missing-key',
        'storage-unreachable',
        'registry-unschedulable',
        'registry-crashloop',
        'operator-down',
        'clusteroperator-degraded',
        'trusted-ca-missing',
      ]),
    );
    await expect(sb.scenarios.activate('no-such-fault')).rejects.toBeInstanceOf(ApiError);
  });

  test('s3-credentials-missing-key', async () => {
    const api = sb.api();
    await sb.scenarios.activate('s3-credentials-missing-key');
    expect(sb.scenarios.list().find((s) => s.name === 's3-credentials-missing-key')?.active).toBe(true);
    await waitFor(
      'Progressing Error',
      () =>
        condition(config(api), 'Progressing')?.message ===
        'Unable to apply resources: unable to sync storage configuration: secret "openshift-image-registry/image-registry-private-configuration-user" does not contain required key "REGISTRY_STORAGE_S3_SECRETKEY"',
    );
    expect(operatorLog(sb)).toContain(
      'does not contain required key "REGISTRY_STORAGE_S3_SECRETKEY", requeuing',
    );
    await sb.scenarios.clear('s3-credentials-missing-key');
    await registryReady(sb);
  });

  test('storage-unreachable', async () => {
    const api = sb.api();
    await sb.scenarios.activate('storage-unreachable');
    // HeadBucket of the bucket in use fails otherwise than NoSuchBucket/Forbidden/NotFound: the
    // real S3 driver reports Unknown "Unknown Error Occurred" with the SDK's error text
    await waitFor(
      'StorageExists Unknown Error Occurred',
      () => cond(config(api), 'StorageExists') === 'Unknown Unknown Error Occurred',
    );
    expect(String(condition(config(api), 'StorageExists')?.message)).toMatch(
      /^RequestError: send request failed\ncaused by: .*i\/o timeout/,
    );
    await waitFor('unready registry pods', () =>
      registryPods(api).every((p) => cond(p, 'Ready') !== 'True '),
    );
    expect(
      events(api).some(
        (e) =>
          e.reason === 'Unhealthy' &&
          e.message === 'Readiness probe failed: HTTP probe failed with statuscode: 503',
      ),
    ).toBe(true);
    const log = registryPods(api)
      .flatMap((p) =>
        [true, false].flatMap(
          (previous) =>
            sb.logs.read('openshift-image-registry', p.metadata.name ?? '', 'registry', { previous }) ?? [],
        ),
      )
      .map((l) => l.text)
      .join('\n');
    expect(log).toMatch(
      /http\.request\.uri=\/healthz http\.request\.useragent=kube-probe\/1\.32 .*http\.response\.status=503/,
    );
    // five cluster minutes without availability: Degraded
    await waitFor('Degraded Unavailable', () => cond(config(api), 'Degraded') === 'True Unavailable');
    await waitFor('CO Degraded', () => cond(clusterOperator(api), 'Degraded') === 'True Unavailable');
    await sb.scenarios.clear('storage-unreachable');
    await registryReady(sb);
    await waitFor(
      'healed',
      () =>
        cond(config(api), 'StorageExists').startsWith('True') && cond(config(api), 'Degraded') === 'False ',
    );
  });

  test('registry-unschedulable', async () => {
    const api = sb.api();
    await sb.scenarios.activate('registry-unschedulable');
    await waitFor('pending pod', () =>
      registryPods(api).some((p) => cond(p, 'PodScheduled') === 'False Unschedulable'),
    );
    const ev = await waitFor('FailedScheduling', () =>
      events(api).find((e) => e.reason === 'FailedScheduling'),
    );
    expect(ev.type).toBe('Warning');
    expect(String(ev.message)).toMatch(
      /^0\/6 nodes are available: .*node\(s\) didn't match Pod's node affinity\/selector/,
    );
    await waitFor(
      'progress deadline',
      () => cond(config(api), 'Degraded') === 'True ProgressDeadlineExceeded',
    );
    expect(cond(config(api), 'Progressing')).toBe('True DeploymentNotCompleted');
    await sb.scenarios.clear('registry-unschedulable');
    await registryReady(sb);
    expect(rec(config(api), 'spec').nodeSelector).toBeUndefined();
  });

  test('registry-crashloop', async () => {
    const api = sb.api();
    await sb.scenarios.activate('registry-crashloop');
    const crashing = await waitFor('CrashLoopBackOff', () =>
      registryPods(api).find((p) =>
        arrOf(p, 'status', 'containerStatuses').some(
          (c) => rec(c, 'state', 'waiting').reason === 'CrashLoopBackOff' && Number(c.restartCount) >= 1,
        ),
      ),
    );
    const status = arrOf(crashing, 'status', 'containerStatuses')[0];
    expect(rec(status, 'lastState', 'terminated')).toMatchObject({ exitCode: 2, reason: 'Error' });
    const previous = (
      sb.logs.read('openshift-image-registry', crashing.metadata.name ?? '', 'registry', {
        previous: true,
      }) ?? []
    )
      .map((l) => l.text)
      .join('\n');
    expect(previous).toMatch(/level=panic msg="s3aws: failed to create storage driver: AccessDenied/);
    expect(
      events(api).some(
        (e) =>
          e.reason === 'BackOff' &&
          String(e.message).startsWith('Back-off restarting failed container registry in pod'),
      ),
    ).toBe(true);
    await sb.scenarios.clear('registry-crashloop');
    await registryReady(sb);
  });

  test('operator-down', async () => {
    const api = sb.api();
    await sb.scenarios.activate('operator-down');
    await waitFor(
      'operator pod gone',
      () =>
        api.list(R.pods, 'openshift-image-registry', {
          labelSelector: 'name=cluster-image-registry-operator',
        }).items.length === 0,
    );
    const before = config(api);
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { replicas: 3 } });
    await new Promise((r) => setTimeout(r, 500)); // 50 cluster seconds: nobody reconciles
    const d = api.get(R.deployments, 'openshift-image-registry', 'image-registry');
    expect(rec(d, 'spec').replicas).toBe(2);
    expect(rec(config(api), 'status').observedGeneration).toBe(rec(before, 'status').observedGeneration);
    await sb.scenarios.clear('operator-down');
    await registryReady(sb, 3);
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { replicas: 2 } });
    await registryReady(sb, 2);
  });

  test('clusteroperator-degraded', async () => {
    const api = sb.api();
    await sb.scenarios.activate('clusteroperator-degraded');
    await waitFor('CO Degraded ImagePrunerJobFailed', () => {
      const d = condition(clusterOperator(api), 'Degraded');
      return (
        d?.status === 'True' &&
        String(d.reason).split('::').includes('ImagePrunerJobFailed') &&
        String(d.message)
          .split('\n')
          .includes('ImagePrunerDegraded: Job has reached the specified backoff limit')
      );
    });
    const pruner = api.get(R.imagePruners, undefined, 'cluster');
    expect(cond(pruner, 'Failed')).toBe('True BackoffLimitExceeded');
    await sb.scenarios.clear('clusteroperator-degraded');
    await waitFor('CO healed', () => cond(clusterOperator(api), 'Degraded') === 'False AsExpected');
  });

  test('trusted-ca-missing', async () => {
    const api = sb.api();
    await sb.scenarios.activate('trusted-ca-missing');
    await waitFor('certificates controller degraded', () => {
      const c = condition(config(api), 'ImageRegistryCertificatesControllerDegraded');
      return (
        c?.status === 'True' &&
        c.message ===
          'failed to update object *v1.ConfigMap, Namespace=openshift-image-registry, Name=image-registry-certificates: image-registry-certificates: configmap "registry-cas" not found'
      );
    });
    await waitFor('CO Degraded', () => {
      const d = condition(clusterOperator(api), 'Degraded');
      return (
        d?.status === 'True' &&
        String(d.reason).split('::').includes('ImageRegistryCertificatesControllerError') &&
        String(d.message)
          .split('\n')
          .some((l) => l.startsWith('ImageRegistryCertificatesControllerDegraded: '))
      );
    });
    await sb.scenarios.clear();
    expect(sb.scenarios.list().every((s) => !s.active)).toBe(true);
    await waitFor(
      'healed',
      () =>
        cond(config(api), 'ImageRegistryCertificatesControllerDegraded') === 'False AsExpected' &&
        cond(clusterOperator(api), 'Degraded') === 'False AsExpected',
    );
  });
});
