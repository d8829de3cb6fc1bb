/**
 * Issue 8 (log half): the sandbox API restarts while a log is followed through the server. The
 * relay must ABORT the browser's response (not end it, which would read as "the log ended"),
 * accept `sinceTime`, and the browser's own resume logic (ResumePoint + LogBuffer from @irc/shared,
 * used here as the log page uses them) must show every line exactly once, in order, resuming within 5 s
 * of the API's return.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogBuffer, ResumePoint } from '@irc/shared';
import { ChaosProxy } from '@irc/testkit';
import { startHarness, until, type Harness } from './harness.js';
import { ensureConfig, registrySettled } from './registry.js';

const NS = 'openshift-image-registry';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One request, its body chunks to `onText`; resolves on a clean end, rejects on a non-200 or a
 * broken body. No keep-alive (`agent: false`): an idle connection would hold the server's close
 * for its 120 s keep-alive.
 */
function streamOnce(url: string, signal: AbortSignal, onText: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, signal }, (res) => {
      res.setEncoding('utf8');
      if (res.statusCode !== 200) {
        let body = '';
        res.on('data', (c: string) => (body += c));
        res.on('end', () => reject(new Error(`HTTP ${res.statusCode}: ${body}`)));
        return;
      }
      res.on('data', onText);
      res.on('end', () => (res.complete ? resolve() : reject(new Error('body cut'))));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** Follows a log as the log page does: reopen from the last line shown after every break. */
function follow(baseUrl: string, podPath: string, container: string) {
  const resume = new ResumePoint();
  const buffer = new LogBuffer(1_000_000, (line) => resume.accept(line));
  const state = { breaks: 0, ended: false, stopped: false, lastBreakError: '' };
  const controller = new AbortController();
  const run = async () => {
    while (!state.stopped) {
      const since = resume.sinceTime();
      const query = new URLSearchParams({
        container,
        follow: 'true',
        timestamps: 'true',
        ...(since ? { sinceTime: since } : { tailLines: '0' }),
      });
      try {
        await streamOnce(`${baseUrl}${podPath}?${query}`, controller.signal, (text) => buffer.append(text));
        state.ended = true; // a clean end: the page would say "stream ended" and stop
        return;
      } catch (err) {
        if (state.stopped) return;
        state.breaks++;
        state.lastBreakError = err instanceof Error ? err.message : String(err);
        buffer.discardPartial();
        resume.beginReplay();
        await sleep(250);
      }
    }
  };
  const done = run();
  return {
    buffer,
    state,
    async stop() {
      state.stopped = true;
      controller.abort();
      await done;
    },
  };
}

describe('a followed log survives an API restart', () => {
  let h: Harness;
  let proxy: ChaosProxy;
  let baseUrl: string;

  beforeAll(async () => {
    h = await startHarness();
    await ensureConfig(h);
    await registrySettled(h);
    proxy = await ChaosProxy.start({ target: h.sandbox.url, targetCa: h.sandbox.caPem });
    ({ baseUrl } = await h.startServer({ kubeconfig: proxy.kubeConfig(h.kubeconfigPath, 'admin') }));
  }, 90_000);
  afterAll(async () => {
    // The servers first: their keep-alive connections to the proxy would hold its close.
    await h?.stop();
    await proxy?.stop();
  });

  it('resumes from the last line shown: every line exactly once and in order', async () => {
    const pod = await until(
      async () => {
        const res = await h.fetch('/api/v1/pods');
        const body = (await res.json()) as {
          pods: { name: string; component: string; phase: string; containers: { name: string }[] }[];
        };
        return body.pods.find((p) => p.component === 'registry' && p.phase === 'Running');
      },
      'a running registry pod',
      30_000,
      200,
    );
    const container = pod.containers[0]!.name;
    // Only our numbered lines are counted; the simulated registry's own lines interleave freely.
    const ours = (lines: readonly string[]) =>
      lines
        .map((l) => /bench-seq=(\d+)$/.exec(l)?.[1])
        .filter((s): s is string => s !== undefined)
        .map(Number);

    const follower = follow(baseUrl, `/api/v1/pods/${NS}/${pod.name}/log`, container);
    await until(
      () => proxy.requests.some((r) => r.path.endsWith('/log')),
      'the log request through the proxy',
      10_000,
    );
    await sleep(200);

    // A logger at ~2,000 lines/s: 5 lines every 2-3 ms, through the API restart and after it.
    let seq = 0;
    let logging = true;
    const logger = (async () => {
      while (logging) {
        for (let i = 0; i < 5; i++)
          h.sandbox.logs.append(NS, pod.name, container, `level=info msg="tick" bench-seq=${seq++}`);
        await sleep(2);
      }
    })();

    await until(() => ours(follower.buffer.all()).length > 500, 'lines before the restart', 10_000);
    await proxy.restart(1500); // every connection cut, the API refuses for 1.5 s, then listens again
    const back = Date.now();
    await until(() => follower.state.breaks > 0, 'the follower to notice the break', 5000);
    const countAtReturn = ours(follower.buffer.all()).length;
    await until(
      () => ours(follower.buffer.all()).length > countAtReturn + 200,
      'lines again after the API returned',
      5_000,
      20,
    );
    const resumedAfterMs = Date.now() - back;
    await sleep(300);
    logging = false;
    await logger;
    const total = seq;
    await until(() => ours(follower.buffer.all()).length >= total, `all ${total} lines`, 10_000, 50);
    await sleep(200); // a duplicate arriving late would show here
    await follower.stop();

    const got = ours(follower.buffer.all());
    expect(follower.state.ended).toBe(false); // the cut did not read as the end of the log
    expect(follower.state.breaks).toBeGreaterThanOrEqual(1);
    expect(got).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(resumedAfterMs).toBeLessThan(5000);
    const resumed = proxy.requests.filter(
      (r) => r.path.endsWith('/log') && r.query.has('sinceTime') && r.outcome === 'forwarded',
    );
    expect(resumed.length).toBeGreaterThanOrEqual(1);
    expect(resumed[0]!.query.get('timestamps')).toBe('true');
    expect(resumed[0]!.query.has('tailLines')).toBe(false);
  }, 60_000);

  it('rejects a sinceTime that is not an RFC 3339 time, naming the field', async () => {
    // No keep-alive: an idle connection would hold the server's close for its 120 s keep-alive.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      http
        .get(`${baseUrl}/api/v1/pods/${NS}/any/log?sinceTime=yesterday`, { agent: false }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        })
        .on('error', reject);
    });
    expect(status).toBe(400);
    expect(body).toContain('sinceTime');
  });
});
