import { PassThrough } from 'node:stream';
import {
  AuthorizationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Log,
  PatchStrategy,
  Watch,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './fixtures.js';
import { useTestSandbox } from '../cluster/harness.js';

/** @kubernetes/client-node 1.4 (what apps/server uses) against the sandbox, as against kube-apiserver. */
const sb = useTestSandbox({ controllers: false, watchCacheSize: 10, watchCacheMaxSize: 10 });
let kc: KubeConfig;
function configFor(token: string): KubeConfig {
  const c = new KubeConfig();
  c.loadFromClusterAndUser(
    {
      name: 'sandbox',
      server: sb.url,
      caData: Buffer.from(sb.caPem ?? '').toString('base64'),
      skipTLSVerify: false,
    },
    { name: 'u', token },
  );
  return c;
}

beforeAll(() => {
  kc = configFor(sb.tokens.admin);
});

describe('@kubernetes/client-node 1.4', () => {
  it('lists, creates, merge-patches and reads errors as ApiException with a Status body', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const ns = await core.listNamespace();
    expect(ns.items.map((n) => n.metadata?.name)).toContain('default');
    await core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'cn' }, data: { a: '1' } },
    });
    const patched = await core.patchNamespacedConfigMap(
      { namespace: 'default', name: 'cn', body: { data: { b: '2' } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(patched.data).toEqual({ a: '1', b: '2' });
    const err = await core
      .createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'cn' } } })
      .catch((e: unknown) => e);
    expect((err as { code: number }).code).toBe(409);
    expect(JSON.parse((err as { body: string }).body)).toMatchObject({
      kind: 'Status',
      reason: 'AlreadyExists',
    });
    const dry = await core.patchNamespacedConfigMap(
      { namespace: 'default', name: 'cn', body: { data: { c: '3' } }, dryRun: 'All' },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(dry.data?.c).toBe('3');
    expect(
      (await core.readNamespacedConfigMap({ namespace: 'default', name: 'cn' })).data?.c,
    ).toBeUndefined();
  });

  it('answers access reviews for the typed API', async () => {
    const viewer = configFor(sb.tokens.viewer).makeApiClient(AuthorizationV1Api);
    const r = await viewer.createSelfSubjectAccessReview({
      body: {
        spec: {
          resourceAttributes: {
            group: 'imageregistry.operator.openshift.io',
            resource: 'configs',
            verb: 'patch',
            name: 'cluster',
          },
        },
      },
    });
    expect(r.status?.allowed).toBe(false);
  });

  it('watch: events, then a 410 as an ERROR event followed by done(null)', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const start =
      (await core.listNamespacedConfigMap({ namespace: 'default' })).metadata?.resourceVersion ?? '';
    const events: string[] = [];
    const watch = new Watch(kc);
    let ctl: AbortController | undefined;
    const done = new Promise<unknown>((resolve) => {
      void watch
        .watch(
          '/api/v1/namespaces/default/configmaps',
          { resourceVersion: start },
          (type: string) => events.push(type),
          resolve,
        )
        .then((c) => (ctl = c));
    });
    // The watch starts from `start`, so the ADDED arrives whenever the stream is established.
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'watched' } } });
    await eventually(() => events.length > 0 && ctl);
    ctl?.abort();
    await done;
    expect(events).toEqual(['ADDED']);

    for (let i = 0; i < 15; i++)
      await core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: `churn-${i}` } },
      });
    const seen: Array<{ type: string; obj: { code?: number; reason?: string } }> = [];
    const ended = await new Promise<unknown>((resolve) => {
      void watch.watch(
        '/api/v1/namespaces/default/configmaps',
        { resourceVersion: start },
        (type: string, obj: { code?: number; reason?: string }) => seen.push({ type, obj }),
        resolve,
      );
    });
    expect(ended).toBeNull();
    expect(seen).toEqual([{ type: 'ERROR', obj: expect.objectContaining({ code: 410, reason: 'Expired' }) }]);
  });

  it('reads pod logs with tailLines through Log', async () => {
    sb.api().create({ group: '', version: 'v1', resource: 'pods' }, 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'lp' },
      spec: { nodeName: 'n', containers: [{ name: 'c', image: 'i' }] },
    });
    for (const l of ['a', 'b', 'c']) sb.logs.append('default', 'lp', 'c', l);
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString()));
    const ended = new Promise((r) => out.on('finish', r));
    await new Log(kc).log('default', 'lp', 'c', out, { tailLines: 2 });
    await ended;
    expect(text).toBe('b\nc\n');
  });

  it('custom objects: 404 for an unserved group, list for a served CRD', async () => {
    const custom = kc.makeApiClient(CustomObjectsApi);
    const missing = await custom
      .listClusterCustomObject({ group: 'nope.example.io', version: 'v1', plural: 'things' })
      .catch((e: unknown) => e);
    expect((missing as { code: number }).code).toBe(404);
    const crds = (await custom.listClusterCustomObject({
      group: 'apiextensions.k8s.io',
      version: 'v1',
      plural: 'customresourcedefinitions',
    })) as { items: unknown[] };
    expect(Array.isArray(crds.items)).toBe(true);
  });
  it('image streams through CustomObjectsApi: create, merge patch with a stale resourceVersion (409), UpdateStatus like oc adm migrate, watch', async () => {
    const custom = kc.makeApiClient(CustomObjectsApi);
    const gvr = { group: 'image.openshift.io', version: 'v1', namespace: 'default', plural: 'imagestreams' };
    const events: string[] = [];
    const ctl = await new Watch(kc).watch(
      '/apis/image.openshift.io/v1/namespaces/default/imagestreams',
      {},
      (type: string, obj: { metadata: { name: string } }) => events.push(`${type} ${obj.metadata.name}`),
      () => undefined,
    );
    const body = {
      apiVersion: 'image.openshift.io/v1',
      kind: 'ImageStream',
      metadata: { name: 'app' },
      spec: {
        tags: [
          {
            name: 'v1',
            from: { kind: 'DockerImage', name: 'docker-registry.default.svc:5000/default/app:v1' },
          },
        ],
      },
    };
    const created = (await custom.createNamespacedCustomObject({ ...gvr, body })) as {
      metadata: { resourceVersion: string };
      status: Record<string, unknown>;
    };
    expect(created.status).toEqual({ dockerImageRepository: '' });
    const stale = await custom
      .patchNamespacedCustomObject(
        {
          ...gvr,
          name: 'app',
          body: { metadata: { resourceVersion: '1' }, spec: { lookupPolicy: { local: true } } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      )
      .catch((e: unknown) => e);
    expect((stale as { code: number }).code).toBe(409);
    const current = (await custom.getNamespacedCustomObject({ ...gvr, name: 'app' })) as Record<
      string,
      unknown
    >;
    const item = {
      created: '2024-05-01T00:00:00Z',
      dockerImageReference: `docker-registry.default.svc:5000/default/app@sha256:${'b'.repeat(64)}`,
      image: `sha256:${'b'.repeat(64)}`,
      generation: 1,
    };
    const updated = (await custom.replaceNamespacedCustomObjectStatus({
      ...gvr,
      name: 'app',
      body: { ...current, status: { tags: [{ tag: 'v1', items: [item] }] } },
    })) as { status: { tags: unknown[] } };
    expect(updated.status.tags).toEqual([{ tag: 'v1', items: [item] }]);
    await eventually(() => events.length >= 2 || undefined);
    ctl.abort();
    expect(events).toEqual(['ADDED app', 'MODIFIED app']);
  });
});
