import type { CoreV1Event } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { redactWorkloadSecrets } from '../../src/kube/redact.js';
import { forBrowser, REDACTED, type KubeObjectLike } from '../../src/kube/resources.js';
import { cronJobCard, deploymentCard, routesCard } from '../../src/workloads/cards.js';
import { rolloutOf } from '../../src/workloads/deployments.js';
import { eventsFor } from '../../src/workloads/events.js';
import { operatorMessageFor, routeRows } from '../../src/workloads/routes-view.js';

const HTTP_SECRET = 'b3c1f0a9d8e7…-http-secret-value';

function podTemplate(env: unknown[]) {
  return { spec: { containers: [{ name: 'registry', image: 'quay.io/x', env }] } };
}

const registryDeployment = (): KubeObjectLike => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'image-registry',
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ env: HTTP_SECRET }),
      'deployment.kubernetes.io/revision': '3',
    },
    managedFields: [{ manager: 'cluster-image-registry-operator' }],
  },
  spec: {
    replicas: 2,
    template: podTemplate([
      { name: 'REGISTRY_HTTP_ADDR', value: ':5000' },
      { name: 'REGISTRY_HTTP_SECRET', value: HTTP_SECRET },
      { name: 'REGISTRY_STORAGE_S3_ACCESSKEY', value: 'AKIAEXAMPLE' },
      { name: 'REGISTRY_AUTH_TOKEN_X', value: 't0k3n' },
      { name: 'DB_PASSWORD', value: 'hunter2' },
      {
        name: 'REGISTRY_STORAGE_S3_SECRETKEY',
        valueFrom: { secretKeyRef: { name: 'image-registry-private-configuration', key: 'x' } },
      },
    ]),
  },
});

describe('workload secrets never leave the server', () => {
  it('redacts env values with secret-like names and the last-applied copy, keeps the rest', () => {
    const out = forBrowser(registryDeployment());
    const env = (out.spec as ReturnType<typeof podTemplate> & { template: ReturnType<typeof podTemplate> })
      .template.spec.containers[0]!.env as { name: string; value?: string; valueFrom?: unknown }[];
    const byName = Object.fromEntries(env.map((e) => [e.name, e]));
    expect(byName.REGISTRY_HTTP_SECRET?.value).toBe(REDACTED);
    expect(byName.REGISTRY_STORAGE_S3_ACCESSKEY?.value).toBe(REDACTED);
    expect(byName.REGISTRY_AUTH_TOKEN_X?.value).toBe(REDACTED);
    expect(byName.DB_PASSWORD?.value).toBe(REDACTED);
    expect(byName.REGISTRY_HTTP_ADDR?.value).toBe(':5000');
    // a reference names the secret, not its value: kept, so the YAML still says where it comes from
    expect(byName.REGISTRY_STORAGE_S3_SECRETKEY?.valueFrom).toBeDefined();
    expect(out.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(REDACTED);
    expect(out.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(out.metadata?.managedFields).toBeUndefined();
    expect(JSON.stringify(out)).not.toContain(HTTP_SECRET);
  });

  it('reaches pod templates at any depth (CronJob → Job → Pod) and init containers', () => {
    const cron = {
      kind: 'CronJob',
      spec: {
        jobTemplate: {
          spec: {
            template: {
              spec: {
                initContainers: [{ name: 'init', env: [{ name: 'API_TOKEN', value: HTTP_SECRET }] }],
                containers: [{ name: 'pruner', env: [{ name: 'REGISTRY_HTTP_SECRET', value: HTTP_SECRET }] }],
              },
            },
          },
        },
      },
    };
    expect(JSON.stringify(redactWorkloadSecrets(cron))).not.toContain(HTTP_SECRET);
  });

  it('returns an object without secrets unchanged (the stream sends every pod through it)', () => {
    const pod = { kind: 'Pod', metadata: { name: 'p' }, spec: podTemplate([{ name: 'A', value: 'b' }]).spec };
    expect(redactWorkloadSecrets(pod)).toBe(pod);
    const input = registryDeployment();
    const before = JSON.stringify(input);
    redactWorkloadSecrets(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('rollout state', () => {
  const deployment = (spec: Record<string, unknown>, status: Record<string, unknown>, generation = 2) => ({
    metadata: { name: 'd', generation },
    spec,
    status: { observedGeneration: generation, ...status },
  });

  it('complete, progressing, stalled and scaled down, as the console tells them apart', () => {
    const full = { replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 };
    expect(rolloutOf(deployment({ replicas: 2 }, full)).state).toBe('complete');
    expect(rolloutOf(deployment({ replicas: 2 }, { ...full, updatedReplicas: 1 })).state).toBe('progressing');
    // a new generation not observed yet is not complete, whatever the counts say
    expect(rolloutOf({ ...deployment({ replicas: 2 }, full), metadata: { generation: 3 } }).state).toBe(
      'progressing',
    );
    const stalled = deployment(
      { replicas: 2 },
      {
        ...full,
        updatedReplicas: 1,
        conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
      },
    );
    expect(rolloutOf(stalled).state).toBe('stalled');
    const scaledDown = deployment({ replicas: 0 }, {});
    expect(rolloutOf(scaledDown).state).toBe('scaledDown');
    expect(deploymentCard(scaledDown)).toMatchObject({ health: 'failing', ready: 0, total: 0 });
    expect(deploymentCard(deployment({ replicas: 2 }, full))).toMatchObject({
      health: 'ok',
      ready: 2,
      total: 2,
    });
    expect(deploymentCard(deployment({ replicas: 1 }, { replicas: 1, updatedReplicas: 1 }))).toMatchObject({
      health: 'failing',
    });
  });
});

describe('events of an object and its children', () => {
  const event = (kind: string, name: string, reason: string, last: string): CoreV1Event => ({
    involvedObject: { kind, name },
    reason,
    message: `${reason} on ${name}`,
    type: reason === 'FailedScheduling' ? 'Warning' : 'Normal',
    count: 2,
    lastTimestamp: new Date(last),
    metadata: {},
  });

  it('keeps the Deployment’s, its ReplicaSets’ and its pods’ events (by name prefix), newest first', () => {
    const events = [
      event('Deployment', 'image-registry', 'ScalingReplicaSet', '2026-01-01T00:00:01Z'),
      event('Pod', 'image-registry-7d9-abcde', 'FailedScheduling', '2026-01-01T00:00:03Z'),
      event('ReplicaSet', 'image-registry-7d9', 'SuccessfulCreate', '2026-01-01T00:00:02Z'),
      event('Pod', 'image-pruner-29000-xyz', 'Started', '2026-01-01T00:00:04Z'),
      event('Deployment', 'cluster-image-registry-operator', 'ScalingReplicaSet', '2026-01-01T00:00:05Z'),
    ];
    const out = eventsFor(events, {
      names: { Deployment: ['image-registry'] },
      prefixes: { ReplicaSet: ['image-registry-'], Pod: ['image-registry-'] },
    });
    expect(out.map((e) => e.reason)).toEqual(['FailedScheduling', 'SuccessfulCreate', 'ScalingReplicaSet']);
    expect(out[0]).toMatchObject({
      type: 'Warning',
      count: 2,
      object: { kind: 'Pod', name: 'image-registry-7d9-abcde' },
      lastTime: '2026-01-01T00:00:03.000Z',
    });
  });
});

describe('routes: asked for by the Config, existing, admitted', () => {
  const config = {
    spec: {
      defaultRoute: true,
      routes: [
        { name: 'public-registry', hostname: 'registry.apps.example.com', secretName: 'missing-route-tls' },
      ],
    },
    status: {
      conditions: [
        {
          type: 'Progressing',
          status: 'True',
          reason: 'Error',
          message:
            'Unable to apply resources: unable to sync routes: failed to create object *v1.Route, Namespace=openshift-image-registry, Name=public-registry: secret "missing-route-tls" not found',
        },
      ],
    },
  };
  const defaultRoute = {
    metadata: { name: 'default-route' },
    spec: {
      host: 'default-route-openshift-image-registry.apps.example.com',
      tls: { termination: 'reencrypt' },
    },
    status: {
      ingress: [{ routerName: 'default', conditions: [{ type: 'Admitted', status: 'True' }] }],
    },
  };

  it('a route whose TLS secret is missing has no object, and quotes the operator’s message', () => {
    const rows = routeRows(config, [defaultRoute]);
    expect(rows.map((r) => [r.name, r.source, r.exists, r.admitted])).toEqual([
      ['default-route', 'default', true, 'True'],
      ['public-registry', 'config', false, 'Unknown'],
    ]);
    expect(rows[1]).toMatchObject({
      host: 'registry.apps.example.com',
      secretName: 'missing-route-tls',
      operatorMessage: expect.stringContaining('secret "missing-route-tls" not found'),
    });
    expect(rows[0]?.operatorMessage).toBeUndefined();
    expect(routesCard(config, [defaultRoute])).toMatchObject({
      health: 'failing',
      state: 'notCreated',
      ready: 1,
      total: 2,
    });
  });

  it('names a route only by its whole name (public-registry is not public-registry-2)', () => {
    expect(operatorMessageFor(config, 'public-registry')).toBeDefined();
    expect(operatorMessageFor(config, 'public')).toBeUndefined();
    expect(operatorMessageFor(config, 'public-registry-2')).toBeUndefined();
  });

  it('a route refused by the router shows its reason', () => {
    const refused = {
      metadata: { name: 'other' },
      spec: { host: 'taken.example.com' },
      status: {
        ingress: [
          {
            routerName: 'default',
            conditions: [
              {
                type: 'Admitted',
                status: 'False',
                reason: 'HostAlreadyClaimed',
                message: 'route x already exposes',
              },
            ],
          },
        ],
      },
    };
    const [row] = routeRows(undefined, [refused]);
    expect(row).toMatchObject({ source: 'other', admitted: 'False', reason: 'HostAlreadyClaimed' });
    expect(routesCard(undefined, [refused]).state).toBe('notAdmitted');
  });
});

describe('pruner card', () => {
  const cron = { metadata: { uid: 'c1', name: 'image-pruner' }, spec: {} };
  const job = (name: string, start: string, condition?: string) => ({
    metadata: { name, ownerReferences: [{ uid: 'c1' }] },
    status: {
      startTime: start,
      ...(condition
        ? { conditions: [{ type: condition, status: 'True', reason: 'BackoffLimitExceeded' }] }
        : {}),
    },
  });

  it('is as good as the newest Job', () => {
    expect(cronJobCard(cron, [])).toMatchObject({ health: 'ok', state: 'never', total: 0 });
    const jobs = [job('a', '2026-01-01T00:00:00Z', 'Complete'), job('b', '2026-01-02T00:00:00Z', 'Failed')];
    expect(cronJobCard(cron, jobs)).toMatchObject({ health: 'failing', state: 'Failed', ready: 1, total: 2 });
    jobs.push(job('c', '2026-01-03T00:00:00Z', 'Complete'));
    expect(cronJobCard(cron, jobs)).toMatchObject({ health: 'ok', state: 'Complete', ready: 2, total: 3 });
    // a Job of another owner does not count
    expect(
      cronJobCard(cron, [{ ...job('x', '2026-01-04T00:00:00Z', 'Failed'), metadata: { name: 'x' } }]),
    ).toMatchObject({
      state: 'never',
    });
  });

  it('orders Jobs started in the same second by when they ended, a running one newest', () => {
    const second = '2026-01-05T00:00:07Z';
    const ended = (name: string, condition: string, at: string) => {
      const j = job(name, second, condition);
      (j.status.conditions as { lastTransitionTime?: string }[])[0]!.lastTransitionTime = at;
      return j;
    };
    // names sort the wrong way on purpose: 'z-failed' would win a name tie-break
    const failed = ended('z-failed', 'Failed', '2026-01-05T00:00:07Z');
    expect(cronJobCard(cron, [failed, job('a-running', second)])).toMatchObject({ state: 'Running' });
    const done = ended('a-done', 'Complete', '2026-01-05T00:00:08Z');
    expect(cronJobCard(cron, [failed, done])).toMatchObject({ state: 'Complete', health: 'ok' });
  });
});
