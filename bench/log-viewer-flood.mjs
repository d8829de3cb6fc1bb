// 5. Log viewer under a flood: Chromium follows a registry pod's log on the log page while the
// pod logs BENCH_FLOOD_RATE (2,000) lines/s until BENCH_FLOOD_LINES (500,000) lines, through the
// real server relay. Measured in the page: main-thread long tasks (PerformanceObserver
// `longtask`), search latency (the query is typed into the search box; time until the current
// match is highlighted in a frame), JS heap (CDP Runtime.getHeapUsage, sampled; and after a
// forced GC at the end), and how far behind the view is when the flood stops.
import { writeFileSync } from 'node:fs';
import { NS, registryPod, sleep, spawnServer, startCluster } from './lib/cluster.mjs';
import { median, percentile, round } from './lib/stats.mjs';
import { launchChromium } from './lib/browser.mjs';

const RATE = Number(process.env.BENCH_FLOOD_RATE ?? 2000);
const TOTAL = Number(process.env.BENCH_FLOOD_LINES ?? 500_000);
const SEARCH_EVERY_MS = Number(process.env.BENCH_FLOOD_SEARCH_EVERY_MS ?? 10_000);
const MB = 1024 * 1024;
// A registry access-log line (domain.md), ~200 bytes; `seq=` makes each one findable.
const LINE =
  'time="2026-11-25T21:00:00.000Z" level=info msg="response completed" go.version=go1.22 http.request.method=GET http.request.uri="/v2/openshift/app/blobs/sha256:0123" http.response.status=200 seq=';
const SENTINEL = 'FLOOD-END';
/** Installed before the app loads: every long task's duration, from now on. */
function observeLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * In the page: types `query` into the search box (as one input event) and resolves with the ms
 * until a frame shows the current match highlighted; then clears the search and follows again.
 */
async function searchInPage(query) {
  const input = document.querySelector('input[aria-label="Search the log"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const type = (value) => {
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const started = performance.now();
  type(query);
  const ms = await new Promise((resolve) => {
    const check = () => {
      const mark = document.querySelector('.irc-log__mark--current');
      if (mark && mark.textContent.toLowerCase() === query.toLowerCase())
        resolve(performance.now() - started);
      else if (performance.now() - started > 15_000) resolve(Number.NaN);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  type('');
  const follow = document.querySelector('[data-test="follow"]');
  if (follow?.getAttribute('aria-pressed') === 'false') follow.click();
  return ms;
}

/** Resolves once `text` is in a rendered log line (the view follows the tail), or NaN after `timeoutMs`. */
async function waitForLineInPage({ text, timeoutMs }) {
  const started = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const rows = document.querySelectorAll('[data-test="log-view"] .irc-log__text');
      for (let i = rows.length - 1; i >= Math.max(0, rows.length - 60); i--) {
        if (rows[i].textContent.includes(text)) return resolve(performance.now() - started);
      }
      if (performance.now() - started > timeoutMs) resolve(Number.NaN);
      else setTimeout(check, 20);
    };
    check();
  });
}

export async function logViewerFlood() {
  const cluster = await startCluster();
  const server = await spawnServer(cluster.kubeconfigPath);
  const browser = await launchChromium();
  try {
    const { sandbox } = cluster;
    const pod = await registryPod(sandbox);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(observeLongTasks);
    const cdp = await page.context().newCDPSession(page);
    await page.goto(
      `${server.url}/pods/${NS}/${pod.name}/logs?container=${encodeURIComponent(pod.container)}`,
    );
    await page.locator('[data-test="log-status"]').getByText('Streaming').waitFor({ timeout: 30_000 });
    await sleep(1000); // the initial tail is in; long tasks of the page load are not the flood's
    const longTasksBefore = await page.evaluate(() => window.__longTasks.length);

    // BENCH_FLOOD_PROFILE=file.cpuprofile: the page's CPU profile during the flood (DevTools format).
    const profile = process.env.BENCH_FLOOD_PROFILE;
    if (profile) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
    const heap = [];
    const searches = [];
    let seq = 0;
    let flooding = true;
    const started = performance.now();
    // The emitter holds the rate over time (catching up after a late timer), in small batches.
    const emitter = (async () => {
      while (seq < TOTAL) {
        const due = Math.min(TOTAL, Math.floor(((performance.now() - started) / 1000) * RATE));
        for (; seq < due; seq++) sandbox.logs.append(NS, pod.name, pod.container, LINE + seq);
        await sleep(10);
      }
      flooding = false;
    })();
    const sampler = (async () => {
      while (flooding) {
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        heap.push(usedSize);
        await sleep(2000);
      }
    })();
    const searcher = (async () => {
      for (let next = performance.now() + SEARCH_EVERY_MS; flooding; next += SEARCH_EVERY_MS) {
        while (flooding && performance.now() < next) await sleep(100);
        if (!flooding) break;
        // A line that arrived a few seconds ago: in the buffer, far above the followed tail.
        const target = Math.max(0, seq - RATE * 5);
        searches.push(await page.evaluate(searchInPage, `seq=${target} `.trim()));
      }
    })();
    await emitter;
    const emitSeconds = (performance.now() - started) / 1000;
    await Promise.all([sampler, searcher]);
    if (profile) writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const sentAt = performance.now();
    sandbox.logs.append(NS, pod.name, pod.container, SENTINEL);
    const lagMs = await page.evaluate(waitForLineInPage, { text: SENTINEL, timeoutMs: 60_000 });
    const catchUpMs = performance.now() - sentAt;
    const longTasks = (await page.evaluate(() => window.__longTasks)).slice(longTasksBefore);
    const status = await page.locator('[data-test="log-status"]').innerText();
    const following = await page.locator('[data-test="follow"]').getAttribute('aria-pressed');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize: heapAfterGc } = await cdp.send('Runtime.getHeapUsage');

    const maxTask = longTasks.length ? Math.max(...longTasks) : 0;
    const maxHeap = heap.length ? Math.max(...heap) : NaN;
    const searchMax = searches.length ? Math.max(...searches) : NaN;
    const note = `${TOTAL.toLocaleString('en')} lines at ${RATE}/s`;
    return [
      {
        name: 'log viewer flood: emitted rate',
        value: round(TOTAL / emitSeconds),
        unit: 'lines/s',
        note: `${note}, ${round(emitSeconds)} s`,
      },
      {
        name: 'log viewer flood: longest main-thread task',
        value: round(maxTask),
        unit: 'ms',
        target: '< 200',
        ok: maxTask < 200,
        note: `${longTasks.length} long tasks (> 50 ms), p50 ${round(median(longTasks))} ms, ${longTasks.filter((d) => d > 200).length} over 200 ms`,
      },
      {
        name: 'log viewer flood: search latency p50',
        value: round(median(searches)),
        unit: 'ms',
        note: `${searches.length} searches while following`,
      },
      {
        name: 'log viewer flood: search latency max',
        value: round(searchMax),
        unit: 'ms',
        target: '< 300',
        ok: searchMax < 300,
        note: `p90 ${round(percentile(searches, 90))} ms`,
      },
      {
        name: 'log viewer flood: JS heap max',
        value: round(maxHeap / MB),
        unit: 'MB',
        target: '< 300',
        ok: maxHeap < 300 * MB,
        note: `sampled every 2 s; ${round(heapAfterGc / MB)} MB after GC at the end`,
      },
      {
        name: 'log viewer flood: last line shown after',
        value: round(Number.isNaN(lagMs) ? lagMs : catchUpMs),
        unit: 'ms',
        note: `flood end → the last line rendered; following: ${following}; ${status.replace(/\s+/g, ' ').slice(0, 120)}`,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
    await cluster.stop();
  }
}

// `node bench/log-viewer-flood.mjs` runs it alone (BENCH_FLOOD_LINES=20000 for a quick look).
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await logViewerFlood())
    console.log(
      `${r.name}: ${r.value} ${r.unit}${r.target ? ` (target ${r.target}${r.ok ? ' ✓' : ' ✗'})` : ''}${r.note ? `  — ${r.note}` : ''}`,
    );
}
