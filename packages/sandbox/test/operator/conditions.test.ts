import { describe, expect, test } from 'vitest';
import {
  mainConditions,
  mergeConditions,
  type Condition,
  type DeployFacts,
} from '../../src/operator/conditions.js';
import { aggregateClusterOperator } from '../../src/operator/clusteroperator-status.js';

const T0 = '2025-06-12T09:13:52Z';
const now = new Date('2025-06-12T09:20:02Z');
const c = (
  type: string,
  status: Condition['status'],
  reason = '',
  message = '',
  lastTransitionTime = T0,
): Condition => ({ type, status, reason, message, lastTransitionTime });
const ready: DeployFacts = {
  terminating: false,
  replicas: 2,
  statusReplicas: 2,
  updatedReplicas: 2,
  availableReplicas: 2,
  readyReplicas: 2,
  generation: 3,
  observedGeneration: 3,
  progressing: { status: 'True', reason: 'NewReplicaSetAvailable', message: '' },
};
const summary = (conds: Array<{ type: string; status: string; reason?: string }>) =>
  Object.fromEntries(conds.map((x) => [x.type, `${x.status} ${x.reason ?? ''}`]));

describe('mergeConditions', () => {
  test('lastTransitionTime changes only when the status flips', () => {
    const prev = [c('Available', 'True', 'Ready', 'The registry is ready')];
    const same = mergeConditions(
      prev,
      [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumAvailability',
          message: 'The registry has minimum availability',
        },
      ],
      now,
    );
    expect(same[0]).toMatchObject({ lastTransitionTime: T0, reason: 'MinimumAvailability' });
    const flipped = mergeConditions(
      prev,
      [{ type: 'Available', status: 'False', reason: 'NoReplicasAvailable' }],
      now,
    );
    expect(flipped[0]?.lastTransitionTime).toBe('2025-06-12T09:20:02Z');
  });
  test('keeps positions and appends new types', () => {
    const out = mergeConditions(
      [c('Progressing', 'False'), c('Available', 'True')],
      [
        { type: 'Degraded', status: 'False' },
        { type: 'Available', status: 'True' },
      ],
      now,
    );
    expect(out.map((x) => x.type)).toEqual(['Progressing', 'Available', 'Degraded']);
  });
});

describe('mainConditions', () => {
  const base = { now, inertiaMs: 300_000 };
  test('steady Managed', () => {
    expect(summary(mainConditions({ ...base, state: 'Managed', deploy: ready }).conditions)).toEqual({
      Available: 'True Ready',
      Progressing: 'False Ready',
      Degraded: 'False ',
      Removed: 'False ',
    });
  });
  test('Unmanaged', () => {
    const out = mainConditions({ ...base, state: 'Unmanaged', deploy: ready }).conditions;
    expect(out.find((x) => x.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'Unmanaged',
      message: 'The registry configuration is set to unmanaged mode',
    });
  });
  test('Removed while the deployment is still being deleted, then gone', () => {
    const deleting = mainConditions({
      ...base,
      state: 'Removed',
      deploy: { ...ready, terminating: true },
    }).conditions;
    expect(summary(deleting)).toEqual({
      Available: 'False DeploymentDeleted',
      Progressing: 'True DeletingDeployment',
      Degraded: 'False Removed',
      Removed: 'True Removed',
    });
    const gone = mainConditions({ ...base, state: 'Removed' }).conditions;
    expect(gone.find((x) => x.type === 'Progressing')?.message).toBe('All registry resources are removed');
  });
  test('permanent error without a deployment', () => {
    const out = mainConditions({
      ...base,
      state: 'Managed',
      applyError: {
        message: 'unable to complete resource: replicas must be greater than or equal to 0',
        permanentReason: 'VerificationFailed',
      },
    }).conditions;
    expect(out.find((x) => x.type === 'Available')).toMatchObject({
      status: 'False',
      reason: 'VerificationFailed',
      message: 'Error: unable to complete resource: replicas must be greater than or equal to 0',
    });
    expect(out.find((x) => x.type === 'Progressing')).toMatchObject({ status: 'False', reason: 'Error' });
    expect(out.find((x) => x.type === 'Degraded')).toMatchObject({
      status: 'True',
      reason: 'VerificationFailed',
    });
  });
  test('rollout in progress and progress deadline exceeded', () => {
    const rolling: DeployFacts = {
      ...ready,
      updatedReplicas: 1,
      availableReplicas: 1,
      progressing: {
        status: 'True',
        reason: 'ReplicaSetUpdated',
        message: 'ReplicaSet "image-registry-5f4b" is progressing.',
      },
    };
    expect(summary(mainConditions({ ...base, state: 'Managed', deploy: rolling }).conditions)).toMatchObject({
      Available: 'True MinimumAvailability',
      Progressing: 'True DeploymentNotCompleted',
      Degraded: 'False ',
    });
    const stuck: DeployFacts = {
      ...rolling,
      progressing: {
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
        message: 'ReplicaSet "image-registry-5f4b" has timed out progressing.',
      },
    };
    expect(
      mainConditions({ ...base, state: 'Managed', deploy: stuck }).conditions.find(
        (x) => x.type === 'Degraded',
      ),
    ).toMatchObject({
      status: 'True',
      reason: 'ProgressDeadlineExceeded',
      message:
        'Registry deployment has timed out progressing: ReplicaSet "image-registry-5f4b" has timed out progressing.',
    });
  });
  test('Degraded Unavailable only after five minutes without availability', () => {
    const none: DeployFacts = {
      ...ready,
      availableReplicas: 0,
      progressing: { status: 'True', reason: 'ReplicaSetUpdated', message: '' },
    };
    const early = mainConditions({
      ...base,
      state: 'Managed',
      deploy: none,
      prevAvailable: c('Available', 'False', 'NoReplicasAvailable', '', '2025-06-12T09:18:02Z'),
    });
    expect(early.conditions.find((x) => x.type === 'Degraded')?.status).toBe('False');
    expect(early.recheckAfterMs).toBe(180_001);
    const late = mainConditions({
      ...base,
      state: 'Managed',
      deploy: none,
      prevAvailable: c('Available', 'False', 'NoReplicasAvailable', '', '2025-06-12T09:14:00Z'),
    });
    expect(late.conditions.find((x) => x.type === 'Degraded')).toMatchObject({
      status: 'True',
      reason: 'Unavailable',
      message: 'The deployment does not have available replicas',
    });
  });
  test('transient apply error keeps Available from the deployment', () => {
    const out = mainConditions({
      ...base,
      state: 'Managed',
      deploy: ready,
      applyError: { message: 'unable to sync storage configuration: x' },
    }).conditions;
    expect(summary(out)).toMatchObject({
      Available: 'True Ready',
      Progressing: 'True Error',
      Degraded: 'False ',
    });
  });
});

describe('aggregateClusterOperator (domain.md §5 examples)', () => {
  const healthyConfig = [
    c('Available', 'True', 'Ready', 'The registry is ready'),
    c('Progressing', 'False', 'Ready', 'The registry is ready'),
    c('Degraded', 'False', '', ''),
    c('Removed', 'False', '', ''),
    c('StorageExists', 'True', 'S3 Bucket Exists', ''),
    c('NodeCADaemonAvailable', 'True', 'AsExpected', 'The daemon set node-ca has available replicas'),
    c('NodeCADaemonProgressing', 'False', 'AsExpected', 'The daemon set node-ca is deployed'),
    c('NodeCADaemonControllerDegraded', 'False', 'AsExpected', ''),
    c('ImageRegistryCertificatesControllerDegraded', 'False', 'AsExpected', ''),
  ];
  const healthyPruner = [
    c('Available', 'True', 'AsExpected', 'Pruner CronJob has been created'),
    c('Degraded', 'False', 'AsExpected', ''),
  ];

  test('healthy', () => {
    const [a, p, d] = aggregateClusterOperator(healthyConfig, healthyPruner);
    expect(a).toMatchObject({
      type: 'Available',
      status: 'True',
      reason: 'Ready',
      message:
        'Available: The registry is ready\nNodeCADaemonAvailable: The daemon set node-ca has available replicas\nImagePrunerAvailable: Pruner CronJob has been created',
    });
    expect(p).toMatchObject({
      type: 'Progressing',
      status: 'False',
      reason: 'Ready',
      message:
        'Progressing: The registry is ready\nNodeCADaemonProgressing: The daemon set node-ca is deployed',
    });
    expect(d).toMatchObject({ type: 'Degraded', status: 'False', reason: 'AsExpected' });
    expect(d?.message).toBeUndefined();
  });
  test('removed', () => {
    const removed = [
      c('Available', 'True', 'Removed', 'The registry is removed'),
      c('Progressing', 'False', 'Removed', 'All registry resources are removed'),
      c('Degraded', 'False', 'Removed', 'The registry is removed'),
      ...healthyConfig.slice(5),
    ];
    const [a, p, d] = aggregateClusterOperator(removed, healthyPruner);
    expect(a?.reason).toBe('Removed');
    expect(a?.message?.split('\n')[0]).toBe('Available: The registry is removed');
    expect(p?.reason).toBe('Removed');
    expect(d).toMatchObject({
      status: 'False',
      reason: 'Removed',
      message: 'Degraded: The registry is removed',
    });
  });
  test('pruner job failed', () => {
    const pruner = [
      c('Available', 'True', 'AsExpected', 'Pruner CronJob has been created'),
      c('Degraded', 'True', 'JobFailed', 'Job has reached the specified backoff limit'),
    ];
    const d = aggregateClusterOperator(healthyConfig, pruner)[2];
    expect(d).toMatchObject({
      status: 'True',
      reason: 'ImagePrunerJobFailed',
      message: 'ImagePrunerDegraded: Job has reached the specified backoff limit',
    });
  });
  test('several reasons are sorted and joined with ::, Unknown wins', () => {
    const conf = [
      ...healthyConfig.slice(0, 5),
      c('NodeCADaemonAvailable', 'False', 'NoAvailableReplicas', 'x'),
      c('Available', 'False', 'NoReplicasAvailable', 'y'),
    ];
    const a = aggregateClusterOperator(
      conf.filter((x, i) => !(x.type === 'Available' && i === 0)),
      healthyPruner,
    )[0];
    expect(a).toMatchObject({
      status: 'False',
      reason: 'NoReplicasAvailable::NodeCADaemonNoAvailableReplicas',
    });
    const unknown = aggregateClusterOperator([c('Progressing', 'Unknown', 'X', '')], [])[1];
    expect(unknown?.status).toBe('Unknown');
    expect(
      aggregateClusterOperator(
        [
          c('Available', 'True', 'Ready', '', '2025-01-01T00:00:00Z'),
          c('NodeCADaemonAvailable', 'True', 'AsExpected', '', '2025-02-01T00:00:00Z'),
        ],
        [],
      )[0]?.lastTransitionTime,
    ).toBe('2025-02-01T00:00:00Z');
  });
});
