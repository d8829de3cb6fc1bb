import type { V1Deployment, V1PersistentVolumeClaim, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  configStep,
  operatorStep,
  registryDeploymentStep,
  registryPodsStep,
} from '../../src/diagnostics/checks.js';
import { storageStep } from '../../src/diagnostics/checks-storage.js';
import type { Gathered, Read } from '../../src/diagnostics/gather.js';
import { parseLogLine } from '../../src/diagnostics/log-tail.js';
import { KubeError } from '../../src/kube/errors.js';
import type { KubeObjectLike } from '../../src/kube/resources.js';

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
/** Only what the checks read: replicas and status. */
const deployment = (replicas: number, status: V1Deployment['status']): V1Deployment => ({
  spec: { replicas, selector: {}, template: {} },
  status,
});
const missing = <T>(): Read<T> => ({ ok: false, error: new KubeError(404, 'NotFound', 'not found') });
const forbidden = <T>(): Read<T> => ({ ok: false, error: new KubeError(403, 'Forbidden', 'forbidden') });

function config(
  spec: Record<string, unknown>,
  conditions: { type: string; status: string; reason?: string; message?: string }[] = [],
): KubeObjectLike {
  return {
    apiVersion: 'imageregistry.operator.openshift.io/v1',
    kind: 'Config',
    metadata: { name: 'cluster' },
    spec,
    status: { conditions },
  };
}

function gathered(over: Partial<Gathered>): Gathered {
  return {
    config: ok(config({ managementState: 'Managed', replicas: 1, storage: { emptyDir: {} } })),
    clusterOperator: missing(),
    registryDeployment: ok(deployment(1, { readyReplicas: 1, updatedReplicas: 1, conditions: [] })),
    operatorDeployment: ok<V1Deployment>({ status: { readyReplicas: 1 } }),
    registryPods: ok<V1Pod[]>([]),
    operatorPods: ok<V1Pod[]>([]),
    userSecret: missing(),
    cloudSecret: missing(),
    claim: undefined,
    routes: ok([]),
    imageConfig: missing(),
    trustedCA: undefined,
    events: ok([]),
    operatorLogs: [],
    registryLogs: [],
    ...over,
  };
}

describe('diagnostics checklist verdicts', () => {
  it('config: two storage backends and a degraded controller fail; Removed is only a warning', () => {
    const bad = configStep(
      gathered({
        config: ok(
          config({ managementState: 'Managed', storage: { emptyDir: {}, pvc: {} } }, [
            { type: 'NodeCADaemonControllerDegraded', status: 'True', reason: 'Error' },
          ]),
        ),
      }),
    );
    expect(bad.verdict).toBe('failing');
    expect(bad.evidence.join('\n')).toMatch(/2 storage backends/);
    const removed = configStep(
      gathered({
        config: ok(
          config({ managementState: 'Removed', storage: {} }, [{ type: 'Removed', status: 'True' }]),
        ),
      }),
    );
    expect(removed.verdict).toBe('warning');
    expect(removed.nextStep).toMatch(/Managed/);
  });

  it('registry deployment: absent is fine while Removed, failing when Managed; ProgressDeadlineExceeded fails', () => {
    const removed = gathered({
      config: ok(config({ managementState: 'Removed' })),
      registryDeployment: missing(),
    });
    expect(registryDeploymentStep(removed).verdict).toBe('ok');
    expect(registryDeploymentStep(gathered({ registryDeployment: missing() })).verdict).toBe('failing');
    const stuck = gathered({
      registryDeployment: ok(
        deployment(2, {
          readyReplicas: 1,
          conditions: [
            {
              type: 'Progressing',
              status: 'False',
              reason: 'ProgressDeadlineExceeded',
              message: 'ReplicaSet has timed out progressing.',
            },
          ],
        }),
      ),
    });
    const step = registryDeploymentStep(stuck);
    expect(step.verdict).toBe('failing');
    expect(step.evidence.join('\n')).toContain('ProgressDeadlineExceeded');
    expect(registryDeploymentStep(gathered({ registryDeployment: forbidden() })).verdict).toBe('warning');
  });

  it('registry pods: Pending is a warning with the scheduler message; log errors are evidence', () => {
    const pending: V1Pod = {
      metadata: { name: 'image-registry-1' },
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
    };
    const step = registryPodsStep(
      gathered({
        registryPods: ok([pending]),
        registryLogs: [
          {
            pod: 'image-registry-1',
            lines: [
              { text: 'time="x" level=error msg="response completed with error" err.code="blob unknown"' },
            ],
          },
        ],
      }),
    );
    expect(step.verdict).toBe('warning');
    expect(step.evidence.join('\n')).toContain("didn't match Pod's node affinity");
    expect(step.evidence.join('\n')).toContain('blob unknown');
  });

  it('operator: "unable to sync" lines fail the step', () => {
    const line =
      'E0612 09:25:10.004512       1 controller.go:400] unable to sync: unable to sync storage configuration: exactly one storage type should be configured at the same time, got 2: [EmptyDir PVC], requeuing';
    const step = operatorStep(
      gathered({ operatorLogs: [{ pod: 'op', lines: [{ text: 'I0612 ok' }, { text: line }] }] }),
    );
    expect(step.verdict).toBe('failing');
    expect(step.evidence).toContain(line);
  });

  describe('operator: old "unable to sync" lines after a recovery', () => {
    const line =
      'E0612 09:25:10.004512       1 controller.go:400] unable to sync: unable to sync storage configuration: secret "openshift-image-registry/image-registry-private-configuration-user" does not contain required key "REGISTRY_STORAGE_S3_SECRETKEY", requeuing';
    const at = (iso: string) => ({ text: line, at: Date.parse(iso) });
    const withProgressing = (status: string, reason: string, since: string) =>
      ok({
        ...config({ managementState: 'Managed', replicas: 1, storage: { s3: { bucket: 'b' } } }),
        status: {
          conditions: [
            {
              type: 'Available',
              status: 'True',
              reason: 'Ready',
              lastTransitionTime: '2026-06-12T09:00:00Z',
            },
            { type: 'Progressing', status, reason, lastTransitionTime: since },
          ],
        },
      });

    it('fail while the Config reports Progressing=True Error', () => {
      const step = operatorStep(
        gathered({
          config: withProgressing('True', 'Error', '2026-06-12T09:25:10Z'),
          operatorLogs: [
            { pod: 'op', lines: [at('2026-06-12T09:25:10.004Z'), at('2026-06-12T09:25:40.004Z')] },
          ],
        }),
      );
      expect(step.verdict).toBe('failing');
    });

    it('are a past problem once the Config recovered after them: ok, with a note', () => {
      const step = operatorStep(
        gathered({
          config: withProgressing('False', 'Ready', '2026-06-12T09:30:00Z'),
          operatorLogs: [
            { pod: 'op', lines: [at('2026-06-12T09:25:10.004Z'), at('2026-06-12T09:30:00.400Z')] },
          ],
        }),
      );
      expect(step.verdict).toBe('ok');
      expect(step.evidence.join('\n')).toMatch(
        /2 earlier "unable to sync" line\(s\) predate the recovery at 2026-06-12T09:30:00.000Z/,
      );
      expect(step.evidence).not.toContain(line);
    });

    it('newer than the last status change while no error is reported: a warning that shows them', () => {
      const step = operatorStep(
        gathered({
          config: withProgressing('False', 'Ready', '2026-06-12T09:30:00Z'),
          operatorLogs: [{ pod: 'op', lines: [at('2026-06-12T09:25:10.004Z'), at('2026-06-12T09:31:00Z')] }],
        }),
      );
      expect(step.verdict).toBe('warning');
      expect(step.evidence).toContain(line);
    });
  });

  it('storage: a ReadWriteOnce claim with 2 replicas and RollingUpdate fails with the operator messages', () => {
    const claim: V1PersistentVolumeClaim = {
      metadata: { name: 'image-registry-storage' },
      spec: { accessModes: ['ReadWriteOnce'] },
      status: { phase: 'Bound' },
    };
    const step = storageStep(
      gathered({
        config: ok(config({ managementState: 'Managed', replicas: 2, storage: { pvc: { claim: '' } } })),
        claim: ok(claim),
      }),
    );
    expect(step.verdict).toBe('failing');
    expect(step.evidence).toEqual(
      expect.arrayContaining([
        'cannot use ReadWriteOnce access mode with more than one replica',
        'cannot use ReadWriteOnce access mode with RollingUpdate rollout strategy',
      ]),
    );
    const fine = storageStep(
      gathered({
        config: ok(config({ replicas: 1, rolloutStrategy: 'Recreate', storage: { pvc: { claim: '' } } })),
        claim: ok(claim),
      }),
    );
    expect(fine.verdict).toBe('ok');
  });

  it('storage: S3 without any credentials fails; emptyDir with replicas is a warning', () => {
    const s3 = storageStep(
      gathered({ config: ok(config({ replicas: 2, storage: { s3: { bucket: 'b' } } })) }),
    );
    expect(s3.verdict).toBe('failing');
    const empty = storageStep(gathered({ config: ok(config({ replicas: 2, storage: { emptyDir: {} } })) }));
    expect(empty.verdict).toBe('warning');
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
