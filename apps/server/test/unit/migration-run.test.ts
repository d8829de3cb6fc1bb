import { describe, expect, it } from 'vitest';
import type { KubeClient } from '../../src/kube/client.js';
import { KubeError } from '../../src/kube/errors.js';
import { runMigration } from '../../src/migration/run.js';

const OLD = 'docker-registry.default.svc:5000';
const NEW = 'image-registry.openshift-image-registry.svc:5000';

interface Stored {
  name: string;
  rv: number;
  image: string;
}

/**
 * A cluster of Deployments that serves apps/v1 only (no OpenShift groups), answers JSON patches
 * with resourceVersion preconditions, and lets a test interfere between read and write.
 */
function fakeCluster(
  objects: Stored[],
  interfere: (name: string, attempt: number, store: Map<string, Stored>) => void = () => undefined,
) {
  const store = new Map(objects.map((o) => [o.name, { ...o }]));
  const attempts = new Map<string, number>();
  const paths: string[] = [];
  const toObject = (o: Stored) => ({
    metadata: { name: o.name, resourceVersion: String(o.rv) },
    spec: { template: { spec: { containers: [{ name: 'c', image: o.image }] } } },
  });
  const client = {
    opts: () => ({}),
    getJson: async (path: string) => {
      paths.push(path);
      if (path === '/apis/apps/v1') return { resources: [{ name: 'deployments' }] };
      if (path.startsWith('/apis/apps.openshift.io') || path.startsWith('/apis/image.openshift.io'))
        throw new KubeError(404, 'NotFound', 'not found');
      const m = /\/namespaces\/([^/]+)\/deployments(?:\/([^/]+))?$/.exec(path);
      if (!m) throw new Error(`unexpected path ${path}`);
      if (m[2]) {
        const o = store.get(m[2]);
        if (!o) throw new KubeError(404, 'NotFound', 'not found');
        return toObject(o);
      }
      return { items: [...store.values()].map(toObject), metadata: {} };
    },
    custom: {
      patchNamespacedCustomObject: async (p: {
        name: string;
        body: Array<{ path: string; value: string }>;
        dryRun?: string;
      }) => {
        const n = (attempts.get(p.name) ?? 0) + 1;
        attempts.set(p.name, n);
        interfere(p.name, n, store);
        const o = store.get(p.name);
        if (!o) throw new KubeError(404, 'NotFound', 'not found');
        if (p.body[0]?.value !== String(o.rv))
          throw new KubeError(409, 'Conflict', 'the object has been modified');
        const next = { ...o, rv: o.rv + 1, image: p.body[1]?.value ?? o.image };
        if (!p.dryRun) store.set(p.name, next);
        return toObject(next);
      },
    },
  };
  return { client: client as unknown as KubeClient, store, attempts, paths };
}

const request = (kinds: Array<'deployments' | 'deploymentconfigs' | 'imagestreams'> = ['deployments']) => ({
  mappings: [`${OLD}/*=${NEW}/*`],
  namespaces: ['shop'],
  kinds,
});

describe('runMigration', () => {
  it('reports kinds the cluster does not serve, without errors or reads of them', async () => {
    const { client, paths } = fakeCluster([{ name: 'web', rv: 1, image: `${OLD}/a/web:1` }]);
    const r = await runMigration(client, request(['deployments', 'deploymentconfigs', 'imagestreams']), true);
    expect(r.notServed).toEqual(['imagestreams', 'deploymentconfigs']);
    expect(r.listProblems).toEqual([]);
    expect(r.summaryLine).toBe('summary (dry run): total=1 errors=0 ignored=0 unchanged=0 migrated=1');
    expect(paths.filter((p) => p.includes('/namespaces/'))).toEqual([
      '/apis/apps/v1/namespaces/shop/deployments',
    ]);
  });

  it('on 409 re-reads the object and retries once with its fresh resourceVersion', async () => {
    const { client, store, attempts } = fakeCluster(
      [{ name: 'web', rv: 1, image: `${OLD}/a/web:1` }],
      (name, attempt, s) => {
        const o = s.get(name);
        if (attempt === 1 && o) s.set(name, { ...o, rv: o.rv + 1, image: `${OLD}/a/web:2` }); // someone else wrote first
      },
    );
    const r = await runMigration(client, request(), false);
    expect(attempts.get('web')).toBe(2);
    expect(r.objects[0]).toMatchObject({
      status: 'migrated',
      changes: [{ old: `${OLD}/a/web:2`, new: `${NEW}/a/web:2` }],
    });
    expect(store.get('web')?.image).toBe(`${NEW}/a/web:2`);
  });

  it('gives up after the second 409, and keeps going with the other objects', async () => {
    const { client, store } = fakeCluster(
      [
        { name: 'busy', rv: 1, image: `${OLD}/a/busy:1` },
        { name: 'calm', rv: 1, image: `${OLD}/a/calm:1` },
      ],
      (name, _attempt, s) => {
        const o = s.get(name);
        if (name === 'busy' && o) s.set(name, { ...o, rv: o.rv + 1 }); // a controller rewriting it constantly
      },
    );
    const r = await runMigration(client, request(), false);
    expect(r.objects.map((o) => [o.name, o.status, o.reason])).toEqual([
      ['busy', 'error', 'Conflict'],
      ['calm', 'migrated', undefined],
    ]);
    expect(store.get('calm')?.image).toBe(`${NEW}/a/calm:1`);
    expect(r.summaryLine).toBe('summary: total=2 errors=1 ignored=0 unchanged=0 migrated=1');
  });

  it('an object deleted before its write counts as unchanged, as oc counts it', async () => {
    const { client } = fakeCluster([{ name: 'gone', rv: 1, image: `${OLD}/a/gone:1` }], (name, _a, s) =>
      s.delete(name),
    );
    const r = await runMigration(client, request(), false);
    expect(r.objects[0]).toMatchObject({
      status: 'unchanged',
      message: 'deleted before it could be migrated',
    });
  });
});
