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
import { HttpError } from './errors.js';
import { installHostGuard, type HostAllowList } from './hosts.js';
import { requestToken } from './request-client.js';

export interface SecurityOptions {
  /** Max mutations per identity per minute. */
  mutationsPerMinute: number;
  secureCookie: boolean;
  allowedHosts: HostAllowList;
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
    // Never framed (the console loads the plugin as scripts): the legacy header agrees with frame-ancestors 'none'.
    frameguard: { action: 'deny' },
  });
  // Before anything reads a cookie, a credential or a file (helmet above only adds headers, so
  // the refusal carries them too).
  installHostGuard(app, opts.allowedHosts);
  // Registered globally but applied only where a route opts in (config.rateLimit): mutations.
  await app.register(rateLimit, {
    global: false,
    max: opts.mutationsPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => `${identityKey(requestToken(request))}:${request.ip}`,
  });
  app.addHook('onRequest', async (request) => refuseForeignCredentials(request));
  // API answers describe who may do what and which credentials exist: never kept by a browser or proxy cache.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
  installCsrf(app, { secureCookie: opts.secureCookie });
  app.addHook('preValidation', async (request) => refuseLenientIntegers(request));
}

/**
 * A request to the API that carries a credential other than a well-formed bearer token (Basic,
 * `Bearer` with nothing or two words after it) would otherwise count as token-less and — in
 * kubeconfig mode — act as the server's own identity: whoever sent it meant someone else.
 */
function refuseForeignCredentials(request: FastifyRequest): void {
  const header = request.headers.authorization;
  if (header === undefined || !request.url.startsWith('/api/v1/') || requestToken(request)) return;
  throw new HttpError(
    401,
    'Unauthorized',
    'unsupported Authorization header: send "Bearer <token>", or no Authorization header at all',
  );
}

/** What an integer query parameter may look like on the wire (Go's strconv.ParseInt, base 10, without '+'). */
const DECIMAL = /^-?[0-9]+$/;

interface QuerySchema {
  properties?: Record<string, { type?: unknown }>;
}

/**
 * The validator converts query strings leniently before it checks them (`0x10` → 16, `1.5` → 1,
 * `1e2` → 100, `` → 0, `true` → 1): a typo would silently become another number. Runs before
 * validation, on the raw strings, for every `type: 'integer'` property of the route's
 * querystring schema (shared QueryInteger); answers like a schema error, naming each parameter.
 */
function refuseLenientIntegers(request: FastifyRequest): void {
  const properties = (request.routeOptions.schema?.querystring as QuerySchema | undefined)?.properties;
  if (!properties) return;
  const query = request.query as Record<string, unknown>;
  const errors = Object.entries(properties)
    .filter(([name, schema]) => {
      const raw = Object.hasOwn(query, name) ? query[name] : undefined;
      // absent, or repeated (an array the schema refuses by itself)
      return (
        schema.type === 'integer' &&
        typeof raw === 'string' &&
        !(DECIMAL.test(raw) && Number.isSafeInteger(Number(raw)))
      );
    })
    .map(([name]) => ({
      keyword: 'pattern',
      instancePath: `/${name}`,
      message: 'must be a whole number in decimal digits',
      params: {},
    }));
  if (errors.length === 0) return;
  throw Object.assign(new Error('invalid querystring'), {
    statusCode: 400,
    validation: errors,
    validationContext: 'querystring',
  });
}

/** Route config for mutating routes. */
export const mutationRateLimit = { rateLimit: {} } as const;
