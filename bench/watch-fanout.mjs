// 2. Watch fan-out: 1, 100 and 1,000 concurrent SSE clients on /api/v1/stream while the Config
// and a registry pod change at a steady rate (annotation merge-patches carrying a sequence
// number; the send time is kept here, and every client notes when it first sees each number).
//
// Three processes, so the figure is the server's and not the benchmark's: the sandbox and the
// change driver (this process), the server (spawned), and the SSE clients (this same file forked
// with `--sse-clients`). With the clients in this process, parsing 1,000 streams delayed the
// sandbox's next watch event and the latency measured the bench. Times cross the process
// boundary as wall-clock milliseconds (performance.timeOrigin + performance.now()).
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  CONFIG_REF,
  NS,
  fetchText,
  metricValue,
  registryPod,
  rssBytes,
  sleep,
  spawnServer,
  startCluster,
} from './lib/cluster.mjs';
import { percentile, round } from './lib/stats.mjs';

const LEVELS = (process.env.BENCH_FANOUT_LEVELS ?? '1,100,1000').split(',').map(Number);
const CHANGES_PER_SECOND = 10;
const CHANGES = 30;
const KEY = 'bench.irc.example/seq';
const KB = 1024;
const POD_REF = { group: '', version: 'v1', resource: 'pods' };
const wallNow = () => performance.timeOrigin + performance.now();

/** CPU time (user + system) a process has used, in ms (Linux /proc, 10 ms ticks). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

// ---- client process -------------------------------------------------------------------------

const MARK_PREFIX = Buffer.from('bench-seq-');
const SNAPSHOT = Buffer.from('event: snapshot');
const DIGIT_0 = 48;

/**
 * An SSE client that records when it first sees each change's sequence number. It scans the
 * raw bytes (no UTF-8 decoding, no regex): 1,000 of these share one process and must stay
 * cheap next to the server they measure.
 */
function openClient(url, seen, session) {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/v1/stream`,
      // One browser session per client: the server caps streams per session (one per tab).
      { agent: false, headers: { accept: 'text/event-stream', cookie: `csrf-token=fanout-${session}` } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`bench: stream answered ${res.statusCode}`));
          return;
        }
        let carry = Buffer.alloc(0);
        let ready = false;
        res.on('data', (chunk) => {
          const now = wallNow();
          // A mark split across chunks is found with the previous chunk's tail in front.
          const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
          carry = Buffer.from(buf.subarray(Math.max(0, buf.length - 40)));
          if (!ready && buf.includes(SNAPSHOT)) {
            ready = true;
            resolve(() => req.destroy());
          }
          for (let at = buf.indexOf(MARK_PREFIX); at >= 0; at = buf.indexOf(MARK_PREFIX, at + 1)) {
            let seq = 0;
            let i = at + MARK_PREFIX.length;
            for (; i < buf.length && buf[i] >= DIGIT_0 && buf[i] <= DIGIT_0 + 9; i++)
              seq = seq * 10 + (buf[i] - DIGIT_0);
            if (i === buf.length) break; // maybe cut short: the next chunk has it whole
            if (!seen.has(seq)) seen.set(seq, now);
          }
        });
        res.on('error', () => undefined);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function clientProcess() {
  const seenBy = [];
  const closers = [];
  process.on('message', async (msg) => {
    if (msg.type === 'open') {
      // Connect in waves so the accept queue is not the thing measured.
      for (let i = 0; i < msg.n; i += 50) {
        const wave = Array.from({ length: Math.min(50, msg.n - i) }, () => new Map());
        seenBy.push(...wave);
        closers.push(...(await Promise.all(wave.map((seen, j) => openClient(msg.url, seen, i + j)))));
      }
      process.send({ type: 'open' });
    } else if (msg.type === 'report') {
      process.send({ type: 'report', seen: seenBy.map((m) => [...m]) });
    } else if (msg.type === 'close') {
      for (const close of closers) close();
      process.disconnect();
    }
  });
}

/** The clients, in their own process; `call(type, extra)` answers with the child's reply. */
function spawnClients() {
  const child = fork(fileURLToPath(import.meta.url), ['--sse-clients'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  const call = (type, extra = {}) =>
    new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`bench: SSE client process exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (msg) => {
        child.off('exit', onExit);
        resolve(msg);
      });
      child.send({ type, ...extra });
    });
  return {
    call,
    async stop() {
      if (child.connected) child.send({ type: 'close' });
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
}

// ---- driver ---------------------------------------------------------------------------------

async function metrics(server) {
  const text = (await fetchText(`${server.url}/metrics`)).body;
  return {
    upstream: metricValue(text, 'irc_upstream_watches'),
    clients: metricValue(text, 'irc_stream_clients'),
  };
}

/** Alternating Config and registry-pod annotation patches; returns mark id → wall-clock send time. */
async function driveChanges(sandbox) {
  const api = sandbox.api();
  const pod = await registryPod(sandbox);
  const sentAt = new Map();
  const base = Date.now();
  for (let seq = 0; seq < CHANGES; seq++) {
    const mark = `bench-seq-${base}${String(seq).padStart(3, '0')}`;
    const patch = { metadata: { annotations: { [KEY]: mark } } };
    sentAt.set(Number(mark.slice('bench-seq-'.length)), { at: wallNow(), kind: seq % 2 ? 'Pod' : 'Config' });
    if (seq % 2) api.patch(POD_REF, NS, pod.name, 'merge', patch);
    else api.patch(CONFIG_REF, undefined, 'cluster', 'merge', patch);
    await sleep(1000 / CHANGES_PER_SECOND);
  }
  return sentAt;
}

async function level(n, server, sandbox) {
  await sleep(1000);
  const rssIdle = rssBytes(server.pid);
  const clients = spawnClients();
  try {
    await clients.call('open', { url: server.url, n });
    await sleep(1000);
    const rssConnected = rssBytes(server.pid);
    const during = await metrics(server);
    const cpuBefore = cpuMs(server.pid);
    const sentAt = await driveChanges(sandbox);
    await sleep(2000);
    const cpuPerChange = (cpuMs(server.pid) - cpuBefore) / CHANGES;
    const { seen } = await clients.call('report');
    const latencies = { Config: [], Pod: [] };
    let missed = 0;
    for (const pairs of seen) {
      const got = new Map(pairs);
      for (const [id, sent] of sentAt) {
        const at = got.get(id);
        if (at === undefined) missed++;
        else latencies[sent.kind].push(at - sent.at);
      }
    }
    const all = [...latencies.Config, ...latencies.Pod];
    const p99 = percentile(all, 99);
    const perClient = (rssConnected - rssIdle) / n;
    const note = `${CHANGES} changes at ${CHANGES_PER_SECOND}/s (Config and pod alternating)${missed ? `, ${missed} deliveries missed` : ''}`;
    const rows = [
      {
        name: `fan-out ${n}: upstream watches`,
        value: during.upstream,
        unit: 'watches',
        target: 'one per kind',
        note: `${during.clients} clients on the stream`,
      },
      { name: `fan-out ${n}: p50 change→client`, value: round(percentile(all, 50)), unit: 'ms' },
      {
        name: `fan-out ${n}: p99 change→client`,
        value: round(p99),
        unit: 'ms',
        ...(n >= 1000 ? { target: '< 100', ok: p99 < 100 } : {}),
        note,
      },
      {
        name: `fan-out ${n}: p99 Config / pod`,
        value: round(percentile(latencies.Config, 99)),
        unit: 'ms',
        note: `pod ${round(percentile(latencies.Pod, 99))} ms`,
      },
      // Unlike the latencies, barely moved by other load on the machine: the server's own cost.
      {
        name: `fan-out ${n}: server CPU per change`,
        value: round(cpuPerChange),
        unit: 'ms',
        note: 'user+system, change → every client written',
      },
    ];
    if (n >= 100)
      rows.push({
        name: `fan-out ${n}: server memory per client`,
        value: round(perClient / KB),
        unit: 'KB',
        ...(n >= 1000 ? { target: '< 64', ok: perClient < 64 * KB } : {}),
        note: 'RSS growth / clients',
      });
    return rows;
  } finally {
    await clients.stop();
  }
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

if (process.argv[2] === '--sse-clients') void clientProcess();
