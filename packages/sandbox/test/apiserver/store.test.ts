import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors.js';
import type { KubeObject } from '../../src/core/types.js';
import { ObjectStore } from '../../src/apiserver/storage/object-store.js';
import { CONFIGMAPS, newApiServer, WIDGETS } from './fixtures.js';

const servers: Array<{ stop(): void }> = [];
afterEach(() => servers.splice(0).forEach((s) => s.stop()));
function setup() {
  const s = newApiServer();
  servers.push(s);
  return s.client();
}

function caught(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

const cm = (name: string, data: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
});

describe('store semantics through the in-process client', () => {
  it('stamps uid, creationTimestamp, a growing resourceVersion; 409 on duplicates', () => {
    const api = setup();
    const a = api.create(CONFIGMAPS, 'default', cm('a')).object;
    const b = api.create(CONFIGMAPS, 'default', cm('b')).object;
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    const e = caught(() => api.create(CONFIGMAPS, 'default', cm('a')));
    expect(e.code).toBe(409);
    expect(e.status.reason).toBe('AlreadyExists');
    expect(e.message).toBe('configmaps "a" already exists');
  });

  it('generateName, NotFound wording, namespace must exist', () => {
    const api = setup();
    const o = api.create(CONFIGMAPS, 'default', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { generateName: 'gen-' },
    }).object;
    expect(o.metadata.name).toMatch(/^gen-[a-z0-9]{5}$/);
    expect(caught(() => api.get(CONFIGMAPS, 'default', 'x')).message).toBe('configmaps "x" not found');
    expect(caught(() => api.get(WIDGETS, undefined, 'cluster')).message).toBe(
      'widgets.example.sandbox.io "cluster" not found',
    );
    const e = caught(() => api.create(CONFIGMAPS, 'nope', cm('a')));
    expect([e.code, e.message]).toEqual([404, 'namespaces "nope" not found']);
  });

  it('rejects invalid names with a 422 and field causes', () => {
    const api = setup();
    const e = caught(() => api.create(CONFIGMAPS, 'default', cm('Bad_Name')));
    expect(e.code).toBe(422);
    expect(e.message).toMatch(
      /^ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    );
    expect(e.status.details?.causes?.[0]?.field).toBe('metadata.name');
  });

  it('optimistic concurrency: stale resourceVersion → 409 Conflict with kube wording', () => {
    const api = setup();
    const w = api.create(WIDGETS, undefined, {
      apiVersion: 'example.sandbox.io/v1',
      kind: 'Widget',
      metadata: { name: 'cluster' },
      spec: { size: 1 },
    }).object;
    api.update(WIDGETS, undefined, { ...w, spec: { size: 2 } });
    const e = caught(() => api.update(WIDGETS, undefined, { ...w, spec: { size: 3 } }));
    expect(e.code).toBe(409);
    expect(e.message).toBe(
      'Operation cannot be fulfilled on widgets.example.sandbox.io "cluster": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('status subresource: spec writes ignore status, status writes ignore spec; generation counts spec changes', () => {
    const api = setup();
    const w = api.create(WIDGETS, undefined, {
      apiVersion: 'example.sandbox.io/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
      spec: { size: 1 },
      status: { ready: true },
    }).object;
    expect(w.status).toBeUndefined();
    expect(w.metadata.generation).toBe(1);
    const s = api.update(
      WIDGETS,
      undefined,
      { ...w, spec: { size: 9 }, status: { ready: true } },
      { subresource: 'status' },
    ).object;
    expect(s.spec).toEqual({ size: 1 });
    expect(s.status).toEqual({ ready: true });
    expect(s.metadata.generation).toBe(1);
    const u = api.update(WIDGETS, undefined, { ...s, spec: { size: 2 }, status: { ready: false } }).object;
    expect(u.status).toEqual({ ready: true });
    expect(u.metadata.generation).toBe(2);
  });

  it('a no-op update keeps the resourceVersion', () => {
    const api = setup();
    const a = api.create(CONFIGMAPS, 'default', cm('a', { k: 'v' })).object;
    expect(api.update(CONFIGMAPS, 'default', a).object.metadata.resourceVersion).toBe(
      a.metadata.resourceVersion,
    );
  });

  it('dry-run stores nothing', () => {
    const api = setup();
    const a = api.create(CONFIGMAPS, 'default', cm('a', { k: 'v' })).object;
    const d = api.patch(CONFIGMAPS, 'default', 'a', 'merge', { data: { k: 'w' } }, { dryRun: true }).object;
    expect(d.data).toEqual({ k: 'w' });
    expect(api.get(CONFIGMAPS, 'default', 'a')).toEqual(a);
    api.create(CONFIGMAPS, 'default', cm('b'), { dryRun: true });
    expect(() => api.get(CONFIGMAPS, 'default', 'b')).toThrow(/not found/);
  });

  it('finalizers hold an object with a deletionTimestamp until they are removed', () => {
    const api = setup();
    api.create(CONFIGMAPS, 'default', {
      ...cm('f'),
      metadata: { name: 'f', finalizers: ['example.io/keep'] },
    });
    const marked = api.delete(CONFIGMAPS, 'default', 'f') as KubeObject;
    expect(marked.metadata.deletionTimestamp).toBeDefined();
    expect(api.get(CONFIGMAPS, 'default', 'f').metadata.deletionTimestamp).toBeDefined();
    api.patch(CONFIGMAPS, 'default', 'f', 'merge', { metadata: { finalizers: null } });
    expect(() => api.get(CONFIGMAPS, 'default', 'f')).toThrow(/not found/);
  });
});

describe('pod updates', () => {
  it('allow image changes and binding a node once, forbid other spec changes like kube', () => {
    const api = setup();
    const pods = { group: '', version: 'v1', resource: 'pods' };
    api.create(pods, 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'a:1' }] },
    });
    expect(
      api.patch(pods, 'default', 'p', 'strategic', { spec: { containers: [{ name: 'c', image: 'a:2' }] } })
        .object.spec,
    ).toMatchObject({ containers: [{ image: 'a:2' }] });
    expect(api.patch(pods, 'default', 'p', 'merge', { spec: { nodeName: 'n1' } }).object.spec).toMatchObject({
      nodeName: 'n1',
    });
    const e = caught(() => api.patch(pods, 'default', 'p', 'merge', { spec: { nodeName: 'n2' } }));
    expect(e.code).toBe(422);
    expect(e.message).toMatch(
      /^Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/,
    );
    const labels = api.patch(pods, 'default', 'p', 'merge', { metadata: { labels: { a: 'b' } } }).object;
    expect(labels.metadata.labels).toEqual({ a: 'b' });
  });
});

describe('watch cache window', () => {
  const obj = (i: number): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `c${i}`, namespace: 'd' },
  });

  it('grows while its events are fresh, forgets the oldest once they are stale, and reports 410 for older resourceVersions', () => {
    let now = 0;
    const store = new ObjectStore({ startResourceVersion: 1000, watchCache: { size: 100 }, now: () => now });
    for (let i = 0; i < 150; i++) store.put('/configmaps', obj(i)); // all fresh: the cache doubles to 200
    expect(Array.isArray(store.since('/configmaps', 999))).toBe(true);
    expect(store.since('/configmaps', 998)).toEqual({ tooOld: 999 }); // older than the cache's start
    now = 80_000;
    for (let i = 150; i < 260; i++) store.put('/configmaps', obj(i)); // full of stale events: forgets
    const old = store.since('/configmaps', 1000);
    expect(Array.isArray(old)).toBe(false);
    const recent = store.since('/configmaps', store.currentRv() - 5);
    expect(Array.isArray(recent) && recent.length).toBe(5);
  });
});
