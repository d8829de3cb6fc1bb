/**
 * Serves the built web app (apps/web/dist) when present, with an SPA fallback: unknown GETs
 * outside /api answer index.html so client-side routes survive a reload.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Paths that are never the SPA: the API, probes, metrics and the console plugin's assets. */
const NON_SPA = /^\/(api|healthz|readyz|metrics|plugin)(\/|$)/;
/** A missing file (`/assets/x.js`) must 404, not turn into HTML the browser would run as script. */
const LOOKS_LIKE_FILE = /\/[^/?]+\.[A-Za-z0-9]+(\?|$)/;

export async function registerStatic(app: FastifyInstance, webDist: string | undefined): Promise<boolean> {
  const hasUi = !!webDist && existsSync(join(webDist, 'index.html'));
  if (hasUi) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (
      hasUi &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !NON_SPA.test(request.url) &&
      !LOOKS_LIKE_FILE.test(request.url)
    ) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send({
      statusCode: 404,
      reason: 'NotFound',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
    });
  });
  return hasUi;
}
