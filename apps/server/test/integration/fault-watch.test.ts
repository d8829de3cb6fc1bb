/**
 * Issue 8 (watch half): the API restarts, a watch gets 410 Gone, the API answers 429/500 for a
 * while, a user's token expires. The server talks to the sandbox only through a chaos proxy;
 * the test changes the cluster directly (in process) while the proxy misbehaves.
 */
import type { ChangeEvent, StateEvent, StreamKind, TimelineResponse } from '@irc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultRig, type FaultRig } from '../helpers/fault-rig.js';
import { openStream, until, type SseMessage } from './harness.js';

const CONFIG = { group: 'imageregistry.operator.openshift.io', version: 'v1', resource: 'configs' };
const PODS = { group: '', version: 'v1', resource: 'pods' };
const NS = 'openshift-image-registry';
const MARK = 'fault.irc.example/mark';
const KINDS: StreamKind[] = ['Config', 'ClusterOperator', 'Deployment', 'Pod', 'Event'];

type Stream = ReturnType<typeof openStream>;
type KubeObj = {
  metadata: { resourceVersion?: string; annotations?: Record<string, string> };
  status?: { conditions?: Condition[] };
};
type Condition = {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
};

const parse = <T>(m: SseMessage) => JSON.parse(m.data) as T;
const configChanges = (s: Stream) =>
  s.messages
    .filter((m) => m.event === 'change')
    .map((m) => parse<ChangeEvent>(m))
    .filter((c) => c.kind === 'Config')
    .map((c) => c.object as unknown as KubeObj);
const sawMark = (s: Stream, mark: string) =>
  configChanges(s).some((o) => o.metadata.annotations?.[MARK] === mark);
const states = (s: Stream) => s.messages.filter((m) => m.event === 'state').map((m) => parse<StateEvent>(m));

/** Every kind's latest state on this stream is `synced`. */
function allSynced(s: Stream, from = 0): boolean {
  const latest = new Map<string, string>();
  for (const st of states({ ...s, messages: s.messages.slice(from) })) latest.set(st.kind, st.state);
  return KINDS.every((k) => latest.get(k) === 'synced');
}

/** No Config version was delivered twice on this stream. */
function expectNoDuplicateVersions(s: Stream): void {
  const rvs = configChanges(s).map((o) => o.metadata.resourceVersion);
  expect(rvs.length).toBeGreaterThan(0);
  expect(new Set(rvs).size).toBe(rvs.length);
}

async function connected(url: string, headers: Record<string, string> = {}): Promise<Stream> {
  const s = openStream(`${url}/api/v1/stream`, headers);
  await s.ready;
  await until(
    () => s.messages.filter((m) => m.event === 'snapshot').length === KINDS.length,
    'five snapshots',
  );
  return s;
}

describe('watch faults', () => {
  let rig: FaultRig;
  const annotate = (mark: string) =>
    rig.sandbox
      .api()
      .patch(CONFIG, undefined, 'cluster', 'merge', { metadata: { annotations: { [MARK]: mark } } });

  beforeAll(async () => {
    rig = await startFaultRig({ stream: { heartbeatMs: 1000, recheckMs: 300 } });
    await until(
      () => rig.app.hub.items('Config').length > 0 && KINDS.every((k) => rig.app.hub.state(k) === 'synced'),
      'the hub to sync',
      30_000,
      100,
    );
  }, 60_000);
  afterAll(async () => rig?.stop());

  it('API restart mid-watch: the UI is told, watches resume from the last resourceVersion, each missed change arrives once', async () => {
    const live = await connected(rig.baseUrl);
    const away = await connected(rig.baseUrl);
    const awayId = away.lastId()!;
    away.close(); // a tab whose connection dropped during the outage
    const rvBefore = rig.app.hub.snapshot('Config').resourceVersion;

    await rig.proxy.down();
    await until(
      () => states(live).some((st) => st.state === 'resyncing' && /unreachable/.test(st.message ?? '')),
      'a "cluster unreachable" state on the stream',
      10_000,
    );
    // a tab opened during the outage is told as well, from its first messages
    const late = await connected(rig.baseUrl);
    expect(states(late).some((st) => st.state === 'resyncing' && /unreachable/.test(st.message ?? ''))).toBe(
      true,
    );
    late.close();
    const marks = ['restart-1', 'restart-2', 'restart-3'];
    for (const m of marks) annotate(m);
    await new Promise((r) => setTimeout(r, 1500));
    const upAt = Date.now();
    const resumedFrom = live.messages.length;
    await rig.proxy.up();

    await until(() => sawMark(live, 'restart-3'), 'the last change made during the outage', 10_000, 20);
    expect(Date.now() - upAt).toBeLessThan(5000);
    await until(() => allSynced(live, resumedFrom), 'every kind synced again', 5000);
    for (const m of marks)
      expect(configChanges(live).filter((o) => o.metadata.annotations?.[MARK] === m)).toHaveLength(1);
    expectNoDuplicateVersions(live);
    expect(live.messages.filter((m) => m.event === 'reset')).toHaveLength(1); // the first one only: the stream never broke
    // re-watched from where it was, not re-listed from scratch
    const configWatches = rig.proxy.requests.filter(
      (r) => r.watch && r.path.endsWith('/configs') && r.at >= upAt,
    );
    expect(configWatches[0]?.query.get('resourceVersion')).toBe(rvBefore);
    expect(await rig.metric('irc_upstream_watches')).toBe(KINDS.length);

    // the dropped tab comes back with Last-Event-ID: exactly what it missed, no reset
    const back = openStream(`${rig.baseUrl}/api/v1/stream`, { 'last-event-id': awayId });
    await back.ready;
    await until(() => sawMark(back, 'restart-3'), 'the replay');
    expect(back.messages.some((m) => m.event === 'reset' || m.event === 'snapshot')).toBe(false);
    for (const m of marks)
      expect(configChanges(back).filter((o) => o.metadata.annotations?.[MARK] === m)).toHaveLength(1);
    expectNoDuplicateVersions(back);
    live.close();
    back.close();
  });

  it('410 Gone: re-list and resync; the timeline has every condition transition exactly once', async () => {
    await rig.sandbox.scenarios.activate('operator-down'); // nobody else writes Config status now
    await until(
      () =>
        rig.sandbox.api().list(PODS, NS, { labelSelector: 'name=cluster-image-registry-operator' }).items
          .length === 0,
      'the operator pod to go',
      30_000,
      100,
    );
    const setProbe = (status: 'True' | 'False', reason: string, type = 'ChaosProbe') => {
      const config = rig.sandbox.api().get(CONFIG, undefined, 'cluster') as unknown as KubeObj &
        Record<string, unknown>;
      const conditions = (config.status?.conditions ?? []).filter((c) => c.type !== type);
      const lastTransitionTime = new Date().toISOString();
      conditions.push({ type, status, reason, message: reason, lastTransitionTime });
      rig.sandbox
        .api()
        .update(CONFIG, undefined, { ...config, status: { ...config.status, conditions } } as never, {
          subresource: 'status',
        });
      return lastTransitionTime;
    };
    const pause = () => new Promise((r) => setTimeout(r, 30)); // a fresh clock tick: a new lastTransitionTime
    const probe = (s: Stream, reason: string) =>
      configChanges(s).some((o) =>
        o.status?.conditions?.some((c) => c.type === 'ChaosProbe' && c.reason === reason),
      );
    const live = await connected(rig.baseUrl);
    setProbe('True', 'Steady', 'ChaosFlip');
    setProbe('False', 'Before');
    await until(() => probe(live, 'Before'), 'the first probe state');

    // 1. changed while the API was away; the resumed watch is too old (410) → re-list.
    //    ChaosFlip goes False and back to True unseen: the re-list only shows a later lastTransitionTime.
    await rig.proxy.down();
    await pause();
    setProbe('True', 'During');
    setProbe('False', 'Steady', 'ChaosFlip');
    await pause();
    const flippedBack = setProbe('True', 'Steady', 'ChaosFlip');
    rig.proxy.goneOnWatch(1, (r) => r.path.endsWith('/configs'));
    await rig.proxy.up();
    await until(() => probe(live, 'During'), 'the change, from the re-list', 10_000);
    expect(rig.proxy.requests.some((r) => r.outcome === 'gone' && r.path.endsWith('/configs'))).toBe(true);

    // 2. a change racing an ERROR 410 on the open watch: delivered by the watch or by the re-list, once
    await pause();
    setProbe('False', 'After');
    rig.proxy.expireWatches();
    await until(() => probe(live, 'After'), 'the last probe state', 10_000);
    await until(
      async () =>
        (await rig.metric('irc_upstream_watch_restarts_total', 'kind="Config",cause="expired"')) >= 2,
      'two 410 restarts',
    );
    await until(() => KINDS.every((k) => rig.app.hub.state(k) === 'synced'), 'resynced', 5000);

    const timeline = (await (
      await fetch(`${rig.baseUrl}/api/v1/timeline?type=condition&limit=1000`)
    ).json()) as TimelineResponse;
    const transitions = timeline.entries
      .filter((e) => e.type === 'condition' && e.condition.type === 'ChaosProbe')
      .map((e) =>
        e.type === 'condition' ? `${e.condition.from}→${e.condition.to} ${e.condition.reason}` : '',
      );
    expect(transitions).toEqual(['True→False After', 'False→True During', 'null→False Before']);
    const flips = timeline.entries.filter((e) => e.type === 'condition' && e.condition.type === 'ChaosFlip');
    expect(flips.map((e) => (e.type === 'condition' ? `${e.condition.from}→${e.condition.to}` : ''))).toEqual(
      ['null→True', 'null→True'],
    );
    expect(flips[0]?.time).toBe(flippedBack); // the unseen return, dated
    for (const reason of ['During', 'After']) {
      expect(
        configChanges(live).filter((o) =>
          o.status?.conditions?.some((c) => c.type === 'ChaosProbe' && c.reason === reason),
        ).length,
      ).toBeGreaterThan(0);
    }
    expectNoDuplicateVersions(live);
    live.close();
    await rig.sandbox.scenarios.clear('operator-down');
  });

  it('429 with Retry-After: retries no sooner than asked, says why, and is back within 5 s', async () => {
    const live = await connected(rig.baseUrl);
    const from = rig.proxy.requests.length;
    rig.proxy.fail({ status: 429, retryAfterSeconds: 2, forMs: 5000 });
    const failEnds = Date.now() + 5000;
    rig.proxy.cutAll();
    await until(
      () => states(live).some((st) => st.state === 'resyncing' && /429|too many/i.test(st.message ?? '')),
      'the throttling on the stream',
      5000,
    );
    annotate('throttled');
    await until(() => sawMark(live, 'throttled'), 'the change made while throttled', 15_000, 20);
    expect(Date.now() - failEnds).toBeLessThan(5000);
    // per collection, the 429s came no closer together than Retry-After
    const failed = rig.proxy.requests.slice(from).filter((r) => r.outcome === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const path of new Set(failed.map((r) => r.path))) {
      const times = failed.filter((r) => r.path === path).map((r) => r.at);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1900);
    }
    expectNoDuplicateVersions(live);
    live.close();
  });

  it('500 for 8 s: backoff stays short enough to be back within 5 s of the API recovering', async () => {
    const live = await connected(rig.baseUrl);
    const from = live.messages.length;
    rig.proxy.fail({ status: 500, forMs: 8000 });
    const failEnds = Date.now() + 8000;
    rig.proxy.cutAll();
    annotate('after-500s');
    await until(() => sawMark(live, 'after-500s'), 'the change made during the 500s', 20_000, 20);
    expect(Date.now() - failEnds).toBeLessThan(5000);
    await until(() => allSynced(live, from), 'every kind synced again', 5000);
    expectNoDuplicateVersions(live);
    live.close();
  }, 40_000);

  it('a slow API (1.5 s per request): the resumed watch still delivers each change once', async () => {
    const live = await connected(rig.baseUrl);
    rig.proxy.delay(1500);
    rig.proxy.cutAll();
    annotate('slow-1');
    annotate('slow-2');
    await until(() => sawMark(live, 'slow-2'), 'the changes through the slow API', 10_000, 20);
    rig.proxy.clear();
    for (const m of ['slow-1', 'slow-2'])
      expect(configChanges(live).filter((o) => o.metadata.annotations?.[MARK] === m)).toHaveLength(1);
    expectNoDuplicateVersions(live);
    live.close();
  });

  it("an expired token ends the user's stream with a session event, and nothing is fetched in the server's name for them", async () => {
    const viewer = rig.sandbox.tokens.viewer;
    const auth = { authorization: `Bearer ${viewer}` };
    const live = await connected(rig.baseUrl, auth);
    const from = rig.proxy.requests.length;
    rig.proxy.rejectToken(viewer);
    const session = await until(
      () => live.messages.find((m) => m.event === 'session'),
      'a session event',
      5000,
    );
    expect(parse<{ state: string; message: string }>(session)).toMatchObject({
      state: 'expired',
      message: expect.stringMatching(/sign in again/i),
    });
    expect(live.messages.at(-1)?.event).toBe('session'); // nothing after it: the stream ended
    await until(async () => (await rig.metric('irc_stream_clients')) === 0, 'the stream to close');
    // reconnecting with the dead token: 401, not a stream fed by the server's identity
    const again = openStream(`${rig.baseUrl}/api/v1/stream`, auth);
    await again.ready;
    expect(again.status).toBe(401);
    again.close();
    // every access review since the token died was asked as the viewer, never as the server
    const reviews = rig.proxy.requests
      .slice(from)
      .filter((r) => r.path.endsWith('/selfsubjectaccessreviews'));
    expect(reviews.length).toBeGreaterThan(0);
    expect(reviews.every((r) => r.authorization === `Bearer ${viewer}`)).toBe(true);
    rig.proxy.clear();
  });
});
