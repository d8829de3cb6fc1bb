import http from 'node:http';
import type { ChangeEvent, SnapshotEvent, TimelineResponse } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { openStream, until } from './harness.js';
import { kubectlPatchConfig, patchFresh, registryHarness } from './registry.js';

const configChange = (
  m: { event: string; data: string },
  predicate: (spec: Record<string, unknown>) => boolean,
) => {
  if (m.event !== 'change') return false;
  const c = JSON.parse(m.data) as ChangeEvent;
  return c.kind === 'Config' && predicate((c.object as unknown as { spec: Record<string, unknown> }).spec);
};

describe('event stream and timeline', () => {
  const h = registryHarness();

  it('starts with reset + one snapshot per kind, then heartbeats', async () => {
    const s = openStream(`${h.baseUrl}/api/v1/stream`);
    await s.ready;
    expect(s.status).toBe(200);
    await until(() => s.messages.filter((m) => m.event === 'snapshot').length === 5, 'five snapshots');
    expect(s.messages[0]?.event).toBe('reset');
    const config = s.messages
      .map((m) => (m.event === 'snapshot' ? (JSON.parse(m.data) as SnapshotEvent) : undefined))
      .find((x) => x?.kind === 'Config');
    expect(config?.items.map((i) => i.metadata.name)).toContain('cluster');
    await until(() => s.comments > 0, 'a heartbeat comment', 3000);
    s.close();
  });

  it('delivers a change made with kubectl within a second, to every client from one upstream watch', async () => {
    const a = openStream(`${h.baseUrl}/api/v1/stream`);
    const b = openStream(`${h.baseUrl}/api/v1/stream`);
    await Promise.all([a.ready, b.ready]);
    await until(
      () => a.messages.some((m) => m.event === 'snapshot') && b.messages.some((m) => m.event === 'snapshot'),
      'snapshots',
    );
    const metrics = await h.fetch('/metrics').then((r) => r.text());
    expect(metrics).toContain('irc_stream_clients 2');
    expect(metrics).toContain('irc_upstream_watches 5');
    await kubectlPatchConfig(h, { operatorLogLevel: 'TraceAll' });
    const patched = Date.now();
    await until(
      () => a.messages.some((m) => configChange(m, (s) => s.operatorLogLevel === 'TraceAll')),
      'the change on client a',
      1000,
      10,
    );
    await until(
      () => b.messages.some((m) => configChange(m, (s) => s.operatorLogLevel === 'TraceAll')),
      'the change on client b',
      1000,
      10,
    );
    expect(Date.now() - patched).toBeLessThan(1000);
    a.close();
    b.close();
  });

  it('resumes after the upstream watch drops', async () => {
    const s = openStream(`${h.baseUrl}/api/v1/stream`);
    await s.ready;
    await until(() => s.messages.some((m) => m.event === 'snapshot'), 'snapshots');
    h.app.hub.dropUpstreamConnections();
    await kubectlPatchConfig(h, { operatorLogLevel: 'Debug' });
    await until(
      () => s.messages.some((m) => configChange(m, (x) => x.operatorLogLevel === 'Debug')),
      'the change after the drop',
      3000,
      10,
    );
    const metrics = await (await h.fetch('/metrics')).text();
    expect(metrics).toMatch(/irc_upstream_watch_restarts_total\{kind="Config",cause="drop"\} [1-9]/);
    s.close();
  });

  it('Last-Event-ID resumes exactly where the client left off (no reset)', async () => {
    const first = openStream(`${h.baseUrl}/api/v1/stream`);
    await first.ready;
    await until(() => first.messages.filter((m) => m.event === 'snapshot').length === 5, 'snapshots');
    const lastId = first.lastId()!;
    first.close();
    await kubectlPatchConfig(h, { operatorLogLevel: 'Trace' });
    await until(() => h.app.feed.lastId() !== lastId, 'the hub to see the change');
    const second = openStream(`${h.baseUrl}/api/v1/stream`, { 'last-event-id': lastId });
    await second.ready;
    await until(
      () => second.messages.some((m) => configChange(m, (x) => x.operatorLogLevel === 'Trace')),
      'the replayed change',
      2000,
      10,
    );
    expect(second.messages.some((m) => m.event === 'reset' || m.event === 'snapshot')).toBe(false);
    second.close();
    // an id from another process epoch → reset + snapshots
    const third = openStream(`${h.baseUrl}/api/v1/stream`, { 'last-event-id': 'deadbeef.3' });
    await third.ready;
    await until(() => third.messages.some((m) => m.event === 'reset'), 'a reset');
    third.close();
  });

  it('the timeline records condition transitions, events and console changes, newest first', async () => {
    const live = openStream(`${h.baseUrl}/api/v1/stream`);
    await live.ready;
    const { status } = await patchFresh(h, { readOnly: true });
    expect(status).toBe(200);
    // the same entry goes out live on the stream
    await until(
      () =>
        live.messages.some(
          (m) =>
            m.event === 'timeline' &&
            m.data.includes('"type":"change"') &&
            m.data.includes('"readOnly":true'),
        ),
      'the live timeline entry',
    );
    live.close();
    const t = (await (await h.fetch('/api/v1/timeline?type=change')).json()) as TimelineResponse;
    const change = t.entries[0];
    expect(change?.type).toBe('change');
    expect(change?.type === 'change' && change.change.user).toBe('admin');
    expect(change?.type === 'change' && change.change.patch).toEqual({ spec: { readOnly: true } });
    const all = (await (await h.fetch('/api/v1/timeline?limit=1000')).json()) as TimelineResponse;
    const times = all.entries.map((e) => Date.parse(e.time));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it('records the condition transitions the operator makes (seen live)', async () => {
    const current = (await (await h.fetch('/api/v1/config')).json()) as {
      config: { spec: { replicas: number } };
    };
    const { status } = await patchFresh(h, { replicas: current.config.spec.replicas + 1 });
    expect(status).toBe(200);
    const entry = await until(
      async () => {
        const t = (await (
          await h.fetch('/api/v1/timeline?type=condition&limit=200')
        ).json()) as TimelineResponse;
        return t.entries.find(
          (e) =>
            e.type === 'condition' &&
            e.condition.type === 'Progressing' &&
            e.condition.from === 'False' &&
            e.condition.to === 'True',
        );
      },
      'a Progressing False→True transition',
      20_000,
      200,
    );
    expect(entry.object.kind === 'Config' || entry.object.kind === 'ClusterOperator').toBe(true);
  });

  it('shutdown ends open streams at once and lets an in-flight write finish', async () => {
    const extra = await h.startServer({});
    const s = openStream(`${extra.baseUrl}/api/v1/stream`);
    await s.ready;
    const current = (await (await h.fetch(`${extra.baseUrl}/api/v1/config`)).json()) as {
      resourceVersion: string;
    };
    // An in-flight write: headers and half the body are sent before shutdown starts.
    const body = JSON.stringify({
      patch: { operatorLogLevel: 'Normal' },
      resourceVersion: current.resourceVersion,
    });
    const req = http.request(`${extra.baseUrl}/api/v1/config`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${h.tokens.admin}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    const answer = new Promise<number>((resolve) =>
      req.on('response', (r) => (r.resume(), resolve(r.statusCode ?? 0))),
    );
    req.write(body.slice(0, 10));
    await until(
      async () => (await (await fetch(`${extra.baseUrl}/metrics`)).text()).includes('irc_stream_clients 1'),
      'the stream to be counted',
    );
    const started = Date.now();
    const closing = extra.app.close();
    req.end(body.slice(10));
    const status = await answer;
    await closing;
    expect(Date.now() - started).toBeLessThan(3000);
    expect([200, 409]).toContain(status); // 409 only if the operator wrote in between
    const res = { status };
    if (res.status === 200) {
      const out = JSON.parse(
        await h.kubectl('get', 'configs.imageregistry.operator.openshift.io', 'cluster', '-o', 'json'),
      );
      expect(out.spec.operatorLogLevel).toBe('Normal');
    }
  });
});
