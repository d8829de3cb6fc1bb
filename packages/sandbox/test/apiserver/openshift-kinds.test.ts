import { describe, expect, test } from 'vitest';
import { ApiError } from '../../src/core/errors.js';
import type { KubeObject, StatusCause, WatchEvent } from '../../src/core/types.js';
import { aggregatedDiscovery, apiResourceList } from '../../src/apiserver/discovery.js';
import { groupVersionDocument } from '../../src/apiserver/openapi/v3.js';
import { toTable } from '../../src/apiserver/tables/table.js';
import { tagsUpToWidth } from '../../src/apiserver/openshift/printers.js';
import { parseImageReference } from '../../src/apiserver/openshift/image-reference.js';
import { ScaledClock } from '../../src/core/clock.js';
import { ApiServer } from '../../src/apiserver/api-server.js';
import { newApiServer } from './fixtures.js';

const IS = { group: 'image.openshift.io', version: 'v1', resource: 'imagestreams' };
const DC = { group: 'apps.openshift.io', version: 'v1', resource: 'deploymentconfigs' };
const BC = { group: 'build.openshift.io', version: 'v1', resource: 'buildconfigs' };
const NS = 'default';
const OLD = 'docker-registry.default.svc:5000';

function imageStream(name: string, tags: unknown[]): KubeObject {
  return { apiVersion: 'image.openshift.io/v1', kind: 'ImageStream', metadata: { name }, spec: { tags } };
}
const dockerTag = (name: string, image: string): object => ({
  name,
  from: { kind: 'DockerImage', name: image },
});

function causesOf(fn: () => unknown): StatusCause[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError && e.status.code === 422) return e.status.details?.causes ?? [];
    throw e;
  }
  throw new Error('expected a 422 Invalid');
}

describe('discovery and OpenAPI', () => {
  const api = newApiServer();
  test('each group serves its kind with the real discovery facts', () => {
    const list = apiResourceList(api.registry, 'image.openshift.io', 'v1') as {
      resources: Array<Record<string, unknown>>;
    };
    expect(list.resources).toContainEqual({
      name: 'imagestreams',
      singularName: 'imagestream',
      namespaced: true,
      kind: 'ImageStream',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['is'],
      categories: ['all'],
    });
    expect(list.resources.map((r) => r.name)).toEqual(['imagestreams', 'imagestreams/status']);
    const dc = apiResourceList(api.registry, 'apps.openshift.io', 'v1') as {
      resources: Array<Record<string, unknown>>;
    };
    expect(dc.resources[0]).toMatchObject({
      name: 'deploymentconfigs',
      kind: 'DeploymentConfig',
      shortNames: ['dc'],
    });
    const bc = apiResourceList(api.registry, 'build.openshift.io', 'v1') as {
      resources: Array<Record<string, unknown>>;
    };
    expect(bc.resources).toEqual([
      expect.objectContaining({ name: 'buildconfigs', kind: 'BuildConfig', shortNames: ['bc'] }),
    ]);
    const agg = aggregatedDiscovery(api.registry, false, 'v2') as {
      items: Array<{ metadata: { name: string } }>;
    };
    expect(agg.items.map((g) => g.metadata.name)).toEqual(
      expect.arrayContaining(['image.openshift.io', 'apps.openshift.io', 'build.openshift.io']),
    );
  });

  test('OpenAPI v3 publishes the ImageStream schema under its Go package name', () => {
    const doc = groupVersionDocument(api.registry, 'image.openshift.io', 'v1') as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const is = doc.components.schemas['com.github.openshift.api.image.v1.ImageStream'];
    expect(Object.keys(is?.properties ?? {})).toEqual(expect.arrayContaining(['spec', 'status', 'metadata']));
    expect(doc.components.schemas['com.github.openshift.api.image.v1.TagReference']).toBeDefined();
  });
});

describe('ImageStream', () => {
  // the real CRDs: images.config.openshift.io carries the registry's hostnames
  const api = new ApiServer({ clock: new ScaledClock(0.01) });
  const admin = api.client();

  test('create defaults tags, stamps generations and reports the repository from the registry hostname', () => {
    const created = admin.create(
      IS,
      NS,
      imageStream('ruby', [dockerTag('2.7', `${OLD}/openshift/ruby:2.7`)]),
    ).object;
    expect(created.metadata.generation).toBe(1);
    expect(created.spec).toEqual({
      lookupPolicy: { local: false },
      tags: [
        {
          name: '2.7',
          annotations: null,
          from: { kind: 'DockerImage', name: `${OLD}/openshift/ruby:2.7` },
          generation: 1,
          importPolicy: { importMode: 'Legacy' },
          referencePolicy: { type: 'Source' },
        },
      ],
    });
    // no registry configured yet: the repository is empty, as while the registry is Removed
    expect(created.status).toEqual({ dockerImageRepository: '' });
    admin.create({ group: 'config.openshift.io', version: 'v1', resource: 'images' }, undefined, {
      apiVersion: 'config.openshift.io/v1',
      kind: 'Image',
      metadata: { name: 'cluster' },
      spec: {},
    });
    admin.patch(
      { group: 'config.openshift.io', version: 'v1', resource: 'images' },
      undefined,
      'cluster',
      'merge',
      {
        status: {
          internalRegistryHostname: 'image-registry.openshift-image-registry.svc:5000',
          externalRegistryHostnames: ['default-route-openshift-image-registry.apps.example.com'],
        },
      },
      { subresource: 'status' },
    );
    const read = admin.get(IS, NS, 'ruby');
    expect(read.status).toEqual({
      dockerImageRepository: 'image-registry.openshift-image-registry.svc:5000/default/ruby',
      publicDockerImageRepository: 'default-route-openshift-image-registry.apps.example.com/default/ruby',
    });
  });

  test('field-level errors for bad tags, and nothing is stored', () => {
    const bad = imageStream('bad', [
      { name: 'a', from: { kind: 'DockerImage', name: 'Quay.io/UPPER/Case:1' } },
      { name: 'b', from: { kind: 'Git', name: 'x' } },
      { name: 'c', from: { kind: 'DockerImage', name: '' }, referencePolicy: { type: 'Remote' } },
      { name: 'a', from: { kind: 'ImageStreamTag', name: 'bad:c' }, importPolicy: { scheduled: true } },
      { name: 'no spaces' },
    ]);
    const causes = causesOf(() => admin.create(IS, NS, bad));
    expect(causes.map((c) => c.field)).toEqual([
      'spec.tags[a].from.name',
      'spec.tags[b].from.kind',
      'spec.tags[c].from.name',
      'spec.tags[c].referencePolicy.type',
      'spec.tags[3].name',
      'spec.tags[a].importPolicy.scheduled',
      'spec.tags[4].name',
    ]);
    expect(causes[0]?.message).toBe(
      'Invalid value: "Quay.io/UPPER/Case:1": invalid reference format: repository name must be lowercase',
    );
    expect(causes[1]?.message).toBe(
      "Required value: valid values are 'DockerImage', 'ImageStreamImage', 'ImageStreamTag'",
    );
    expect(causes[3]?.message).toBe('Invalid value: "Remote": valid values are "Source", "Local"');
    expect(causes[4]?.message).toBe('Duplicate value: "a"');
    expect(() => admin.get(IS, NS, 'bad')).toThrow(/not found/);
    expect(
      causesOf(() => admin.create(IS, NS, { ...imageStream('Upper', []) })).map((c) => c.field),
    ).toContain('metadata.name');
    expect(
      causesOf(() =>
        admin.create(IS, NS, {
          ...imageStream('repo', []),
          spec: { dockerImageRepository: 'quay.io/a/b:1' },
        }),
      )[0]?.message,
    ).toMatch(/may not contain a tag/);
  });

  test('merge, JSON and strategic merge patches; changed tags take the new generation', () => {
    admin.create(
      IS,
      NS,
      imageStream('app', [
        dockerTag('latest', `${OLD}/shop/app:latest`),
        dockerTag('v1', `${OLD}/shop/app:v1`),
      ]),
    );
    const json = admin.patch(IS, NS, 'app', 'json', [
      {
        op: 'replace',
        path: '/spec/tags/1/from/name',
        value: 'image-registry.openshift-image-registry.svc:5000/shop/app:v1',
      },
    ]).object;
    expect(json.metadata.generation).toBe(2);
    const tags = (json.spec as { tags: Array<{ name: string; generation: number; from: { name: string } }> })
      .tags;
    expect(tags.map((t) => [t.name, t.generation])).toEqual([
      ['latest', 1],
      ['v1', 2],
    ]);
    const smp = admin.patch(IS, NS, 'app', 'strategic', {
      spec: { tags: [{ name: 'latest', from: { kind: 'DockerImage', name: 'quay.io/shop/app:latest' } }] },
    }).object;
    const merged = (smp.spec as { tags: Array<{ name: string; from: { name: string }; generation: number }> })
      .tags;
    expect(merged.map((t) => [t.name, t.from.name, t.generation])).toEqual([
      ['latest', 'quay.io/shop/app:latest', 3],
      ['v1', 'image-registry.openshift-image-registry.svc:5000/shop/app:v1', 2],
    ]);
    const mp = admin.patch(IS, NS, 'app', 'merge', { metadata: { labels: { team: 'shop' } } }).object;
    expect(mp.metadata.generation).toBe(3);
    expect(mp.metadata.labels).toEqual({ team: 'shop' });
  });

  test('status is a subresource: spec writes keep it, status writes keep the spec; resourceVersion preconditions and dry-run hold', () => {
    const before = admin.get(IS, NS, 'app');
    const items = [
      {
        created: '2024-01-02T03:04:05Z',
        dockerImageReference: `${OLD}/shop/app@sha256:${'a'.repeat(64)}`,
        image: `sha256:${'a'.repeat(64)}`,
        generation: 1,
      },
    ];
    const withStatus = admin.patch(
      IS,
      NS,
      'app',
      'merge',
      { status: { tags: [{ tag: 'latest', items }] } },
      { subresource: 'status' },
    ).object;
    expect((withStatus.status as { tags: unknown[] }).tags).toHaveLength(1);
    expect(withStatus.spec).toEqual(before.spec);
    const ignored = admin.patch(IS, NS, 'app', 'merge', { status: { tags: [] } }).object;
    expect((ignored.status as { tags: unknown[] }).tags).toHaveLength(1);
    expect(() =>
      admin.patch(IS, NS, 'app', 'merge', {
        metadata: { resourceVersion: '1' },
        spec: { lookupPolicy: { local: true } },
      }),
    ).toThrow(/modified/);
    const dry = admin.patch(
      IS,
      NS,
      'app',
      'json',
      [{ op: 'replace', path: '/spec/lookupPolicy/local', value: true }],
      { dryRun: true },
    ).object;
    expect((dry.spec as { lookupPolicy: { local: boolean } }).lookupPolicy.local).toBe(true);
    expect((admin.get(IS, NS, 'app').spec as { lookupPolicy: { local: boolean } }).lookupPolicy.local).toBe(
      false,
    );
    const badStatus = causesOf(() =>
      admin.patch(
        IS,
        NS,
        'app',
        'merge',
        {
          status: {
            tags: [
              {
                tag: 'latest',
                items: [{ dockerImageReference: 'NOT A REF', image: 'x', created: items[0]?.created }],
              },
            ],
          },
        },
        { subresource: 'status' },
      ),
    );
    expect(badStatus[0]?.field).toBe('status.tags[latest].items[0].dockerImageReference');
  });

  test('watch sees ADDED, MODIFIED and DELETED image streams', async () => {
    const events: WatchEvent[] = [];
    const stop = admin.watch(IS, NS, { resourceVersion: admin.list(IS, NS).metadata.resourceVersion }, (e) =>
      events.push(e),
    );
    admin.create(IS, NS, imageStream('watched', [dockerTag('1.0', 'quay.io/x/y:1.0')]));
    admin.patch(IS, NS, 'watched', 'merge', { metadata: { annotations: { a: 'b' } } });
    admin.delete(IS, NS, 'watched');
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(events.map((e) => `${e.type} ${(e.object as KubeObject).metadata.name}`)).toEqual([
      'ADDED watched',
      'MODIFIED watched',
      'DELETED watched',
    ]);
    expect(
      ((events[0]?.object as KubeObject).status as { dockerImageRepository: string }).dockerImageRepository,
    ).toMatch(/\/default\/watched$/);
  });

  test('the table is NAME IMAGE REPOSITORY TAGS UPDATED', () => {
    const now = new Date(Date.parse('2024-01-02T05:04:05Z'));
    const table = toTable(api.registry.resolve(IS)!, [admin.get(IS, NS, 'app')], {
      includeObject: 'None',
      now,
    }) as unknown as { columnDefinitions: Array<{ name: string }>; rows: Array<{ cells: unknown[] }> };
    expect(table.columnDefinitions.map((c) => c.name)).toEqual([
      'Name',
      'Image Repository',
      'Tags',
      'Updated',
    ]);
    expect(table.rows[0]?.cells).toEqual([
      'app',
      'default-route-openshift-image-registry.apps.example.com/default/app',
      'latest',
      '2 hours ago',
    ]);
    expect(
      tagsUpToWidth(
        ['1.0', 'latest', '2.0', '10.1', 'beta', 'v3.1.4', 'alpha', 'gamma-long-tag-name', 'delta'],
        40,
      ),
    ).toBe('latest,10.1,v3.1.4,2.0,1.0,alpha,beta + 2 more...');
  });
});

describe('DeploymentConfig and BuildConfig', () => {
  const api = newApiServer();
  const admin = api.client();
  const dc: KubeObject = {
    apiVersion: 'apps.openshift.io/v1',
    kind: 'DeploymentConfig',
    metadata: { name: 'legacy' },
    spec: {
      replicas: 1,
      selector: { app: 'legacy' },
      template: {
        metadata: { labels: { app: 'legacy' } },
        spec: {
          containers: [
            { name: 'web', image: `${OLD}/legacy/web:1` },
            { name: 'sidecar', image: 'quay.io/x/side:1' },
          ],
        },
      },
    },
  };

  test('a DeploymentConfig gets v1 defaults; strategic merge patches containers by name', () => {
    const created = admin.create(DC, NS, dc).object;
    expect(created.spec).toMatchObject({
      triggers: [{ type: 'ConfigChange' }],
      revisionHistoryLimit: 10,
      strategy: { type: 'Rolling', activeDeadlineSeconds: 21600 },
    });
    expect(created.status).toMatchObject({ latestVersion: 0 });
    const patched = admin.patch(DC, NS, 'legacy', 'strategic', {
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'web', image: 'image-registry.openshift-image-registry.svc:5000/legacy/web:1' },
            ],
          },
        },
      },
    }).object;
    const containers = (
      patched.spec as { template: { spec: { containers: Array<{ name: string; image: string }> } } }
    ).template.spec.containers;
    expect(containers.map((c) => `${c.name}=${c.image}`)).toEqual([
      'web=image-registry.openshift-image-registry.svc:5000/legacy/web:1',
      'sidecar=quay.io/x/side:1',
    ]);
    expect(patched.metadata.generation).toBe(2);
    const stale = {
      ...patched,
      metadata: { ...patched.metadata, resourceVersion: created.metadata.resourceVersion },
    };
    expect(() => admin.update(DC, NS, stale)).toThrow(/modified/);
    const causes = causesOf(() =>
      admin.create(DC, NS, {
        ...dc,
        metadata: { name: 'broken' },
        spec: {
          selector: { app: 'x' },
          template: { metadata: { labels: { app: 'y' } }, spec: { containers: [{ name: 'c' }] } },
          triggers: [{ type: 'ImageChange' }],
        },
      }),
    );
    expect(causes.map((c) => c.field)).toEqual([
      'spec.template.metadata.labels',
      'spec.template.spec.containers[0].image',
      'spec.triggers[0].imageChangeParams',
    ]);
  });

  test('a BuildConfig needs exactly one strategy and image references of the allowed kinds', () => {
    const bc: KubeObject = {
      apiVersion: 'build.openshift.io/v1',
      kind: 'BuildConfig',
      metadata: { name: 'web' },
      spec: {
        source: { git: { uri: 'https://example.com/web.git' } },
        strategy: { sourceStrategy: { from: { kind: 'DockerImage', name: `${OLD}/openshift/nodejs:18` } } },
        output: { to: { kind: 'DockerImage', name: `${OLD}/shop/web:latest` } },
      },
    };
    const created = admin.create(BC, NS, bc).object;
    expect(created.spec).toMatchObject({
      runPolicy: 'Serial',
      source: { type: 'Git' },
      strategy: { type: 'Source' },
    });
    const table = toTable(api.registry.resolve(BC)!, [created], {
      includeObject: 'None',
      now: new Date(),
    }) as unknown as { rows: Array<{ cells: unknown[] }> };
    expect(table.rows[0]?.cells).toEqual(['web', 'Source', 'Git', 0]);
    // JSON patch under dry-run changes nothing; a merge patch with a stale resourceVersion is a conflict
    const dry = admin.patch(
      BC,
      NS,
      'web',
      'json',
      [
        {
          op: 'replace',
          path: '/spec/output/to/name',
          value: 'image-registry.openshift-image-registry.svc:5000/shop/web:latest',
        },
      ],
      { dryRun: true },
    ).object;
    expect((dry.spec as { output: { to: { name: string } } }).output.to.name).toBe(
      'image-registry.openshift-image-registry.svc:5000/shop/web:latest',
    );
    expect((admin.get(BC, NS, 'web').spec as { output: { to: { name: string } } }).output.to.name).toBe(
      `${OLD}/shop/web:latest`,
    );
    expect(() =>
      admin.patch(BC, NS, 'web', 'merge', {
        metadata: { resourceVersion: '1' },
        spec: { runPolicy: 'Parallel' },
      }),
    ).toThrow(/modified/);
    const merged = admin.patch(BC, NS, 'web', 'merge', {
      spec: {
        strategy: {
          sourceStrategy: {
            from: { name: 'image-registry.openshift-image-registry.svc:5000/openshift/nodejs:18' },
          },
        },
      },
    }).object;
    expect(merged.spec).toMatchObject({
      strategy: {
        sourceStrategy: {
          from: {
            kind: 'DockerImage',
            name: 'image-registry.openshift-image-registry.svc:5000/openshift/nodejs:18',
          },
        },
      },
    });
    expect(merged.metadata.generation).toBe(2);
    const causes = causesOf(() =>
      admin.create(BC, NS, {
        ...bc,
        metadata: { name: 'two' },
        spec: {
          strategy: { sourceStrategy: { from: { kind: 'Git', name: 'x' } } },
          output: { to: { kind: 'ImageStreamTag', name: 'no-tag' } },
        },
      }),
    );
    expect(causes.map((c) => c.field)).toEqual([
      'spec.strategy.sourceStrategy.from.kind',
      'spec.output.to.name',
    ]);
    expect(
      causesOf(() => admin.create(BC, NS, { ...bc, metadata: { name: 'none' }, spec: { strategy: {} } }))[0]
        ?.message,
    ).toMatch(/exactly one of sourceStrategy/);
  });
});

describe('RBAC', () => {
  const api = newApiServer();
  const viewer = api.client({ username: 'viewer', groups: ['system:authenticated'] });
  const developer = api.client({ username: 'developer', groups: ['system:authenticated'] });
  test('the viewer reads image streams but cannot change them; the developer works in its own namespace only', () => {
    api.client().create(IS, NS, imageStream('seen', []));
    expect(viewer.list(IS, undefined).items.map((i) => i.metadata.name)).toEqual(['seen']);
    expect(viewer.get(IS, NS, 'seen').metadata.name).toBe('seen');
    expect(viewer.list(DC, undefined).items).toEqual([]);
    expect(viewer.list(BC, undefined).items).toEqual([]);
    expect(() => viewer.patch(IS, NS, 'seen', 'merge', { metadata: { labels: { a: 'b' } } })).toThrow(
      /forbidden/,
    );
    expect(() => viewer.create(IS, NS, imageStream('mine', []))).toThrow(/forbidden/);
    expect(developer.create(IS, 'developer', imageStream('mine', [])).object.metadata.name).toBe('mine');
    expect(() => developer.list(IS, NS)).toThrow(/forbidden/);
  });
});

test('image references split into registry and repository like library-go', () => {
  expect(parseImageReference('docker-registry.default.svc:5000/shop/app:1.2')).toEqual({
    registry: 'docker-registry.default.svc:5000',
    repository: 'shop/app',
    tag: '1.2',
    id: '',
  });
  expect(parseImageReference('nginx')).toEqual({ registry: '', repository: 'nginx', tag: '', id: '' });
  expect(parseImageReference(`localhost/a@sha256:${'0'.repeat(64)}`)).toMatchObject({
    registry: 'localhost',
    repository: 'a',
    id: `sha256:${'0'.repeat(64)}`,
  });
  expect(() => parseImageReference('a//b')).toThrow('invalid reference format');
});

describe('Job templates are immutable (why a migration cannot rewrite a Job)', () => {
  const api = newApiServer();
  const admin = api.client();
  const JOBS = { group: 'batch', version: 'v1', resource: 'jobs' };
  const job = (name: string, suspend: boolean): KubeObject => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      suspend,
      template: {
        metadata: { labels: { app: name } },
        spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: `${OLD}/shop/seed:1` }] },
      },
    },
  });
  test('the image cannot change; a suspended Job that never started may change its node selector', () => {
    admin.create(JOBS, NS, job('seed', true));
    const causes = causesOf(() =>
      admin.patch(JOBS, NS, 'seed', 'strategic', {
        spec: {
          template: {
            spec: {
              containers: [
                { name: 'main', image: 'image-registry.openshift-image-registry.svc:5000/shop/seed:1' },
              ],
            },
          },
        },
      }),
    );
    expect(causes).toEqual([
      expect.objectContaining({
        field: 'spec.template',
        reason: 'FieldValueInvalid',
        message: expect.stringMatching(/: field is immutable$/),
      }),
    ]);
    const moved = admin.patch(JOBS, NS, 'seed', 'merge', {
      spec: { template: { spec: { nodeSelector: { 'node-role.kubernetes.io/worker': '' } } } },
    }).object;
    expect(
      (moved.spec as { template: { spec: { nodeSelector: object } } }).template.spec.nodeSelector,
    ).toEqual({ 'node-role.kubernetes.io/worker': '' });
    expect(
      admin.patch(JOBS, NS, 'seed', 'merge', { metadata: { labels: { a: 'b' } } }).object.metadata.labels,
    ).toEqual({ a: 'b' });
    admin.create(JOBS, NS, job('running', false));
    expect(
      causesOf(() =>
        admin.patch(JOBS, NS, 'running', 'merge', {
          spec: { template: { spec: { nodeSelector: { a: 'b' } } } },
        }),
      ).map((c) => c.field),
    ).toEqual(['spec.template']);
  });
});
