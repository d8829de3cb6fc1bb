#!/usr/bin/env node
// `pnpm start`: runs the console on the sandbox cluster. Starts the sandbox (its own process,
// exactly as `pnpm sandbox` does), waits for the kubeconfig it writes, then starts the server
// with that kubeconfig — the server knows nothing else about the sandbox.
//
// Environment: PORT (server, default 9000), HOST (default 127.0.0.1), SANDBOX_PORT (default
// 6443), SANDBOX_TIME_SCALE, SANDBOX_KUBECONFIG, CONSOLE_CONTEXT (kubeconfig context the server
// uses, default admin), START_SERVERS (extra "port:context" pairs, e.g. "9101:viewer"),
// SANDBOX_PROMETHEUS_PORT (the sandbox's Prometheus, default 9090, "off" for none): the servers
// read it as PROMETHEUS_URL, the same way they read a cluster's Thanos querier.
import { spawn } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kubeconfig = process.env.SANDBOX_KUBECONFIG ?? join(root, '.sandbox', 'kubeconfig');
const children = [];

function run(name, args, env) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`start: ${name} exited (${signal ?? code}); stopping`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code) {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(
    () => process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitForFile(path, since, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(path) && statSync(path).mtimeMs >= since) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`start: the sandbox wrote no kubeconfig at ${path} within ${timeoutMs / 1000}s`);
}

const startedAt = Date.now();
if (existsSync(kubeconfig)) rmSync(kubeconfig);
const prometheusPort = process.env.SANDBOX_PROMETHEUS_PORT ?? '9090';
run('sandbox', ['packages/sandbox/dist/cli.js'], {
  SANDBOX_KUBECONFIG: kubeconfig,
  SANDBOX_PROMETHEUS_PORT: prometheusPort,
});
await waitForFile(kubeconfig, startedAt - 1000, 60_000);

const servers = [[process.env.PORT ?? '9000', process.env.CONSOLE_CONTEXT ?? 'admin']];
for (const pair of (process.env.START_SERVERS ?? '').split(',').filter(Boolean))
  servers.push(pair.split(':'));
for (const [port, context] of servers) {
  run(`server:${port}`, ['apps/server/dist/main.js', '--kubeconfig', kubeconfig, '--context', context], {
    PORT: port,
    ...(process.env.PROMETHEUS_URL || prometheusPort === 'off'
      ? {}
      : { PROMETHEUS_URL: `http://127.0.0.1:${prometheusPort}`, PROMETHEUS_SCRAPE_INTERVAL_SECONDS: '2' }),
  });
}
console.log(
  `start: console on http://${process.env.HOST ?? '127.0.0.1'}:${servers[0][0]}  (sandbox kubeconfig: ${kubeconfig})`,
);
