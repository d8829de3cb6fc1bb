/**
 * kube-apiserver-facts.md, "Watch": a watch from before the window the server still holds is a
 * 200 whose only event is ERROR 410 Expired (no replay); a watch-list's end-of-initial-events
 * BOOKMARK carries both annotations; after a restart lists and watches first answer 503 while the
 * watch cache initializes (SANDBOX_STORAGE_INITIALIZING) and old resourceVersions are expired. Plus the
 * etcd compaction's 410s (continue tokens, exact-version lists).
 */
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/sandbox.js';
import { call, stream } from '../http-client.js';
import { CMS, failure, useSandbox } from './support.js';

// a fixed window of 10 events per resource, so "older than the window" takes a few writes
const sandbox = useSandbox({ watchCacheSize: 10, watchCacheMaxSize: 10, compactionIntervalMs: 0 });

const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
const rvOf = (json: unknown): string =>
  (json as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
type Event = { type: string; object: Record<string, unknown> & { metadata?: Record<string, unknown> } };

async function onlyEvent(path: string): Promise<Event[]> {
  const w = stream(sandbox(), path);
  expect(await w.status).toBe(200);
  await w.ended; // the server ends the stream after the ERROR
  return w.lines.filter(Boolean).map((l) => JSON.parse(l) as Event);
}

describe('kube-apiserver facts: watch', () => {
  it('fact: a watch from a resourceVersion older than the window is HTTP 200, one ERROR 410 Expired, then the end — no replay', async () => {
    const from = rvOf((await call(sandbox(), 'GET', CMS)).json);
    for (let i = 0; i < 12; i++) await call(sandbox(), 'POST', CMS, { body: cm(`churn-${i}`) });
    const events = await onlyEvent(`${CMS}?watch=true&resourceVersion=${from}`);
    expect(events).toHaveLength(1);
    expect(events[0]?.type).toBe('ERROR');
    const status = events[0]?.object as { message: string };
    expect(status).toEqual(failure(410, 'Expired', status.message));
    expect(status.message).toMatch(new RegExp(`^too old resource version: ${from} \\(\\d+\\)$`));
  });

  it('fact: resourceVersion=1 on a long-lived store is expired, not replayed from the beginning', async () => {
    const events = await onlyEvent(`${CMS}?watch=true&resourceVersion=1`);
    expect(events.map((e) => [e.type, e.object.code, e.object.reason])).toEqual([['ERROR', 410, 'Expired']]);
  });

  it('a watch within the window resumes with exactly the changes after its resourceVersion', async () => {
    const from = rvOf((await call(sandbox(), 'GET', CMS)).json);
    for (let i = 0; i < 3; i++) await call(sandbox(), 'POST', CMS, { body: cm(`recent-${i}`) });
    const w = stream(sandbox(), `${CMS}?watch=true&resourceVersion=${from}`);
    const lines = await w.waitFor(3);
    w.close();
    expect(lines.map((l) => (JSON.parse(l) as Event).object.metadata?.name)).toEqual([
      'recent-0',
      'recent-1',
      'recent-2',
    ]);
  });

  it('fact: the end of a watch-list’s initial events is a BOOKMARK with initial-events-end and the list blueprint', async () => {
    await call(sandbox(), 'POST', CMS, {
      body: { ...cm('listed'), metadata: { name: 'listed', labels: { wl: 'y' } } },
    });
    const w = stream(
      sandbox(),
      `${CMS}?watch=1&labelSelector=wl%3Dy&allowWatchBookmarks=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan`,
    );
    const [added, mark] = (await w.waitFor(2)).map((l) => JSON.parse(l) as Event);
    w.close();
    expect(added?.type).toBe('ADDED');
    expect(mark?.type).toBe('BOOKMARK');
    expect(mark?.object).toEqual({
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: {
        resourceVersion: expect.stringMatching(/^\d+$/),
        creationTimestamp: null,
        annotations: {
          'k8s.io/initial-events-end': 'true',
          'kubernetes.io/initial-events-list-blueprint': expect.any(String),
        },
      },
    });
    const blueprint = (mark?.object.metadata?.annotations as Record<string, string>)[
      'kubernetes.io/initial-events-list-blueprint'
    ];
    expect(Buffer.from(blueprint as string, 'base64').toString('utf8')).toBe(
      '{"kind":"ConfigMapList","apiVersion":"v1","metadata":{},"items":[]}\n',
    );
  });

  it('a watch without resourceVersion gets the current objects but no initial-events bookmark (not a watch-list)', async () => {
    const w = stream(sandbox(), `${CMS}?watch=1&labelSelector=wl%3Dy&allowWatchBookmarks=true`);
    await w.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    w.close();
    expect(w.lines.map((l) => (JSON.parse(l) as Event).type)).toEqual(['ADDED']);
  });

  it('fact: after a restart, a watch from a resourceVersion of the previous run gets 410 Expired', async () => {
    const first = await startSandbox({ kubeconfigPath: false, controllers: false, log: false });
    const old = rvOf((await call(first, 'GET', CMS)).json);
    await first.stop();
    const second = await startSandbox({ kubeconfigPath: false, controllers: false, log: false });
    try {
      const w = stream(second, `${CMS}?watch=true&resourceVersion=${old}`);
      expect(await w.status).toBe(200);
      await w.ended;
      const events = w.lines.filter(Boolean).map((l) => JSON.parse(l) as Event);
      expect(events.map((e) => [e.type, e.object.code, e.object.reason])).toEqual([
        ['ERROR', 410, 'Expired'],
      ]);
    } finally {
      await second.stop();
    }
  });

  it('fact: right after a (re)start lists and watches answer 503 "storage is (re)initializing", then serve', async () => {
    const sb = await startSandbox({
      kubeconfigPath: false,
      controllers: false,
      log: false,
      storageInitializingMs: 1500,
    });
    try {
      const list = await call(sb, 'GET', CMS);
      expect(list.status).toBe(503);
      expect(list.json).toEqual(failure(503, 'ServiceUnavailable', 'storage is (re)initializing'));
      expect((await call(sb, 'GET', `${CMS}?watch=true`)).status).toBe(503);
      // a get goes to etcd, not the watch cache
      expect((await call(sb, 'GET', '/api/v1/namespaces/default')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1600));
      expect((await call(sb, 'GET', CMS)).status).toBe(200);
    } finally {
      await sb.stop();
    }
  });

  it('etcd compaction: a continue token older than the compacted revision is 410 with an inconsistent-continue token', async () => {
    const sb = sandbox();
    for (const n of ['pg-a', 'pg-b', 'pg-c']) await call(sb, 'POST', CMS, { body: cm(n) });
    const first = (await call(sb, 'GET', `${CMS}?limit=1`)).json as { metadata: { continue: string } };
    await call(sb, 'POST', CMS, { body: cm('pg-later') });
    sb.apiServer.store.compact(); // records the current revision
    sb.apiServer.store.compact(); // compacts everything before it
    const r = await call(sb, 'GET', `${CMS}?limit=1&continue=${first.metadata.continue}`);
    expect(r.status).toBe(410);
    const s = r.json as { reason: string; message: string; metadata: { continue?: string } };
    expect(s.reason).toBe('Expired');
    expect(s.message).toMatch(
      /^The provided continue parameter is too old to display a consistent list result\./,
    );
    expect(typeof s.metadata.continue).toBe('string');
    const resumed = await call(sb, 'GET', `${CMS}?limit=100&continue=${s.metadata.continue}`);
    expect(resumed.status).toBe(200);
    const exact = await call(sb, 'GET', `${CMS}?resourceVersion=2&resourceVersionMatch=Exact`);
    expect([exact.status, (exact.json as { message: string }).message]).toEqual([
      410,
      'The resourceVersion for the provided list is too old.',
    ]);
  });
});
