/**
 * Issue 14 item 3: the objects behind the registry, read as the caller, on the sandbox — the
 * registry and operator Deployments, the node-ca DaemonSet, the image-pruner CronJob and its
 * Jobs, the Routes — with their events, and secret env values redacted.
 */
import type {
  CronJobView,
  DaemonSetView,
  DeploymentView,
  ErrorBody,
  RoutesView,
  WorkloadsIndex,
} from '@irc/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { until } from './harness.js';
import { patchFresh, registryHarness } from './registry.js';

const NS = 'openshift-image-registry';
const OPERATOR = 'cluster-image-registry-operator';

describe('workload views', () => {
  const h = registryHarness({ mutationsPerMinute: 1_000_000 });
  const get = async <T>(path: string, token?: string) => {
    const res = await h.fetch(path, { token });
    return { status: res.status, body: (await res.json()) as T };
  };
  const registryView = () => get<DeploymentView>('/api/v1/workloads/deployments/image-registry');

  beforeAll(async () => {
    await until(
      async () => {
        const { body } = await get<WorkloadsIndex>('/api/v1/workloads');
        return body.items.every((c) => c.kind === 'Route' || c.health === 'ok') ? body : undefined;
      },
      'every workload healthy',
      60_000,
      250,
    );
  }, 90_000);

  it('the index has one card per object behind the registry', async () => {
    const { status, body } = await get<WorkloadsIndex>('/api/v1/workloads');
    expect(status).toBe(200);
    expect(body.items.map((c) => `${c.kind}/${c.name}`)).toEqual([
      'Deployment/image-registry',
      `Deployment/${OPERATOR}`,
      'DaemonSet/node-ca',
      'CronJob/image-pruner',
      'Route/routes',
    ]);
    const registry = body.items[0]!;
    expect(registry).toMatchObject({ health: 'ok', state: 'complete' });
    expect(registry.ready).toBe(registry.total);
  });

  it('a Deployment: rollout, conditions, ReplicaSets by revision, pods and events', async () => {
    const { status, body } = await registryView();
    expect(status).toBe(200);
    expect(body.role).toBe('registry');
    expect(body.health).toBe('ok');
    expect(body.rollout).toMatchObject({ state: 'complete', strategy: 'RollingUpdate' });
    expect(body.rollout.available).toBe(body.rollout.desired);
    expect(body.conditions.map((c) => c.type)).toEqual(expect.arrayContaining(['Available', 'Progressing']));
    const current = body.replicaSets.items.filter((rs) => rs.isCurrent);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ ready: body.rollout.desired });
    expect(current[0]?.revision).toBeGreaterThanOrEqual(1);
    expect(body.pods.items.length).toBe(body.rollout.desired);
    expect(body.pods.items.every((p) => p.ready && p.name.startsWith(current[0]!.name))).toBe(true);
    expect(body.events.items.map((e) => e.reason)).toContain('ScalingReplicaSet');
    expect(body.object).toMatchObject({ kind: 'Deployment', metadata: { name: 'image-registry' } });
    expect(body.object.metadata).not.toHaveProperty('managedFields');
  });

  it('a rollout shows the new revision and the events of its pods (nodeSelector no node matches)', async () => {
    const before = (await registryView()).body;
    const patched = await patchFresh(h, { nodeSelector: { 'node-role.kubernetes.io/infra': '' } });
    expect(patched.status).toBe(200);
    const stuck = await until(
      async () => {
        const { body } = await registryView();
        return body.events.items.some((e) => e.reason === 'FailedScheduling') &&
          body.replicaSets.items.length > before.replicaSets.items.length
          ? body
          : undefined;
      },
      'a FailedScheduling event on the new revision’s pod',
      30_000,
      250,
    );
    expect(stuck.rollout.state).toBe('progressing');
    const newest = stuck.replicaSets.items[0]!;
    expect(newest.isCurrent).toBe(true);
    expect(newest.revision).toBe((before.replicaSets.items[0]?.revision ?? 0) + 1);
    const failed = stuck.events.items.find((e) => e.reason === 'FailedScheduling')!;
    expect(failed).toMatchObject({ type: 'Warning', object: { kind: 'Pod' } });
    expect(failed.message).toMatch(/node\(s\) didn't match/);
    expect(stuck.pods.items.some((p) => p.phase === 'Pending' && !p.node)).toBe(true);

    expect((await patchFresh(h, { nodeSelector: null })).status).toBe(200);
    await until(
      async () => ((await registryView()).body.rollout.state === 'complete' ? true : undefined),
      'the rollout back to a schedulable revision',
      30_000,
      250,
    );
  }, 60_000);

  it('node-ca: one row per node with its daemon pod, ready and updated', async () => {
    const nodes = (await h.kubectl('get', 'nodes', '-o', 'name')).trim().split('\n').length;
    const { status, body } = await get<DaemonSetView>('/api/v1/workloads/daemonsets/node-ca');
    expect(status).toBe(200);
    expect(body.status.desired).toBe(nodes);
    expect(body.nodes.error).toBeUndefined();
    expect(body.health).toBe('ok');
    expect(body.nodes.items).toHaveLength(nodes);
    for (const row of body.nodes.items) {
      expect(row).toMatchObject({ nodeReady: true, updated: true, pod: { ready: true, node: row.node } });
    }
  });

  it('the pruner: a failed Job with its reason and pods, the ImagePruner conditions, then a good run', async () => {
    await h.scenario('clusteroperator-degraded', true);
    const failed = await until(
      async () => {
        const { body } = await get<CronJobView>('/api/v1/workloads/cronjobs/image-pruner');
        return body.jobs.items[0]?.state === 'Failed' ? body : undefined;
      },
      'the pruner Job to fail',
      30_000,
      250,
    );
    expect(failed.health).toBe('failing');
    const job = failed.jobs.items[0]!;
    expect(job).toMatchObject({ reason: 'BackoffLimitExceeded', manual: true });
    expect(job.failed).toBeGreaterThan(0);
    expect(job.pods.length).toBeGreaterThan(0);
    expect(job.pods.every((p) => p.namespace === NS && p.phase === 'Failed')).toBe(true);
    expect(failed.schedule).toBeTruthy();
    expect(failed.events.items.map((e) => e.reason)).toContain('BackoffLimitExceeded');
    await until(
      async () => {
        const { body } = await get<CronJobView>('/api/v1/workloads/cronjobs/image-pruner');
        return body.prunerConditions.items.some((c) => c.type === 'Failed' && c.status === 'True')
          ? true
          : undefined;
      },
      'the ImagePruner Failed=True',
      30_000,
      250,
    );
    // the pod log the view links to is readable through the log relay
    const log = await h.fetch(`/api/v1/pods/${NS}/${job.pods[0]!.name}/log?tailLines=20`);
    expect(log.status).toBe(200);

    // Job times have one-second resolution: clear in a later second than the failed Job ended,
    // so "newest" is a fact of the timestamps and not of the tie-break (at this time scale the
    // whole failed run fits in one second).
    const nextSecond = Math.floor(Date.now() / 1000) * 1000 + 1000;
    await until(() => Date.now() >= nextSecond, 'the second after the failed Job', 5_000, 50);
    await h.scenario('clusteroperator-degraded', false);
    await until(
      async () => {
        const { body } = await get<WorkloadsIndex>('/api/v1/workloads');
        return body.items.find((c) => c.kind === 'CronJob')?.state === 'Complete' ? true : undefined;
      },
      'the next pruner Job to complete',
      30_000,
      250,
    );
  }, 90_000);

  it('routes: a route naming a missing TLS secret is not created, and the operator’s message says why', async () => {
    const patched = await patchFresh(h, {
      defaultRoute: true,
      routes: [
        { name: 'public-registry', hostname: 'registry.apps.example.com', secretName: 'missing-route-tls' },
      ],
    });
    expect(patched.status).toBe(200);
    const view = await until(
      async () => {
        const { body } = await get<RoutesView>('/api/v1/workloads/routes');
        const rows = body.routes.items;
        return rows.find((r) => r.name === 'default-route')?.admitted === 'True' &&
          rows.find((r) => r.name === 'public-registry')?.operatorMessage
          ? body
          : undefined;
      },
      'the default route admitted and the custom one refused by the operator',
      30_000,
      250,
    );
    expect(view.defaultRoute).toBe(true);
    expect(view.health).toBe('failing');
    const custom = view.routes.items.find((r) => r.name === 'public-registry')!;
    expect(custom).toMatchObject({ source: 'config', exists: false, secretName: 'missing-route-tls' });
    expect(custom.operatorMessage).toContain('"missing-route-tls" not found');
    const byDefault = view.routes.items.find((r) => r.name === 'default-route')!;
    expect(byDefault).toMatchObject({ exists: true, routerName: 'default', termination: 'reencrypt' });
    expect(byDefault.host).toMatch(/^default-route-openshift-image-registry\./);
    const card = (await get<WorkloadsIndex>('/api/v1/workloads')).body.items.find((c) => c.kind === 'Route');
    expect(card).toMatchObject({ health: 'failing', state: 'notCreated' });

    expect((await patchFresh(h, { defaultRoute: false, routes: [] })).status).toBe(200);
  }, 60_000);

  it('the operator scaled to 0 shows as scaled down; the scale route puts it back (and only the operator’s)', async () => {
    await h.kubectl('scale', `deployment/${OPERATOR}`, '-n', NS, '--replicas=0');
    const down = await until(
      async () => {
        const { body } = await get<DeploymentView>(`/api/v1/workloads/deployments/${OPERATOR}`);
        return body.rollout.state === 'scaledDown' ? body : undefined;
      },
      'the operator Deployment scaled down',
      30_000,
      250,
    );
    expect(down.role).toBe('operator');
    expect(down.health).toBe('failing');
    expect(down.pods.items.filter((p) => p.phase !== 'Terminating')).toEqual([]);

    const viewer = await h.fetch(`/api/v1/workloads/deployments/${OPERATOR}/scale`, {
      method: 'PUT',
      token: h.tokens.viewer,
      body: JSON.stringify({ replicas: 1 }),
    });
    expect(viewer.status).toBe(403);
    const registry = await h.fetch('/api/v1/workloads/deployments/image-registry/scale', {
      method: 'PUT',
      body: JSON.stringify({ replicas: 3 }),
    });
    expect(registry.status).toBe(422);
    expect(((await registry.json()) as ErrorBody).fieldErrors?.[0]?.message).toContain('spec.replicas');
    const bad = await h.fetch(`/api/v1/workloads/deployments/${OPERATOR}/scale`, {
      method: 'PUT',
      body: JSON.stringify({ replicas: -1 }),
    });
    expect(bad.status).toBe(422);

    const up = await h.fetch(`/api/v1/workloads/deployments/${OPERATOR}/scale`, {
      method: 'PUT',
      body: JSON.stringify({ replicas: 1 }),
    });
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ name: OPERATOR, replicas: 1 });
    await until(
      async () => {
        const { body } = await get<DeploymentView>(`/api/v1/workloads/deployments/${OPERATOR}`);
        return body.rollout.state === 'complete' ? true : undefined;
      },
      'the operator running again',
      30_000,
      250,
    );
    const timeline = (await (await h.fetch('/api/v1/timeline?type=change')).json()) as {
      entries: { change: { summary: string; ocCommand?: string } }[];
    };
    expect(timeline.entries[0]?.change).toMatchObject({
      summary: 'scaled to 1',
      ocCommand: `oc scale deployment/${OPERATOR} -n ${NS} --replicas=1`,
    });
  }, 60_000);

  it('reads as the caller: the developer is refused, the viewer reads', async () => {
    for (const path of [
      '/api/v1/workloads/deployments/image-registry',
      '/api/v1/workloads/daemonsets/node-ca',
      '/api/v1/workloads/cronjobs/image-pruner',
    ]) {
      expect((await h.fetch(path, { token: h.tokens.developer })).status, path).toBe(403);
      expect((await h.fetch(path, { token: h.tokens.viewer })).status, path).toBe(200);
    }
    const index = await get<WorkloadsIndex>('/api/v1/workloads', h.tokens.developer);
    expect(index.status).toBe(200);
    expect(index.body.items.every((c) => c.health === 'unknown' && c.error?.statusCode === 403)).toBe(true);
    const routes = await get<RoutesView>('/api/v1/workloads/routes', h.tokens.developer);
    expect(routes.body.routes.error?.statusCode).toBe(403);
  });

  it('only the registry’s own objects: another Deployment of the namespace is not served', async () => {
    const res = await h.fetch('/api/v1/workloads/deployments/some-other-app');
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).message).toContain('not one of the image registry');
  });
});
