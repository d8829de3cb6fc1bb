import { afterEach, describe, expect, it } from 'vitest';
import { CONFIGMAPS, DEPLOYMENTS, newApiServer } from './fixtures.js';
import { fieldPaths, fromFieldsV1, toFieldsV1 } from '../../src/apiserver/fieldmanager/field-set.js';

const servers: Array<{ stop(): void }> = [];
afterEach(() => servers.splice(0).forEach((s) => s.stop()));

interface Entry {
  manager: string;
  operation: string;
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}
const entries = (o: { metadata: { managedFields?: unknown[] } }): Entry[] =>
  (o.metadata.managedFields ?? []) as Entry[];

describe('managedFields (Update operations)', () => {
  it('records what each manager set, and moves changed fields to the last writer', () => {
    const s = newApiServer();
    servers.push(s);
    const api = s.client();
    const created = api.create(
      CONFIGMAPS,
      'default',
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'm', labels: { app: 'x' } },
        data: { a: '1', b: '2' },
      },
      { fieldManager: 'creator' },
    ).object;
    expect(entries(created)).toEqual([
      expect.objectContaining({
        manager: 'creator',
        operation: 'Update',
        apiVersion: 'v1',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:data': { '.': {}, 'f:a': {}, 'f:b': {} },
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
        },
      }),
    ]);
    const patched = api.patch(
      CONFIGMAPS,
      'default',
      'm',
      'merge',
      { data: { b: '3' } },
      { fieldManager: 'console' },
    ).object;
    const [creator, consoleEntry] = entries(patched);
    expect(creator?.fieldsV1).toEqual({
      'f:data': { '.': {}, 'f:a': {} },
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
    });
    expect(consoleEntry).toMatchObject({ manager: 'console', fieldsV1: { 'f:data': { 'f:b': {} } } });
    // Re-stating a value changes nothing: no write, no new owner.
    const same = api.patch(
      CONFIGMAPS,
      'default',
      'm',
      'merge',
      { data: { a: '1' } },
      { fieldManager: 'third' },
    ).object;
    expect(entries(same).map((e) => e.manager)).toEqual(['creator', 'console']);
  });

  it('keys list items by their merge key and tracks status writes separately', () => {
    const s = newApiServer();
    servers.push(s);
    const api = s.client();
    const labels = { app: 'w' };
    api.create(
      DEPLOYMENTS,
      'default',
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'w' },
        spec: {
          selector: { matchLabels: labels },
          template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'i:1' }] } },
        },
      },
      { fieldManager: 'kubectl-create' },
    );
    const st = api.patch(
      DEPLOYMENTS,
      'default',
      'w',
      'merge',
      { status: { replicas: 1 } },
      { fieldManager: 'deployment-controller', subresource: 'status' },
    ).object;
    const e = entries(st);
    const containers = (
      (e[0]?.fieldsV1['f:spec'] as Record<string, Record<string, Record<string, unknown>>>)['f:template']?.[
        'f:spec'
      ] as Record<string, Record<string, unknown>>
    )['f:containers'];
    expect(Object.keys(containers ?? {})).toContain('k:{"name":"c"}');
    expect(e[1]).toMatchObject({
      manager: 'deployment-controller',
      subresource: 'status',
      fieldsV1: { 'f:status': { 'f:replicas': {} } },
    });
  });

  it('server-side apply: creates, shares equal values, conflicts on different ones unless forced, drops what it stops applying', () => {
    const s = newApiServer();
    servers.push(s);
    const svc = s.service;
    const type = s.registry.find('', 'v1', 'configmaps');
    if (!type) throw new Error('configmaps not registered');
    const admin = { username: 'admin', groups: ['system:masters'] };
    const config = (data: Record<string, string>) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'ssa' },
      data,
    });
    const created = svc.apply(admin, type, 'default', 'ssa', config({ a: '1', b: '2' }), {
      fieldManager: 'applier',
    });
    expect(created.created).toBe(true);
    expect(entries(created.object)).toEqual([
      expect.objectContaining({
        manager: 'applier',
        operation: 'Apply',
        fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } },
      }),
    ]);
    svc.patch(admin, type, 'default', 'ssa', 'merge', { data: { a: '9' } }, { fieldManager: 'editor' });
    let err: unknown;
    try {
      svc.apply(admin, type, 'default', 'ssa', config({ a: '1', b: '2' }), { fieldManager: 'applier' });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({
      status: {
        code: 409,
        reason: 'Conflict',
        details: { causes: [{ reason: 'FieldManagerConflict', field: '.data.a' }] },
      },
    });
    expect((err as Error).message).toMatch(
      /^Apply failed with 1 conflict: conflict with "editor" using v1 at .*Z: \.data\.a$/,
    );
    const forced = svc.apply(admin, type, 'default', 'ssa', config({ a: '1' }), {
      fieldManager: 'applier',
      force: true,
    }).object;
    expect(forced.data).toEqual({ a: '1' });
    expect(entries(forced).map((e) => e.manager)).toEqual(['applier']);
    expect(() => svc.apply(admin, type, 'default', 'ssa', config({}), {})).toThrow(
      /fieldManager: Required value: is required for apply patch/,
    );
  });

  it('fieldsV1 round-trips through its member paths', () => {
    const paths = fieldPaths(
      { metadata: { finalizers: ['a', 'b'] }, spec: { x: { y: 1 }, list: [1, 2] } },
      'main',
    );
    const tree = toFieldsV1(paths.keys());
    expect(tree).toEqual({
      'f:metadata': { 'f:finalizers': { 'v:"a"': {}, 'v:"b"': {} } },
      'f:spec': { 'f:x': { 'f:y': {} }, 'f:list': {} },
    });
    expect(fromFieldsV1(tree)).toEqual(new Set(paths.keys()));
  });
});
