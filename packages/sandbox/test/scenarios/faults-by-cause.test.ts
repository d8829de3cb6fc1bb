import { afterEach, describe, expect, test } from 'vitest';
import {
  R,
  arrOf,
  clusterOperator,
  cond,
  condition,
  config,
  events,
  operatorLog,
  registryPods,
  registryReady,
  useTestSandbox,
  waitFor,
} from './support.js';

/**
 * The scenarios behind each diagnosis: on → the real texts where a real cluster shows them (the
 * operator's conditions and log, the registry's log, the scheduler's FailedScheduling); off →
 * the cluster heals.
 */
describe('fault scenarios by cause', () => {
  const sb = useTestSandbox({ registryReady: true });
  afterEach(async () => {
    await sb.scenarios.clear();
    await registryReady(sb);
    await waitFor('CO available', () => cond(clusterOperator(sb.api()), 'Available') === 'True Ready');
  });

  const registryLog = () =>
    registryPods(sb.api())
      .flatMap((p) =>
        [true, false].flatMap(
          (previous) =>
            sb.logs.read('openshift-image-registry', p.metadata.name ?? '', 'registry', { previous }) ?? [],
        ),
      )
      .map((l) => l.text)
      .join('\n');
  const progressingError = () => {
    const p = condition(config(sb.api()), 'Progressing');
    return p?.status === 'True' && p.reason === 'Error' ? String(p.message) : '';
  };
  const failedScheduling = () =>
    events(sb.api())
      .filter((e) => e.reason === 'FailedScheduling')
      .map((e) => String(e.message))
      .join('\n');

  test('s3-credentials-missing: no user secret, no minted credentials', async () => {
    await sb.scenarios.activate('s3-credentials-missing');
    await waitFor('Progressing Error', () =>
      progressingError().includes(
        'unable to get cluster minted credentials "openshift-image-registry/installer-cloud-credentials": secret "installer-cloud-credentials" not found',
      ),
    );
  });

  test('s3-credentials-invalid: InvalidAccessKeyId', async () => {
    await sb.scenarios.activate('s3-credentials-invalid');
    await waitFor('InvalidAccessKeyId', () =>
      progressingError().includes(
        'InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.',
      ),
    );
  });

  test('s3-signature-mismatch: the registry reads SignatureDoesNotMatch', async () => {
    await sb.scenarios.activate('s3-signature-mismatch');
    await waitFor('registry log', () =>
      registryLog().includes(
        'level=error msg="s3aws: SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.',
      ),
    );
  });

  test('s3-access-denied: AccessDenied for the registry', async () => {
    await sb.scenarios.activate('s3-access-denied');
    await waitFor('registry log', () => registryLog().includes('msg="s3aws: AccessDenied: Access Denied'));
  });

  test('s3-bucket-missing: NoSuchBucket for the registry', async () => {
    await sb.scenarios.activate('s3-bucket-missing');
    await waitFor('registry log', () =>
      registryLog().includes('msg="s3aws: NoSuchBucket: The specified bucket does not exist'),
    );
  });

  test('s3-bucket-other-region: BucketRegionError', async () => {
    await sb.scenarios.activate('s3-bucket-other-region');
    await waitFor('BucketRegionError', () =>
      progressingError().includes(
        "BucketRegionError: incorrect region, the bucket is not in 'eu-west-1' region at endpoint '', bucket is in 'us-east-1' region",
      ),
    );
  });

  test('s3-clock-skew: RequestTimeTooSkewed from the workers', async () => {
    await sb.scenarios.activate('s3-clock-skew');
    await waitFor('registry log', () =>
      registryLog().includes(
        'msg="s3aws: RequestTimeTooSkewed: The difference between the request time and the current time is too large.',
      ),
    );
  });

  test('s3-proxy-unreachable: proxyconnect', async () => {
    await sb.scenarios.activate('s3-proxy-unreachable');
    await waitFor('registry log', () =>
      /caused by: Get \\"https:\/\/[^"]+\\": proxyconnect tcp: dial tcp 10\.0\.99\.5:3128: i\/o timeout/.test(
        registryLog(),
      ),
    );
  });

  test('s3-proxy-no-bypass: the proxy cannot reach the in-cluster endpoint; noProxy fixes it', async () => {
    await sb.scenarios.activate('s3-proxy-no-bypass');
    await waitFor('registry log', () =>
      /Get \\"https:\/\/minio\.storage\.svc:9000\/[^"]+\\": Service Unavailable/.test(registryLog()),
    );
    sb.api().patch(R.configs, undefined, 'cluster', 'merge', {
      spec: { proxy: { noProxy: '.cluster.local,.svc,localhost' } },
    });
    await registryReady(sb);
  });

  test('storage-multiple-backends: the operator refuses pvc next to s3 and the registry keeps running on S3', async () => {
    await sb.scenarios.activate('storage-multiple-backends');
    const refusal =
      'unable to sync storage configuration: exactly one storage type should be configured at the same time, got 2: [S3 PVC]';
    await waitFor('Progressing Error', () => progressingError() === `Unable to apply resources: ${refusal}`);
    expect(operatorLog(sb)).toContain(`unable to sync: ${refusal}, requeuing`);
    expect(cond(config(sb.api()), 'Available')).toBe('True Ready');
    expect(Object.keys((config(sb.api()).status as { storage: object }).storage)).toContain('s3');
  });

  test('storage-emptydir-replicas: the operator accepts emptyDir with 2 replicas, each pod with its own volume', async () => {
    await sb.scenarios.activate('storage-emptydir-replicas');
    const volumes = () =>
      registryPods(sb.api())
        .filter((p) => !p.metadata.deletionTimestamp && cond(p, 'Ready') === 'True ')
        .map((p) => arrOf(p, 'spec', 'volumes').find((v) => v.name === 'registry-storage'));
    await waitFor('two ready pods on emptyDir', () => {
      const v = volumes();
      return v.length === 2 && v.every((x) => x && 'emptyDir' in x);
    });
    expect(progressingError()).toBe('');
    expect(condition(config(sb.api()), 'StorageExists')).toMatchObject({
      status: 'True',
      message: 'EmptyDir storage successfully created',
    });
  });

  test('pvc-missing and pvc-rwo-replicas: the operator messages', async () => {
    await sb.scenarios.activate('pvc-missing');
    await waitFor('claim not found', () => progressingError().includes('"missing-claim" not found'));
    await sb.scenarios.clear('pvc-missing');
    await registryReady(sb);
    await sb.scenarios.activate('pvc-rwo-replicas');
    await waitFor('RWO', () =>
      progressingError().includes('cannot use ReadWriteOnce access mode with more than one replica'),
    );
  });

  test.each([
    ['registry-untolerated-taint', '1 node(s) had untolerated taint {node-role.kubernetes.io/infra: }'],
    ['registry-node-affinity', "3 node(s) didn't match Pod's node affinity/selector"],
    // kube-scheduler's whole message: the workers lack cpu even without the workloads of lower
    // priority than the registry's system-cluster-critical that preemption could evict (so it
    // repeats the filter's reason); the masters' taint is unresolvable
    [
      'registry-insufficient-cpu',
      '0/6 nodes are available: 3 Insufficient cpu, 3 node(s) had untolerated taint {node-role.kubernetes.io/master: }. preemption: 0/6 nodes are available: 3 Insufficient cpu, 3 Preemption is not helpful for scheduling..',
    ],
    ['registry-anti-affinity', "node(s) didn't match pod anti-affinity rules"],
    [
      'registry-nodes-cordoned',
      '0/6 nodes are available: 3 node(s) had untolerated taint {node-role.kubernetes.io/master: }, 3 node(s) were unschedulable. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling..',
    ],
    [
      'registry-topology-spread',
      "3 node(s) didn't match pod topology spread constraints (missing required label), 3 node(s) had untolerated taint {node-role.kubernetes.io/master: }. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling..",
    ],
  ])('%s: FailedScheduling says %s', async (name, text) => {
    await sb.scenarios.activate(name);
    await waitFor('FailedScheduling', () => failedScheduling().includes(text));
  });

  test('registry-nodes-cordoned: the node lifecycle controller taints the cordoned workers, and untaints them', async () => {
    const workers = () =>
      sb
        .api()
        .list(R.nodes, undefined)
        .items.filter((n) => 'node-role.kubernetes.io/worker' in (n.metadata.labels ?? {}));
    const tainted = () =>
      workers().filter((n) =>
        arrOf(n, 'spec', 'taints').some(
          (t) => t.key === 'node.kubernetes.io/unschedulable' && t.effect === 'NoSchedule' && t.timeAdded,
        ),
      ).length;
    await sb.scenarios.activate('registry-nodes-cordoned');
    await waitFor('unschedulable taints', () => tainted() === 3);
    await sb.scenarios.clear('registry-nodes-cordoned');
    await waitFor('taints gone', () => tainted() === 0);
  });

  test("route-host-claimed: the router refuses the registry's route, the operator reports RouteDegraded", async () => {
    await sb.scenarios.activate('route-host-claimed');
    const refusal =
      'a route in another namespace holds registry.apps.sandbox.example.com and is older than public-registry';
    await waitFor('RouteDegraded', () => {
      const d = condition(config(sb.api()), 'Degraded');
      return (
        d?.status === 'True' &&
        d.reason === 'RouteDegraded' &&
        d.message ===
          `route public-registry (host registry.apps.sandbox.example.com, router default) not admitted: ${refusal}`
      );
    });
    const route = sb.api().get(R.routes, 'openshift-image-registry', 'public-registry');
    expect(arrOf(arrOf(route, 'status', 'ingress')[0], 'conditions')[0]).toMatchObject({
      type: 'Admitted',
      status: 'False',
      reason: 'HostAlreadyClaimed',
      message: refusal,
    });
  });

  test('route-tls-secret-missing: the operator cannot create the route', async () => {
    await sb.scenarios.activate('route-tls-secret-missing');
    await waitFor('apply error', () => /secrets? "missing-route-tls" not found/.test(progressingError()));
    expect(operatorLog(sb)).toMatch(/unable to sync: .*"missing-route-tls" not found/);
  });

  test('registry-image-pull: ErrImagePull, then ImagePullBackOff with the kubelet texts; quay.io back fixes it', async () => {
    await sb.scenarios.activate('registry-image-pull');
    const waiting = () =>
      registryPods(sb.api()).flatMap((p) =>
        (
          (
            p.status as {
              containerStatuses?: { state?: { waiting?: { reason?: string; message?: string } } }[];
            }
          )?.containerStatuses ?? []
        ).flatMap((c) => (c.state?.waiting ? [c.state.waiting] : [])),
      );
    const unauthorized =
      /^Back-off pulling image "quay\.io\/openshift-release-dev\/ocp-v4\.0-art-dev@sha256:[0-9a-f]{64}": ErrImagePull: rpc error: code = Unknown desc = reading manifest sha256:[0-9a-f]{64} in quay\.io\/openshift-release-dev\/ocp-v4\.0-art-dev: unauthorized: access to the requested resource is not authorized$/;
    await waitFor('ImagePullBackOff', () =>
      waiting().some((w) => w.reason === 'ImagePullBackOff' && unauthorized.test(w.message ?? '')),
    );
    const texts = events(sb.api()).map((e) => `${e.type} ${e.reason}: ${e.message}`);
    expect(texts.some((t) => /^Normal Pulling: Pulling image "quay\.io\//.test(t))).toBe(true);
    expect(
      texts.some((t) => /^Warning Failed: Failed to pull image "quay\.io\/.*: unauthorized:/.test(t)),
    ).toBe(true);
    expect(texts).toContain('Warning Failed: Error: ErrImagePull');
    expect(texts).toContain('Warning Failed: Error: ImagePullBackOff');
    // an admin puts quay.io back into the pull secret: the next pull succeeds
    const secret = sb.api().get(R.secrets, 'openshift-config', 'pull-secret');
    const raw = (secret as unknown as { data: Record<string, string> }).data['.dockerconfigjson'] ?? '';
    const dockerconfig = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as { auths: object };
    const auths = { ...dockerconfig.auths, 'quay.io': { auth: Buffer.from('u:p').toString('base64') } };
    sb.api().update(R.secrets, 'openshift-config', {
      ...secret,
      data: { '.dockerconfigjson': Buffer.from(JSON.stringify({ auths })).toString('base64') },
    });
    await registryReady(sb);
    expect(
      events(sb.api()).some((e) => /^Successfully pulled image "quay\.io\//.test(String(e.message))),
    ).toBe(true);
  });
});
