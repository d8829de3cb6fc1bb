import type { CoreV1Event, V1Deployment, V1PersistentVolumeClaim, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { parseLogLine } from '../../src/diagnostics/log-tail.js';
import { KubeError } from '../../src/kube/errors.js';
import {
  NOW,
  config,
  deployment,
  findingOf,
  forbidden,
  gathered,
  healthyConditions,
  log,
  missing,
  ok,
  pod,
  run,
  stepOf,
} from './diagnostics-fixtures.js';
import { runChecklist } from '../../src/diagnostics/run.js';

const SYNC =
  'E0612 09:25:10.004512       1 controller.go:400] unable to sync: unable to sync storage configuration: secret "openshift-image-registry/image-registry-private-configuration-user" does not contain required key "REGISTRY_STORAGE_S3_SECRETKEY", requeuing';

describe('the checklist on a healthy registry', () => {
  it('is ok everywhere, with no headline', () => {
    const d = run();
    expect(d.steps.map((s) => [s.id, s.verdict])).toEqual(d.steps.map((s) => [s.id, 'ok']));
    expect(d.verdict).toBe('ok');
    expect(d.headline).toBeUndefined();
  });
});

describe('management states', () => {
  it('Removed on purpose is information, not a failure; the absent deployment is expected', () => {
    const d = run({
      config: ok(
        config({ managementState: 'Removed', storage: {} }, [
          { type: 'Removed', status: 'True', reason: 'Removed' },
        ]),
      ),
      registryDeployment: missing(),
      registryPods: ok([]),
    });
    expect(d.verdict).toBe('info');
    expect(findingOf(d, 'config-removed')?.severity).toBe('info');
    expect(stepOf(d, 'registry-deployment').verdict).toBe('ok');
  });

  it('Unmanaged warns that changes are ignored and offers the management state', () => {
    const d = run({ config: ok(config({ managementState: 'Unmanaged', storage: { emptyDir: {} } })) });
    const f = findingOf(d, 'config-unmanaged');
    expect(f?.severity).toBe('warning');
    expect(f?.summary).toMatch(/not applied/);
    expect(f?.fix).toEqual({ section: 'overview', field: 'spec.managementState', label: expect.any(String) });
  });
});

describe('operator down or not reconciling', () => {
  const down = {
    operatorDeployment: ok<V1Deployment>({ spec: { replicas: 0, selector: {}, template: {} }, status: {} }),
  };
  it('scaled to 0: the operator step fails, the ClusterOperator is marked stale', () => {
    const d = run(down);
    const f = findingOf(d, 'operator-not-running');
    expect(f?.field).toBe('spec.replicas');
    expect(f?.command).toBe(
      'oc scale deployment/cluster-image-registry-operator -n openshift-image-registry --replicas=1',
    );
    const co = stepOf(d, 'cluster-operator');
    expect(co.verdict).toBe('failing');
    expect(co.findings[0]?.code).toBe('operator-not-reconciling');
  });

  it('generation ahead of observedGeneration while the operator is down: the change is not applied', () => {
    const d = run({
      ...down,
      config: ok(
        config({ storage: { emptyDir: {} } }, healthyConditions, {
          metadata: { generation: 18 },
          status: { observedGeneration: 17 },
        }),
      ),
    });
    const f = stepOf(d, 'config').findings.find((x) => x.code === 'operator-not-reconciling');
    expect(f?.severity).toBe('failing');
    expect(f?.summary).toContain('generation 18');
    expect(f?.evidence.join('\n')).toContain('status.observedGeneration 17');
  });

  it('a running operator that is a moment behind is not reported (it is catching up)', () => {
    const justNow = new Date(NOW - 5_000).toISOString();
    const d = run({
      config: ok(
        config({ storage: { emptyDir: {} } }, healthyConditions, {
          metadata: {
            generation: 4,
            managedFields: [{ manager: 'console', operation: 'Update', time: justNow }],
          },
        }),
      ),
    });
    expect(findingOf(d, 'operator-not-reconciling')).toBeUndefined();
  });
});

describe('storage', () => {
  const s3 = (extra: Record<string, unknown> = {}) => ({
    s3: { bucket: 'b', region: 'us-east-1', ...extra },
  });

  it('a missing key fails the storage step with the key, the secret field and the credentials form', () => {
    const d = run({
      config: ok(
        config({ storage: s3() }, [
          ...healthyConditions.slice(0, 1),
          {
            type: 'Progressing',
            status: 'True',
            reason: 'Error',
            message: `Unable to apply resources: ${SYNC.split('unable to sync: ')[1]}`,
          },
        ]),
      ),
      userSecret: ok({ data: { REGISTRY_STORAGE_S3_ACCESSKEY: 'QUtJQQ==' } }),
    });
    const f = stepOf(d, 'storage-credentials').findings[0];
    expect(f?.code).toBe('storage-credentials-key-missing');
    expect(f?.object).toMatchObject({ kind: 'Secret', name: 'image-registry-private-configuration-user' });
    expect(f?.field).toBe('data.REGISTRY_STORAGE_S3_SECRETKEY');
    expect(f?.fix?.field).toBe('credentials.REGISTRY_STORAGE_S3_SECRETKEY');
  });

  it('StorageExists left False by an undone change is stale information, not a storage failure', () => {
    const conditions = [
      ...healthyConditions,
      {
        type: 'StorageExists',
        status: 'Unknown',
        reason: 'S3 Configuration Changed',
        message: 'S3 storage is in an unknown state',
      },
    ];
    const d = run({
      config: ok(
        config({ storage: s3() }, conditions, {
          status: { storage: { s3: { bucket: 'b', region: 'us-east-1', virtualHostedStyle: false } } },
        }),
      ),
    });
    expect(stepOf(d, 'storage-credentials').verdict).toBe('info');
    expect(findingOf(d, 'storage-condition-stale')?.summary).toMatch(/left over/);
  });

  it('the same condition while spec.storage differs from what applied is not called stale', () => {
    const conditions = [
      ...healthyConditions,
      {
        type: 'StorageExists',
        status: 'False',
        reason: 'NoSuchBucket',
        message:
          'NoSuchBucket: The specified bucket does not exist\n\tstatus code: 404, request id: X, host id: ',
      },
    ];
    const d = run({
      config: ok(
        config({ storage: s3({ bucket: 'other' }) }, conditions, {
          status: { storage: { s3: { bucket: 'b' } } },
        }),
      ),
    });
    expect(findingOf(d, 'storage-condition-stale')).toBeUndefined();
    expect(findingOf(d, 'storage-bucket-missing')?.fix?.field).toBe('spec.storage.s3.bucket');
  });

  it('a registry log error that is old is history; a recent one is the cause', () => {
    const line = 'time="x" level=error msg="s3aws: NoSuchBucket: The specified bucket does not exist"';
    const old = run({
      config: ok(config({ storage: s3() })),
      registryLogs: [log('image-registry-1', 'registry', [line], '2026-06-12T09:00:00Z')],
    });
    expect(findingOf(old, 'storage-bucket-missing')).toBeUndefined();
    const recent = run({
      config: ok(config({ storage: s3() })),
      registryLogs: [log('image-registry-1', 'registry', [line], '2026-06-12T09:59:30Z')],
    });
    expect(findingOf(recent, 'storage-bucket-missing')?.evidence[0]).toContain('pod image-registry-1 log');
  });

  it('PVC: ReadWriteOnce with 2 replicas points at replicas, with RollingUpdate at the strategy', () => {
    const claim: V1PersistentVolumeClaim = {
      metadata: { name: 'image-registry-storage' },
      spec: { accessModes: ['ReadWriteOnce'] },
      status: { phase: 'Bound' },
    };
    const two = run({
      config: ok(config({ replicas: 2, storage: { pvc: { claim: '' } } })),
      claim: ok(claim),
    });
    expect(findingOf(two, 'pvc-rwo-replicas')?.fix).toMatchObject({
      section: 'replicas',
      field: 'spec.replicas',
    });
    const rolling = run({
      config: ok(config({ replicas: 1, storage: { pvc: { claim: '' } } })),
      claim: ok(claim),
    });
    expect(findingOf(rolling, 'pvc-rwo-rolling-update')?.fix?.field).toBe('spec.rolloutStrategy');
    const fine = run({
      config: ok(config({ rolloutStrategy: 'Recreate', storage: { pvc: { claim: '' } } })),
      claim: ok(claim),
    });
    expect(stepOf(fine, 'storage-credentials').verdict).toBe('ok');
  });

  it('PVC: Pending without a class and no default StorageClass; a named claim that does not exist', () => {
    const pending: V1PersistentVolumeClaim = {
      metadata: { name: 'image-registry-storage' },
      spec: { accessModes: ['ReadWriteMany'] },
      status: { phase: 'Pending' },
    };
    const d = run({
      config: ok(config({ storage: { pvc: { claim: '' } } })),
      claim: ok(pending),
      storageClasses: ok([{ metadata: { name: 'gp3-csi', annotations: {} } }]),
    });
    expect(findingOf(d, 'pvc-no-default-storageclass')?.field).toBe('spec.storageClassName');
    const named = run({
      config: ok(config({ storage: { pvc: { claim: 'missing-claim' } } })),
      claim: missing(),
    });
    expect(findingOf(named, 'pvc-missing')?.fix?.field).toBe('spec.storage.pvc.claim');
  });
});

describe('registry pods', () => {
  const pending = (message: string, spec: Partial<V1Pod['spec']> = {}): V1Pod =>
    pod('image-registry-2', {
      spec: { containers: [{ name: 'registry', resources: { requests: { cpu: '16' } } }], ...spec },
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }],
      },
    });
  const master = '3 node(s) had untolerated taint {node-role.kubernetes.io/master: }';
  const tail = '. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.';

  it('a nodeSelector no node has: names spec.nodeSelector and opens Advanced on it', () => {
    const d = run({
      config: ok(
        config({ storage: { emptyDir: {} }, nodeSelector: { 'node-role.kubernetes.io/infra': '' } }),
      ),
      registryPods: ok([
        pending(
          `0/6 nodes are available: 3 node(s) didn't match Pod's node affinity/selector, ${master}${tail}`,
          { nodeSelector: { 'node-role.kubernetes.io/infra': '', 'kubernetes.io/os': 'linux' } },
        ),
      ]),
      nodes: ok([{ metadata: { name: 'w1', labels: { 'node-role.kubernetes.io/worker': '' } } }]),
    });
    const s = stepOf(d, 'registry-pods');
    expect(s.verdict).toBe('failing');
    expect(s.findings.map((f) => f.code)).toEqual(['unschedulable-node-selector']);
    expect(s.findings[0]?.fix).toEqual({
      section: 'advanced',
      field: 'spec.nodeSelector',
      label: 'Change nodeSelector',
    });
    expect(s.findings[0]?.evidence).toContain('no node has the label node-role.kubernetes.io/infra=');
  });

  it('infra nodes that are tainted: the toleration is the cause, not the selector', () => {
    const d = run({
      registryPods: ok([
        pending(
          `0/7 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/infra: }, 3 node(s) didn't match Pod's node affinity/selector, ${master}${tail}`,
          { nodeSelector: { 'node-role.kubernetes.io/infra': '' } },
        ),
      ]),
    });
    expect(stepOf(d, 'registry-pods').findings.map((f) => f.code)).toEqual(['unschedulable-taints']);
    expect(findingOf(d, 'unschedulable-taints')?.fix?.field).toBe('spec.tolerations');
  });

  it('Insufficient cpu: names the request and the largest allocatable', () => {
    const d = run({
      registryPods: ok([pending(`0/6 nodes are available: 3 Insufficient cpu, ${master}${tail}`)]),
      nodes: ok([{ metadata: { name: 'w1' }, status: { allocatable: { cpu: '7500m' } } }]),
    });
    const f = findingOf(d, 'unschedulable-resources');
    expect(f?.fix?.field).toBe('spec.resources.requests.cpu');
    expect(f?.evidence).toEqual(
      expect.arrayContaining([
        'registry container requests cpu: 16',
        'largest allocatable cpu: 7500m (node w1)',
      ]),
    );
  });

  it('anti-affinity with more replicas than nodes points at replicas', () => {
    const d = run({
      config: ok(config({ replicas: 4, storage: { emptyDir: {} } })),
      registryPods: ok([
        pending(`0/6 nodes are available: 3 node(s) didn't match pod anti-affinity rules, ${master}${tail}`),
      ]),
    });
    expect(findingOf(d, 'unschedulable-anti-affinity')?.fix?.section).toBe('replicas');
  });

  it('a crash loop quotes the previous container and offers the fix of its storage cause', () => {
    const crashing = pod('image-registry-3', {
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'registry',
            ready: false,
            restartCount: 4,
            image: 'i',
            imageID: '',
            state: {
              waiting: {
                reason: 'CrashLoopBackOff',
                message: 'back-off 1m20s restarting failed container=registry',
              },
            },
            lastState: { terminated: { exitCode: 2, reason: 'Error' } },
          },
        ],
      },
    });
    const d = run({
      config: ok(config({ storage: { s3: { bucket: 'b' } } })),
      registryPods: ok([crashing]),
      previousLogs: [
        log('image-registry-3', 'registry', [
          'time="x" level=info msg="start registry"',
          'time="x" level=panic msg="s3aws: failed to create storage driver: AccessDenied: Access Denied\\n\\tstatus code: 403"',
        ]),
      ],
    });
    const f = findingOf(d, 'crash-loop');
    expect(f?.summary).toMatch(/exits at start: The credentials are valid but not allowed/);
    expect(f?.evidence.join('\n')).toContain('previous container: time="x" level=panic');
    expect(f?.links[0]).toMatchObject({ kind: 'log', previous: true });
    expect(f?.fix?.field).toBe('credentials.REGISTRY_STORAGE_S3_ACCESSKEY');
    expect(findingOf(d, 'storage-access-denied')).toBeDefined();
  });

  it('an image that cannot be pulled is named with the kubelet message', () => {
    const pulling = pod('image-registry-4', {
      status: {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'registry',
            ready: false,
            restartCount: 0,
            image: 'quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:0f',
            imageID: '',
            state: {
              waiting: {
                reason: 'ImagePullBackOff',
                message: 'Back-off pulling image "quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:0f"',
              },
            },
          },
        ],
      },
    });
    const event: CoreV1Event = {
      metadata: {},
      involvedObject: { kind: 'Pod', name: 'image-registry-4' },
      type: 'Warning',
      reason: 'Failed',
      message:
        'Failed to pull image "quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:0f": unauthorized: access to the requested resource is not authorized',
    };
    const d = run({ registryPods: ok([pulling]), events: ok([event]) });
    const f = findingOf(d, 'image-pull');
    expect(f?.summary).toMatch(/not allowed to pull/);
    expect(f?.fix?.section).toBe('pull-secret');
  });
});

describe('a registry pod on a node whose kubelet stopped', () => {
  const NODE = 'ip-10-0-23-45.ec2.internal';
  const unready = pod('image-registry-1', {
    status: { ...pod('image-registry-1').status, conditions: [{ type: 'Ready', status: 'False' }] },
  });
  const node = (ready: string, reason: string) => ({
    metadata: { name: NODE },
    spec: {
      taints: [
        { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-06-12T09:20:00Z' },
      ],
    },
    status: {
      conditions: [
        {
          type: 'Ready',
          status: ready,
          reason,
          message: 'Kubelet stopped posting node status.',
          lastTransitionTime: '2026-06-12T09:20:00Z',
        },
      ],
    },
  });

  it('names the node as the cause, with its condition and taint; the log it could not read is said too', () => {
    const d = run({
      registryPods: ok([unready]),
      nodes: ok([node('Unknown', 'NodeStatusUnknown')]),
      registryLogs: [
        {
          pod: 'image-registry-1',
          container: 'registry',
          ok: false,
          error: new KubeError(502, 'NodeUnreachable', 'the node running this pod cannot be reached'),
        },
      ],
    });
    const s = stepOf(d, 'registry-pods');
    expect(s.verdict).toBe('failing');
    const f = findingOf(d, 'node-not-ready');
    expect(f).toMatchObject({
      object: { kind: 'Node', name: NODE },
      field: 'status.conditions[Ready]',
      command: `oc describe node ${NODE}`,
      summary: `Node ${NODE} is not ready (its kubelet stopped posting status): registry pod image-registry-1 cannot run there`,
    });
    expect(f?.evidence).toEqual([
      `node ${NODE}: Ready=Unknown (NodeStatusUnknown): Kubelet stopped posting node status. — since 2026-06-12T09:20:00Z`,
      'taint node.kubernetes.io/unreachable:NoExecute since 2026-06-12T09:20:00Z',
      'pod image-registry-1: not ready',
    ]);
    expect(findingOf(d, 'cannot-read')?.nextStep).toMatch(/kubelet of this pod's node does not answer/);
  });

  it('a ready node is no finding', () => {
    const d = run({ registryPods: ok([unready]), nodes: ok([node('True', 'KubeletReady')]) });
    expect(findingOf(d, 'node-not-ready')).toBeUndefined();
  });
});

describe('honesty: what could not be read is never ok', () => {
  it('a registry log that cannot be read makes the step unknown, not ok', () => {
    const d = run({
      registryLogs: [
        {
          pod: 'image-registry-1',
          container: 'registry',
          ok: false,
          error: new KubeError(502, 'BadGateway', 'dial tcp 10.0.23.45:10250: i/o timeout'),
        },
      ],
    });
    const s = stepOf(d, 'registry-pods');
    expect(s.verdict).toBe('unknown');
    expect(s.findings[0]?.summary).toMatch(/Could not check: the log of image-registry-1 could not be read/);
    expect(d.verdict).toBe('unknown');
  });

  it('forbidden pods and events: unknown with the access to ask for', () => {
    const d = run({ registryPods: forbidden(), events: forbidden() });
    expect(stepOf(d, 'registry-pods').verdict).toBe('unknown');
    expect(stepOf(d, 'events').findings[0]?.evidence[0]).toBe('you may not read events (403 Forbidden)');
  });
});

describe('staleness: warnings age out', () => {
  const warn = (name: string, uid: string): CoreV1Event => ({
    metadata: {},
    involvedObject: { kind: 'Pod', name, uid },
    type: 'Warning',
    reason: 'Unhealthy',
    message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
    lastTimestamp: new Date(NOW - 60_000),
  });
  it('a warning about a pod that no longer exists (or was replaced) is history', () => {
    const d = run({ events: ok([warn('image-registry-gone', 'u1'), warn('image-registry-1', 'other-uid')]) });
    expect(stepOf(d, 'events').verdict).toBe('ok');
    expect(stepOf(d, 'events').evidence.join('\n')).toMatch(/2 older warning/);
  });
  it('a warning about a pod that is still not ready counts', () => {
    const notReady = pod('image-registry-1');
    notReady.status!.containerStatuses![0]!.ready = false;
    const d = run({
      registryPods: ok([notReady]),
      events: ok([warn('image-registry-1', 'uid-image-registry-1')]),
    });
    expect(stepOf(d, 'events').verdict).toBe('warning');
  });
});

describe('pruner and node-ca', () => {
  const job = (name: string, failed: boolean, start: string) => ({
    metadata: { name, ownerReferences: [{ kind: 'CronJob', name: 'image-pruner' }] },
    status: {
      startTime: start,
      conditions: [
        failed
          ? {
              type: 'Failed',
              status: 'True',
              reason: 'BackoffLimitExceeded',
              message: 'Job has reached the specified backoff limit',
            }
          : { type: 'Complete', status: 'True' },
      ],
    },
  });
  it('the last failed Job is diagnosed with its pod log; a later success makes it history', () => {
    const failing = run({
      prunerJobs: ok([job('image-pruner-29000000', true, '2026-06-12T00:00:00Z')]),
      prunerPods: ok([pod('image-pruner-29000000-abcde')]),
      prunerLog: log('image-pruner-29000000-abcde', 'image-pruner', [
        'error: failed to ping registry https://image-registry.openshift-image-registry.svc:5000: Get "https://image-registry.openshift-image-registry.svc:5000/": dial tcp 172.30.48.227:5000: connect: connection refused',
      ]),
    });
    const f = findingOf(failing, 'pruner-job-failed');
    expect(f?.object).toMatchObject({ kind: 'Job', name: 'image-pruner-29000000' });
    expect(f?.summary).toMatch(/could not reach the registry/);
    expect(f?.evidence.join('\n')).toContain('failed to ping registry');
    const later = run({
      prunerJobs: ok([
        job('image-pruner-29000000', true, '2026-06-12T00:00:00Z'),
        job('image-pruner-29001440', false, '2026-06-13T00:00:00Z'),
      ]),
    });
    expect(stepOf(later, 'pruner').verdict).toBe('ok');
    // a manual re-run started in the same second as the failed run (start times are in seconds)
    const sameSecond = run({
      prunerJobs: ok([
        job('image-pruner-manual-b4m6d', true, '2026-06-12T00:00:00Z'),
        job('image-pruner-manual-x7k2p', false, '2026-06-12T00:00:00Z'),
      ]),
    });
    expect(stepOf(sameSecond, 'pruner').verdict).toBe('ok');
  });

  it('node-ca not ready on some nodes names them', () => {
    const d = run({
      nodeCaDaemonSet: ok({ status: { desiredNumberScheduled: 6, numberReady: 5, numberAvailable: 5 } }),
      nodeCaPods: ok([
        pod('node-ca-x', {
          spec: { nodeName: 'ip-10-0-56-78.ec2.internal', containers: [] },
          status: { phase: 'Pending' },
        }),
      ]),
    });
    const f = findingOf(d, 'node-ca-not-ready');
    expect(f?.severity).toBe('warning');
    expect(f?.evidence.join('\n')).toContain('on node ip-10-0-56-78.ec2.internal');
  });
});

describe('routes', () => {
  it('a route naming a missing secret fails; a secret without tls keys warns', () => {
    const d = run({
      config: ok(
        config({
          storage: { emptyDir: {} },
          routes: [
            { name: 'public', hostname: 'r.example.com', secretName: 'missing-route-tls' },
            { name: 'other', secretName: 'opaque' },
          ],
        }),
      ),
      routeSecrets: new Map([
        ['missing-route-tls', missing()],
        ['opaque', ok({ type: 'Opaque', data: { token: 'eA==' } })],
      ]),
    });
    expect(findingOf(d, 'route-tls-secret-missing')?.fix).toMatchObject({
      section: 'routes',
      field: 'spec.routes[0].secretName',
    });
    expect(findingOf(d, 'route-tls-secret-invalid')?.severity).toBe('warning');
  });
});

describe('headline', () => {
  it('is the worst finding, a cause with a fix before a symptom', () => {
    const d = run({
      config: ok(
        config({ storage: { emptyDir: {} }, nodeSelector: { 'node-role.kubernetes.io/infra': '' } }),
      ),
      registryDeployment: ok(
        deployment(1, {
          readyReplicas: 0,
          conditions: [{ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' }],
        }),
      ),
      registryPods: ok([
        pod('image-registry-2', {
          spec: { nodeSelector: { 'node-role.kubernetes.io/infra': '' }, containers: [] },
          status: {
            phase: 'Pending',
            conditions: [
              {
                type: 'PodScheduled',
                status: 'False',
                message: "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.",
              },
            ],
          },
        }),
      ]),
    });
    expect(d.headline?.finding.code).toBe('unschedulable-node-selector');
    expect(d.headline?.step).toBe('registry-pods');
  });
});

describe('log lines with kubelet timestamps', () => {
  it('splits the RFC 3339 prefix off; a line without one stays whole', () => {
    expect(parseLogLine('2026-06-12T09:25:10.004512345Z E0612 x] unable to sync')).toEqual({
      text: 'E0612 x] unable to sync',
      at: Date.parse('2026-06-12T09:25:10.004Z'),
    });
    expect(parseLogLine('E0612 x] unable to sync')).toEqual({ text: 'E0612 x] unable to sync' });
  });
});

describe('operator: old "unable to sync" lines after a recovery', () => {
  const at = (iso: string) => ({ text: SYNC, at: Date.parse(iso) });
  const withProgressing = (status: string, reason: string, since: string) =>
    ok(
      config({ storage: { s3: { bucket: 'b' } } }, [
        { type: 'Available', status: 'True', reason: 'Ready', lastTransitionTime: '2026-06-12T09:00:00Z' },
        { type: 'Progressing', status, reason, lastTransitionTime: since },
      ]),
    );
  const opLog = (lines: { text: string; at: number }[]) => [
    { pod: 'op', container: 'cluster-image-registry-operator', ok: true as const, lines },
  ];

  it('fail while the Config reports Progressing=True Error', () => {
    const d = runChecklist(
      gathered({
        config: withProgressing('True', 'Error', '2026-06-12T09:25:10Z'),
        userSecret: ok({ data: {} }),
        operatorLogs: opLog([at('2026-06-12T09:25:10.004Z')]),
      }),
      NOW,
    );
    expect(findingOf(d, 'operator-sync-error')?.severity).toBe('failing');
  });

  it('while an error is reported, lines of an earlier, different error are history', () => {
    const minted =
      'E0612 09:20:00.000000       1 controller.go:400] unable to sync: unable to sync storage configuration: unable to get cluster minted credentials "openshift-image-registry/installer-cloud-credentials": secret "installer-cloud-credentials" not found, requeuing';
    const invalid =
      'E0612 09:25:10.000000       1 controller.go:400] unable to sync: unable to sync storage configuration: InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records., requeuing';
    const d = run({
      config: ok(
        config({ storage: { s3: { bucket: 'b' } } }, [
          { type: 'Available', status: 'True', reason: 'Ready' },
          {
            type: 'Progressing',
            status: 'True',
            reason: 'Error',
            message:
              'Unable to apply resources: unable to sync storage configuration: InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.',
          },
        ]),
      ),
      userSecret: ok({
        data: { REGISTRY_STORAGE_S3_ACCESSKEY: 'eA==', REGISTRY_STORAGE_S3_SECRETKEY: 'eA==' },
      }),
      operatorLogs: opLog([
        { text: minted, at: Date.parse('2026-06-12T09:20:00Z') },
        { text: invalid, at: Date.parse('2026-06-12T09:25:10Z') },
      ]),
    });
    expect(findingOf(d, 'storage-credentials-missing')).toBeUndefined();
    expect(findingOf(d, 'storage-credentials-invalid')?.evidence.join('\n')).not.toContain('minted');
    // No recovery happened, so there is no time to quote (it read "the recovery at undefined").
    expect(stepOf(d, 'operator').evidence.join('\n')).toMatch(
      /1 earlier "unable to sync" line\(s\) are of a different error than the one the operator reports now/,
    );
  });

  it('a status write that lost a race (409, retried on the next sync) is no problem at all', () => {
    const conflict =
      'E0612 09:31:00.000000       1 controller.go:400] unable to sync: Operation cannot be fulfilled on configs.imageregistry.operator.openshift.io "cluster": the object has been modified; please apply your changes to the latest version and try again, requeuing';
    const d = run({
      config: withProgressing('False', 'Ready', '2026-06-12T09:30:00Z'),
      operatorLogs: opLog([{ text: conflict, at: Date.parse('2026-06-12T09:31:00Z') }]),
    });
    expect(stepOf(d, 'operator').verdict).toBe('ok');
    expect(findingOf(d, 'operator-sync-error')).toBeUndefined();
  });

  it('are a past problem once the Config recovered after them: ok, with a note', () => {
    const d = run({
      config: withProgressing('False', 'Ready', '2026-06-12T09:30:00Z'),
      operatorLogs: opLog([at('2026-06-12T09:25:10.004Z'), at('2026-06-12T09:30:00.400Z')]),
    });
    expect(stepOf(d, 'operator').verdict).toBe('ok');
    expect(stepOf(d, 'operator').evidence.join('\n')).toMatch(
      /2 earlier "unable to sync" line\(s\) predate the recovery at 2026-06-12T09:30:00.000Z/,
    );
  });

  it('newer than the last status change while no error is reported: a warning that shows them', () => {
    const d = run({
      config: withProgressing('False', 'Ready', '2026-06-12T09:30:00Z'),
      operatorLogs: opLog([at('2026-06-12T09:31:00Z')]),
    });
    expect(stepOf(d, 'operator').verdict).toBe('warning');
    expect(findingOf(d, 'operator-sync-error')?.evidence).toContain(SYNC);
  });
});
