import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClusterAccess } from '../../src/kube/access.js';
import { ResourceWatcher, type ChangeType } from '../../src/watch/watcher.js';
import { FakeWatchServer, type FakeObject } from '../helpers/fake-watch-server.js';
import { kubeconfigFor } from '../helpers/kubeconfig.js';
import { until as poll } from '../helpers/until.js';

const until = (cond: () => boolean, what: string, ms = 3000) => poll(cond, what, ms, 10);

const pod = (name: string, rv: string): FakeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'ns', resourceVersion: rv },
});

describe('ResourceWatcher (informer)', () => {
  let fake: FakeWatchServer;
  let access: ClusterAccess;
  let watcher: ResourceWatcher;
  let changes: { type: ChangeType; name: string; rv: string }[];
  let restarts: string[];

  beforeEach(async () => {
    fake = new FakeWatchServer();
    await fake.start();
    access = await ClusterAccess.create(kubeconfigFor(fake.url), 'kubeconfig');
    changes = [];
    restarts = [];
    fake.items.set('a', pod('a', '5'));
    fake.items.set('b', pod('b', '6'));
    fake.listResourceVersion = '10';
    watcher = new ResourceWatcher(
      { kind: 'Pod', path: '/api/v1/namespaces/ns/pods' },
      () => access.serverClient(),
      {
        change: (type, obj) =>
          changes.push({ type, name: obj.metadata?.name ?? '', rv: obj.metadata?.resourceVersion ?? '' }),
        state: () => undefined,
        restart: (cause) => restarts.push(cause),
      },
      { initialMs: 10, maxMs: 50 },
    );
    watcher.start();
    await until(() => fake.openWatches === 1, 'the first watch');
  });

  afterEach(async () => {
    watcher.stop();
    access.close();
    await fake.stop();
  });

  it('lists, then watches from the list resourceVersion with bookmarks', () => {
    expect(changes.map((c) => `${c.type} ${c.name}`)).toEqual(['ADDED a', 'ADDED b']);
    const w = fake.watchRequests[0]!;
    expect(w.searchParams.get('resourceVersion')).toBe('10');
    expect(w.searchParams.get('allowWatchBookmarks')).toBe('true');
  });

  it('applies events and resumes from the last resourceVersion after a drop (no relist)', async () => {
    fake.push('MODIFIED', pod('a', '11'));
    fake.push('BOOKMARK', { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: '15' } });
    await until(() => changes.length === 3, 'the MODIFIED event');
    await new Promise((r) => setTimeout(r, 50));
    fake.cutWatches();
    await until(() => fake.watchRequests.length === 2 && fake.openWatches === 1, 'the resumed watch');
    expect(fake.watchRequests[1]!.searchParams.get('resourceVersion')).toBe('15');
    expect(fake.listRequests).toHaveLength(1);
    expect(restarts).toContain('drop');
    fake.push('DELETED', pod('b', '16'));
    await until(() => changes.length === 4, 'the DELETED event');
    expect(changes[3]).toEqual({ type: 'DELETED', name: 'b', rv: '16' });
    expect(watcher.items().map((o) => o.metadata?.name)).toEqual(['a']);
  });

  it('relists on a 410 ERROR event and turns the difference into changes', async () => {
    fake.items.delete('b');
    fake.items.set('a', pod('a', '30'));
    fake.items.set('c', pod('c', '31'));
    fake.listResourceVersion = '40';
    fake.push('ERROR', {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      code: 410,
      reason: 'Expired',
      message: 'too old resource version: 10 (35)',
    });
    await until(() => fake.listRequests.length === 2 && fake.openWatches === 1, 'the relist and new watch');
    expect(restarts).toContain('expired');
    expect(
      changes
        .slice(2)
        .map((c) => `${c.type} ${c.name}`)
        .sort(),
    ).toEqual(['ADDED c', 'DELETED b', 'MODIFIED a']);
    expect(fake.watchRequests.at(-1)!.searchParams.get('resourceVersion')).toBe('40');
  });

  it('dropConnection() resumes without relisting', async () => {
    fake.push('ADDED', pod('d', '12'));
    await until(() => changes.length === 3, 'ADDED d');
    watcher.dropConnection();
    await until(() => fake.watchRequests.length === 2 && fake.openWatches === 1, 'the resumed watch');
    expect(fake.watchRequests[1]!.searchParams.get('resourceVersion')).toBe('12');
    expect(fake.listRequests).toHaveLength(1);
  });
});
