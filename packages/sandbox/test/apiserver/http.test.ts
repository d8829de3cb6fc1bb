import { describe, expect, it } from 'vitest';
import { at, call, stream } from './http-client.js';
import { useTestSandbox } from '../cluster/harness.js';

const sb = useTestSandbox({ controllers: false, watchCacheSize: 20, watchCacheMaxSize: 20 });

const cm = (name: string, data: Record<string, string> = {}, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, labels },
  data,
});
const CMS = '/api/v1/namespaces/default/configmaps';

describe('authentication and discovery', () => {
  it('answers 401 with a Status without a valid token, /version without one', async () => {
    const r = await call(sb, 'GET', '/api/v1/namespaces', { token: 'nope' });
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
    const v = await call(sb, 'GET', '/version', { token: null });
    expect(at(v.json, 'gitVersion')).toMatch(/^v1\.32\./);
  });

  it('serves /api, /apis and resource lists with verbs, short names and subresources', async () => {
    expect(at((await call(sb, 'GET', '/api')).json, 'versions')).toEqual(['v1']);
    const groups = at((await call(sb, 'GET', '/apis')).json, 'groups') as Array<{ name: string }>;
    expect(groups.map((g) => g.name)).toEqual(
      expect.arrayContaining(['apps', 'batch', 'rbac.authorization.k8s.io', 'apiextensions.k8s.io']),
    );
    const core = (await call(sb, 'GET', '/api/v1')).json as {
      resources: Array<{ name: string; shortNames?: string[]; verbs: string[]; kind: string }>;
    };
    const byName = new Map(core.resources.map((r) => [r.name, r]));
    expect(byName.get('pods')?.shortNames).toEqual(['po']);
    expect(byName.get('pods/log')?.verbs).toEqual(['get']);
    expect(byName.get('events')?.shortNames).toEqual(['ev']);
    const apps = (await call(sb, 'GET', '/apis/apps/v1')).json as {
      resources: Array<{ name: string; kind: string; group?: string }>;
    };
    expect(apps.resources.find((r) => r.name === 'deployments/scale')).toMatchObject({
      kind: 'Scale',
      group: 'autoscaling',
    });
    expect((await call(sb, 'GET', '/apis/nope.example.io/v1')).text).toBe('404 page not found\n');
  });

  it('answers aggregated discovery (apidiscovery.k8s.io/v2) when asked first', async () => {
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    const r = await call(sb, 'GET', '/apis', { accept });
    expect(r.headers['content-type']).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    );
    const apps = (
      r.json as {
        items: Array<{
          metadata: { name: string };
          versions: Array<{
            resources: Array<{
              resource: string;
              scope: string;
              shortNames?: string[];
              subresources?: Array<{ subresource: string }>;
            }>;
          }>;
        }>;
      }
    ).items.find((g) => g.metadata.name === 'apps');
    const deploy = apps?.versions[0]?.resources.find((x) => x.resource === 'deployments');
    expect(deploy).toMatchObject({ scope: 'Namespaced', shortNames: ['deploy'] });
    expect(deploy?.subresources?.map((x) => x.subresource)).toEqual(['scale', 'status']);
    const core = await call(sb, 'GET', '/api', { accept });
    expect(at(core.json, 'items.0.metadata.name')).toBe('');
  });

  it('publishes OpenAPI v3 with the fieldValidation parameter kubectl looks for', async () => {
    const index = (await call(sb, 'GET', '/openapi/v3')).json as {
      paths: Record<string, { serverRelativeURL: string }>;
    };
    const apps = index.paths['apis/apps/v1'];
    expect(apps?.serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=/);
    const doc = (await call(sb, 'GET', apps?.serverRelativeURL ?? '')).json as {
      paths: Record<string, { patch?: { parameters: Array<{ name: string }> } }>;
    };
    // kubectl checks the first PATCH operation of a kind it meets, in map order: all must carry it.
    const patches = Object.values(doc.paths).flatMap((p) => (p.patch ? [p.patch] : []));
    expect(patches.length).toBeGreaterThan(4);
    for (const op of patches) expect(op.parameters.map((p) => p.name)).toContain('fieldValidation');
  });
});

describe('CRUD over HTTP', () => {
  it('create 201, duplicate 409 AlreadyExists, get 404 NotFound with kube wording', async () => {
    expect((await call(sb, 'POST', CMS, { body: cm('c1', { a: '1' }) })).status).toBe(201);
    const dup = await call(sb, 'POST', CMS, { body: cm('c1') });
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({
      reason: 'AlreadyExists',
      message: 'configmaps "c1" already exists',
      details: { name: 'c1', kind: 'configmaps' },
    });
    const missing = await call(sb, 'GET', `${CMS}/zz`);
    expect(missing.json).toMatchObject({
      code: 404,
      reason: 'NotFound',
      message: 'configmaps "zz" not found',
    });
    const noNs = await call(sb, 'POST', '/api/v1/namespaces/ghost/configmaps', { body: cm('c1') });
    expect(noNs.json).toMatchObject({ code: 404, message: 'namespaces "ghost" not found' });
  });

  it('PUT with a stale resourceVersion is a 409 Conflict', async () => {
    const created = (await call(sb, 'POST', CMS, { body: cm('c2', { a: '1' }) })).json as {
      metadata: { resourceVersion: string };
    };
    const ok = await call(sb, 'PUT', `${CMS}/c2`, {
      body: {
        ...cm('c2', { a: '2' }),
        metadata: { name: 'c2', resourceVersion: created.metadata.resourceVersion },
      },
    });
    expect(ok.status).toBe(200);
    const stale = await call(sb, 'PUT', `${CMS}/c2`, {
      body: {
        ...cm('c2', { a: '3' }),
        metadata: { name: 'c2', resourceVersion: created.metadata.resourceVersion },
      },
    });
    expect(stale.status).toBe(409);
    expect(at(stale.json, 'message')).toBe(
      'Operation cannot be fulfilled on configmaps "c2": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('merge, JSON and strategic merge patches; JSON patch failures are 422', async () => {
    await call(sb, 'POST', CMS, { body: cm('c3', { a: '1', b: '2' }) });
    const merge = await call(sb, 'PATCH', `${CMS}/c3`, {
      body: { data: { a: null, c: '3' } },
      contentType: 'application/merge-patch+json',
    });
    expect(at(merge.json, 'data')).toEqual({ b: '2', c: '3' });
    const json = await call(sb, 'PATCH', `${CMS}/c3`, {
      body: [
        { op: 'test', path: '/data/b', value: '2' },
        { op: 'copy', from: '/data/b', path: '/data/d' },
        { op: 'move', from: '/data/c', path: '/data/e' },
      ],
      contentType: 'application/json-patch+json',
    });
    expect(at(json.json, 'data')).toEqual({ b: '2', d: '2', e: '3' });
    const failed = await call(sb, 'PATCH', `${CMS}/c3`, {
      body: [{ op: 'test', path: '/data/b', value: 'x' }],
      contentType: 'application/json-patch+json',
    });
    expect(failed.status).toBe(422);
    expect(at(failed.json, 'message')).toBe('testing value /data/b failed: test failed');
    const notArray = await call(sb, 'PATCH', `${CMS}/c3`, {
      body: { data: {} },
      contentType: 'application/json-patch+json',
    });
    expect(notArray.status).toBe(400);
    expect(at(notArray.json, 'message')).toContain(
      'cannot unmarshal object into Go value of type []handlers.jsonPatchOp',
    );
    const smp = await call(sb, 'PATCH', `${CMS}/c3`, {
      body: { metadata: { labels: { x: 'y' } } },
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(at(smp.json, 'metadata.labels')).toEqual({ x: 'y' });
    const bad = await call(sb, 'PATCH', `${CMS}/c3`, { body: {}, contentType: 'text/plain' });
    expect(bad.status).toBe(415);
  });

  it('strategic merge patch merges containers by name and env by name', async () => {
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [
              { name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }] },
              { name: 'b', image: 'b:1' },
            ],
          },
        },
      },
    };
    expect(
      (await call(sb, 'POST', '/apis/apps/v1/namespaces/default/deployments', { body: deploy })).status,
    ).toBe(201);
    const r = await call(sb, 'PATCH', '/apis/apps/v1/namespaces/default/deployments/web', {
      body: {
        spec: {
          template: {
            spec: {
              containers: [
                { name: 'a', env: [{ name: 'Y', value: '2' }] },
                { name: 'b', $patch: 'delete' },
              ],
            },
          },
        },
      },
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(r.status).toBe(200);
    const containers = at(r.json, 'spec.template.spec.containers') as Array<{
      name: string;
      image: string;
      env?: unknown[];
    }>;
    expect(containers.map((c) => c.name)).toEqual(['a']);
    expect(containers[0]?.image).toBe('a:1');
    expect(containers[0]?.env).toEqual([
      { name: 'X', value: '1' },
      { name: 'Y', value: '2' },
    ]);
    expect(at(r.json, 'metadata.generation')).toBe(2);
  });

  it('dryRun=All validates fully and stores nothing', async () => {
    const before = (await call(sb, 'GET', `${CMS}/c1`)).json as { metadata: { resourceVersion: string } };
    const dry = await call(sb, 'PATCH', `${CMS}/c1?dryRun=All`, {
      body: { data: { z: '1' } },
      contentType: 'application/merge-patch+json',
    });
    expect(at(dry.json, 'data.z')).toBe('1');
    const after = (await call(sb, 'GET', `${CMS}/c1`)).json as {
      metadata: { resourceVersion: string };
      data: Record<string, string>;
    };
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    expect(after.data.z).toBeUndefined();
    const invalid = await call(sb, 'POST', `${CMS}?dryRun=All`, { body: cm('Not_Valid') });
    expect(invalid.status).toBe(422);
  });

  it('fieldValidation: Strict rejects unknown fields (400 on create), Warn answers a Warning header', async () => {
    // Unknown fields are named in document order, as kube's strict JSON decoder meets them.
    const body = { ...cm('c4'), spec: {}, metadata: { name: 'c4', bogus: 1 } };
    const strict = await call(sb, 'POST', `${CMS}?fieldValidation=Strict`, { body });
    expect(strict.status).toBe(400);
    expect(at(strict.json, 'message')).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "metadata.bogus", unknown field "spec"',
    );
    const put = await call(sb, 'PUT', `${CMS}/c1?fieldValidation=Strict`, {
      body: { ...body, metadata: { name: 'c1', bogus: 1 } },
    });
    expect([put.status, at(put.json, 'reason')]).toEqual([400, 'BadRequest']);
    const patch = await call(sb, 'PATCH', `${CMS}/c1?fieldValidation=Strict`, {
      body: { metadata: { bogus: 1 } },
      contentType: 'application/merge-patch+json',
    });
    expect(patch.status).toBe(422);
    expect(patch.json).toMatchObject({
      reason: 'Invalid',
      details: { causes: [{ field: 'patch', reason: 'FieldValueInvalid' }] },
    });
    expect(at(patch.json, 'message')).toMatch(
      /^ "" is invalid: patch: Invalid value: ".*": strict decoding error: unknown field "metadata.bogus"$/,
    );
    const warn = await call(sb, 'POST', `${CMS}?fieldValidation=Warn`, { body });
    expect(warn.status).toBe(201);
    expect(warn.headers.warning).toContain('299 - "unknown field \\"spec\\""');
  });

  it('rejects bad Secret data with 400 and folds stringData into data', async () => {
    const bad = await call(sb, 'POST', '/api/v1/namespaces/default/secrets', {
      body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { k: 'not base64!' } },
    });
    expect(bad.status).toBe(400);
    expect(at(bad.json, 'message')).toMatch(/illegal base64 data at input byte 3/);
    const ok = await call(sb, 'POST', '/api/v1/namespaces/default/secrets', {
      body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { k: 'v' } },
    });
    expect(at(ok.json, 'data')).toEqual({ k: 'dg==' });
    expect(at(ok.json, 'type')).toBe('Opaque');
  });
});

describe('lists, selectors and tables', () => {
  it('filters by label and field selectors', async () => {
    await call(sb, 'POST', CMS, { body: cm('sel-a', {}, { tier: 'web', env: 'prod' }) });
    await call(sb, 'POST', CMS, { body: cm('sel-b', {}, { tier: 'db', env: 'prod' }) });
    await call(sb, 'POST', CMS, { body: cm('sel-c', {}, { tier: 'web' }) });
    const names = async (q: string) =>
      (
        (await call(sb, 'GET', `${CMS}?${q}`)).json as { items: Array<{ metadata: { name: string } }> }
      ).items.map((i) => i.metadata.name);
    expect(await names('labelSelector=tier%3Dweb')).toEqual(['sel-a', 'sel-c']);
    expect(await names('labelSelector=tier%20in%20(web,db),env')).toEqual(['sel-a', 'sel-b']);
    expect(await names('labelSelector=tier!%3Ddb,!env,tier')).toEqual(['sel-c']);
    expect(await names('labelSelector=tier%20notin%20(web),tier')).toEqual(['sel-b']);
    expect(await names('fieldSelector=metadata.name%3Dsel-b')).toEqual(['sel-b']);
    const bad = await call(sb, 'GET', `${CMS}?fieldSelector=spec.nope%3D1`);
    expect([bad.status, at(bad.json, 'message')]).toEqual([400, 'field label not supported: spec.nope']);
  });

  it('pages with limit/continue', async () => {
    const first = (await call(sb, 'GET', `${CMS}?labelSelector=tier&limit=2`)).json as {
      items: unknown[];
      metadata: { continue?: string };
    };
    expect(first.items).toHaveLength(2);
    const rest = (
      await call(sb, 'GET', `${CMS}?labelSelector=tier&limit=2&continue=${first.metadata.continue ?? ''}`)
    ).json as { items: unknown[]; metadata: { continue?: string } };
    expect(rest.items).toHaveLength(1);
    expect(rest.metadata.continue).toBeUndefined();
  });

  it('answers Tables with kube columns when asked', async () => {
    const accept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
    await call(sb, 'POST', '/api/v1/namespaces/default/pods', {
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p1' },
        spec: { containers: [{ name: 'c', image: 'busybox' }] },
      },
    });
    const t = (await call(sb, 'GET', '/api/v1/namespaces/default/pods', { accept })).json as {
      kind: string;
      columnDefinitions: Array<{ name: string; priority: number }>;
      rows: Array<{ cells: unknown[]; object: { kind: string } }>;
    };
    expect(t.kind).toBe('Table');
    expect(t.columnDefinitions.filter((c) => c.priority === 0).map((c) => c.name)).toEqual([
      'Name',
      'Ready',
      'Status',
      'Restarts',
      'Age',
    ]);
    expect(t.columnDefinitions.filter((c) => c.priority === 1).map((c) => c.name)).toEqual([
      'IP',
      'Node',
      'Nominated Node',
      'Readiness Gates',
    ]);
    expect(t.rows[0]?.cells.slice(0, 4)).toEqual(['p1', '0/1', 'Pending', '0']);
    expect(t.rows[0]?.object.kind).toBe('PartialObjectMetadata');
    const w = (await call(sb, 'GET', '/apis/example.sandbox.io/v1/widgets', { accept })).status;
    expect(w).toBe(404);
  });
});

describe('watch', () => {
  it('streams ADDED/MODIFIED/DELETED from a resourceVersion and resumes', async () => {
    const list = (await call(sb, 'GET', CMS)).json as { metadata: { resourceVersion: string } };
    const w = stream(sb, `${CMS}?watch=1&resourceVersion=${list.metadata.resourceVersion}`);
    expect(await w.status).toBe(200);
    await call(sb, 'POST', CMS, { body: cm('w1') });
    await call(sb, 'PATCH', `${CMS}/w1`, {
      body: { data: { a: 'b' } },
      contentType: 'application/merge-patch+json',
    });
    await call(sb, 'DELETE', `${CMS}/w1`);
    const lines = await w.waitFor(3);
    expect(lines.map((l) => (JSON.parse(l) as { type: string }).type)).toEqual([
      'ADDED',
      'MODIFIED',
      'DELETED',
    ]);
    w.close();
    const modifiedRv = (
      JSON.parse(lines[1] as string) as { object: { metadata: { resourceVersion: string } } }
    ).object.metadata.resourceVersion;
    const resumed = stream(sb, `/api/v1/watch/namespaces/default/configmaps?resourceVersion=${modifiedRv}`);
    expect((JSON.parse((await resumed.waitFor(1))[0] as string) as { type: string }).type).toBe('DELETED');
    resumed.close();
  });

  it('a too-old resourceVersion gives a 200 watch whose only event is ERROR 410 Expired', async () => {
    for (let i = 0; i < 25; i++) await call(sb, 'POST', CMS, { body: cm(`churn-${i}`) });
    const w = stream(sb, `${CMS}?watch=true&resourceVersion=2`);
    expect(await w.status).toBe(200);
    await w.ended;
    const event = JSON.parse(w.lines[0] as string) as {
      type: string;
      object: { code: number; reason: string; message: string };
    };
    expect(event.type).toBe('ERROR');
    expect(event.object).toMatchObject({ code: 410, reason: 'Expired' });
    expect(event.object.message).toMatch(/^too old resource version: 2 \(\d+\)$/);
  });

  it('a label-selected watch sees objects enter (ADDED) and leave (DELETED) the selection', async () => {
    const rv = ((await call(sb, 'GET', CMS)).json as { metadata: { resourceVersion: string } }).metadata
      .resourceVersion;
    const w = stream(sb, `${CMS}?watch=1&labelSelector=phase%3Dlive&resourceVersion=${rv}`);
    await call(sb, 'POST', CMS, { body: cm('moving', {}, { phase: 'draft' }) });
    await call(sb, 'PATCH', `${CMS}/moving`, {
      body: { metadata: { labels: { phase: 'live' } } },
      contentType: 'application/merge-patch+json',
    });
    await call(sb, 'PATCH', `${CMS}/moving`, {
      body: { data: { x: '1' } },
      contentType: 'application/merge-patch+json',
    });
    await call(sb, 'PATCH', `${CMS}/moving`, {
      body: { metadata: { labels: { phase: 'gone' } } },
      contentType: 'application/merge-patch+json',
    });
    const types = (await w.waitFor(3)).map((l) => (JSON.parse(l) as { type: string }).type);
    w.close();
    expect(types).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('sends initial ADDED events and an initial-events-end bookmark', async () => {
    const w = stream(
      sb,
      `${CMS}?watch=1&labelSelector=tier%3Dweb&allowWatchBookmarks=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan`,
    );
    const lines = (await w.waitFor(3)).map(
      (l) =>
        JSON.parse(l) as {
          type: string;
          object: { metadata: { name?: string; annotations?: Record<string, string> } };
        },
    );
    w.close();
    expect(lines.map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'BOOKMARK']);
    // the list blueprint annotation is checked in real-server-facts/watch.test.ts
    expect(lines[2]?.object.metadata.annotations).toMatchObject({ 'k8s.io/initial-events-end': 'true' });
  });
});
