// 6. Cold start: the built server from spawn to its first /readyz 200 (which needs the cluster
// answering), and the sandbox CLI from spawn to its kubeconfig on disk. Median of a few runs.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir, sleep, spawnServer, startCluster } from './lib/cluster.mjs';
import { root } from './lib/paths.mjs';
import { median, round } from './lib/stats.mjs';

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);

async function sandboxToKubeconfig() {
  const scratch = scratchDir();
  const kubeconfig = join(scratch.dir, 'kubeconfig');
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'packages/sandbox/dist/cli.js')], {
    cwd: root,
    env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_KUBECONFIG: kubeconfig },
    stdio: 'ignore',
  });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    while (!existsSync(kubeconfig)) {
      if (child.exitCode !== null)
        throw new Error(`bench: the sandbox exited (${child.exitCode}) before writing its kubeconfig`);
      if (performance.now() - started > 30_000) throw new Error('bench: no sandbox kubeconfig within 30 s');
      await sleep(2);
    }
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await exited;
    scratch.remove();
  }
}

export async function coldStart() {
  const sandboxMs = [];
  for (let i = 0; i < RUNS; i++) sandboxMs.push(await sandboxToKubeconfig());
  const serverMs = [];
  const cluster = await startCluster();
  try {
    for (let i = 0; i < RUNS; i++) {
      const server = await spawnServer(cluster.kubeconfigPath);
      serverMs.push(server.readyMs);
      await server.stop();
    }
  } finally {
    await cluster.stop();
  }
  return [
    {
      name: 'cold start: server spawn → /readyz 200',
      value: round(median(serverMs)),
      unit: 'ms',
      note: `median of ${RUNS}`,
    },
    {
      name: 'cold start: sandbox spawn → kubeconfig written',
      value: round(median(sandboxMs)),
      unit: 'ms',
      note: `median of ${RUNS}`,
    },
  ];
}
