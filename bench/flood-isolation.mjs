// Flood isolation (issue 13 "Done when"): one identity (the viewer's token) opens 100 followed
// logs and makes 2,000 event-stream attempts while the namespace holds 5 MB of Events; a second
// identity (the admin's token) reads and streams. Figures: the admin's read latency quiet and
// flooded (p50/p99), how fast its stream delivers a Config change while flooded, what the
// server accepted of the flood (its caps: 20 followed logs, 20 streams per identity) and its RSS.
// The behaviour is asserted by apps/server/test/integration/flood.test.ts; this only measures.
import { request } from 'node:http';
import {
  CONFIG_REF,
  NS,
  fetchText,
  registryPod,
  rssBytes,
  sleep,
  spawnServer,
  startCluster,
} from './lib/cluster.mjs';
import { percentile, round } from './lib/stats.mjs';

const MB = 2 ** 20;
const EVENTS = { group: '', version: 'v1', resource: 'events' };
const READ_PATHS = ['/api/v1/config', '/api/v1/pods', '/api/v1/me', '/api/v1/timeline?limit=20'];

/** Opens a long-lived GET; resolves {status, close} once the head arrived (body discarded). */
function hold(url, headers) {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, headers }, (res) => {
      res.on('data', () => undefined);
      res.on('error', () => undefined);
      if (res.statusCode !== 200) res.resume();
      resolve({ status: res.statusCode, close: () => req.destroy(), res });
    });
    req.on('error', () => resolve({ status: 0, close: () => undefined }));
    req.end();
  });
}

async function reads(url, token, n) {
  const ms = [];
  let failed = 0;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const r = await fetchText(`${url}${READ_PATHS[i % READ_PATHS.length]}`, {
      headers: { authorization: `Bearer ${token}` },
      timeoutMs: 20_000,
    }).catch(() => ({ status: 0 }));
    ms.push(performance.now() - started);
    if (r.status !== 200) failed++;
  }
  return { ms, failed };
}

export async function floodIsolation() {
  const cluster = await startCluster();
  const server = await spawnServer(cluster.kubeconfigPath);
  const held = [];
  try {
    const { sandbox } = cluster;
    const { viewer, admin } = sandbox.tokens;
    const pod = await registryPod(sandbox);
    const api = sandbox.api();
    const t0 = Date.now() - 60_000;
    for (let i = 0; i < 250; i++) {
      const ts = new Date(t0 + i * 100).toISOString().replace(/\.\d+Z$/, 'Z');
      api.create(EVENTS, NS, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `bench-flood-${i}`, namespace: NS },
        involvedObject: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'image-registry', namespace: NS },
        reason: 'Flood',
        message: 'z'.repeat(20_000),
        type: 'Warning',
        firstTimestamp: ts,
        lastTimestamp: ts,
        count: 1,
      });
    }
    await reads(server.url, admin, 20); // warm-up
    const quiet = await reads(server.url, admin, 100);
    const rssBefore = rssBytes(server.pid);

    const viewerHeaders = { authorization: `Bearer ${viewer}` };
    const logUrl = `${server.url}/api/v1/pods/${NS}/${pod.name}/log?follow=true&tailLines=1&container=${pod.container}`;
    const logs = await Promise.all(Array.from({ length: 100 }, () => hold(logUrl, viewerHeaders)));
    held.push(...logs);
    const streams = [];
    for (let wave = 0; wave < 20; wave++) {
      const attempts = await Promise.all(
        Array.from({ length: 100 }, () =>
          hold(`${server.url}/api/v1/stream`, { ...viewerHeaders, accept: 'text/event-stream' }),
        ),
      );
      for (const a of attempts) {
        streams.push(a.status);
        if (a.status === 200) held.push(a);
        else a.close();
      }
    }
    const count = (list, status) => list.filter((s) => s === status).length;

    // The admin's stream: time from a Config patch to the change on it.
    const stream = await hold(`${server.url}/api/v1/stream`, {
      authorization: `Bearer ${admin}`,
      accept: 'text/event-stream',
    });
    held.push(stream);
    let text = '';
    stream.res?.setEncoding('utf8');
    stream.res?.on('data', (c) => (text = (text + c).slice(-200_000)));
    const flooded = await reads(server.url, admin, 200);
    const changeMs = [];
    for (let i = 0; i < 10; i++) {
      const mark = `bench-flood-${Date.now()}-${i}`;
      const started = performance.now();
      api.patch(CONFIG_REF, undefined, 'cluster', 'merge', {
        metadata: { annotations: { 'irc-bench': mark } },
      });
      while (!text.includes(mark) && performance.now() - started < 10_000) await sleep(5);
      changeMs.push(text.includes(mark) ? performance.now() - started : NaN);
    }
    const rssDuring = rssBytes(server.pid);
    for (const h of held.splice(0)) h.close();
    await sleep(2000);
    const rssAfter = rssBytes(server.pid);
    const p99 = percentile(flooded.ms, 99);
    return [
      {
        name: 'flood isolation: admin read p99, quiet',
        value: round(percentile(quiet.ms, 99)),
        unit: 'ms',
        note: `p50 ${round(percentile(quiet.ms, 50))} ms, ${quiet.failed} failed of 100`,
      },
      {
        name: 'flood isolation: admin read p99, flooded',
        value: round(p99),
        unit: 'ms',
        target: '< 1000',
        ok: p99 < 1000 && flooded.failed === 0,
        note: `p50 ${round(percentile(flooded.ms, 50))} ms, ${flooded.failed} failed of 200 (config, pods, me, timeline)`,
      },
      {
        name: 'flood isolation: Config change → admin stream, flooded',
        value: round(percentile(changeMs, 99)),
        unit: 'ms',
        note: `p99 of 10; median ${round(percentile(changeMs, 50))} ms; ${changeMs.filter((v) => Number.isNaN(v)).length} missed`,
      },
      {
        name: 'flood isolation: viewer followed logs accepted',
        value: count(
          logs.map((l) => l.status),
          200,
        ),
        unit: 'of 100',
        note: `${count(
          logs.map((l) => l.status),
          429,
        )} × 429 (cap per identity)`,
      },
      {
        name: 'flood isolation: viewer streams accepted',
        value: count(streams, 200),
        unit: 'of 2000',
        note: `${count(streams, 429)} × 429 (cap per identity)`,
      },
      {
        name: 'flood isolation: server RSS during flood',
        value: round(rssDuring / MB),
        unit: 'MB',
        note: `before ${round(rssBefore / MB)} MB, 2 s after ${round(rssAfter / MB)} MB`,
      },
    ];
  } finally {
    for (const h of held) h.close();
    await server.stop();
    await cluster.stop();
  }
}
