/**
 * Headers, limits and CSRF. The CSP is strict for the standalone UI (Vite emits external
 * scripts and stylesheets only); inline style attributes are allowed for PatternFly.
 */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { identityKey } from '../me/whoami.js';
import { installCsrf } from './csrf.js';
import { requestToken } from './request-client.js';

export interface SecurityOptions {
  /** Max mutations per identity per minute. */
  mutationsPerMinute: number;
  secureCookie: boolean;
}

export async function registerSecurity(app: FastifyInstance, opts: SecurityOptions): Promise<void> {
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // Registered globally but applied only where a route opts in (config.rateLimit): mutations.
  await app.register(rateLimit, {
    global: false,
    max: opts.mutationsPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => `${identityKey(requestToken(request))}:${request.ip}`,
  });
  installCsrf(app, { secureCookie: opts.secureCookie });
}

/** Route config for mutating routes. */
export const mutationRateLimit = { rateLimit: {} } as const;
