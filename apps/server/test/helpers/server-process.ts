/**
 * The server as its own process, built from the CURRENT sources (src/main.ts and the workspace
 * packages' src/, through the "source" condition — never a stale dist/), so a test can send it
 * real signals and measure its memory alone. Third-party packages stay external and load from
 * node_modules as in production.
 *
 * Test instrumentation only: the bundle starts with a SIGUSR2 handler that runs a full garbage
 * collection (the process runs with --expose-gc), so "memory back to baseline" compares live
 * heap, not whatever V8 had not collected yet.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const serverRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let bundled: Promise<string> | undefined;

/** Bundles src/main.ts once per test file (≈1 s). */
export function bundleServer(): Promise<string> {
  bundled ??= (async () => {
    // Inside the package, so node resolves the external packages from node_modules as usual.
    const base = join(serverRoot, 'node_modules', '.irc-test');
    removeStaleBundles(base);
    const outDir = join(base, String(process.pid));
    mkdirSync(outDir, { recursive: true });
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
    const outfile = join(outDir, 'main.mjs');
    await build({
      entryPoints: [join(serverRoot, 'src', 'main.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['source'],
      logLevel: 'error',
      banner: { js: "process.on('SIGUSR2', () => globalThis.gc?.());" },
      plugins: [
        {
          name: 'third-party-external',
          setup(b) {
            // Workspace packages (@irc/*) are bundled from source; everything else loads from node_modules.
            b.onResolve({ filter: /^[^./]/ }, (args) =>
              args.path.startsWith('@irc/') ? undefined : { path: args.path, external: true },
            );
          },
        },
      ],
    });
    return outfile;
  })();
  return bundled;
}

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** stdout + stderr lines (pino JSON). */
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resident set size now, bytes (/proc). */
  rss(): number;
  /** Full GC in the child, then its heap in use without compiled code (bytes, from /metrics). */
  heapAfterGc(): Promise<number>;
  /** SIGTERM, then SIGKILL after `ms` if it has not exited. */
  stop(ms?: number): Promise<void>;
}

/** `kubeconfigPath` undefined: no `--kubeconfig` (in-cluster config from the environment). */
export async function spawnServer(
  kubeconfigPath: string | undefined,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const main = await bundleServer();
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      main,
      ...(kubeconfigPath ? ['--kubeconfig', kubeconfigPath, '--context', 'admin'] : []),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--web-dist',
      '/nonexistent',
      '--plugin-dist',
      '/nonexistent',
    ],
    { env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const onOutput = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const url = `http://127.0.0.1:${port}`;
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (gone || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server ${gone ? 'exited' : 'not listening within 30 s'}:\n${output.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    child,
    output,
    exited,
    rss: () =>
      Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024,
    async heapAfterGc() {
      child.kill('SIGUSR2');
      await new Promise((r) => setTimeout(r, 300));
      const text = await (await fetch(`${url}/metrics`)).text();
      const used = Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? NaN);
      // Compiled code grows as more paths get optimised under load: not data the server holds.
      const code = [
        ...text.matchAll(/^nodejs_heap_space_size_used_bytes\{space="code(?:_large_object)?"\} (\S+)$/gm),
      ].reduce((sum, m) => sum + Number(m[1]), 0);
      return used - code;
    },
    async stop(ms = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), ms);
      await exited;
      clearTimeout(t);
    },
  };
}

/** A port nobody listens on right now (the child binds it a moment later; loopback only). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Bundles of test processes that are gone (a killed worker never runs its exit handler). */
function removeStaleBundles(base: string): void {
  if (!existsSync(base)) return;
  for (const name of readdirSync(base)) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(join(base, name), { recursive: true, force: true });
    }
  }
}
