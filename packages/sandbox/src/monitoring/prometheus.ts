/**
 * Runs a real Prometheus (Debian's `prometheus` package) as a child process scraping the
 * sandbox's metrics endpoints, like a cluster's monitoring stack scrapes its ServiceMonitors.
 * Absent binary → undefined: the sandbox runs on and the console says history is unavailable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { METRICS_PATHS } from './index.js';

/** The namespace each component runs in on a cluster: Prometheus' target labels carry it. */
const NAMESPACES: Record<keyof typeof METRICS_PATHS, string> = {
  'cluster-version-operator': 'openshift-cluster-version',
  'image-registry-operator': 'openshift-image-registry',
  'image-registry': 'openshift-image-registry',
};

/** PROMETHEUS_BIN, else `prometheus` on the PATH (Debian puts it in /usr/bin). */
export function findPrometheus(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.PROMETHEUS_BIN
    ? [env.PROMETHEUS_BIN]
    : [
        ...(env.PATH ?? '')
          .split(delimiter)
          .filter(Boolean)
          .map((d) => join(d, 'prometheus')),
        '/usr/bin/prometheus',
      ];
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // next
    }
  }
  return undefined;
}

export interface PrometheusOptions {
  /** Loopback port to listen on. */
  port: number;
  /** Where its config and TSDB live (e.g. `.sandbox/prometheus`). */
  dir: string;
  /** The sandbox API (https://127.0.0.1:PORT) that serves the metrics endpoints. */
  targetUrl: string;
  /** The sandbox CA (PEM), to verify the target. */
  caPem: string | undefined;
  /** A bearer token allowed to get the metrics paths. */
  token: string;
  /** Scrape interval in seconds (default 2). */
  scrapeIntervalSeconds?: number;
  /** TSDB retention (default 15d, what cluster monitoring keeps). */
  retention?: string;
  binary?: string;
  /** How long to wait for /-/ready (default 30 s). */
  readyTimeoutMs?: number;
}

export interface RunningPrometheus {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function prometheusConfig(opts: PrometheusOptions, files: { ca?: string; token: string }): string {
  const target = new URL(opts.targetUrl);
  const interval = `${opts.scrapeIntervalSeconds ?? 2}s`;
  const jobs = Object.entries(METRICS_PATHS).map(([job, path]) =>
    [
      `  - job_name: ${JSON.stringify(job)}`,
      `    metrics_path: ${JSON.stringify(path)}`,
      `    scheme: ${target.protocol.replace(':', '')}`,
      `    authorization:`,
      `      credentials_file: ${JSON.stringify(files.token)}`,
      ...(files.ca ? [`    tls_config:`, `      ca_file: ${JSON.stringify(files.ca)}`] : []),
      `    static_configs:`,
      `      - targets: [${JSON.stringify(target.host)}]`,
      `        labels:`,
      `          namespace: ${JSON.stringify(NAMESPACES[job as keyof typeof METRICS_PATHS])}`,
    ].join('\n'),
  );
  return [
    'global:',
    `  scrape_interval: ${interval}`,
    `  evaluation_interval: ${interval}`,
    'scrape_configs:',
    ...jobs,
    '',
  ].join('\n');
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited (${child.exitCode}) before it was ready`);
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`prometheus was not ready at ${url} within ${timeoutMs / 1000}s`);
}

/**
 * A Prometheus left behind by a sandbox that was killed (SIGKILL gives it no chance to stop its
 * child) holds the TSDB lock and the port: end it — only if the pid file's process is still a
 * Prometheus started on this very directory.
 */
async function endLeftover(dir: string): Promise<void> {
  const pidFile = join(dir, 'prometheus.pid');
  const pid = Number(await readFile(pidFile, 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0) return;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!cmdline.includes('prometheus') || !cmdline.includes(join(dir, 'prometheus.yml'))) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 40 && (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')); i++)
    await new Promise((r) => setTimeout(r, 250));
}

/** Starts Prometheus, or returns undefined when no binary is installed. Throws if it cannot start. */
export async function startPrometheus(opts: PrometheusOptions): Promise<RunningPrometheus | undefined> {
  const binary = opts.binary ?? findPrometheus();
  if (!binary) return undefined;
  await mkdir(join(opts.dir, 'data'), { recursive: true });
  await endLeftover(opts.dir);
  const token = join(opts.dir, 'scrape-token');
  await writeFile(token, opts.token, { mode: 0o600 });
  const ca = opts.caPem ? join(opts.dir, 'sandbox-ca.crt') : undefined;
  if (ca && opts.caPem) await writeFile(ca, opts.caPem);
  const configFile = join(opts.dir, 'prometheus.yml');
  await writeFile(configFile, prometheusConfig(opts, { token, ...(ca ? { ca } : {}) }));
  const url = `http://127.0.0.1:${opts.port}`;
  const child = spawn(
    binary,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(opts.dir, 'data')}`,
      `--storage.tsdb.retention.time=${opts.retention ?? '15d'}`,
      `--web.listen-address=127.0.0.1:${opts.port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (child.pid) await writeFile(join(opts.dir, 'prometheus.pid'), String(child.pid));
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString('utf8')).slice(-4000);
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitReady(url, child, opts.readyTimeoutMs ?? 30_000);
  } catch (e) {
    await stop();
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${stderr.trim()}`);
  }
  return { url, process: child, stop };
}
