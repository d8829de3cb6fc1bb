import { describe, expect, test } from 'vitest';
import type { SandboxHandle } from '../../src/index.js';
import type { KubeObject } from '../../src/core/types.js';
import { EventRecorder } from '../../src/cluster/events.js';
import { R, cond, condition, events, rec, tryGet, useTestSandbox, waitFor } from './harness.js';

const NS = 'developer';

function deployment(
  name: string,
  replicas: number,
  strategy: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS },
    spec: {
      replicas,
      strategy,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'quay.io/example/web:1',
              readinessProbe: { httpGet: { path: '/', port: 8080 }, initialDelaySeconds: 3 },
            },
          ],
          ...extra,
        },
      },
    },
  };
}

const podsOf = (sb: SandboxHandle, app: string) =>
  sb.api().list(R.pods, NS, { labelSelector: `app=${app}` }).items;
const isReady = (p: KubeObject) => cond(p, 'Ready') === 'True ';

describe('kube controllers', () => {
  const sb = useTestSandbox();

  test('RollingUpdate: ReplicaSets named by template hash, surge/unavailable honoured, revisions, rollback', async () => {
    const api = sb.api();
    api.create(
      R.deployments,
      NS,
      deployment('web', 3, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }),
    );
    await waitFor('web available', () => {
      const d = api.get(R.deployments, NS, 'web');
      return (
        rec(d, 'status').availableReplicas === 3 && cond(d, 'Progressing') === 'True NewReplicaSetAvailable'
      );
    });
    const rs1 = api.list(R.replicaSets, NS).items.find((rs) => rs.metadata.name?.startsWith('web-'));
    const hash = rs1?.metadata.labels?.['pod-template-hash'];
    expect(rs1?.metadata.name).toBe(`web-${hash}`);
    expect(rs1?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    for (const p of podsOf(sb, 'web'))
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    const d1 = api.get(R.deployments, NS, 'web');
    expect(condition(d1, 'Available')).toMatchObject({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
      message: 'Deployment has minimum availability.',
    });
    expect(condition(d1, 'Progressing')?.message).toBe(
      `ReplicaSet "web-${hash}" has successfully progressed.`,
    );

    // observe the rollout: never more than replicas+surge pods, never fewer than replicas-unavailable ready
    const live = new Map<string, KubeObject>();
    for (const p of podsOf(sb, 'web')) live.set(p.metadata.name ?? '', p);
    let maxPods = 0;
    let minReady = 3;
    const stop = api.watch(R.pods, NS, { labelSelector: 'app=web' }, (e) => {
      const p = e.object as KubeObject;
      if (e.type === 'DELETED') live.delete(p.metadata.name ?? '');
      else live.set(p.metadata.name ?? '', p);
      const active = [...live.values()].filter((x) => !x.metadata.deletionTimestamp);
      maxPods = Math.max(maxPods, active.length);
      minReady = Math.min(minReady, active.filter(isReady).length);
    });
    api.patch(R.deployments, NS, 'web', 'strategic', {
      spec: { template: { spec: { containers: [{ name: 'web', image: 'quay.io/example/web:2' }] } } },
    });
    await waitFor('rollout complete', () => {
      const d = api.get(R.deployments, NS, 'web');
      const s = rec(d, 'status');
      return (
        s.observedGeneration === d.metadata.generation &&
        s.updatedReplicas === 3 &&
        s.availableReplicas === 3 &&
        s.replicas === 3 &&
        cond(d, 'Progressing') === 'True NewReplicaSetAvailable' &&
        d
      );
    });
    stop();
    expect(maxPods).toBeLessThanOrEqual(4);
    expect(minReady).toBeGreaterThanOrEqual(3);
    const rss = api.list(R.replicaSets, NS).items.filter((rs) => rs.metadata.name?.startsWith('web-'));
    expect(rss).toHaveLength(2);
    const rs2 = rss.find((rs) => rs.metadata.name !== rs1?.metadata.name);
    expect(rs2?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(rec(api.get(R.replicaSets, NS, rs1?.metadata.name ?? ''), 'spec').replicas).toBe(0);
    expect(
      events(api, NS).some(
        (e) =>
          e.reason === 'ScalingReplicaSet' &&
          e.message === `Scaled up replica set ${rs2?.metadata.name} to 1`,
      ),
    ).toBe(true);

    // back to the first template: the old ReplicaSet is reused with the next revision
    api.patch(R.deployments, NS, 'web', 'strategic', {
      spec: { template: { spec: { containers: [{ name: 'web', image: 'quay.io/example/web:1' }] } } },
    });
    await waitFor(
      'rolled back',
      () => rec(api.get(R.replicaSets, NS, rs1?.metadata.name ?? ''), 'status').availableReplicas === 3,
    );
    expect(
      api.get(R.replicaSets, NS, rs1?.metadata.name ?? '').metadata.annotations?.[
        'deployment.kubernetes.io/revision'
      ],
    ).toBe('3');
    expect(
      api.get(R.deployments, NS, 'web').metadata.annotations?.['deployment.kubernetes.io/revision'],
    ).toBe('3');
  });

  test('Recreate: old pods are gone before new ones are created', async () => {
    const api = sb.api();
    api.create(R.deployments, NS, deployment('batch', 2, { type: 'Recreate' }));
    await waitFor(
      'batch available',
      () => rec(api.get(R.deployments, NS, 'batch'), 'status').availableReplicas === 2,
    );
    const oldHash = podsOf(sb, 'batch')[0]?.metadata.labels?.['pod-template-hash'];
    const present = new Set(podsOf(sb, 'batch').map((p) => p.metadata.name ?? ''));
    let overlap = false;
    const stop = api.watch(R.pods, NS, { labelSelector: 'app=batch' }, (e) => {
      const p = e.object as KubeObject;
      if (e.type === 'DELETED') present.delete(p.metadata.name ?? '');
      else if (e.type === 'ADDED' && p.metadata.labels?.['pod-template-hash'] !== oldHash) {
        if ([...present].some((n) => n.includes(oldHash ?? '?'))) overlap = true;
        present.add(p.metadata.name ?? '');
      }
    });
    api.patch(R.deployments, NS, 'batch', 'strategic', {
      spec: { template: { metadata: { annotations: { restartedAt: 'now' } } } },
    });
    await waitFor('recreated', () => {
      const pods = podsOf(sb, 'batch');
      return (
        pods.length === 2 &&
        pods.every((p) => p.metadata.labels?.['pod-template-hash'] !== oldHash && isReady(p))
      );
    });
    stop();
    expect(overlap).toBe(false);
  });

  test('unschedulable pods stay Pending; FailedScheduling is de-duplicated; the rollout times out', async () => {
    const api = sb.api();
    api.create(R.deployments, NS, {
      ...deployment('nowhere', 1, { type: 'RollingUpdate' }, { nodeSelector: { disktype: 'nvme' } }),
      spec: {
        ...rec(
          deployment('nowhere', 1, { type: 'RollingUpdate' }, { nodeSelector: { disktype: 'nvme' } }),
          'spec',
        ),
        progressDeadlineSeconds: 30,
      },
    });
    const pod = await waitFor('pending pod', () =>
      podsOf(sb, 'nowhere').find((p) => cond(p, 'PodScheduled') === 'False Unschedulable'),
    );
    expect(rec(pod, 'status').phase).toBe('Pending');
    expect(condition(pod, 'PodScheduled')?.message).toBe(
      "0/6 nodes are available: 3 node(s) didn't match Pod's node affinity/selector, 3 node(s) had untolerated taint {node-role.kubernetes.io/master: }. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling..",
    );
    const ev = await waitFor('repeated FailedScheduling', () =>
      events(api, NS).find((e) => e.reason === 'FailedScheduling' && Number(e.count) >= 2),
    );
    expect(
      events(api, NS).filter(
        (e) =>
          e.reason === 'FailedScheduling' &&
          (e.involvedObject as { name?: string }).name === pod.metadata.name,
      ),
    ).toHaveLength(1);
    expect(String(ev.lastTimestamp) >= String(ev.firstTimestamp)).toBe(true);
    await waitFor(
      'ProgressDeadlineExceeded',
      () => cond(api.get(R.deployments, NS, 'nowhere'), 'Progressing') === 'False ProgressDeadlineExceeded',
    );
    expect(condition(api.get(R.deployments, NS, 'nowhere'), 'Available')?.reason).toBe(
      'MinimumReplicasUnavailable',
    );
  });

  test('Insufficient cpu: preemption finds no pod of lower priority than 0 to evict, as kube-scheduler says', async () => {
    const api = sb.api();
    const big = deployment('big', 1, { type: 'RollingUpdate' });
    const podSpec = rec(big, 'spec', 'template', 'spec');
    (podSpec.containers as Array<Record<string, unknown>>)[0]!.resources = { requests: { cpu: '64' } };
    api.create(R.deployments, NS, big);
    const pod = await waitFor('pending pod', () =>
      podsOf(sb, 'big').find((p) => cond(p, 'PodScheduled') === 'False Unschedulable'),
    );
    expect(rec(pod, 'spec').priority).toBe(0);
    expect(condition(pod, 'PodScheduled')?.message).toBe(
      '0/6 nodes are available: 3 Insufficient cpu, 3 node(s) had untolerated taint {node-role.kubernetes.io/master: }. preemption: 0/6 nodes are available: 3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling..',
    );
  });

  test('graceful termination: preStop and grace period, then the pod is gone', async () => {
    const api = sb.api();
    api.create(
      R.deployments,
      NS,
      deployment('graceful', 1, { type: 'RollingUpdate' }, { terminationGracePeriodSeconds: 55 }),
    );
    api.patch(R.deployments, NS, 'graceful', 'strategic', {
      spec: {
        template: {
          spec: {
            containers: [{ name: 'web', lifecycle: { preStop: { exec: { command: ['sleep', '25'] } } } }],
          },
        },
      },
    });
    const withPreStop = (p: KubeObject) => JSON.stringify(rec(p, 'spec').containers).includes('"preStop"');
    const pod = await waitFor('running', () =>
      podsOf(sb, 'graceful').find((p) => isReady(p) && withPreStop(p) && !p.metadata.deletionTimestamp),
    );
    const name = pod.metadata.name ?? '';
    expect(sb.logs.read(NS, name, 'web', {})?.length).toBeGreaterThan(0);
    const started = Date.now();
    api.delete(R.pods, NS, name);
    const terminating = api.get(R.pods, NS, name);
    expect(terminating.metadata.deletionTimestamp).toBeDefined();
    expect(terminating.metadata.deletionGracePeriodSeconds).toBe(55);
    await waitFor('pod removed', () => !tryGet(api, R.pods, NS, name));
    // 25 cluster seconds of preStop at scale 0.01 ≈ 250 ms
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(
      events(api, NS).some(
        (e) =>
          e.reason === 'Killing' &&
          e.message === 'Stopping container web' &&
          (e.involvedObject as { name?: string }).name === name,
      ),
    ).toBe(true);
    expect(sb.logs.read(NS, name, 'web', {}) ?? []).toHaveLength(0);
  });

  test('node-ca DaemonSet: one pod per node', async () => {
    const api = sb.api();
    await waitFor('node-ca everywhere', () => {
      const pods = api
        .list(R.pods, 'openshift-image-registry', { labelSelector: 'name=node-ca' })
        .items.filter(isReady);
      return pods.length === 6 && new Set(pods.map((p) => rec(p, 'spec').nodeName)).size === 6;
    });
    const ds = api.get(R.daemonSets, 'openshift-image-registry', 'node-ca');
    expect(rec(ds, 'status')).toMatchObject({
      desiredNumberScheduled: 6,
      currentNumberScheduled: 6,
      numberReady: 6,
      numberAvailable: 6,
      updatedNumberScheduled: 6,
    });
  });

  test('events are de-duplicated like client-go: one Event, count and lastTimestamp move', () => {
    const api = sb.api();
    const rec1 = new EventRecorder(api, sb.clock);
    const involved = api.get(R.namespaces, undefined, NS);
    rec1.record({ component: 'test' }, involved, 'Warning', 'Probe', 'same message', { namespace: NS });
    rec1.record({ component: 'test' }, involved, 'Warning', 'Probe', 'same message', { namespace: NS });
    rec1.record({ component: 'test' }, involved, 'Warning', 'Probe', 'other message', { namespace: NS });
    const mine = events(api, NS).filter((e) => e.reason === 'Probe');
    expect(mine).toHaveLength(2);
    expect(mine.find((e) => e.message === 'same message')?.count).toBe(2);
  });
});
