// 2. Watch fan-out: 1, 100 and 1,000 concurrent SSE clients on /api/v1/stream while the Config
// changes at a steady rate (an annotation merge-patch carrying a sequence number; the send time
// is kept here, and every client notes when it first sees each number).
import { request } from 'node:http';
import { CONFIG_REF, fetchText, metricValue, rssBytes, sleep, spawnServer, startCluster } from './lib/cluster.mjs';
import { percentile, round } from './lib/stats.mjs';

const LEVELS = (process.env.BENCH_FANOUT_LEVELS ?? '1,100,1000').split(',').map(Number);
const CHANGES_PER_SECOND = 10;
const CHANGES = 30;
const KEY = 'bench.irc.example/seq';
const MARK = /bench-seq-(\d+)\b/g;
const KB = 1024;

/** An SSE client that records when it first sees each change's sequence number. */
function openClient(url, seen) {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/v1/stream`, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`bench: stream answered ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let carry = '';
      let ready = false;
      res.on('data', (chunk) => {
        const now = performance.now();
        const text = carry + chunk;
        carry = text.slice(-64); // a mark split across chunks is found in the next one
        if (!ready && text.includes('event: snapshot')) {
          ready = true;
          resolve(() => req.destroy());
        }
        for (const m of text.matchAll(MARK)) {
          const seq = Number(m[1]);
          if (!seen.has(seq)) seen.set(seq, now);
        }
      });
      res.on('error', () => undefined);
    });
    req.on('error', reject);
    req.end();
  });
}

async function metrics(server) {
  const text = (await fetchText(`${server.url}/metrics`)).body;
  return { upstream: metricValue(text, 'irc_upstream_watches'), clients: metricValue(text, 'irc_stream_clients') };
}

async function level(n, server, sandbox) {
  await sleep(1000);
  const rssIdle = rssBytes(server.pid);
  const seenBy = Array.from({ length: n }, () => new Map());
  const closers = [];
  // Connect in waves so the accept queue is not the thing measured.
  for (let i = 0; i < n; i += 50) closers.push(...(await Promise.all(seenBy.slice(i, i + 50).map((seen) => openClient(server.url, seen)))));
  await sleep(1000);
  const rssConnected = rssBytes(server.pid);
  const during = await metrics(server);

  const sentAt = new Map();
  const api = sandbox.api();
  const base = Date.now();
  for (let seq = 0; seq < CHANGES; seq++) {
    const mark = `bench-seq-${base}${String(seq).padStart(3, '0')}`;
    const id = Number(mark.slice('bench-seq-'.length));
    sentAt.set(id, performance.now());
    api.patch(CONFIG_REF, undefined, 'cluster', 'merge', { metadata: { annotations: { [KEY]: mark } } });
    await sleep(1000 / CHANGES_PER_SECOND);
  }
  await sleep(2000);
  const latencies = [];
  let missed = 0;
  for (const seen of seenBy) {
    for (const [id, sent] of sentAt) {
      const got = seen.get(id);
      if (got === undefined) missed++;
      else latencies.push(got - sent);
    }
  }
  for (const close of closers) close();
  const p99 = percentile(latencies, 99);
  const perClient = (rssConnected - rssIdle) / n;
  const rows = [
    { name: `fan-out ${n}: upstream watches`, value: during.upstream, unit: 'watches', target: 'one per kind', note: `${during.clients} clients on the stream` },
    { name: `fan-out ${n}: p50 change→client`, value: round(percentile(latencies, 50)), unit: 'ms' },
    { name: `fan-out ${n}: p99 change→client`, value: round(p99), unit: 'ms', ...(n >= 1000 ? { target: '< 100', ok: p99 < 100 } : {}), note: `${CHANGES} changes at ${CHANGES_PER_SECOND}/s${missed ? `, ${missed} deliveries missed` : ''}` },
  ];
  if (n >= 100) rows.push({ name: `fan-out ${n}: server memory per client`, value: round(perClient / KB), unit: 'KB', ...(n >= 1000 ? { target: '< 64', ok: perClient < 64 * KB } : {}), note: 'RSS growth / clients' });
  return rows;
}

export async function watchFanout() {
  const cluster = await startCluster();
  try {
    const rows = [];
    // A fresh server per level: memory a previous level's clients left behind is not counted.
    for (const n of LEVELS) {
      const server = await spawnServer(cluster.kubeconfigPath);
      try {
        rows.push(...(await level(n, server, cluster.sandbox)));
      } finally {
        await server.stop();
      }
    }
    return rows;
  } finally {
    await cluster.stop();
  }
}
