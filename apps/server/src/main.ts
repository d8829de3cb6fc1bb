#!/usr/bin/env node
/**
 * `node apps/server/dist/main.js --kubeconfig <path> [--context C] [--auth kubeconfig|token]`.
 *
 * Graceful shutdown on SIGTERM/SIGINT, in this order:
 *  1. `/readyz` answers 503 (everything else is still served) for SHUTDOWN_DELAY_MS — in a pod
 *     (5 s by default there) routers and the endpoints controller stop sending new work;
 *  2. the listener closes: new connections are refused; event streams and log relays are ended
 *     (they never finish by themselves; clients reconnect after the stream's `retry:` hint);
 *     a request arriving on a kept-alive socket gets 503 (never accepted);
 *  3. every request already accepted runs to completion (a PATCH is answered AND applied) and
 *     its socket closes (`Connection: close`); then the process exits 0;
 *  4. SHUTDOWN_GRACE_MS (25 s, under Kubernetes' default 30 s grace) after the signal, whatever
 *     is still open is cut and the process exits 1.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { loadKubeConfig, reloadSource } from './kube/kubeconfig.js';
import { parseCli } from './options.js';
import { markDraining } from './platform/health.js';

const KEEP_ALIVE_MS = 120_000;

async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2), process.env);
  const source = { kubeconfigPath: cli.kubeconfigPath, context: cli.context };
  const kubeconfig = loadKubeConfig(source);
  const here = dirname(fileURLToPath(import.meta.url));
  const app = await buildApp({
    kubeconfig,
    kubeconfigReload: reloadSource(source),
    authMode: cli.authMode,
    webDist: cli.webDist ?? join(here, '..', '..', 'web', 'dist'),
    pluginDist: cli.pluginDist ?? join(here, '..', '..', 'console-plugin', 'dist'),
    logLevel: cli.logLevel,
    ...(cli.tls ? { tls: cli.tls } : {}),
    secureCookie: cli.secureCookie,
    allowedHosts: cli.allowedHosts,
    ...(cli.trustProxy ? { trustProxy: cli.trustProxy } : {}),
    ...(cli.watchStallMs !== undefined ? { watchStallMs: cli.watchStallMs } : {}),
    ...(cli.identityLimits ? { identityLimits: cli.identityLimits } : {}),
  });
  if (
    cli.host !== '127.0.0.1' &&
    cli.host !== 'localhost' &&
    cli.host !== '::1' &&
    cli.allowedHosts.length === 0
  )
    app.log.warn(
      { host: cli.host },
      'listening beyond loopback, but only the loopback names are allowed as Host: set ALLOWED_HOSTS (or SERVICE_NAME and POD_NAMESPACE in a pod)',
    );
  // Fastify applies its keep-alive timeout only to servers it creates; ours comes from a
  // serverFactory (TLS reload), which leaves Node's 5 s. A client or proxy that keeps an idle
  // connection longer (the console's backend proxy: Go, 90 s; Node agents: no limit) sometimes
  // reuses it just as the server closes it: a reset, and a non-idempotent PATCH cannot be
  // retried. Idle connections are kept longer than those clients keep them.
  app.server.keepAliveTimeout = KEEP_ALIVE_MS;
  await app.listen({ host: cli.host, port: cli.port });

  const timing = shutdownTiming(process.env);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return; // `pnpm start` forwards a terminal's Ctrl-C as a second signal
    stopping = true;
    shutdown(app, signal, timing).then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

interface ShutdownTiming {
  delayMs: number;
  graceMs: number;
}

function shutdownTiming(env: NodeJS.ProcessEnv): ShutdownTiming {
  const ms = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`${name} must be a whole number of milliseconds, not "${raw}"`);
    return n;
  };
  // Only a pod has routers and endpoints that need a moment to stop sending new work.
  const delayMs = ms('SHUTDOWN_DELAY_MS', env.KUBERNETES_SERVICE_HOST ? 5000 : 0);
  return { delayMs, graceMs: Math.max(ms('SHUTDOWN_GRACE_MS', 25_000), delayMs + 1000) };
}

async function shutdown(
  app: FastifyInstance,
  signal: string,
  { delayMs, graceMs }: ShutdownTiming,
): Promise<void> {
  markDraining(app);
  app.log.info({ signal, delayMs, graceMs }, 'shutting down: readiness 503, finishing in-flight requests');
  const deadline = setTimeout(() => {
    app.log.warn({ graceMs }, 'shutdown grace period over: cutting the connections still open');
    app.server.closeAllConnections();
    process.exit(1);
  }, graceMs);
  deadline.unref();
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  // close(): preClose ends the long-lived responses, the listener stops accepting, idle
  // keep-alive sockets close, and it resolves once every accepted request has been answered.
  await app.close();
  app.log.info({ signal }, 'shut down cleanly');
}
main().catch((err: unknown) => {
  process.stderr.write(
    `image-registry-console server: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
