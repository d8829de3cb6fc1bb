/**
 * kube-apiserver-facts.md, "Deletes": what a DELETE answers — a Success Status for objects that
 * are gone at once without ReturnDeletedObject (custom resources, Routes, Secrets), the same for
 * a dry run (object untouched), the deleted items for a collection, 200 and the Terminating
 * Namespace for a namespace.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../http-client.js';
import { CMS, GROUP, PRUNERS, ROUTES, prunerObject, statusOf, useSandbox } from './support.js';

const sandbox = useSandbox();

const route = (name: string) => ({
  apiVersion: 'route.openshift.io/v1',
  kind: 'Route',
  metadata: { name },
  spec: { to: { kind: 'Service', name: 'web' } },
});
const secret = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name },
  stringData: { password: 'p' },
});

/** A Success Status as genericregistry.Store.finalizeDelete writes it (details.kind is the plural). */
const success = (name: string, group: string | undefined, kind: string, uid: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Success',
  details: { name, ...(group ? { group } : {}), kind, uid },
});

async function created(path: string, body: unknown): Promise<{ uid: string; resourceVersion: string }> {
  const r = await call(sandbox(), 'POST', path, { body });
  expect(r.status).toBe(201);
  return (r.json as { metadata: { uid: string; resourceVersion: string } }).metadata;
}

describe('kube-apiserver facts: deletes', () => {
  it.each([
    ['an ImagePruner (custom resource)', PRUNERS, prunerObject('doomed'), 'doomed', GROUP, 'imagepruners'],
    ['a Route (CRD)', ROUTES, route('doomed'), 'doomed', 'route.openshift.io', 'routes'],
    ['a Secret', '/api/v1/namespaces/default/secrets', secret('doomed'), 'doomed', undefined, 'secrets'],
  ])(
    'fact: DELETE of %s without finalizers answers 200 and a Success Status naming it by resource',
    async (_what, path, body, name, group, resource) => {
      const { uid } = await created(path, body);
      const r = await call(sandbox(), 'DELETE', `${path}/${name}`);
      expect(r.status).toBe(200);
      expect(r.json).toEqual(success(name, group, resource, uid));
      expect((await call(sandbox(), 'GET', `${path}/${name}`)).status).toBe(404);
    },
  );

  it('fact: a pod (graceful deletion) still answers the object itself', async () => {
    const pods = '/api/v1/namespaces/default/pods';
    await created(pods, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'graceful' },
      spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'x:1' }] },
    });
    const r = await call(sandbox(), 'DELETE', `${pods}/graceful`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      kind: 'Pod',
      metadata: { name: 'graceful', deletionGracePeriodSeconds: 30 },
    });
  });

  it('fact: DELETE with dryRun=All answers 200 and a Status; the object is untouched', async () => {
    const { uid, resourceVersion } = await created(PRUNERS, prunerObject('kept'));
    const r = await call(sandbox(), 'DELETE', `${PRUNERS}/kept?dryRun=All`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual(success('kept', GROUP, 'imagepruners', uid));
    const after = await call(sandbox(), 'GET', `${PRUNERS}/kept`);
    expect(after.status).toBe(200);
    expect((after.json as { metadata: { resourceVersion: string } }).metadata.resourceVersion).toBe(
      resourceVersion,
    );
  });

  it('fact: DELETE of a collection answers the List of the deleted items, and they are gone', async () => {
    for (const n of ['sweep-a', 'sweep-b'])
      await created(CMS, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: n, labels: { sweep: 'yes' } },
      });
    await created(CMS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'sweep-no' } });
    const r = await call(sandbox(), 'DELETE', `${CMS}?labelSelector=sweep%3Dyes`);
    expect(r.status).toBe(200);
    const list = r.json as { kind: string; apiVersion: string; items: Array<{ metadata: { name: string } }> };
    expect(list.kind).toBe('ConfigMapList');
    expect(list.apiVersion).toBe('v1');
    expect(list.items.map((i) => i.metadata.name)).toEqual(['sweep-a', 'sweep-b']);
    const left = (await call(sandbox(), 'GET', CMS)).json as { items: Array<{ metadata: { name: string } }> };
    const names = left.items.map((i) => i.metadata.name);
    expect(names).toContain('sweep-no');
    expect(names).not.toContain('sweep-a');
    expect(names).not.toContain('sweep-b');
  });

  it('fact: DELETE of a namespace answers 200 with the Namespace, deletionTimestamp set and phase Terminating', async () => {
    await created('/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'doomed-ns' },
    });
    const r = await call(sandbox(), 'DELETE', '/api/v1/namespaces/doomed-ns');
    expect(r.status).toBe(200);
    const ns = r.json as {
      kind: string;
      metadata: { deletionTimestamp?: string };
      status: { phase: string };
    };
    expect(ns.kind).toBe('Namespace');
    expect(ns.metadata.deletionTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(ns.status.phase).toBe('Terminating');
  });

  it('a foreground DELETE answers 200; 202 only for orphanDependents=false on an object that stays', async () => {
    await created(CMS, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'held', finalizers: ['example.com/hold'] },
    });
    const r = await call(sandbox(), 'DELETE', `${CMS}/held`, { body: { orphanDependents: false } });
    expect(r.status).toBe(202);
    expect(statusOf(r).kind).toBe('ConfigMap');
  });
});
