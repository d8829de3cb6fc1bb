// The system under test, on loopback: the sandbox in this process (the benchmarks drive its log
// store and Config directly) and the server as its own process (so its RSS is its own).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './paths.mjs';
import { startSandbox } from '../../packages/sandbox/dist/index.js';

export const NS = 'openshift-image-registry';
export const CONFIG_REF = {
  group: 'imageregistry.operator.openshift.io',
  version: 'v1',
  resource: 'configs',
};
const POD_REF = { group: '', version: 'v1', resource: 'pods' };

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A scratch directory removed by the returned function. */
export function scratchDir() {
  const dir = mkdtempSync(join(tmpdir(), 'irc-bench-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The sandbox (in process) with its kubeconfig in a scratch directory; stop() removes both. */
export async function startCluster() {
  const scratch = scratchDir();
  const sandbox = await startSandbox({
    port: 0,
    kubeconfigPath: join(scratch.dir, 'kubeconfig'),
    log: false,
  });
  return {
    sandbox,
    kubeconfigPath: sandbox.kubeconfigPath,
    async stop() {
      await sandbox.stop();
      scratch.remove();
    },
  };
}

/** Waits until the operator has a Running registry pod; returns its name and container. */
export async function registryPod(sandbox, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const pods = sandbox.api().list(POD_REF, NS, { labelSelector: 'docker-registry=default' }).items;
    const running = pods.find((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
    if (running) return { name: running.metadata.name, container: running.spec.containers[0].name };
    await sleep(100);
  }
  throw new Error('bench: no Running registry pod within 30 s');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process, in bytes (Linux /proc). */
export function rssBytes(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** GET → {status, body} (whole body), over http or https. */
export function fetchText(url, { ca, headers = {}, timeoutMs = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = (url.startsWith('https:') ? httpsRequest : httpRequest)(
      url,
      { ca, headers, timeout: timeoutMs },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode, body }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end();
  });
}

/** Polls `url` until it answers 200; returns the elapsed ms since `since`. */
export async function waitFor200(url, since, timeoutMs = 30_000) {
  while (performance.now() - since < timeoutMs) {
    const ok = await fetchText(url, { timeoutMs: 1000 }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return performance.now() - since;
    await sleep(5);
  }
  throw new Error(`bench: ${url} not 200 within ${timeoutMs / 1000}s`);
}

/**
 * Spawns the built server (apps/server/dist/main.js) on a free loopback port, waits for /readyz.
 * `readyMs`: spawn → first /readyz 200. `env`: more environment (e.g. PROMETHEUS_URL).
 */
export async function spawnServer(kubeconfigPath, { logLevel = 'warn', env = {} } = {}) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      join(root, 'apps/server/dist/main.js'),
      '--kubeconfig',
      kubeconfigPath,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: logLevel, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise((r) => child.once('exit', r));
  const url = `http://127.0.0.1:${port}`;
  let readyMs;
  try {
    readyMs = await Promise.race([
      waitFor200(`${url}/readyz`, started),
      exited.then((code) => Promise.reject(new Error(`bench: server exited (${code}) before ready`))),
    ]);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    url,
    pid: child.pid,
    readyMs,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** One Prometheus sample (sum over label sets) from the text exposition. */
export function metricValue(text, name) {
  let sum = 0;
  let found = false;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) {
      sum += Number(line.slice(line.lastIndexOf(' ') + 1));
      found = true;
    }
  }
  return found ? sum : NaN;
}
