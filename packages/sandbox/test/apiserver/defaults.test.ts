import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/core/types.js';
import { DEPLOYMENTS, PODS, newApiServer } from './fixtures.js';

const servers: Array<{ stop(): void }> = [];
afterEach(() => servers.splice(0).forEach((s) => s.stop()));
function client() {
  const s = newApiServer();
  servers.push(s);
  return s.client();
}

const container = {
  name: 'c',
  image: 'quay.io/x/y:latest',
  readinessProbe: { httpGet: { port: 5000 } },
  lifecycle: { preStop: { httpGet: { port: 80 } } },
  ports: [{ containerPort: 5000 }],
};
const spec = (o: KubeObject) => o.spec as Record<string, unknown>;

describe("kube's built-in defaulting (what `kubectl get -o yaml` shows)", () => {
  it('pods: SetDefaults_PodSpec/Container/Probe plus the ServiceAccount, Priority and DefaultTolerationSeconds admission plugins', () => {
    const pod = client().create(PODS, 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [container, { name: 'd', image: 'reg:5000/app:1.2' }] },
    }).object;
    const s = spec(pod);
    expect(s).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      securityContext: {},
      enableServiceLinks: true,
      serviceAccountName: 'default',
      serviceAccount: 'default',
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
    });
    expect(s.tolerations).toEqual([
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ]);
    const [c, d] = s.containers as Array<Record<string, unknown>>;
    expect(c).toMatchObject({
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: {},
      ports: [{ containerPort: 5000, protocol: 'TCP' }],
    });
    expect(c?.readinessProbe).toEqual({
      httpGet: { port: 5000, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(c?.lifecycle).toEqual({ preStop: { httpGet: { port: 80, path: '/', scheme: 'HTTP' } } });
    expect(d?.imagePullPolicy).toBe('IfNotPresent');
  });

  it('Priority admission: a system PriorityClass name becomes its value (what preemption compares)', () => {
    const pod = client().create(PODS, 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'critical' },
      spec: { priorityClassName: 'system-cluster-critical', containers: [{ name: 'c', image: 'x' }] },
    }).object;
    expect(spec(pod)).toMatchObject({ priority: 2000000000, preemptionPolicy: 'PreemptLowerPriority' });
  });

  it('a pod that tolerates everything gets no extra tolerations', () => {
    const pod = client().create(PODS, 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'q' },
      spec: { tolerations: [{ operator: 'Exists' }], containers: [{ name: 'c', image: 'x' }] },
    }).object;
    expect(spec(pod).tolerations).toEqual([{ operator: 'Exists' }]);
    expect((spec(pod).containers as Array<Record<string, unknown>>)[0]?.imagePullPolicy).toBe('Always');
  });

  it('deployments: RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600, a defaulted template', () => {
    const labels = { app: 'd' };
    const d = client().create(DEPLOYMENTS, 'default', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        selector: { matchLabels: labels },
        strategy: { rollingUpdate: { maxSurge: 1 } },
        template: { metadata: { labels }, spec: { containers: [container] } },
      },
    }).object;
    expect(spec(d)).toMatchObject({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } },
    });
    const pod = (spec(d).template as { spec: Record<string, unknown> }).spec;
    expect(pod).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
    });
    // admission plugins act on pods, not templates
    expect(pod.serviceAccountName).toBeUndefined();
  });

  it('volumes: secret/configMap/projected/downwardAPI defaultMode 420, token expirationSeconds 3600, hostPath type ""', () => {
    const pod = client().create(PODS, 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'v' },
      spec: {
        containers: [{ name: 'c', image: 'x:1' }],
        volumes: [
          { name: 's', secret: { secretName: 's' } },
          { name: 'm', configMap: { name: 'm', defaultMode: 256 } },
          { name: 'p', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
          { name: 'd', downwardAPI: {} },
          { name: 'h', hostPath: { path: '/etc' } },
          { name: 'e', emptyDir: {} },
        ],
      },
    }).object;
    expect(spec(pod).volumes).toEqual([
      { name: 's', secret: { secretName: 's', defaultMode: 420 } },
      { name: 'm', configMap: { name: 'm', defaultMode: 256 } },
      {
        name: 'p',
        projected: {
          defaultMode: 420,
          sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }],
        },
      },
      { name: 'd', downwardAPI: { defaultMode: 420 } },
      { name: 'h', hostPath: { path: '/etc', type: '' } },
      { name: 'e', emptyDir: {} },
    ]);
  });

  it('coordination.k8s.io/v1 Lease is served (leader election)', () => {
    const api = client();
    const LEASES = { group: 'coordination.k8s.io', version: 'v1', resource: 'leases' };
    const lease = api.create(LEASES, 'default', {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'l' },
      spec: { holderIdentity: 'pod-a_1234', leaseDurationSeconds: 137 },
    }).object;
    expect(lease.spec).toEqual({ holderIdentity: 'pod-a_1234', leaseDurationSeconds: 137 });
  });
});
