import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  ErrorBody,
  MigrationObjectResult,
  MigrationOptions,
  MigrationRequest,
  MigrationResponse,
} from '@irc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

const OLD = 'docker-registry.default.svc:5000';
const NEW = 'image-registry.openshift-image-registry.svc:5000';
const MAPPING = `${OLD}/*=${NEW}/*`;
const ALL_KINDS: MigrationRequest['kinds'] = [
  'imagestreams',
  'deployments',
  'deploymentconfigs',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
  'buildconfigs',
  'secrets',
];

// Credentials seeded into the pull secrets: none may appear in a response or a log line.
const PASSWORD = 'Migr4tion-S3cret-never-shown';
const AUTH = Buffer.from(`robot:${PASSWORD}`).toString('base64');
const OTHER_AUTH = Buffer.from('other:An0ther-Secret-value').toString('base64');
const dockerconfigjson = (auths: Record<string, unknown>) =>
  Buffer.from(JSON.stringify({ auths })).toString('base64');

const labels = { app: 'demo' };
const podTemplate = (image: string, init?: string, restartPolicy?: string) => ({
  metadata: { labels },
  spec: {
    ...(restartPolicy ? { restartPolicy } : {}),
    ...(init ? { initContainers: [{ name: 'init', image: init }] } : {}),
    containers: [{ name: 'main', image }],
  },
});
const ns = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels: { 'workshop.openshift.io/sample': 'image-migration' } },
});
const deployment = (namespace: string, name: string, image: string, init?: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace },
  spec: { replicas: 0, selector: { matchLabels: labels }, template: podTemplate(image, init) },
});

function fixtures(): unknown[] {
  const a = 'mig-a';
  return [
    ns(a),
    ns('mig-b'),
    ns('mig-outside'),
    ns('mig-rbac'),
    deployment(a, 'web', `${OLD}/shop/web:1.2`, `${OLD}/shop/migrate@sha256:${'a'.repeat(64)}`),
    deployment(a, 'elsewhere', 'quay.io/shop/web:1.2'),
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: a },
      spec: {
        replicas: 0,
        serviceName: 'db',
        selector: { matchLabels: labels },
        template: podTemplate(`${OLD}/shop/db:15`),
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: a },
      spec: { selector: { matchLabels: labels }, template: podTemplate(`${OLD}/ops/agent:3`) },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'seed', namespace: a },
      spec: { suspend: true, template: podTemplate(`${OLD}/shop/seed:1`, undefined, 'Never') },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly', namespace: a },
      spec: {
        schedule: '0 3 * * *',
        suspend: true,
        jobTemplate: { spec: { template: podTemplate(`${OLD}/shop/report:1`, undefined, 'OnFailure') } },
      },
    },
    {
      apiVersion: 'image.openshift.io/v1',
      kind: 'ImageStream',
      metadata: { name: 'web', namespace: a },
      spec: {
        dockerImageRepository: `${OLD}/shop/web`,
        tags: [
          { name: 'stable', from: { kind: 'DockerImage', name: `${OLD}/shop/web:1.2` } },
          { name: 'latest', from: { kind: 'ImageStreamTag', name: 'web:stable' } },
        ],
      },
    },
    {
      apiVersion: 'build.openshift.io/v1',
      kind: 'BuildConfig',
      metadata: { name: 'web', namespace: a },
      spec: {
        source: { type: 'Git', git: { uri: 'https://example.com/shop/web.git' } },
        strategy: {
          type: 'Docker',
          dockerStrategy: { from: { kind: 'DockerImage', name: `${OLD}/base/node:20` } },
        },
        output: { to: { kind: 'DockerImage', name: `${OLD}/shop/web:latest` } },
      },
    },
    {
      apiVersion: 'apps.openshift.io/v1',
      kind: 'DeploymentConfig',
      metadata: { name: 'legacy', namespace: a },
      spec: { replicas: 0, selector: labels, template: podTemplate(`${OLD}/shop/legacy:7`) },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'pull', namespace: a },
      type: 'kubernetes.io/dockerconfigjson',
      data: {
        '.dockerconfigjson': dockerconfigjson({ [OLD]: { auth: AUTH }, 'quay.io': { auth: OTHER_AUTH } }),
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'legacy-pull', namespace: a },
      type: 'kubernetes.io/dockercfg',
      data: { '.dockercfg': Buffer.from(JSON.stringify({ [OLD]: { auth: AUTH } })).toString('base64') },
    },
    // Holds credentials for both hosts: renaming would drop one, so this object fails (alone).
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'clash', namespace: a },
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': dockerconfigjson({ [OLD]: { auth: AUTH }, [NEW]: { auth: OTHER_AUTH } }) },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'opaque', namespace: a },
      type: 'Opaque',
      data: { password: Buffer.from(PASSWORD).toString('base64') },
    },
    deployment('mig-b', 'api', `${OLD}/shop/api:2`),
    deployment('mig-outside', 'untouched', `${OLD}/shop/web:1.2`),
    deployment('mig-rbac', 'ok-1', `${OLD}/shop/one:1`),
    deployment('mig-rbac', 'ok-2', `${OLD}/shop/two:1`),
    deployment('mig-rbac', 'denied', `${OLD}/shop/three:1`),
    // developer may list deployments in mig-rbac but patch only ok-1 and ok-2 (RBAC resourceNames).
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'migrate-some', namespace: 'mig-rbac' },
      rules: [
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] },
        {
          apiGroups: ['apps'],
          resources: ['deployments'],
          verbs: ['patch'],
          resourceNames: ['ok-1', 'ok-2'],
        },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'migrate-some', namespace: 'mig-rbac' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'migrate-some' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'developer' }],
    },
  ];
}

describe('image reference migration (oc adm migrate image-references) against the sandbox', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    h = await startHarness();
    dir = mkdtempSync(join(tmpdir(), 'irc-migration-'));
    const file = join(dir, 'fixtures.json');
    writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: fixtures() }));
    // kubectl validates a List's items client-side against /openapi/v2, as against a real cluster.
    await h.kubectl('apply', '-f', file);
    // The tag history an import would have recorded (status is written through its subresource).
    const history = {
      status: {
        tags: [
          {
            tag: 'stable',
            items: [
              {
                created: '2026-01-01T00:00:00Z',
                dockerImageReference: `${OLD}/shop/web@sha256:${'b'.repeat(64)}`,
                image: `sha256:${'b'.repeat(64)}`,
                generation: 1,
              },
            ],
          },
        ],
      },
    };
    await h.kubectl(
      'patch',
      'imagestream.image.openshift.io',
      'web',
      '-n',
      'mig-a',
      '--subresource=status',
      '--type=merge',
      '-p',
      JSON.stringify(history),
    );
  }, 90_000);
  afterAll(async () => {
    await h?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (action: 'preview' | 'apply', body: Partial<MigrationRequest>, token?: string) =>
    h.fetch(`/api/v1/migration/${action}`, {
      method: 'POST',
      body: JSON.stringify({
        mappings: [MAPPING],
        namespaces: ['mig-a', 'mig-b'],
        kinds: ALL_KINDS,
        ...body,
      }),
      token,
    });
  const json = async <T>(res: Response) => (await res.json()) as T;
  const getJson = async (...args: string[]) =>
    JSON.parse(await h.kubectl('get', ...args, '-o', 'json')) as Record<string, unknown>;
  const key = (o: MigrationObjectResult) => `${o.namespace}/${o.kind}/${o.name}`;
  const comparable = (objects: MigrationObjectResult[]) => objects.map(({ resourceVersion: _rv, ...o }) => o);

  it('offers the namespaces (samples marked) and the served kinds', async () => {
    const res = await h.fetch('/api/v1/migration/options');
    expect(res.status).toBe(200);
    const options = await json<MigrationOptions>(res);
    expect(options.namespacesListed).toBe(true);
    expect(options.namespaces).toContainEqual({ name: 'mig-a', sample: 'image-migration' });
    expect(options.kinds.every((k) => k.served)).toBe(true);
  });

  it('rejects bad mappings field by field and changes nothing', async () => {
    const res = await run('preview', { mappings: [MAPPING, 'foo', 'docker.io/team/*=quay.io/*'] });
    expect(res.status).toBe(422);
    const body = await json<ErrorBody>(res);
    expect(body.fieldErrors).toEqual([
      { path: 'mappings[1]', message: expect.stringContaining('"foo" is not SRC=DST') },
      { path: 'mappings[2]', message: expect.stringContaining('"*" may only stand for the whole name') },
    ]);
    expect((await run('preview', { mappings: [] })).status).toBe(422);
    expect((await run('preview', { kinds: ['pods' as 'jobs'] })).status).toBe(422);
    const badNs = await json<ErrorBody>(await run('preview', { namespaces: ['Not_A_Namespace'] }));
    expect(badNs.fieldErrors).toEqual([
      { path: 'namespaces[0]', message: expect.stringContaining('is not a namespace name') },
    ]);
    const twice = await json<ErrorBody>(
      await run('preview', { namespaces: ['mig-a', 'mig-a'], kinds: ['jobs', 'jobs'] }),
    );
    expect(twice.fieldErrors).toEqual([
      { path: 'namespaces[1]', message: '"mig-a" is listed twice' },
      { path: 'kinds[1]', message: '"jobs" is listed twice' },
    ]);
  });

  it('refuses a POST without the CSRF token', async () => {
    const res = await h.fetch('/api/v1/migration/apply', {
      method: 'POST',
      body: JSON.stringify({ mappings: [MAPPING], namespaces: ['mig-a'], kinds: ['deployments'] }),
      csrf: false,
    });
    expect(res.status).toBe(403);
    expect((await json<ErrorBody>(res)).reason).toBe('CsrfRejected');
  });

  it('a viewer previews (every write refused) and gets 403 on apply; nothing changes', async () => {
    const before = await getJson('deployment', 'web', '-n', 'mig-a');
    const preview = await json<MigrationResponse>(
      await run('preview', { kinds: ['deployments'] }, h.tokens.viewer),
    );
    expect(preview.objects.find((o) => o.name === 'web')).toMatchObject({
      status: 'error',
      reason: 'Forbidden',
    });
    const res = await run('apply', { kinds: ['deployments', 'secrets'] }, h.tokens.viewer);
    expect(res.status).toBe(403);
    expect((await json<ErrorBody>(res)).message).toContain('nothing was migrated');
    const after = await getJson('deployment', 'web', '-n', 'mig-a');
    expect((after.metadata as { resourceVersion: string }).resourceVersion).toBe(
      (before.metadata as { resourceVersion: string }).resourceVersion,
    );
  });

  let preview: MigrationResponse;
  let applied: MigrationResponse;

  it('previews by server-side dry run: changes per field, oc summary line and commands, nothing written', async () => {
    const before = await getJson('deployment', 'web', '-n', 'mig-a');
    const res = await run('preview', {});
    expect(res.status).toBe(200);
    preview = await json<MigrationResponse>(res);
    expect(preview.dryRun).toBe(true);
    expect(preview.notServed).toEqual([]);
    expect(preview.listProblems).toEqual([]);
    const web = preview.objects.find((o) => key(o) === 'mig-a/deployments/web');
    expect(web?.status).toBe('migrated');
    expect(web?.changes).toEqual([
      {
        field: 'spec.template.spec.initContainers[0].image',
        old: `${OLD}/shop/migrate@sha256:${'a'.repeat(64)}`,
        new: `${NEW}/shop/migrate@sha256:${'a'.repeat(64)}`,
      },
      {
        field: 'spec.template.spec.containers[0].image',
        old: `${OLD}/shop/web:1.2`,
        new: `${NEW}/shop/web:1.2`,
      },
    ]);
    // Spec, then the tag history (which the sandbox's import controller may have added to).
    const isFields =
      preview.objects.find((o) => key(o) === 'mig-a/imagestreams/web')?.changes.map((c) => c.field) ?? [];
    expect(isFields.slice(0, 2)).toEqual(['spec.dockerImageRepository', 'spec.tags[0].from.name']);
    expect(isFields.slice(2).length).toBeGreaterThan(0);
    expect(
      isFields.slice(2).every((f) => /^status\.tags\[\d+\]\.items\[\d+\]\.dockerImageReference$/.test(f)),
    ).toBe(true);
    expect(
      preview.objects.find((o) => key(o) === 'mig-a/buildconfigs/web')?.changes.map((c) => c.field),
    ).toEqual(['spec.output.to.name', 'spec.strategy.dockerStrategy.from.name']);
    expect(preview.objects.find((o) => key(o) === 'mig-a/secrets/pull')).toMatchObject({
      status: 'migrated',
      changes: [{ field: 'data[.dockerconfigjson].auths', old: OLD, new: NEW }],
    });
    expect(preview.objects.find((o) => key(o) === 'mig-a/secrets/legacy-pull')).toMatchObject({
      status: 'migrated',
      changes: [{ field: 'data[.dockercfg]', old: OLD, new: NEW }],
    });
    expect(preview.objects.find((o) => key(o) === 'mig-a/secrets/clash')).toMatchObject({
      status: 'error',
      message: expect.stringContaining('would overwrite the credentials'),
    });
    // A Job's pod template is immutable (kube-apiserver answers 422): reported, not forced.
    expect(preview.objects.find((o) => key(o) === 'mig-a/jobs/seed')).toMatchObject({
      status: 'error',
      message: expect.stringContaining('field is immutable'),
    });
    expect(preview.objects.find((o) => key(o) === 'mig-a/deployments/elsewhere')?.status).toBe('unchanged');
    expect(preview.objects.find((o) => key(o) === 'mig-a/secrets/opaque')?.status).toBe('unchanged');
    expect(preview.objects.some((o) => o.namespace === 'mig-outside' || o.namespace === 'mig-rbac')).toBe(
      false,
    );
    const s = preview.summary;
    expect(s.total).toBe(preview.objects.length);
    expect(s.errors).toBe(2);
    expect(s.migrated).toBe(10);
    expect(s.total - s.errors - s.ignored - s.unchanged).toBe(s.migrated);
    expect(preview.summaryLine).toBe(
      `summary (dry run): total=${s.total} errors=${s.errors} ignored=${s.ignored} unchanged=${s.unchanged} migrated=${s.migrated}`,
    );
    expect(preview.commands).toEqual([
      `oc adm migrate image-references '${MAPPING}' --include=${ALL_KINDS.join(',')} -n mig-a`,
      `oc adm migrate image-references '${MAPPING}' --include=${ALL_KINDS.join(',')} -n mig-b`,
    ]);
    const after = await getJson('deployment', 'web', '-n', 'mig-a');
    expect(after).toEqual(before);
  });

  it('applies: the result matches the preview object for object, and the cluster holds the new references', async () => {
    const res = await run('apply', {});
    expect(res.status).toBe(200);
    applied = await json<MigrationResponse>(res);
    expect(applied.dryRun).toBe(false);
    expect(comparable(applied.objects)).toEqual(comparable(preview.objects));
    expect(applied.summaryLine).toBe(preview.summaryLine.replace('summary (dry run):', 'summary:'));
    expect(applied.commands.every((c) => c.endsWith(' --confirm'))).toBe(true);

    // Every change the result names is now in the cluster.
    const web = await getJson('deployment', 'web', '-n', 'mig-a');
    expect(JSON.stringify(web.spec)).not.toContain(OLD);
    for (const [kind, name, namespace] of [
      ['statefulset', 'db', 'mig-a'],
      ['daemonset', 'agent', 'mig-a'],
      ['cronjob', 'nightly', 'mig-a'],
      ['deploymentconfig.apps.openshift.io', 'legacy', 'mig-a'],
      ['buildconfig.build.openshift.io', 'web', 'mig-a'],
      ['deployment', 'api', 'mig-b'],
    ] as const) {
      const obj = await getJson(kind, name, '-n', namespace);
      expect(JSON.stringify(obj.spec), `${kind}/${name}`).toContain(NEW);
      expect(JSON.stringify(obj.spec), `${kind}/${name}`).not.toContain(OLD);
    }
    const is = (await getJson('imagestream.image.openshift.io', 'web', '-n', 'mig-a')) as {
      spec: { dockerImageRepository: string; tags: Array<{ from: { kind: string; name: string } }> };
      status: { tags: Array<{ items: Array<{ dockerImageReference: string }> }> };
    };
    expect(is.spec.dockerImageRepository).toBe(`${NEW}/shop/web`);
    const history = is.status.tags.flatMap((t) => t.items.map((i) => i.dockerImageReference));
    expect(history).toContain(`${NEW}/shop/web@sha256:${'b'.repeat(64)}`);
    expect(history.filter((r) => r.startsWith(OLD))).toEqual([]);
    expect(is.spec.tags.map((t) => t.from.name)).toEqual([`${NEW}/shop/web:1.2`, 'web:stable']);

    const pull = (await getJson('secret', 'pull', '-n', 'mig-a')) as { data: Record<string, string> };
    const doc = JSON.parse(Buffer.from(pull.data['.dockerconfigjson'] ?? '', 'base64').toString('utf8')) as {
      auths: Record<string, { auth: string }>;
    };
    expect(doc.auths).toEqual({ [NEW]: { auth: AUTH }, 'quay.io': { auth: OTHER_AUTH } });
    const clash = (await getJson('secret', 'clash', '-n', 'mig-a')) as { data: Record<string, string> };
    expect(clash.data['.dockerconfigjson']).toBe(
      dockerconfigjson({ [OLD]: { auth: AUTH }, [NEW]: { auth: OTHER_AUTH } }),
    );

    // The refused Job and objects outside the chosen namespaces were never touched.
    expect(JSON.stringify(await getJson('job', 'seed', '-n', 'mig-a'))).toContain(`${OLD}/shop/seed:1`);
    expect(JSON.stringify(await getJson('deployment', 'untouched', '-n', 'mig-outside'))).toContain(OLD);
  });

  it('a second run migrates nothing (idempotent); the failed object fails the same way', async () => {
    const again = await json<MigrationResponse>(await run('apply', {}));
    expect(again.summary.migrated).toBe(0);
    expect(again.summary.errors).toBe(2);
    expect(again.summary.total).toBe(applied.summary.total);
    expect(
      again.objects
        .filter((o) => o.status === 'error')
        .map(key)
        .sort(),
    ).toEqual(['mig-a/jobs/seed', 'mig-a/secrets/clash']);
    const preview2 = await json<MigrationResponse>(await run('preview', {}));
    expect(preview2.summary.migrated).toBe(0);
  });

  it('a write refused for one object does not stop or undo the others (RBAC on one Deployment)', async () => {
    const body = { namespaces: ['mig-rbac'], kinds: ['deployments'] as MigrationRequest['kinds'] };
    const dry = await json<MigrationResponse>(await run('preview', body, h.tokens.developer));
    const res = await run('apply', body, h.tokens.developer);
    expect(res.status).toBe(200);
    const result = await json<MigrationResponse>(res);
    expect(result.objects.map((o) => [o.name, o.status, o.reason])).toEqual([
      ['denied', 'error', 'Forbidden'],
      ['ok-1', 'migrated', undefined],
      ['ok-2', 'migrated', undefined],
    ]);
    expect(comparable(result.objects)).toEqual(comparable(dry.objects));
    expect(result.summaryLine).toBe('summary: total=3 errors=1 ignored=0 unchanged=0 migrated=2');
    expect(JSON.stringify(await getJson('deployment', 'ok-2', '-n', 'mig-rbac'))).toContain(
      `${NEW}/shop/two:1`,
    );
    expect(JSON.stringify(await getJson('deployment', 'denied', '-n', 'mig-rbac'))).toContain(
      `${OLD}/shop/three:1`,
    );
    // developer may not list namespaces: the form says so and takes typed names.
    const devOptions = await json<MigrationOptions>(
      await h.fetch('/api/v1/migration/options', { token: h.tokens.developer }),
    );
    expect(devOptions).toMatchObject({
      namespaces: [],
      namespacesListed: false,
      namespacesMessage: expect.stringContaining('forbidden'),
    });
    // developer may not list secrets or image streams there: reported per kind, not as objects.
    const wider = await json<MigrationResponse>(
      await run(
        'preview',
        { namespaces: ['mig-rbac'], kinds: ['deployments', 'secrets'] },
        h.tokens.developer,
      ),
    );
    expect(wider.listProblems).toEqual([
      {
        kind: 'secrets',
        namespace: 'mig-rbac',
        statusCode: 403,
        reason: 'Forbidden',
        message: expect.any(String),
      },
    ]);
  });

  it("the workshop's seeded sample projects: preview == apply object for object, then nothing left to migrate", async () => {
    const options = await json<MigrationOptions>(await h.fetch('/api/v1/migration/options'));
    const samples = options.namespaces
      .filter((n) => n.sample === 'image-migration' && n.name.startsWith('workshop-'))
      .map((n) => n.name);
    expect(samples.length).toBeGreaterThan(0);
    const body = { namespaces: samples };
    const dry = await json<MigrationResponse>(await run('preview', body));
    expect(dry.summary.migrated).toBeGreaterThan(0);
    expect(dry.listProblems).toEqual([]);
    const done = await json<MigrationResponse>(await run('apply', body));
    expect(comparable(done.objects)).toEqual(comparable(dry.objects));
    expect(done.summaryLine).toBe(dry.summaryLine.replace('summary (dry run):', 'summary:'));
    for (const ns of samples) {
      const workloads = await getJson('deployments,statefulsets,daemonsets,cronjobs', '-n', ns);
      expect(
        JSON.stringify((workloads.items as Array<{ spec: unknown }>).map((i) => i.spec)),
        ns,
      ).not.toContain(`${OLD}/`);
    }
    const second = await json<MigrationResponse>(await run('apply', body));
    expect(second.summary.migrated).toBe(0);
    expect(second.summary.errors).toBe(dry.summary.errors);
  });

  it('no response and no log line carries a pull-secret credential', async () => {
    const secrets = [
      AUTH,
      OTHER_AUTH,
      PASSWORD,
      Buffer.from(PASSWORD).toString('base64'),
      dockerconfigjson({ [OLD]: { auth: AUTH }, 'quay.io': { auth: OTHER_AUTH } }),
    ];
    // …and those of the seeded samples' pull secrets (whole documents and each entry's auth).
    const seeded = (await getJson('secrets', '-A', '-l', 'workshop.openshift.io/sample=image-migration')) as {
      items: Array<{ data?: Record<string, string> }>;
    };
    const all = (await getJson('secrets', '-A')) as {
      items: Array<{ type: string; metadata: { namespace: string }; data?: Record<string, string> }>;
    };
    const samplePulls = all.items.filter(
      (x) => x.metadata.namespace.startsWith('workshop-') && x.type.startsWith('kubernetes.io/docker'),
    );
    for (const x of [...seeded.items, ...samplePulls]) {
      for (const v of Object.values(x.data ?? {})) {
        secrets.push(v);
        for (const m of Buffer.from(v, 'base64')
          .toString('utf8')
          .matchAll(/"auth"\s*:\s*"([^"]+)"/g))
          if (m[1]) secrets.push(m[1]);
      }
    }
    expect(samplePulls.length).toBeGreaterThan(0);
    expect(h.bodies.length).toBeGreaterThan(10);
    for (const text of [...h.bodies, ...h.logs]) for (const s of secrets) expect(text).not.toContain(s);
    expect(h.logs.some((l) => l.includes('image references migrated'))).toBe(true);
  });
});
