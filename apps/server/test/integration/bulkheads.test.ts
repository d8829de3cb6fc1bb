/**
 * Issue 13 item 3: one identity's long-lived requests cannot take the console from another.
 *  - Bulkheads: followed logs, watches and short calls use separate connection pools. Before,
 *    one pool of 64 sockets: a viewer's 70 followed logs held them all and the admin's
 *    GET /api/v1/config waited in the queue until its deadline (504).
 *  - Per-identity caps: followed logs and event streams above the cap are 429 with Retry-After
 *    and a message; another identity (token user, or standalone browser session) is unaffected.
 */
import http from 'node:http';
import type { PodsResponse } from '@irc/shared';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStream, until } from './harness.js';
import { registryHarness } from './registry.js';

interface OpenLog {
  status: Promise<number>;
  headers: Promise<http.IncomingHttpHeaders>;
  body: Promise<string>;
  close(): void;
}

/** A followed log as a browser tab holds it: open until closed. */
function openLog(url: string, headers: Record<string, string>): OpenLog {
  const req = http.get(url, { headers });
  // A request cut before its answer (the test closing it) counts as status 0.
  const response = new Promise<http.IncomingMessage | undefined>((resolve) => {
    req.on('response', resolve);
    req.on('error', () => resolve(undefined));
  });
  return {
    status: response.then((r) => r?.statusCode ?? 0),
    headers: response.then((r) => r?.headers ?? {}),
    body: response.then((r) =>
      !r
        ? ''
        : new Promise<string>((resolve) => {
            let text = '';
            r.setEncoding('utf8');
            r.on('data', (c: string) => {
              text += c;
              if (r.statusCode !== 200) return;
              resolve(text); // a followed log never ends: its first bytes are enough
            });
            r.on('end', () => resolve(text));
            r.on('error', () => resolve(text));
          }),
    ),
    close: () => req.destroy(),
  };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('bulkheads and per-identity caps', () => {
  const h = registryHarness();
  let logPath: string;
  const open: { close(): void }[] = [];

  beforeAll(async () => {
    const pod = await until(
      async () =>
        ((await (await h.fetch('/api/v1/pods')).json()) as PodsResponse).pods.find(
          (p) => p.component === 'registry' && p.phase === 'Running',
        ),
      'a running registry pod',
      30_000,
      250,
    );
    logPath = `/api/v1/pods/${pod.namespace}/${pod.name}/log?follow=true&tailLines=1&container=registry`;
  }, 60_000);

  afterEach(() => {
    for (const o of open.splice(0)) o.close();
  });

  it("70 followed logs of one user leave another user's reads and the live view alone", async () => {
    // No per-identity cap here: the pools alone must keep the admin's read out of the logs' queue.
    const server = await h.startServer({ identityLimits: { followedLogs: 1000 }, kubeTimeoutMs: 4000 });
    const logs = Array.from({ length: 70 }, () =>
      openLog(`${server.baseUrl}${logPath}`, bearer(h.tokens.viewer)),
    );
    open.push(...logs);
    let answered = 0;
    for (const l of logs) void l.status.then(() => answered++);
    // 64 sockets would have been the whole shared pool.
    await until(() => answered >= 64, 'the followed logs to be answered', 20_000);
    const read = await fetch(`${server.baseUrl}/api/v1/config`, { headers: bearer(h.tokens.admin) });
    expect(read.status, await read.clone().text()).toBe(200);
    const stream = openStream(`${server.baseUrl}/api/v1/stream`, bearer(h.tokens.admin));
    open.push(stream);
    await stream.ready;
    expect(stream.status).toBe(200);
    await until(() => stream.messages.some((m) => m.event === 'snapshot'), 'a snapshot on the stream', 8000);
  }, 60_000);

  it('a user above the followed-log cap gets 429 with Retry-After and a message; another user does not', async () => {
    const max = h.app.identitySlots.followedLogs.max;
    const mine = Array.from({ length: max }, () =>
      openLog(`${h.baseUrl}${logPath}`, bearer(h.tokens.viewer)),
    );
    open.push(...mine);
    expect(await Promise.all(mine.map((l) => l.status))).toEqual(mine.map(() => 200));
    const over = openLog(`${h.baseUrl}${logPath}`, bearer(h.tokens.viewer));
    open.push(over);
    expect(await over.status).toBe(429);
    expect((await over.headers)['retry-after']).toBe('10');
    const body = JSON.parse(await over.body) as { reason: string; message: string };
    expect(body.reason).toBe('TooManyRequests');
    expect(body.message).toContain(`following ${max} logs already`);

    const other = openLog(`${h.baseUrl}${logPath}`, bearer(h.tokens.admin));
    open.push(other);
    expect(await other.status).toBe(200);
    // a log that is not followed is a short read: not counted
    const tail = await h.fetch(logPath.replace('follow=true', 'follow=false'), { token: h.tokens.viewer });
    expect(tail.status).toBe(200);
    // a closed tab gives its slot back
    mine[0]!.close();
    await until(async () => {
      const again = openLog(`${h.baseUrl}${logPath}`, bearer(h.tokens.viewer));
      open.push(again);
      return (await again.status) === 200;
    }, 'a slot to be free again after a log closed');
  }, 60_000);

  it('event streams are capped per user (token) and per browser session (standalone)', async () => {
    const max = h.app.identitySlots.streams.max;
    const check = async (headers: Record<string, string>, expected: number) => {
      const s = openStream(`${h.baseUrl}/api/v1/stream`, headers);
      open.push(s);
      await s.ready;
      return s.status === expected;
    };
    for (let i = 0; i < max; i++) expect(await check(bearer(h.tokens.viewer), 200)).toBe(true);
    const over = await fetch(`${h.baseUrl}/api/v1/stream`, { headers: bearer(h.tokens.viewer) });
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('10');
    expect(((await over.json()) as { message: string }).message).toContain('live-update connections');
    expect(await check(bearer(h.tokens.admin), 200)).toBe(true);

    // Standalone: every browser acts as the kubeconfig user; each session (CSRF cookie) has its own cap.
    const tab = { cookie: 'csrf-token=session-one' };
    for (let i = 0; i < max; i++) expect(await check(tab, 200)).toBe(true);
    expect((await fetch(`${h.baseUrl}/api/v1/stream`, { headers: tab })).status).toBe(429);
    expect(await check({ cookie: 'csrf-token=session-two' }, 200)).toBe(true);
  }, 60_000);
});
