import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConflictBody } from '@irc/shared';
import { startSandbox, type SandboxHandle } from '@irc/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleTab } from '../helpers/console-client.js';
import { spawnServer, type ServerProcess } from '../helpers/server-process.js';
import { probeStream, type SseProbe } from '../helpers/sse-probe.js';
import { until } from './harness.js';

/**
 * Load: LOAD_CLIENTS (200) concurrent clients for LOAD_SECONDS (60) against the server as its
 * own process, on loopback: readers (config, pods, timeline, me, diagnostics, each after a
 * think time), event-stream holders that reconnect now and then, and admins saving a section
 * (kept under the 60 mutations/minute limit: a 429 would count as an error). Bounded so a
 * 2-core CI machine stays usable: think times, not a tight loop.
 *
 * Asserted: no error at all (a 409 to a stale save is an answer, not an error); afterwards, with
 * every client gone and a full GC, the server's heap and RSS are back near their baseline
 * (taken after a warm-up with the same mix); then SIGTERM exits 0.
 */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);
const READ_PATHS = [
  '/api/v1/config',
  '/api/v1/pods',
  '/api/v1/timeline',
  '/api/v1/me',
  '/api/v1/diagnostics',
];

interface Tally {
  requests: number;
  conflicts: number;
  applied: number;
  streams: number;
  streamMessages: number;
  errors: string[];
  latencies: number[];
  byWhat: Map<string, number[]>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jitter = (min: number, max: number) => min + Math.random() * (max - min);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** CPU seconds the process used (user + system, /proc/<pid>/stat, 100 ticks/s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

describe(`load: ${CLIENTS} clients for ${SECONDS} s`, () => {
  let dir: string;
  let sandbox: SandboxHandle;
  let server: ServerProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'irc-load-'));
    sandbox = await startSandbox({
      port: 0,
      timeScale: 0.1,
      kubeconfigPath: join(dir, 'kubeconfig'),
      log: false,
    });
    server = await spawnServer(join(dir, 'kubeconfig'), { LOG_LEVEL: 'warn' });
    await until(
      async () => (await fetch(`${server.url}/api/v1/config`)).status === 200,
      'the operator to bootstrap the Config',
      30_000,
      200,
    );
  }, 90_000);

  afterAll(async () => {
    await server?.stop(5000);
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Runs `clients` clients until `stopAt`; roles: 5% admins, 35% stream holders, the rest
   * readers. Readers keep their connections alive like browsers, on an agent closed at the end
   * (idle sockets left open would count as server memory).
   */
  async function drive(clients: number, stopAt: number, tally: Tally): Promise<void> {
    const readers = new http.Agent({ keepAlive: true });
    const record = async (what: string, fn: () => Promise<number>, ok: (status: number) => boolean) => {
      const t0 = performance.now();
      try {
        const status = await fn();
        tally.requests++;
        const ms = performance.now() - t0;
        tally.latencies.push(ms);
        tally.byWhat.set(what, [...(tally.byWhat.get(what) ?? []), ms]);
        if (!ok(status)) tally.errors.push(`${what}: HTTP ${status}`);
        return status;
      } catch (err) {
        tally.requests++;
        tally.errors.push(`${what}: ${(err as Error).cause ?? err}`);
        return 0;
      }
    };
    const reader = async () => {
      while (Date.now() < stopAt) {
        const path = READ_PATHS[Math.floor(Math.random() * READ_PATHS.length)] ?? '/api/v1/config';
        await record(
          `GET ${path}`,
          () => getStatus(`${server.url}${path}`, readers),
          (s) => s === 200,
        );
        await sleep(Math.min(jitter(500, 2500), stopAt - Date.now()));
      }
    };
    const admin = async (i: number) => {
      const tab = new ConsoleTab(server.url);
      await sleep(Math.min(jitter(0, 13_000), stopAt - Date.now()));
      while (Date.now() < stopAt) {
        const seen = await tab.config().catch(() => undefined);
        if (seen) {
          await record(
            'PATCH /api/v1/config',
            async () => {
              const answer = await tab.patch(
                { requests: { read: { maxRunning: 1 + Math.floor(Math.random() * 1e6) + i } } },
                seen,
              );
              if (answer.status === 200) tally.applied++;
              if (answer.status === 409) {
                tally.conflicts++;
                if (!(answer.body as ConflictBody).live?.resourceVersion)
                  tally.errors.push('409 without the live object');
              }
              return answer.status;
            },
            (s) => s === 200 || s === 409,
          );
        } else tally.errors.push('GET /api/v1/config before a save failed');
        // ≥13 s apart: at most 5 saves per admin per minute, under the server's mutation limit.
        await sleep(Math.min(jitter(13_000, 16_000), stopAt - Date.now()));
      }
    };
    // Each holder is its own browser session (the server caps streams per session: one per tab).
    const streamer = async (session: string) => {
      while (Date.now() < stopAt) {
        const stream: SseProbe = probeStream(`${server.url}/api/v1/stream`, undefined, {
          cookie: `csrf-token=${session}`,
        });
        tally.streams++;
        const status = await stream.ready.catch((err: unknown) => {
          tally.errors.push(`stream: ${String(err)}`);
          return 0;
        });
        if (status !== 200) tally.errors.push(`stream: HTTP ${status}`);
        const holdUntil = Math.min(stopAt, Date.now() + jitter(10_000, 30_000));
        await Promise.race([stream.done, sleep(Math.max(0, holdUntil - Date.now()))]);
        if (stream.ended || stream.error)
          tally.errors.push(`stream ended early: ${stream.error ?? 'by the server'}`);
        tally.streamMessages += stream.messages;
        stream.close();
      }
    };
    const admins = Math.max(1, Math.round(clients * 0.05));
    const streamers = Math.round(clients * 0.35);
    await Promise.all(
      Array.from({ length: clients }, (_, i) =>
        i < admins ? admin(i) : i < admins + streamers ? streamer(`load-${i}`) : reader(),
      ),
    );
    readers.destroy();
  }

  const newTally = (): Tally => ({
    requests: 0,
    conflicts: 0,
    applied: 0,
    streams: 0,
    streamMessages: 0,
    errors: [],
    latencies: [],
    byWhat: new Map(),
  });

  /** The timeline keeps up to 5,000 entries (condition changes, events, console changes): bounded, but filling during the run. */
  const timelineEntries = async () => {
    const body = (await (await fetch(`${server.url}/api/v1/timeline?limit=5000`)).json()) as {
      entries?: unknown[];
    };
    return body.entries?.length ?? 0;
  };

  const streamClients = async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    return Number(/^irc_stream_clients (\S+)$/m.exec(text)?.[1] ?? NaN);
  };

  it(
    'mixes reads, streams and saves without an error; memory returns to its baseline; SIGTERM exits 0',
    async () => {
      // Warm-up: the bounded replay buffer of the event hub (2,000 messages) filled with Config
      // changes, then the same mix briefly, so JIT code, pools and full buffers are in the
      // baseline: what grows after that is not bounded.
      await fillReplayBuffer(sandbox, 2100);
      const warm = newTally();
      await drive(Math.min(CLIENTS, 40), Date.now() + 6000, warm);
      await until(async () => (await streamClients()) === 0, 'warm-up streams to close');
      const baseline = {
        heap: await server.heapAfterGc(),
        rss: server.rss(),
        timeline: await timelineEntries(),
      };

      const tally = newTally();
      const cpu0 = cpuSeconds(server.pid);
      const started = Date.now();
      // Where the time goes: this process's event loop (sandbox + clients) and the API directly.
      const loop = monitorEventLoopDelay({ resolution: 20 });
      loop.enable();
      const direct: number[] = [];
      const probing = (async () => {
        while (Date.now() < started + SECONDS * 1000) {
          const t0 = performance.now();
          await apiVersion(sandbox).catch(() => undefined);
          direct.push(performance.now() - t0);
          await sleep(1000);
        }
      })();
      await drive(CLIENTS, started + SECONDS * 1000, tally);
      await probing;
      loop.disable();
      const elapsed = (Date.now() - started) / 1000;
      const cpu = cpuSeconds(server.pid) - cpu0;

      await until(async () => (await streamClients()) === 0, 'every stream to close', 10_000);
      await sleep(500);
      const after = {
        heap: await server.heapAfterGc(),
        rss: server.rss(),
        timeline: await timelineEntries(),
      };

      const sorted = [...tally.latencies].sort((a, b) => a - b);
      console.log(
        [
          `load: ${CLIENTS} clients, ${elapsed.toFixed(0)} s, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
          `  requests ${tally.requests} (${(tally.requests / elapsed).toFixed(0)}/s), errors ${tally.errors.length}, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`,
          `  saves applied ${tally.applied}, refused 409 ${tally.conflicts}; streams opened ${tally.streams}, messages ${tally.streamMessages}`,
          ...[...tally.byWhat].map(([what, l]) => {
            const s = [...l].sort((a, b) => a - b);
            return `    ${what}: ${l.length}, p50 ${percentile(s, 50).toFixed(1)} ms, p99 ${percentile(s, 99).toFixed(1)} ms`;
          }),
          `  sandbox API directly: p50 ${percentile(
            [...direct].sort((a, b) => a - b),
            50,
          ).toFixed(1)} ms, p99 ${percentile(
            [...direct].sort((a, b) => a - b),
            99,
          ).toFixed(
            1,
          )} ms; test process (sandbox + clients) event-loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms`,
          `  server CPU ${cpu.toFixed(1)} s (${((100 * cpu) / elapsed).toFixed(0)}% of a core)`,
          `  heap (no code) after GC ${mb(baseline.heap)} → ${mb(after.heap)} (timeline ${baseline.timeline} → ${after.timeline} entries); RSS ${mb(baseline.rss)} → ${mb(after.rss)}`,
        ].join('\n'),
      );

      expect(warm.errors.slice(0, 10)).toEqual([]);
      expect(tally.errors.slice(0, 10)).toEqual([]);
      expect(tally.applied).toBeGreaterThan(0);
      expect(tally.streamMessages).toBeGreaterThan(0);
      // RSS: only a gross-leak bound (the allocator keeps freed pages; 200 sockets' buffers).
      // (+106 MB seen once on a machine at load 6 with no leak: the heap check below is the real one.)
      expect(after.rss).toBeLessThan(baseline.rss + 192 * 2 ** 20);
      // Live data back near the baseline. What a heap-snapshot diff of a clean run showed growing
      // is the timeline (bounded, 5,000 entries, ~2.5 KB each in the heap, still filling) and
      // idle keep-alive sockets (closed now): the timeline is allowed for, plus 3 MB (2 MB until console changes became
      // Events and history was read from monitoring: a CI run then grew 4.37 MB against 4.1 MB allowed). A leak of one
      // request per config read (~800 in 60 s, ≥ 8 KB each) still exceeds it.
      const allowance = 3 * 2 ** 20 + Math.max(0, after.timeline - baseline.timeline) * 3 * 1024;
      expect(after.heap - baseline.heap, `heap growth vs allowance ${mb(allowance)}`).toBeLessThan(allowance);

      await server.stop(20_000);
      expect(await server.exited).toEqual({ code: 0, signal: null });
    },
    (SECONDS + 90) * 1000,
  );
});

function apiVersion(sandbox: SandboxHandle): Promise<void> {
  return new Promise((resolve, reject) => {
    https
      .get(
        `${sandbox.url}/version`,
        { ca: sandbox.caPem, headers: { authorization: `Bearer ${sandbox.tokens.admin}` } },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      )
      .on('error', reject);
  });
}

/** `count` Config changes (an annotation), straight to the API, in small batches the watch keeps up with. */
async function fillReplayBuffer(sandbox: SandboxHandle, count: number): Promise<void> {
  const configs = { group: 'imageregistry.operator.openshift.io', version: 'v1', resource: 'configs' };
  for (let i = 0; i < count; i++) {
    sandbox.api().patch(configs, undefined, 'cluster', 'merge', {
      metadata: { annotations: { 'load-test/fill': String(i) } },
    });
    if (i % 50 === 49) await sleep(30);
  }
}

/** GET → status, the body read and dropped, on a keep-alive agent. */
function getStatus(url: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { accept: 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}
