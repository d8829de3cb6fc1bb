/**
 * Issue 13 item 4: a watch that goes silent (no event, no bookmark) is a stall. Before, a hung
 * API left the watch open and the state `synced` forever: the UI said "Live".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClusterAccess } from '../../src/kube/access.js';
import { ResourceWatcher, type WatcherState } from '../../src/watch/watcher.js';
import { FakeWatchServer } from '../helpers/fake-watch-server.js';
import { kubeconfigFor } from '../helpers/kubeconfig.js';
import { until as poll } from '../helpers/until.js';

const until = (cond: () => boolean, what: string, ms = 3000) => poll(cond, what, ms, 10);
const STALL_MS = 400;

describe('watch stall', () => {
  let fake: FakeWatchServer;
  let access: ClusterAccess;
  let watcher: ResourceWatcher;
  let states: { state: WatcherState; message?: string }[];

  beforeEach(async () => {
    fake = new FakeWatchServer();
    await fake.start();
    access = await ClusterAccess.create(kubeconfigFor(fake.url), 'kubeconfig');
    states = [];
    fake.listResourceVersion = '10';
    watcher = new ResourceWatcher(
      { kind: 'Config', path: '/apis/x/v1/configs' },
      () => access.serverClient(),
      {
        change: () => undefined,
        state: (state, message) => states.push({ state, ...(message ? { message } : {}) }),
        restart: () => undefined,
      },
      { initialMs: 10, maxMs: 50 },
      STALL_MS,
    );
    watcher.start();
    await until(() => fake.openWatches === 1, 'the first watch');
  });

  afterEach(async () => {
    watcher.stop();
    access.close();
    await fake.stop();
  });

  const bookmark = (rv: string) =>
    fake.push('BOOKMARK', { apiVersion: 'x/v1', kind: 'Config', metadata: { resourceVersion: rv } });

  it('bookmarks keep a quiet watch synced', async () => {
    for (let i = 0; i < 6; i++) {
      bookmark(String(11 + i));
      await new Promise((r) => setTimeout(r, STALL_MS / 2));
    }
    expect(watcher.state).toBe('synced');
    expect(fake.watchRequests).toHaveLength(1);
  });

  it('silence is a stall: the state says so, the watch reconnects, and the first bookmark ends it', async () => {
    await until(() => watcher.state === 'stalled', 'the watch to be reported stalled', 5000);
    expect(states.at(-1)?.message).toMatch(
      /no event or bookmark from the cluster API on the Config watch for \d+ s: live updates are paused/,
    );
    await until(() => fake.watchRequests.length >= 2, 'a new watch after the stall');
    // connected again, but still silent: still stalled, not "synced" on the head alone
    expect(watcher.state).toBe('stalled');
    bookmark('12');
    await until(() => watcher.state === 'synced', 'synced again after a bookmark');
    expect(fake.watchRequests.at(-1)?.searchParams.get('resourceVersion')).toBe('10');
  });
});
