import { describe, expect, it } from 'vitest';
import { call, type Reply } from './http-client.js';
import { useTestSandbox } from '../cluster/harness.js';

/**
 * kube-apiserver decodes built-in kinds strictly at every depth: fieldValidation=Strict refuses
 * any field the Go struct lacks (400 on create/update naming every path, 422 on a patch), Warn
 * (the default) answers one 299 Warning per field and drops it, Ignore drops it silently.
 */
const sb = useTestSandbox({ controllers: false });

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';
const message = (r: Reply): unknown => (r.json as { message?: string } | undefined)?.message;
const warnings = (r: Reply): string => String(r.headers.warning ?? '');
const get = async (path: string): Promise<Record<string, unknown>> =>
  (await call(sb, 'GET', path)).json as Record<string, unknown>;

function deployment(name: string): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { 'any.key/you-like': 'v' } },
    spec: {
      replica: 2,
      selector: { matchLabels: { app: name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            { name: 'a', image: 'nginx', resources: { limits: { memory: '1Gi' } } },
            {
              name: 'b',
              image: 'nginx',
              imagePullPolcy: 'Always',
              ports: [{ containerPort: 80, protocl: 'TCP' }],
            },
          ],
        },
      },
    },
  };
}
const DEPLOYMENT_UNKNOWN = [
  'spec.replica',
  'spec.template.spec.containers[1].imagePullPolcy',
  'spec.template.spec.containers[1].ports[0].protocl',
];

describe('built-in kinds are decoded strictly at every depth', () => {
  it('Strict: a Deployment create is a 400 naming every unknown path, in document order, and nothing is stored', async () => {
    const r = await call(sb, 'POST', `${DEPLOYMENTS}?fieldValidation=Strict`, { body: deployment('strict') });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'BadRequest', code: 400 });
    expect(message(r)).toBe(
      `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: ${DEPLOYMENT_UNKNOWN.map((p) => `unknown field "${p}"`).join(', ')}`,
    );
    expect((await call(sb, 'GET', `${DEPLOYMENTS}/strict`)).status).toBe(404);
  });

  it('Warn (also the default): one 299 warning per unknown path, and the fields are dropped from the stored object', async () => {
    for (const [name, query] of [
      ['warn', '?fieldValidation=Warn'],
      ['default', ''],
    ] as const) {
      const r = await call(sb, 'POST', `${DEPLOYMENTS}${query}`, { body: deployment(name) });
      expect(r.status).toBe(201);
      for (const p of DEPLOYMENT_UNKNOWN) expect(warnings(r)).toContain(`299 - "unknown field \\"${p}\\""`);
      const stored = await get(`${DEPLOYMENTS}/${name}`);
      const spec = stored.spec as {
        replica?: unknown;
        replicas?: number;
        template: { spec: { containers: Array<Record<string, unknown>> } };
      };
      expect(spec.replica).toBeUndefined();
      expect(spec.replicas).toBe(1);
      expect(spec.template.spec.containers[1]?.imagePullPolcy).toBeUndefined();
      expect(spec.template.spec.containers[1]?.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
      expect(spec.template.spec.containers[0]?.resources).toEqual({ limits: { memory: '1Gi' } });
    }
  });

  it('Ignore: the unknown fields are dropped without a warning', async () => {
    const r = await call(sb, 'POST', `${DEPLOYMENTS}?fieldValidation=Ignore`, { body: deployment('ignore') });
    expect(r.status).toBe(201);
    expect(r.headers.warning).toBeUndefined();
    expect((await get(`${DEPLOYMENTS}/ignore`)).spec).not.toHaveProperty('replica');
  });

  it('updates: PUT is a 400, a merge patch a 422 on `patch`; a GET body (managedFields, status, int-or-string) round-trips under Strict', async () => {
    const live = await get(`${DEPLOYMENTS}/ignore`);
    const same = await call(sb, 'PUT', `${DEPLOYMENTS}/ignore?fieldValidation=Strict`, { body: live });
    expect(same.status).toBe(200);
    const spec = live.spec as Record<string, unknown>;
    const put = await call(sb, 'PUT', `${DEPLOYMENTS}/ignore?fieldValidation=Strict`, {
      body: { ...live, spec: { ...spec, paused: true, pasued: true } },
    });
    expect([put.status, message(put)]).toEqual([
      400,
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.pasued"',
    ]);
    const patch = await call(sb, 'PATCH', `${DEPLOYMENTS}/ignore?fieldValidation=Strict`, {
      body: { spec: { strategy: { rollingUpdate: { maxSurg: 2 } } } },
      contentType: 'application/merge-patch+json',
    });
    expect(patch.status).toBe(422);
    expect(patch.json).toMatchObject({
      reason: 'Invalid',
      details: { causes: [{ field: 'patch', reason: 'FieldValueInvalid' }] },
    });
    expect(message(patch)).toMatch(
      /strict decoding error: unknown field "spec.strategy.rollingUpdate.maxSurg"$/,
    );
    const warned = await call(sb, 'PATCH', `${DEPLOYMENTS}/ignore`, {
      body: { spec: { minReadySecond: 5 } },
      contentType: 'application/strategic-merge-patch+json',
    });
    expect([warned.status, warnings(warned)]).toEqual([
      200,
      '299 - "unknown field \\"spec.minReadySecond\\""',
    ]);
    expect((await get(`${DEPLOYMENTS}/ignore`)).spec).not.toHaveProperty('minReadySecond');
  });

  it('Pod: unknown fields deep in containers and the pod security context; labels and annotations take any key', async () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { anything: 'x' }, annotations: { 'example.com/whatever': 'y' } },
      spec: {
        securityContext: { runAsUsr: 1000, runAsNonRoot: true },
        containers: [
          {
            name: 'c',
            image: 'nginx',
            env: [{ name: 'A', valu: '1' }],
            readinessProbe: { httpGet: { path: '/', port: 'http', schem: 'HTTPS' } },
          },
        ],
      },
    };
    const r = await call(sb, 'POST', '/api/v1/namespaces/default/pods?fieldValidation=Strict', { body: pod });
    expect([r.status, message(r)]).toEqual([
      400,
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.securityContext.runAsUsr", unknown field "spec.containers[0].env[0].valu", unknown field "spec.containers[0].readinessProbe.httpGet.schem"',
    ]);
    const fixed = {
      ...pod,
      spec: {
        securityContext: { runAsUser: 1000, runAsNonRoot: true },
        containers: [{ name: 'c', image: 'nginx' }],
      },
    };
    expect(
      (await call(sb, 'POST', '/api/v1/namespaces/default/pods?fieldValidation=Strict', { body: fixed }))
        .status,
    ).toBe(201);
  });

  it('Secret: data and stringData take arbitrary keys; a misspelt top-level field is refused', async () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { 'any-key.json': 'e30=', '.dockerconfigjson': 'e30=' },
      stringData: { 'Free_Form.key': 'v' },
    };
    const ok = await call(sb, 'POST', '/api/v1/namespaces/default/secrets?fieldValidation=Strict', {
      body: secret,
    });
    expect(ok.status).toBe(201);
    expect(Object.keys((ok.json as { data: object }).data).sort()).toEqual([
      '.dockerconfigjson',
      'Free_Form.key',
      'any-key.json',
    ]);
    const bad = await call(sb, 'POST', '/api/v1/namespaces/default/secrets?fieldValidation=Strict', {
      body: { ...secret, metadata: { name: 's2' }, typ: 'Opaque' },
    });
    expect([bad.status, message(bad)]).toEqual([
      400,
      'Secret in version "v1" cannot be handled as a Secret: strict decoding error: unknown field "typ"',
    ]);
  });

  it('CronJob: unknown fields under spec.jobTemplate.spec.template are named with their full path', async () => {
    const cron = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'cj' },
      spec: {
        schedule: '*/5 * * * *',
        jobTemplate: {
          spec: {
            backofLimit: 2,
            template: {
              spec: {
                restartPolicy: 'Never',
                containers: [{ name: 'c', image: 'busybox', volumeMounts: [{ name: 'v', mountPth: '/x' }] }],
              },
            },
          },
        },
      },
    };
    const r = await call(sb, 'POST', '/apis/batch/v1/namespaces/default/cronjobs?fieldValidation=Strict', {
      body: cron,
    });
    expect([r.status, message(r)]).toEqual([
      400,
      'CronJob in version "v1" cannot be handled as a CronJob: strict decoding error: unknown field "spec.jobTemplate.spec.backofLimit", unknown field "spec.jobTemplate.spec.template.spec.containers[0].volumeMounts[0].mountPth"',
    ]);
    const warn = await call(sb, 'POST', '/apis/batch/v1/namespaces/default/cronjobs?fieldValidation=Warn', {
      body: cron,
    });
    expect(warn.status).toBe(201);
    const stored = await get('/apis/batch/v1/namespaces/default/cronjobs/cj');
    expect(stored).toMatchObject({
      spec: {
        jobTemplate: { spec: { template: { spec: { containers: [{ volumeMounts: [{ name: 'v' }] }] } } } },
      },
    });
    expect(JSON.stringify(stored)).not.toMatch(/backofLimit|mountPth/);
  });

  it('ImageStream (OpenShift kind): unknown fields in spec.tags are refused or dropped like kube built-ins', async () => {
    const IS = '/apis/image.openshift.io/v1/namespaces/default/imagestreams';
    const stream = {
      apiVersion: 'image.openshift.io/v1',
      kind: 'ImageStream',
      metadata: { name: 'is' },
      spec: {
        lookupPolicy: { local: false },
        tags: [
          {
            name: 'latest',
            from: { kind: 'DockerImage', nam: 'quay.io/x/y:1' },
            importPolicy: { schedueld: true },
          },
        ],
      },
    };
    const r = await call(sb, 'POST', `${IS}?fieldValidation=Strict`, { body: stream });
    expect([r.status, message(r)]).toEqual([
      400,
      'ImageStream in version "v1" cannot be handled as a ImageStream: strict decoding error: unknown field "spec.tags[0].from.nam", unknown field "spec.tags[0].importPolicy.schedueld"',
    ]);
    stream.spec.tags[0] = {
      name: 'latest',
      from: { kind: 'DockerImage', name: 'quay.io/x/y:1', nam: 'x' } as (typeof stream.spec.tags)[0]['from'],
      importPolicy: { schedueld: true },
    };
    const warn = await call(sb, 'POST', `${IS}?fieldValidation=Warn`, { body: stream });
    expect(warn.status).toBe(201);
    expect(warnings(warn)).toContain('unknown field \\"spec.tags[0].importPolicy.schedueld\\"');
    const tag = ((await get(`${IS}/is`)).spec as { tags: Array<Record<string, unknown>> }).tags[0];
    expect(tag?.from).toEqual({ kind: 'DockerImage', name: 'quay.io/x/y:1' });
    expect(tag?.importPolicy ?? {}).not.toHaveProperty('schedueld');
  });

  it('ImageStream status: a tag event with `platforms` (openshift/api image/v1 TagEvent) passes Strict, a misspelt one does not', async () => {
    const IS = '/apis/image.openshift.io/v1/namespaces/default/imagestreams';
    await call(sb, 'POST', IS, {
      body: { apiVersion: 'image.openshift.io/v1', kind: 'ImageStream', metadata: { name: 'platforms' } },
    });
    const event = (extra: Record<string, unknown>) => ({
      status: {
        dockerImageRepository: '',
        tags: [
          {
            tag: 'latest',
            items: [
              {
                created: '2026-12-07T10:00:00Z',
                dockerImageReference: 'quay.io/x/y@sha256:' + '0'.repeat(64),
                image: 'sha256:' + '0'.repeat(64),
                generation: 1,
                ...extra,
              },
            ],
          },
        ],
      },
    });
    const ok = await call(sb, 'PATCH', `${IS}/platforms/status?fieldValidation=Strict`, {
      body: event({ platforms: ['linux/amd64', 'linux/arm64'] }),
      contentType: 'application/merge-patch+json',
    });
    expect(ok.status).toBe(200);
    const bad = await call(sb, 'PATCH', `${IS}/platforms/status?fieldValidation=Strict`, {
      body: event({ platfroms: ['linux/amd64'] }),
      contentType: 'application/merge-patch+json',
    });
    expect(bad.status).toBe(422);
  });
});
