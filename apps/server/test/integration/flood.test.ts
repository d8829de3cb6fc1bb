/**
 * Issue 13 "Done when": the flood suite. One identity (the viewer) holds 100 followed logs, makes
 * 2,000 event-stream attempts and the namespace holds 5 MB of Events; meanwhile a second identity
 * (the admin) reads and streams as usual. Asserted: behaviour — every read of the admin answers
 * 200, its stream keeps delivering changes, the viewer's streams stop at its cap (the server holds
 * no more than that). Timings are printed (and measured on the built server by
 * `node bench/run.mjs flood-isolation`), not asserted.
 */
import http from 'node:http';
import type { ChangeEvent, PodsResponse } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { openStream, until, type Harness } from './harness.js';
import { createRegistryEvent, registryHarness } from './registry.js';

const NS = 'openshift-image-registry';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Opens a followed log; resolves with its status (the response stays open until `close`). */
function followLog(url: string, headers: Record<string, string>) {
  const req = http.get(url, { headers });
  const status = new Promise<number>((resolve) => {
    req.on('response', (res) => {
      res.resume();
      res.on('error', () => undefined);
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
  });
  return { status, close: () => req.destroy() };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};

async function metric(h: Harness, name: string): Promise<number> {
  const text = await (await h.fetch('/metrics')).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.split(' ')[1] ?? NaN);
}

describe('flood: one identity cannot take the console from another', () => {
  // 100 followed logs for the flooding identity (above the default cap of 20): the bulkheads,
  // not only the cap, must keep the other identity's reads fast.
  const h = registryHarness({ identityLimits: { followedLogs: 100 } });

  it('100 followed logs + 2,000 stream attempts + 5 MB of Events by one user: the other reads and streams', async () => {
    const closers: (() => void)[] = [];
    try {
      const heapBefore = process.memoryUsage().heapUsed;
      // 5 MB of Events in the namespace (250 × 20 KB).
      const t0 = Date.now() - 60_000;
      for (let i = 0; i < 250; i++)
        createRegistryEvent(
          h,
          `flood-${String(i).padStart(3, '0')}`,
          'z'.repeat(20_000),
          new Date(t0 + i * 100),
          'flood-test',
        );
      await until(
        () => h.app.hub.items('Event').filter((e) => e.metadata?.name?.startsWith('flood-')).length === 250,
        'the hub to see the 5 MB of Events',
        30_000,
      );

      const pod = ((await (await h.fetch('/api/v1/pods')).json()) as PodsResponse).pods.find(
        (p) => p.component === 'registry' && p.phase === 'Running',
      );
      expect(pod).toBeDefined();
      const logUrl = `${h.baseUrl}/api/v1/pods/${NS}/${pod!.name}/log?follow=true&tailLines=1&container=registry`;
      const logs = Array.from({ length: 100 }, () => followLog(logUrl, bearer(h.tokens.viewer)));
      closers.push(...logs.map((l) => l.close));
      expect(await Promise.all(logs.map((l) => l.status))).toEqual(logs.map(() => 200));

      // 2,000 stream attempts by the same user, 100 at a time; the accepted ones stay open.
      const statuses = new Map<number, number>();
      for (let wave = 0; wave < 20; wave++) {
        const attempts = Array.from({ length: 100 }, () =>
          openStream(`${h.baseUrl}/api/v1/stream`, bearer(h.tokens.viewer)),
        );
        await Promise.all(attempts.map((s) => s.ready.catch(() => undefined)));
        for (const s of attempts) {
          statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
          if (s.status === 200) closers.push(s.close);
          else s.close();
        }
      }
      const cap = h.app.identitySlots.streams.max;
      expect(Object.fromEntries(statuses)).toEqual({ 200: cap, 429: 2000 - cap });

      // The other identity: its stream, then reads while everything above stays open.
      const admin = openStream(`${h.baseUrl}/api/v1/stream`, bearer(h.tokens.admin));
      closers.push(admin.close);
      await admin.ready;
      expect(admin.status).toBe(200);
      await until(() => admin.messages.some((m) => m.event === 'snapshot'), 'the admin snapshot', 10_000);
      // what the server holds is bounded by the caps: 20 streams of the viewer + the admin's
      expect(await metric(h, 'irc_stream_clients')).toBe(cap + 1);
      expect(await metric(h, 'irc_log_streams_active')).toBe(100);

      const latencies: number[] = [];
      const paths = ['/api/v1/config', '/api/v1/pods', '/api/v1/me', '/api/v1/timeline?limit=20'];
      for (let i = 0; i < 100; i++) {
        const started = performance.now();
        const res = await h.fetch(paths[i % paths.length]!, { token: h.tokens.admin });
        latencies.push(performance.now() - started);
        expect(res.status, `${paths[i % paths.length]} as the admin`).toBe(200);
      }

      // ... and its stream keeps delivering changes.
      const changeSeen: number[] = [];
      for (let i = 0; i < 3; i++) {
        const mark = `flood-${Date.now()}-${i}`;
        const started = performance.now();
        await h.kubectl(
          'annotate',
          'configs.imageregistry.operator.openshift.io/cluster',
          `irc-flood=${mark}`,
          '--overwrite',
        );
        await until(
          () =>
            admin.messages.some(
              (m) =>
                m.event === 'change' &&
                (JSON.parse(m.data) as ChangeEvent).object.metadata.annotations?.['irc-flood'] === mark,
            ),
          `the admin's stream to deliver change ${i + 1}`,
          10_000,
          20,
        );
        changeSeen.push(performance.now() - started);
      }
      global.gc?.();
      const heapAfter = process.memoryUsage().heapUsed;
      console.log(
        `flood: admin reads p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms ` +
          `(100 reads); changes on its stream after ${changeSeen.map((ms) => ms.toFixed(0)).join(', ')} ms (kubectl included); ` +
          `viewer streams ${JSON.stringify(Object.fromEntries(statuses))}; test-process heap ${(heapBefore / 2 ** 20).toFixed(0)} → ${(heapAfter / 2 ** 20).toFixed(0)} MB (sandbox and clients included)`,
      );
    } finally {
      for (const close of closers) close();
    }
  }, 240_000);
});
