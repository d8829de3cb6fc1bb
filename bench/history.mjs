// History: a week of simulated cluster monitoring, backfilled into a real Prometheus (Debian's
// `promtool tsdb create-blocks-from openmetrics`), read by the built server as it reads a
// cluster's Thanos querier. How long a 7-day timeline and the traffic panel's 7-day series take
// to answer, and whether the server's memory depends on how long the history is (RSS after
// answering 1-day ranges vs 7-day ranges, each on a fresh server).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { startPrometheus } from '../packages/sandbox/dist/index.js';
import {
  fetchText,
  freePort,
  rssBytes,
  scratchDir,
  sleep,
  spawnServer,
  startCluster,
} from './lib/cluster.mjs';
import { median, round } from './lib/stats.mjs';

const DAYS = Number(process.env.BENCH_HISTORY_DAYS ?? 7);
const SCRAPE_SECONDS = 30; // cluster monitoring's interval on OpenShift
const RUNS = Number(process.env.BENCH_HISTORY_RUNS ?? 5);
const PROMTOOL = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';
const DAY = 86_400;

/**
 * A week of what the sandbox's monitoring exposes, one sample every 30 s: the registry's
 * ClusterOperator conditions (an outage of 10–40 min every ~5 h: Available False, Degraded True
 * after 5 min, Progressing during the recovery), its request counters (5xx during outages),
 * p99 latencies and storage errors. OpenMetrics, one family and one series at a time, in time order.
 */
async function writeWeek(file, startSec, endSec) {
  const out = createWriteStream(file);
  let samples = 0;
  const write = (s) => {
    if (!s.startsWith('#')) samples++;
    return out.write(s) ? undefined : once(out, 'drain');
  };
  const times = [];
  for (let t = startSec; t <= endSec; t += SCRAPE_SECONDS) times.push(t);
  // outages: [from, to) in seconds, deterministic
  const outages = [];
  for (let t = startSec + 3_600, i = 0; t < endSec; t += 5 * 3_600 + ((i * 1_777) % 3_600), i++)
    outages.push([t, t + 600 + ((i * 613) % 1_800)]);
  const outageAt = (t) => outages.find(([a, b]) => t >= a && t < b);
  const recoveringAt = (t) => outages.find(([, b]) => t >= b && t < b + 120);
  const conditions = (t) => {
    const o = outageAt(t);
    const degraded = o && t - o[0] >= 300;
    return {
      Available: o ? ['NoReplicasAvailable', 0] : ['Ready', 1],
      Progressing: o || recoveringAt(t) ? ['DeploymentNotCompleted', 1] : ['Ready', 0],
      Degraded: degraded ? ['Unavailable', 1] : ['AsExpected', 0],
    };
  };
  const co = 'name="image-registry"';
  const base = 'job="image-registry",namespace="openshift-image-registry"';

  await write('# TYPE cluster_operator_conditions gauge\n');
  for (const condition of ['Available', 'Progressing', 'Degraded']) {
    const reasons = new Set(times.map((t) => conditions(t)[condition][0]));
    for (const reason of reasons)
      for (const t of times) {
        const [r, v] = conditions(t)[condition];
        if (r === reason)
          await write(
            `cluster_operator_conditions{${co},condition="${condition}",reason="${reason}",job="cluster-version-operator",namespace="openshift-cluster-version"} ${v} ${t}\n`,
          );
      }
  }
  await write('# TYPE cluster_operator_up gauge\n');
  for (const t of times)
    await write(
      `cluster_operator_up{${co},version="4.23.0",job="cluster-version-operator",namespace="openshift-cluster-version"} ${outageAt(t) ? 0 : 1} ${t}\n`,
    );

  await write('# TYPE imageregistry_http_requests counter\n');
  for (const [code, method, perScrape] of [
    ['200', 'get', 120],
    ['201', 'put', 12],
    ['404', 'get', 3],
    ['500', 'get', 0],
    ['503', 'put', 0],
  ]) {
    let n = 0;
    for (const t of times) {
      const down = outageAt(t);
      n += down ? (code.startsWith('5') ? 40 : Math.floor(perScrape / 4)) : perScrape;
      await write(`imageregistry_http_requests_total{${base},code="${code}",method="${method}"} ${n} ${t}\n`);
    }
  }
  await write('# TYPE imageregistry_http_request_duration_seconds gauge\n');
  for (const t of times)
    await write(
      `imageregistry_http_request_duration_seconds{${base},method="get",quantile="0.99"} ${outageAt(t) ? 9.5 : 0.12 + (t % 7) / 100} ${t}\n`,
    );
  await write('# TYPE imageregistry_storage_errors counter\n');
  let errors = 0;
  for (const t of times) {
    errors += outageAt(t) ? 25 : 0;
    await write(
      `imageregistry_storage_errors_total{${base},operation="GetContent",code="UNKNOWN"} ${errors} ${t}\n`,
    );
  }
  await write('# TYPE imageregistry_storage_duration_seconds gauge\n');
  for (const t of times)
    await write(
      `imageregistry_storage_duration_seconds{${base},operation="GetContent",quantile="0.99"} ${outageAt(t) ? 30 : 0.05} ${t}\n`,
    );
  await write('# EOF\n');
  out.end();
  await once(out, 'finish');
  return { samples, outages: outages.length };
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err = (err + c).slice(-2000)));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${err}`)),
    );
  });
}

async function timed(url) {
  const t0 = performance.now();
  const r = await fetchText(url, { timeoutMs: 60_000 });
  const ms = performance.now() - t0;
  if (r.status !== 200) throw new Error(`bench: ${url} answered ${r.status}: ${r.body.slice(0, 200)}`);
  return { ms, body: r.body };
}

const rangeQuery = (days, endMs) =>
  `start=${new Date(endMs - days * DAY * 1000).toISOString()}&end=${new Date(endMs).toISOString()}`;

/** A fresh server answering `RUNS` timeline + traffic reads of `days`-long ranges; its RSS after. */
async function rssAfter(kubeconfigPath, env, days, endMs) {
  const server = await spawnServer(kubeconfigPath, { env });
  try {
    const before = rssBytes(server.pid);
    for (let i = 0; i < RUNS; i++) {
      await timed(`${server.url}/api/v1/timeline?${rangeQuery(days, endMs)}`);
      await timed(`${server.url}/api/v1/history/traffic?${rangeQuery(days, endMs)}`);
    }
    await sleep(500);
    return { before, after: rssBytes(server.pid) };
  } finally {
    await server.stop();
  }
}

export async function history() {
  if (!existsSync(PROMTOOL)) throw new Error(`bench: ${PROMTOOL} not found (apt-get install prometheus)`);
  const scratch = scratchDir();
  const cluster = await startCluster();
  let prom;
  try {
    // the week ends a few minutes ago: the live scrapes take over from there
    const endSec = Math.floor(Date.now() / 1000) - 300;
    const startSec = endSec - DAYS * DAY;
    const file = join(scratch.dir, 'week.om');
    const t0 = performance.now();
    const { samples, outages } = await writeWeek(file, startSec, endSec);
    const data = join(scratch.dir, 'data');
    mkdirSync(data, { recursive: true });
    await run(PROMTOOL, ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', file, data]);
    const backfillMs = performance.now() - t0;
    prom = await startPrometheus({
      port: await freePort(),
      dir: scratch.dir,
      targetUrl: cluster.sandbox.url,
      caPem: cluster.sandbox.caPem,
      token: cluster.sandbox.tokens.admin,
      scrapeIntervalSeconds: SCRAPE_SECONDS,
    });
    if (!prom) throw new Error('bench: prometheus is not installed');
    const env = { PROMETHEUS_URL: prom.url, PROMETHEUS_SCRAPE_INTERVAL_SECONDS: String(SCRAPE_SECONDS) };
    const endMs = endSec * 1000;

    const server = await spawnServer(cluster.kubeconfigPath, { env });
    const timeline = [];
    const traffic = [];
    let sample;
    try {
      for (let i = 0; i < RUNS; i++) {
        const t = await timed(`${server.url}/api/v1/timeline?${rangeQuery(DAYS, endMs)}`);
        timeline.push(t.ms);
        sample ??= { timeline: JSON.parse(t.body), timelineBytes: t.body.length };
        const p = await timed(`${server.url}/api/v1/history/traffic?${rangeQuery(DAYS, endMs)}`);
        traffic.push(p.ms);
        sample.trafficBytes ??= p.body.length;
        sample.traffic ??= JSON.parse(p.body);
      }
    } finally {
      await server.stop();
    }
    if (sample.timeline.history?.state !== 'ok')
      throw new Error(
        `bench: history ${sample.timeline.history?.state}: ${sample.timeline.history?.message}`,
      );
    const transitions = sample.timeline.entries.filter((e) => e.source === 'monitoring').length;
    const points = sample.traffic.series.reduce((n, s) => n + s.points.length, 0);

    const oneDay = await rssAfter(cluster.kubeconfigPath, env, 1, endMs);
    const week = await rssAfter(cluster.kubeconfigPath, env, DAYS, endMs);
    const mb = (b) => round(b / 2 ** 20, 1);
    return [
      {
        name: `history: ${DAYS}-day timeline answered (server)`,
        value: round(median(timeline)),
        unit: 'ms',
        target: '< 1000',
        ok: median(timeline) < 1000,
        note: `median of ${RUNS} (first ${round(timeline[0])} ms, max ${round(Math.max(...timeline))}); ${transitions} transitions from monitoring in ${outages} simulated outages, ${sample.timeline.lanes.length} lanes, step ${sample.timeline.history.stepSeconds} s, ${round(sample.timelineBytes / 1024)} KB`,
      },
      {
        name: `history: ${DAYS}-day traffic series answered (server)`,
        value: round(median(traffic)),
        unit: 'ms',
        target: '< 1000',
        ok: median(traffic) < 1000,
        note: `median of ${RUNS} (max ${round(Math.max(...traffic))}); ${sample.traffic.series.length} series, ${points} points, ${round(sample.trafficBytes / 1024)} KB`,
      },
      {
        name: `history: server RSS after ${DAYS}-day vs 1-day ranges`,
        value: round(mb(week.after - oneDay.after), 1),
        unit: 'MB',
        target: '< 16 (flat)',
        ok: Math.abs(week.after - oneDay.after) < 16 * 2 ** 20,
        note: `fresh server each, ${RUNS} timeline + traffic reads: 1 day ${mb(oneDay.before)} → ${mb(oneDay.after)} MB, ${DAYS} days ${mb(week.before)} → ${mb(week.after)} MB`,
      },
      {
        name: `history: backfill a ${DAYS}-day week (generate + promtool)`,
        value: round(backfillMs / 1000, 1),
        unit: 's',
        note: `${samples} samples every ${SCRAPE_SECONDS} s`,
      },
    ];
  } finally {
    await prom?.stop();
    await cluster.stop();
    scratch.remove();
  }
}
