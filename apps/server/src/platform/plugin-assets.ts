/**
 * The console plugin's build (apps/console-plugin/dist) under `/plugin/` — the ConsolePlugin's
 * `spec.backend.service.basePath`. The console's backend fetches these files for the browser
 * and sends NO user token, so they are public in every auth mode (static code and the
 * catalogue: nothing about the cluster).
 *
 * Caching follows what the console expects: `plugin-manifest.json` and `locales/**` keep their
 * names across builds → `no-cache` (revalidated with ETag / Last-Modified on every load, so a
 * new build is picked up); content-hashed `*.min.js` never change → immutable for a year.
 * A missing file is a 404, never the standalone UI's index.html (static.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const PLUGIN_PREFIX = '/plugin/';

/** `plugin-entry.3a034f9e2d8c4dbcd886.min.js`, `1025-chunk-dfc2079e51d6bf304a2e.min.js`. */
const HASHED = /[.-][0-9a-f]{16,}\.min\.js$/;

export function pluginCacheControl(path: string): string {
  return HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function registerPluginAssets(
  app: FastifyInstance,
  pluginDist: string | undefined,
): Promise<boolean> {
  if (!pluginDist || !existsSync(join(pluginDist, 'plugin-manifest.json'))) return false;
  await app.register(fastifyStatic, {
    root: pluginDist,
    prefix: PLUGIN_PREFIX,
    decorateReply: false,
    index: false,
    redirect: false,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', pluginCacheControl(path));
      // The console proxies these to the browser under its own origin; a plugin developer's
      // console (bridge with -plugins name=https://host:9443/plugin/) may fetch them
      // cross-origin. They are public code, so they may be loaded from anywhere.
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    },
  });
  return true;
}
