import type { V1Deployment, V1PersistentVolumeClaim, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { configStep, operatorStep, registryDeploymentStep, registryPodsStep } from '../../src/diagnostics/checks.js';
import { storageStep } from '../../src/diagnostics/checks-storage.js';
import type { Gathered, Read } from '../../src/diagnostics/gather.js';
import { KubeError } from '../../src/kube/errors.js';
import type { KubeObjectLike } from '../../src/kube/resources.js';

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
/** Only what the checks read: replicas and status. */
const deployment = (replicas: number, status: V1Deployment['status']): V1Deployment => ({ spec: { replicas, selector: {}, template: {} }, status });
const missing = <T>(): Read<T> => ({ ok: false, error: new KubeError(404, 'NotFound', 'not found') });
const forbidden = <T>(): Read<T> => ({ ok: false, error: new KubeError(403, 'Forbidden', 'forbidden') });

function config(spec: Record<string, unknown>, conditions: { type: string; status: string; reason?: string; message?: string }[] = []): KubeObjectLike {
  return { apiVersion: 'imageregistry.operator.openshift.io/v1', kind: 'Config', metadata: { name: 'cluster' }, spec, status: { conditions } };
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
    const bad = configStep(gathered({ config: ok(config({ managementState: 'Managed', storage: { emptyDir: {}, pvc: {} } }, [{ type: 'NodeCADaemonControllerDegraded', status: 'True', reason: 'Error' }])) }));
    expect(bad.verdict).toBe('failing');
    expect(bad.evidence.join('\n')).toMatch(/2 storage backends/);
    const removed = configStep(gathered({ config: ok(config({ managementState: 'Removed', storage: {} }, [{ type: 'Removed', status: 'True' }])) }));
    expect(removed.verdict).toBe('warning');
    expect(removed.nextStep).toMatch(/Managed/);
  });

  it('registry deployment: absent is fine while Removed, failing when Managed; ProgressDeadlineExceeded fails', () => {
    const removed = gathered({ config: ok(config({ managementState: 'Removed' })), registryDeployment: missing() });
    expect(registryDeploymentStep(removed).verdict).toBe('ok');
    expect(registryDeploymentStep(gathered({ registryDeployment: missing() })).verdict).toBe('failing');
    const stuck = gathered({
      registryDeployment: ok(
        deployment(2, { readyReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet has timed out progressing.' }] }),
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
      status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', message: '0/3 nodes are available: 3 node(s) didn\'t match Pod\'s node affinity/selector.' }] },
    };
    const step = registryPodsStep(gathered({ registryPods: ok([pending]), registryLogs: [{ pod: 'image-registry-1', lines: ['time="x" level=error msg="response completed with error" err.code="blob unknown"'] }] }));
    expect(step.verdict).toBe('warning');
    expect(step.evidence.join('\n')).toContain("didn't match Pod's node affinity");
    expect(step.evidence.join('\n')).toContain('blob unknown');
  });

  it('operator: "unable to sync" lines fail the step', () => {
    const line = 'E0612 09:25:10.004512       1 controller.go:400] unable to sync: unable to sync storage configuration: exactly one storage type should be configured at the same time, got 2: [EmptyDir PVC], requeuing';
    const step = operatorStep(gathered({ operatorLogs: [{ pod: 'op', lines: ['I0612 ok', line] }] }));
    expect(step.verdict).toBe('failing');
    expect(step.evidence).toContain(line);
  });

  it('storage: a ReadWriteOnce claim with 2 replicas and RollingUpdate fails with the operator messages', () => {
    const claim: V1PersistentVolumeClaim = { metadata: { name: 'image-registry-storage' }, spec: { accessModes: ['ReadWriteOnce'] }, status: { phase: 'Bound' } };
    const step = storageStep(gathered({ config: ok(config({ managementState: 'Managed', replicas: 2, storage: { pvc: { claim: '' } } })), claim: ok(claim) }));
    expect(step.verdict).toBe('failing');
    expect(step.evidence).toEqual(
      expect.arrayContaining([
        'cannot use ReadWriteOnce access mode with more than one replica',
        'cannot use ReadWriteOnce access mode with RollingUpdate rollout strategy',
      ]),
    );
    const fine = storageStep(gathered({ config: ok(config({ replicas: 1, rolloutStrategy: 'Recreate', storage: { pvc: { claim: '' } } })), claim: ok(claim) }));
    expect(fine.verdict).toBe('ok');
  });

  it('storage: S3 without any credentials fails; emptyDir with replicas is a warning', () => {
    const s3 = storageStep(gathered({ config: ok(config({ replicas: 2, storage: { s3: { bucket: 'b' } } })) }));
    expect(s3.verdict).toBe('failing');
    const empty = storageStep(gathered({ config: ok(config({ replicas: 2, storage: { emptyDir: {} } })) }));
    expect(empty.verdict).toBe('warning');
  });
});
