#!/usr/bin/env node
// `pnpm bench`: runs the benchmarks against the built packages (`pnpm build` first; the root
// script does it), prints one table and writes bench/results/latest.json. Figures, not asserts:
// the exit code is 0 whatever the targets say. `node bench/run.mjs fanout logs` (or
// BENCH_ONLY=logs,fanout,bundles,cold) picks some.
// A bench/results/baseline.json (a previous latest.json) adds a "vs baseline" column.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { bundles } from './bundles.mjs';
import { coldStart } from './cold-start.mjs';
import { floodIsolation } from './flood-isolation.mjs';
import { history } from './history.mjs';
import { root } from './lib/paths.mjs';
import { round } from './lib/stats.mjs';
import { logRelay } from './log-relay.mjs';
import { logViewerFlood } from './log-viewer-flood.mjs';
import { patchToScreen } from './patch-to-screen.mjs';
import { timelinePaint } from './timeline-paint.mjs';
import { watchFanout } from './watch-fanout.mjs';

const BENCHES = {
  bundles,
  cold: coldStart,
  logs: logRelay,
  fanout: watchFanout,
  flood: logViewerFlood,
  patch: patchToScreen,
  isolation: floodIsolation,
  history,
  paint: timelinePaint,
};
// Names on the command line (`node bench/run.mjs watch-fanout`) or BENCH_ONLY pick some; the
// file names work as well as the short keys.
const ALIASES = {
  'watch-fanout': 'fanout',
  'log-relay': 'logs',
  'cold-start': 'cold',
  'log-viewer-flood': 'flood',
  'patch-to-screen': 'patch',
  'flood-isolation': 'isolation',
  'timeline-paint': 'paint',
};
const picked = process.argv.slice(2).length
  ? process.argv.slice(2)
  : process.env.BENCH_ONLY?.split(',').filter(Boolean);
const only = picked?.map((name) => ALIASES[name] ?? name) ?? Object.keys(BENCHES);
const resultsDir = join(root, 'bench', 'results');
const baselineFile = join(resultsDir, 'baseline.json');
const baseline = existsSync(baselineFile)
  ? new Map(JSON.parse(readFileSync(baselineFile, 'utf8')).results.map((r) => [r.name, r.value]))
  : new Map();

const started = Date.now();
const results = [];
for (const key of only) {
  const bench = BENCHES[key];
  if (!bench)
    throw new Error(`bench: unknown benchmark "${key}" (known: ${Object.keys(BENCHES).join(', ')})`);
  process.stderr.write(`bench: ${key}…\n`);
  try {
    results.push(...(await bench()));
  } catch (err) {
    results.push({
      name: `${key}: failed`,
      value: NaN,
      unit: '',
      note: err instanceof Error ? err.message : String(err),
    });
  }
}
for (const r of results) {
  const base = baseline.get(r.name);
  if (typeof base === 'number' && base !== 0 && Number.isFinite(r.value))
    r.vsBaseline = round(r.value / base, 2);
}

const columns = [
  ['benchmark', (r) => r.name],
  ['figure', (r) => String(r.value)],
  ['unit', (r) => r.unit],
  ['target', (r) => (r.target ? `${r.target}${r.ok === undefined ? '' : r.ok ? ' ✓' : ' ✗'}` : '')],
  ['vs baseline', (r) => (r.vsBaseline === undefined ? '' : `×${r.vsBaseline}`)],
  ['note', (r) => r.note ?? ''],
];
const cells = results.map((r) => columns.map(([, f]) => f(r)));
const widths = columns.map(([h], i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) =>
  c
    .map((v, i) => (i === 1 ? v.padStart(widths[i]) : v.padEnd(widths[i])))
    .join('  ')
    .trimEnd();
console.log(line(columns.map(([h]) => h)));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const c of cells) console.log(line(c));

const machine = {
  node: process.version,
  cpus: availableParallelism(),
  cpu: cpus()[0]?.model,
  loadavg1: round(loadavg()[0], 2),
};
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'latest.json'),
  `${JSON.stringify({ at: new Date(started).toISOString(), seconds: round((Date.now() - started) / 1000), machine, results }, null, 2)}\n`,
);
console.log(
  `\n${round((Date.now() - started) / 1000)} s; written bench/results/latest.json (load average ${machine.loadavg1} on ${machine.cpus} cores)`,
);
