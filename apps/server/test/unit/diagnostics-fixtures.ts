/** What the checklist reads, as plain fixtures: a healthy registry unless a test says otherwise. */
import type { DiagnosticStep, DiagnosticsResponse, Finding } from '@irc/shared';
import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import type { Gathered, Read } from '../../src/diagnostics/gather.js';
import type { PodLog } from '../../src/diagnostics/log-tail.js';
import { runChecklist } from '../../src/diagnostics/run.js';
import { KubeError } from '../../src/kube/errors.js';
import type { KubeObjectLike } from '../../src/kube/resources.js';

export const NOW = Date.parse('2026-06-12T10:00:00Z');

export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const missing = <T>(): Read<T> => ({ ok: false, error: new KubeError(404, 'NotFound', 'not found') });
export const forbidden = <T>(): Read<T> => ({
  ok: false,
  error: new KubeError(403, 'Forbidden', 'forbidden'),
});

export interface Cond {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export const healthyConditions: Cond[] = [
  {
    type: 'Available',
    status: 'True',
    reason: 'Ready',
    message: 'The registry is ready',
    lastTransitionTime: '2026-06-12T09:00:00Z',
  },
  {
    type: 'Progressing',
    status: 'False',
    reason: 'Ready',
    message: 'The registry is ready',
    lastTransitionTime: '2026-06-12T09:00:00Z',
  },
  { type: 'Degraded', status: 'False', lastTransitionTime: '2026-06-12T09:00:00Z' },
];

export function config(
  spec: Record<string, unknown>,
  conditions: Cond[] = healthyConditions,
  extra: { status?: Record<string, unknown>; metadata?: Record<string, unknown> } = {},
): KubeObjectLike {
  return {
    apiVersion: 'imageregistry.operator.openshift.io/v1',
    kind: 'Config',
    metadata: { name: 'cluster', generation: 3, ...extra.metadata },
    spec: { managementState: 'Managed', replicas: 1, ...spec },
    status: { observedGeneration: 3, conditions, ...extra.status },
  };
}

export const deployment = (replicas: number, status: V1Deployment['status']): V1Deployment => ({
  spec: { replicas, selector: {}, template: {} },
  status,
});

export function pod(name: string, over: Partial<V1Pod> = {}): V1Pod {
  return {
    metadata: { name, uid: `uid-${name}`, labels: { 'docker-registry': 'default' } },
    spec: {
      nodeName: 'ip-10-0-23-45.ec2.internal',
      containers: [{ name: 'registry', image: 'quay.io/openshift/registry@sha256:1' }],
    },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'registry',
          ready: true,
          restartCount: 0,
          image: 'quay.io/openshift/registry@sha256:1',
          imageID: '',
          state: { running: { startedAt: new Date('2026-06-12T09:00:00Z') } },
        },
      ],
    },
    ...over,
  };
}

export function log(podName: string, container: string, texts: string[], at?: string): PodLog {
  return {
    pod: podName,
    container,
    ok: true,
    lines: texts.map((text) => ({ text, ...(at ? { at: Date.parse(at) } : {}) })),
  };
}

export function gathered(over: Partial<Gathered> = {}): Gathered {
  return {
    config: ok(config({ storage: { emptyDir: {} } })),
    clusterOperator: ok({ status: { conditions: healthyConditions } }),
    registryDeployment: ok(
      deployment(1, { readyReplicas: 1, updatedReplicas: 1, availableReplicas: 1, conditions: [] }),
    ),
    operatorDeployment: ok<V1Deployment>({
      spec: { replicas: 1, selector: {}, template: {} },
      status: { readyReplicas: 1 },
    }),
    registryPods: ok([pod('image-registry-1')]),
    operatorPods: ok<V1Pod[]>([]),
    userSecret: missing(),
    cloudSecret: ok({ data: { aws_access_key_id: 'x' } }),
    claim: undefined,
    routes: ok([]),
    routeSecrets: new Map(),
    imageConfig: ok({
      status: { internalRegistryHostname: 'image-registry.openshift-image-registry.svc:5000' },
    }),
    clusterProxy: ok({ status: {} }),
    trustedCA: undefined,
    events: ok([]),
    imagePruner: ok({ spec: { schedule: '' }, status: { conditions: [] } }),
    prunerCronJob: ok({}),
    prunerJobs: ok([]),
    prunerPods: ok([]),
    nodeCaDaemonSet: ok({ status: { desiredNumberScheduled: 6, numberReady: 6, numberAvailable: 6 } }),
    nodeCaPods: ok([]),
    operatorLogs: [],
    registryLogs: [],
    previousLogs: [],
    ...over,
  };
}

export function run(over: Partial<Gathered> = {}, now = NOW): DiagnosticsResponse {
  return runChecklist(gathered(over), now);
}

export function stepOf(d: DiagnosticsResponse, id: DiagnosticStep['id']): DiagnosticStep {
  const s = d.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
}

export function findingOf(d: DiagnosticsResponse, code: string): Finding | undefined {
  for (const s of d.steps) for (const f of s.findings) if (f.code === code) return f;
  return undefined;
}
