// 1. Log relay: a registry pod emits BENCH_LOG_MB of log lines as fast as it can (straight into
// the sandbox's kubelet log store); the same stream is read with `follow` through the server's
// relay and directly from the sandbox API, alternating runs.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFileSync } from 'node:fs';
import { setImmediate as tick } from 'node:timers/promises';
import { NS, registryPod, rssBytes, sleep, spawnServer, startCluster } from './lib/cluster.mjs';
import { median, round } from './lib/stats.mjs';

const MB = 1024 * 1024;
const LOG_MB = Number(process.env.BENCH_LOG_MB ?? 16);
const RUNS = Number(process.env.BENCH_LOG_RUNS ?? 3);
const TTFL_SAMPLES = 15;
const BATCH_LINES = 500;
// The shape of a registry access log line (domain.md), ~200 bytes.
const LINE =
  'time="2026-11-25T21:00:00.000Z" level=info msg="response completed" go.version=go1.22 http.request.method=GET http.request.uri="/v2/openshift/app/blobs/sha256:0123" http.response.status=200 seq=';

/**
 * CPU time (user + system) a process has used, in ms, from /proc (clock ticks of 10 ms). Unlike
 * the throughputs, the server's CPU per MB relayed hardly depends on the machine's other load.
 */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Opens a followed log; resolves once the response headers arrived. `onData(chunk)` sees every body chunk. */
function openLog(target, query, onData) {
  return new Promise((resolve, reject) => {
    const url = `${target.base}?${new URLSearchParams(query)}`;
    const req = (url.startsWith('https:') ? httpsRequest : httpRequest)(
      url,
      { ca: target.ca, headers: target.headers, agent: false },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`bench: ${target.name} log answered ${res.statusCode}`));
          return;
        }
        res.on('data', onData);
        res.on('error', () => undefined);
        resolve(() => req.destroy());
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** One run: follow from now, emit LOG_MB, time until the sentinel line has arrived. */
async function throughputRun(target, sandbox, pod, runId) {
  const sentinel = `BENCH-END ${runId}`;
  let tail = '';
  let done;
  const arrived = new Promise((r) => (done = r));
  const close = await openLog(
    target,
    { container: pod.container, follow: 'true', tailLines: '0' },
    (chunk) => {
      tail = (tail + chunk.toString('latin1')).slice(-sentinel.length - 2);
      if (tail.includes(sentinel)) done(performance.now());
    },
  );
  const started = performance.now();
  let emitted = 0;
  for (let seq = 0; emitted < LOG_MB * MB;) {
    for (let i = 0; i < BATCH_LINES; i++, seq++) {
      const text = LINE + seq;
      sandbox.logs.append(NS, pod.name, pod.container, text);
      emitted += text.length + 1;
    }
    await tick(); // let the sockets drain between batches, as a real kubelet's reads would
  }
  sandbox.logs.append(NS, pod.name, pod.container, sentinel);
  const timer = setTimeout(() => done(NaN), 60_000); // a lost sentinel reads as NaN, not a hang
  const finished = await arrived;
  clearTimeout(timer);
  close();
  return emitted / MB / ((finished - started) / 1000);
}

/** Request sent → first byte of an existing log (tail 100, follow), in ms. */
async function timeToFirstLine(target, pod) {
  const started = performance.now();
  let first;
  const got = new Promise((r) => (first = r));
  const close = await openLog(target, { container: pod.container, follow: 'true', tailLines: '100' }, () =>
    first(performance.now()),
  );
  const t = await got;
  close();
  return t - started;
}

export async function logRelay() {
  const cluster = await startCluster();
  const server = await spawnServer(cluster.kubeconfigPath);
  try {
    const { sandbox } = cluster;
    const pod = await registryPod(sandbox);
    for (let i = 0; i < 100; i++) sandbox.logs.append(NS, pod.name, pod.container, LINE + `warm${i}`);
    const direct = {
      name: 'direct',
      base: `${sandbox.url}/api/v1/namespaces/${NS}/pods/${pod.name}/log`,
      ca: sandbox.caPem,
      headers: { authorization: `Bearer ${sandbox.tokens.admin}` },
    };
    const relayed = { name: 'server', base: `${server.url}/api/v1/pods/${NS}/${pod.name}/log`, headers: {} };

    // Warm both paths (JIT, the server's keep-alive agent), then measure.
    await timeToFirstLine(direct, pod);
    await timeToFirstLine(relayed, pod);
    await sleep(500);
    const rssBefore = rssBytes(server.pid);

    const tput = { direct: [], server: [] };
    let serverCpu = 0;
    for (let run = 0; run < RUNS; run++) {
      for (const target of run % 2 === 0 ? [direct, relayed] : [relayed, direct]) {
        const cpuBefore = cpuMs(server.pid);
        tput[target.name].push(await throughputRun(target, sandbox, pod, `${target.name}-${run}`));
        if (target === relayed) serverCpu += cpuMs(server.pid) - cpuBefore;
      }
    }
    const ttfl = { direct: [], server: [] };
    for (let i = 0; i < TTFL_SAMPLES; i++) {
      for (const target of i % 2 === 0 ? [direct, relayed] : [relayed, direct])
        ttfl[target.name].push(await timeToFirstLine(target, pod));
    }
    await sleep(1000);
    const rssAfter = rssBytes(server.pid);

    const viaServer = median(tput.server);
    const viaDirect = median(tput.direct);
    const extraTtfl = median(ttfl.server) - median(ttfl.direct);
    return [
      {
        name: 'log relay: throughput direct',
        value: round(viaDirect),
        unit: 'MB/s',
        note: `${LOG_MB} MB × ${RUNS} runs, median`,
      },
      { name: 'log relay: throughput via server', value: round(viaServer), unit: 'MB/s' },
      {
        name: 'log relay: server / direct',
        value: round(viaServer / viaDirect, 2),
        unit: 'ratio',
        target: '≥ 0.9',
        ok: viaServer / viaDirect >= 0.9,
      },
      {
        name: 'log relay: server CPU per MB relayed',
        value: round(serverCpu / (LOG_MB * RUNS)),
        unit: 'ms/MB',
        note: 'user + system, /proc, 10 ms ticks',
      },
      { name: 'log relay: time to first line direct', value: round(median(ttfl.direct)), unit: 'ms' },
      { name: 'log relay: time to first line via server', value: round(median(ttfl.server)), unit: 'ms' },
      {
        name: 'log relay: time to first line over direct',
        value: round(extraTtfl),
        unit: 'ms',
        target: '< 50',
        ok: extraTtfl < 50,
      },
      { name: 'log relay: server RSS before', value: round(rssBefore / MB), unit: 'MB' },
      {
        name: 'log relay: server RSS after',
        value: round(rssAfter / MB),
        unit: 'MB',
        target: 'flat',
        note: `Δ ${round((rssAfter - rssBefore) / MB)} MB after ${round(LOG_MB * RUNS)} MB relayed`,
      },
    ];
  } finally {
    await server.stop();
    await cluster.stop();
  }
}
