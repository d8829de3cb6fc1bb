import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors.js';
import { applyJsonPatch, decodeJsonPatch } from '../../src/apiserver/patch/json.js';
import { applyMergePatch } from '../../src/apiserver/patch/merge.js';
import { applyStrategicMergePatch } from '../../src/apiserver/patch/strategic.js';
import { matchesLabels, parseLabelSelector } from '../../src/apiserver/selectors/labels.js';

function failure(fn: () => unknown): { code: number; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a failure');
}

describe('JSON merge patch (RFC 7386)', () => {
  it('merges objects, deletes with null, replaces arrays and scalars', () => {
    expect(
      applyMergePatch(
        { a: { b: 1, c: 2 }, l: [1, 2], s: 'x' },
        { a: { b: null, d: 3 }, l: [3], s: { n: 1 } },
      ),
    ).toEqual({ a: { c: 2, d: 3 }, l: [3], s: { n: 1 } });
  });
});

describe('JSON patch (RFC 6902)', () => {
  const doc = { spec: { list: ['a', 'b'], m: { k: 'v' } } };
  it('add/remove/replace/move/copy/test, array indexes and "-"', () => {
    const out = applyJsonPatch(
      doc,
      decodeJsonPatch([
        { op: 'add', path: '/spec/list/-', value: 'c' },
        { op: 'add', path: '/spec/list/0', value: 'z' },
        { op: 'remove', path: '/spec/list/1' },
        { op: 'replace', path: '/spec/m/k', value: 'w' },
        { op: 'copy', from: '/spec/m', path: '/spec/m2' },
        { op: 'move', from: '/spec/m2/k', path: '/spec/moved' },
        { op: 'test', path: '/spec/moved', value: 'w' },
        { op: 'add', path: '/spec/a~1b', value: 1 },
      ]),
    );
    expect(out).toEqual({ spec: { list: ['z', 'b', 'c'], m: { k: 'w' }, m2: {}, moved: 'w', 'a/b': 1 } });
    expect(doc.spec.list).toEqual(['a', 'b']);
  });
  it('fails like evanphx/json-patch: 422 with its messages', () => {
    expect(
      failure(() => applyJsonPatch(doc, decodeJsonPatch([{ op: 'test', path: '/spec/m/k', value: 'nope' }]))),
    ).toEqual({ code: 422, message: 'testing value /spec/m/k failed: test failed' });
    expect(
      failure(() =>
        applyJsonPatch(doc, decodeJsonPatch([{ op: 'replace', path: '/spec/missing', value: 1 }])),
      ),
    ).toEqual({
      code: 422,
      message: 'replace operation does not apply: doc is missing key: /spec/missing: missing value',
    });
    expect(
      failure(() => applyJsonPatch(doc, decodeJsonPatch([{ op: 'add', path: '/nope/x', value: 1 }]))),
    ).toEqual({
      code: 422,
      message: 'add operation does not apply: doc is missing path: "/nope/x": missing value',
    });
    expect(failure(() => decodeJsonPatch({ op: 'add' }))).toEqual({
      code: 400,
      message: 'json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp',
    });
  });
});

describe('strategic merge patch', () => {
  const pod = {
    metadata: { finalizers: ['a'], labels: { x: '1' } },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'app:1',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
        },
        { name: 'side', image: 'side:1' },
      ],
      tolerations: [{ key: 't1' }],
      volumes: [{ name: 'v1', emptyDir: {} }],
    },
  };
  it('merges keyed lists (containers by name, ports by containerPort, env by name) and replaces unkeyed ones', () => {
    const out = applyStrategicMergePatch(pod, {
      spec: {
        containers: [
          { name: 'app', image: 'app:2', ports: [{ containerPort: 443 }], env: [{ name: 'B', value: '3' }] },
        ],
        tolerations: [{ key: 't2' }],
      },
    }) as typeof pod;
    expect(out.spec.containers.map((c) => c.name)).toEqual(['app', 'side']);
    expect(out.spec.containers[0]).toMatchObject({
      image: 'app:2',
      ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443 }],
      env: [
        { name: 'A', value: '1' },
        { name: 'B', value: '3' },
      ],
    });
    expect(out.spec.tolerations).toEqual([{ key: 't2' }]);
  });
  it('honours $patch delete/replace, $deleteFromPrimitiveList, $setElementOrder, $retainKeys and merges finalizers as a set', () => {
    const out = applyStrategicMergePatch(pod, {
      metadata: { finalizers: ['b', 'a'] },
      spec: {
        containers: [{ name: 'side', $patch: 'delete' }],
        volumes: [{ name: 'v1', $retainKeys: ['name', 'configMap'], configMap: { name: 'cm' } }],
        '$setElementOrder/containers': [{ name: 'app' }],
      },
    }) as typeof pod & { spec: { volumes: unknown[] } };
    expect(out.metadata.finalizers).toEqual(['a', 'b']);
    expect(out.spec.containers.map((c) => c.name)).toEqual(['app']);
    expect(out.spec.volumes).toEqual([{ name: 'v1', configMap: { name: 'cm' } }]);
    const removed = applyStrategicMergePatch(pod, {
      metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] },
    }) as typeof pod;
    expect(removed.metadata.finalizers).toEqual([]);
    const replaced = applyStrategicMergePatch(pod, {
      metadata: { labels: { $patch: 'replace', y: '2' } },
    }) as typeof pod;
    expect(replaced.metadata.labels).toEqual({ y: '2' });
  });
  it('rejects a keyed item without its merge key', () => {
    expect(
      failure(() => applyStrategicMergePatch(pod, { spec: { containers: [{ image: 'x' }] } })).code,
    ).toBe(400);
  });
});

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'front', ver: '3' };
  const match = (s: string) => matchesLabels(parseLabelSelector(s), labels);
  it('supports =, ==, !=, in, notin, exists, !key, gt/lt', () => {
    expect(match('app=web')).toBe(true);
    expect(match('app==web,tier=front')).toBe(true);
    expect(match('app!=web')).toBe(false);
    expect(match('missing!=x')).toBe(true);
    expect(match('tier in (front, back)')).toBe(true);
    expect(match('tier notin (front)')).toBe(false);
    expect(match('app')).toBe(true);
    expect(match('!app')).toBe(false);
    expect(match('!missing')).toBe(true);
    expect(match('ver>2,ver<4')).toBe(true);
    expect(match('')).toBe(true);
  });
  it('rejects malformed selectors with 400', () => {
    expect(failure(() => parseLabelSelector('app in (a')).code).toBe(400);
    expect(failure(() => parseLabelSelector('app=a b')).code).toBe(400);
    expect(failure(() => parseLabelSelector('=x')).code).toBe(400);
  });
});
