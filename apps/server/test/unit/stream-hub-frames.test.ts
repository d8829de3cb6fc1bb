import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClusterAccess } from '../../src/kube/access.js';
import { Metrics } from '../../src/platform/metrics.js';
import { StreamFeed, type FeedMessage } from '../../src/hub/feed.js';
import { StreamHub } from '../../src/hub/hub.js';
import { FakeWatchServer, type FakeObject } from '../helpers/fake-watch-server.js';
import { kubeconfigFor } from '../helpers/kubeconfig.js';
import { until } from '../helpers/until.js';

const config = (rv: string, level: string): FakeObject => ({
  apiVersion: 'imageregistry.operator.openshift.io/v1',
  kind: 'Config',
  metadata: { name: 'cluster', resourceVersion: rv },
  spec: { logLevel: level },
});

describe('StreamHub frames (fan-out serializes once)', () => {
  let fake: FakeWatchServer;
  let access: ClusterAccess;
  let hub: StreamHub;
  let feed: StreamFeed;

  beforeEach(async () => {
    fake = new FakeWatchServer();
    await fake.start();
    access = await ClusterAccess.create(kubeconfigFor(fake.url), 'kubeconfig');
    fake.items.set('cluster', config('5', 'Normal'));
    fake.listResourceVersion = '10';
    feed = new StreamFeed();
    hub = new StreamHub({
      client: () => access.serverClient(),
      feed,
      metrics: new Metrics(),
      targets: [{ kind: 'Config', path: '/apis/x/v1/configs' }],
    });
    hub.start();
    await until(() => fake.openWatches === 1, 'the watch');
  });

  afterEach(async () => {
    hub.stop();
    access.close();
    await fake.stop();
  });

  it('hands every subscriber the same framed Buffer, with the hub id', async () => {
    const got: FeedMessage[][] = [[], []];
    got.forEach((list) => feed.subscribe((m) => list.push(m)));
    fake.push('MODIFIED', config('11', 'Debug'));
    await until(() => got[1]!.length === 1, 'the change');
    expect(got[0]![0]!.frame).toBe(got[1]![0]!.frame);
    const text = got[0]![0]!.frame.toString('utf8');
    expect(text).toMatch(
      new RegExp(`^id: ${feed.epoch}\\.\\d+\\nevent: change\\ndata: \\{.*"logLevel":"Debug".*\\}\\n\\n$`),
    );
  });

  it('reuses a snapshot frame only until the next change or resourceVersion', async () => {
    const first = hub.snapshotFrame('Config');
    expect(hub.snapshotFrame('Config')).toBe(first);
    fake.push('MODIFIED', config('11', 'Debug'));
    await until(() => hub.snapshotFrame('Config') !== first, 'a new snapshot frame');
    expect(hub.snapshotFrame('Config').toString()).toContain('"logLevel":"Debug"');
    const second = hub.snapshotFrame('Config');
    fake.push('BOOKMARK', {
      kind: 'Config',
      apiVersion: 'imageregistry.operator.openshift.io/v1',
      metadata: { resourceVersion: '20' },
    });
    await until(
      () => hub.snapshotFrame('Config') !== second,
      'the bookmark to move the snapshot resourceVersion',
    );
    expect(hub.snapshotFrame('Config').toString()).toContain('"resourceVersion":"20"');
  });
});

describe('StreamHub.whenListed (a just-started replica)', () => {
  it('resolves once the first list is answered, not before; false after the wait', async () => {
    const fake = new FakeWatchServer();
    await fake.start();
    let open: () => void = () => undefined;
    fake.listGate = new Promise<void>((r) => (open = r));
    fake.items.set('cluster', config('5', 'Normal'));
    const access = await ClusterAccess.create(kubeconfigFor(fake.url), 'kubeconfig');
    const hub = new StreamHub({
      client: () => access.serverClient(),
      feed: new StreamFeed(),
      metrics: new Metrics(),
      targets: [{ kind: 'Config', path: '/apis/x/v1/configs' }],
    });
    try {
      hub.start();
      await until(() => fake.listRequests.length === 1, 'the list request');
      expect(await hub.whenListed(['Config'], 100)).toBe(false);
      expect(hub.items('Config')).toEqual([]);
      const listed = hub.whenListed(['Config'], 10_000);
      open();
      expect(await listed).toBe(true);
      expect(hub.items('Config').map((o) => o.metadata?.name)).toEqual(['cluster']);
    } finally {
      hub.stop();
      access.close();
      await fake.stop();
    }
  });
});
