#!/usr/bin/env node
/**
 * `node apps/server/dist/main.js --kubeconfig <path> [--context C] [--auth kubeconfig|token]`.
 * Graceful shutdown: on SIGTERM/SIGINT stop accepting, end the event streams and log relays
 * (they would never finish by themselves), let in-flight writes complete, then exit.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { loadKubeConfig } from './kube/kubeconfig.js';
import { parseCli } from './options.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2), process.env);
  const kubeconfig = loadKubeConfig({ kubeconfigPath: cli.kubeconfigPath, context: cli.context });
  const here = dirname(fileURLToPath(import.meta.url));
  const app = await buildApp({
    kubeconfig,
    authMode: cli.authMode,
    webDist: cli.webDist ?? join(here, '..', '..', 'web', 'dist'),
    pluginDist: cli.pluginDist ?? join(here, '..', '..', 'console-plugin', 'dist'),
    logLevel: cli.logLevel,
    ...(cli.tls ? { tls: cli.tls } : {}),
    secureCookie: cli.secureCookie,
    trustProxy: cli.trustProxy,
  });
  await app.listen({ host: cli.host, port: cli.port });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    // close() waits for in-flight requests (a PATCH being written completes); long-lived
    // streams are ended by closeAllConnections on idle sockets and by the hub stopping.
    app.server.closeIdleConnections();
    app
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
    setTimeout(() => app.server.closeAllConnections(), 2000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`image-registry-console server: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
