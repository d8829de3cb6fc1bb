/**
 * CSRF protection for every mutating route (anything but GET/HEAD/OPTIONS).
 *
 * Forgery needs an AMBIENT credential — one the browser attaches by itself to a cross-site
 * request. Two cases reach this server:
 *
 *  1. Standalone (kubeconfig mode): the ambient authority is the server's own kubeconfig
 *     identity, reachable by any page that can POST to 127.0.0.1. Double-submit: the request
 *     must carry header `X-CSRFToken` equal to the `csrf-token` cookie. A cross-site page can
 *     neither read the cookie nor set a custom header without a CORS preflight (never granted).
 *  2. Behind the console proxy (token mode): the console checks the same double-submit pair,
 *     then STRIPS Cookie, X-CSRFToken and Origin and adds `Authorization: Bearer <user token>`.
 *     A bearer token is not ambient (browsers never attach it on their own), so a request
 *     that authenticates with one is accepted without the cookie pair: the console (or the
 *     OAuth proxy) already did the check, and a forger cannot produce the header.
 *
 * In both modes an `Origin` header, when present, must name the host the request was sent to —
 * which the Host guard (hosts.ts) already checked against the allowed names; a forwarded host
 * counts only from a trusted proxy (Fastify's `request.host`).
 * Names match the console's so one web client serves both shells.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER } from '@irc/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';
import { requestToken } from './request-client.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installCsrf(app: FastifyInstance, opts: { secureCookie: boolean }): void {
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) {
      issueCookie(request, reply, opts.secureCookie);
      return;
    }
    checkOrigin(request);
    if (requestToken(request)) return; // non-ambient credential: see case 2 above
    const cookie = request.cookies[CSRF_COOKIE];
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !cookie || !safeEqual(header, cookie)) {
      throw new HttpError(
        403,
        'CsrfRejected',
        `missing or wrong ${CSRF_HEADER} header: reload the page and retry`,
      );
    }
  });
}

/** A readable (not httpOnly) cookie: the web app copies it into the header. */
function issueCookie(request: FastifyRequest, reply: FastifyReply, secure: boolean): void {
  if (request.cookies[CSRF_COOKIE]) return;
  if (!request.url.startsWith('/api/') && request.url !== '/' && !request.url.startsWith('/index.html'))
    return;
  reply.setCookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), {
    path: '/',
    sameSite: 'strict',
    httpOnly: false,
    secure,
  });
}

function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    throw new HttpError(403, 'CsrfRejected', 'malformed Origin header');
  }
  // Both sides through the URL parser: case and the scheme's default port compare equal.
  const target = URL.canParse(`${from.protocol}//${request.host}`)
    ? new URL(`${from.protocol}//${request.host}`).host
    : undefined;
  if (from.host !== target) throw new HttpError(403, 'CsrfRejected', 'cross-origin request refused');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
