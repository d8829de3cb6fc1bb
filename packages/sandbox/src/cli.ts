#!/usr/bin/env node
/**
 * `pnpm sandbox`: starts the sandbox cluster (port SANDBOX_PORT, default 6443) and prints how
 * to point kubectl at it (`start --watch-cache-size=N --watch-cache-max-size=N
 * --etcd-compaction-interval=5m` size the watch window, like kube-apiserver's flags); `cli.js scenario <name>|clear [name]|list` drives the control
 * endpoint of a running sandbox with the kubeconfig's admin token.
 */
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { parse } from 'yaml';
import { defaultKubeconfigPath } from './apiserver/kubeconfig.js';
import { dirname, join } from 'node:path';
import { startSandbox, type SandboxHandle } from './sandbox.js';
import { startPrometheus, type RunningPrometheus } from './monitoring/prometheus.js';
import { startQueryFront, type QueryFront } from './monitoring/query-front.js';
import { watchWindowFromArgs } from './apiserver/storage/settings.js';

interface Kubeconfig {
  clusters?: Array<{ name: string; cluster: { server: string; 'certificate-authority-data'?: string } }>;
  users?: Array<{ name: string; user: { token?: string } }>;
}

async function adminEndpoint(): Promise<{ server: string; token: string; ca?: string }> {
  const path = defaultKubeconfigPath();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`no sandbox kubeconfig at ${path}: start the sandbox first (pnpm sandbox)`);
  }
  const kc = parse(text) as Kubeconfig;
  const cluster = kc.clusters?.find((c) => c.name === 'sandbox')?.cluster;
  const server = cluster?.server;
  const caData = cluster?.['certificate-authority-data'];
  const token = kc.users?.find((u) => u.name === 'admin')?.user.token;
  if (!server || !token) throw new Error(`${path} has no sandbox cluster or admin user`);
  return { server, token, ca: caData ? Buffer.from(caData, 'base64').toString('utf8') : undefined };
}

/** One JSON request to the sandbox, trusting the kubeconfig's CA (global fetch cannot take one). */
function call(
  method: string,
  url: string,
  token: string,
  ca: string | undefined,
): Promise<{ status: number; body: unknown }> {
  const u = new URL(url);
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      u,
      { method, ca, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown });
          } catch {
            resolve({ status: res.statusCode ?? 0, body: { message: text.trim() } });
          }
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function scenarioCommand(args: string[]): Promise<number> {
  const [action, name] = args;
  const { server, token, ca } = await adminEndpoint();
  const base = `${server}/sandbox/v1/scenarios`;
  let method = 'GET';
  let url = base;
  if (action === 'list' || action === undefined) method = 'GET';
  else if (action === 'clear') {
    method = 'DELETE';
    url = name ? `${base}/${encodeURIComponent(name)}` : base;
  } else {
    method = 'POST';
    url = `${base}/${encodeURIComponent(action)}`;
  }
  const res = await call(method, url, token, ca);
  const body = res.body as {
    message?: string;
    items?: Array<{ name: string; description: string; active: boolean }>;
    name?: string;
  };
  if (res.status < 200 || res.status >= 300) {
    console.error(`error: ${body.message ?? `HTTP ${res.status}`}`);
    return 1;
  }
  if (method === 'DELETE') console.log(name ? `scenario ${name} cleared` : 'all scenarios cleared');
  else if (body.items) {
    for (const s of body.items) console.log(`${s.active ? '*' : ' '} ${s.name.padEnd(28)} ${s.description}`);
    if (body.items.length === 0) console.log('no scenarios');
  } else console.log(`scenario ${body.name ?? action} activated`);
  return 0;
}

async function serve(flags: string[]): Promise<void> {
  const port = process.env.SANDBOX_PORT ? Number(process.env.SANDBOX_PORT) : 6443;
  const sandbox = await startSandbox({ port, log: false, ...watchWindowFromArgs(flags) });
  console.log(`Sandbox cluster running at ${sandbox.url}`);
  console.log(`kubeconfig: ${sandbox.kubeconfigPath ?? '(none)'}  (contexts: admin, viewer, developer)`);
  console.log(`export KUBECONFIG=${sandbox.kubeconfigPath ?? ''}`);
  const prometheus = await monitoring(sandbox);
  let stopping = false;
  prometheus?.process.once('exit', (code) => {
    if (!stopping) console.error(`prometheus: exited (${code ?? 'signal'}); history is unavailable`);
  });
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping sandbox`);
    Promise.all([prometheus?.stop(), sandbox.stop()]).then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** A loopback port nothing listens on now (for Prometheus behind the query front). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A real Prometheus scraping the sandbox, its data under `.sandbox/prometheus-<port>`, queried
 * through a kube-rbac-proxy stand-in (query-front.ts) on SANDBOX_PROMETHEUS_PORT (default 9090;
 * "off" skips both) — as a cluster's Thanos querier is: the caller's token must be allowed the
 * monitoring API (cluster-monitoring-view), and the monitoring-unreachable scenario takes it
 * down. Missing or failing, the sandbox runs on.
 */
async function monitoring(sandbox: SandboxHandle): Promise<RunningPrometheus | undefined> {
  const setting = process.env.SANDBOX_PROMETHEUS_PORT ?? '9090';
  if (setting === 'off') return undefined;
  const port = Number(setting);
  const dir = join(dirname(sandbox.kubeconfigPath ?? defaultKubeconfigPath()), `prometheus-${port}`);
  try {
    const p = await startPrometheus({
      port: await freePort(),
      dir,
      targetUrl: sandbox.url,
      caPem: sandbox.caPem,
      token: sandbox.tokens.admin,
    });
    if (!p) {
      console.log(
        'prometheus: not installed (apt-get install prometheus): the console will say history is unavailable',
      );
      return undefined;
    }
    let front: QueryFront;
    try {
      front = await startQueryFront({
        port,
        upstream: p.url,
        apiUrl: sandbox.url,
        caPem: sandbox.caPem,
        token: sandbox.tokens.admin,
        refused: () => sandbox.monitoring?.queriesRefused() ?? false,
      });
    } catch (e) {
      await p.stop();
      throw e;
    }
    console.log(
      `prometheus: ${front.url} (needs cluster-monitoring-view) → ${p.url} scraping the sandbox's metrics (data in ${dir})`,
    );
    return {
      url: front.url,
      process: p.process,
      stop: async () => {
        await front.stop();
        await p.stop();
      },
    };
  } catch (e) {
    console.error(`prometheus: could not start: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'scenario') {
  scenarioCommand(rest).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
} else if (command === undefined || command === 'start' || command.startsWith('--')) {
  serve(command?.startsWith('--') ? [command, ...rest] : rest).catch((e: unknown) => {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
} else {
  console.error(
    'usage: cli.js [start] [--watch-cache-size=N] [--watch-cache-max-size=N] [--etcd-compaction-interval=5m] [--storage-initializing=5s] | scenario <name> | scenario clear [name] | scenario list',
  );
  process.exit(2);
}
