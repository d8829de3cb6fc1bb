/**
 * Per-identity caps on what holds server and API resources for long: followed logs (a socket to
 * the API each) and event streams (a queue and a subscription each). Before them, one client
 * opened 2,000 streams (server memory 130 → 352 MB) or 70 followed logs (every other user's
 * reads waited behind them) — issue 13 item 3. Above the cap the answer is 429 with
 * `Retry-After` and a message the web UI shows; nothing is asked of the cluster.
 *
 * Who "one identity" is: the user behind the bearer token (SelfSubjectReview, cached a minute
 * per token — a second token of the same user shares the cap); without a token (standalone, the
 * server's own kubeconfig identity for every browser) the browser session, i.e. its CSRF cookie,
 * else the client address.
 */
import { createHash } from 'node:crypto';
import { CSRF_COOKIE } from '@irc/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KubeClient } from '../kube/client.js';
import { whoami } from '../me/whoami.js';
import { requestToken } from './request-client.js';

export interface IdentityLimits {
  /** `follow=true` pod logs one identity may hold open at once. */
  followedLogs: number;
  /** `/api/v1/stream` connections one identity may hold open at once (one per browser tab). */
  streams: number;
}

export const DEFAULT_IDENTITY_LIMITS: IdentityLimits = { followedLogs: 20, streams: 20 };

/** Seconds the browser waits before trying again: long enough for a tab to close, short enough to notice. */
export const LIMIT_RETRY_AFTER_SECONDS = 10;

/** Open slots per identity for one kind of long-lived response. */
export class IdentitySlots {
  private readonly held = new Map<string, number>();

  constructor(readonly max: number) {}

  /** A slot for `identity`, or undefined when it holds `max` already. Call the release once. */
  tryAcquire(identity: string): (() => void) | undefined {
    const now = this.held.get(identity) ?? 0;
    if (now >= this.max) return undefined;
    this.held.set(identity, now + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(identity) ?? 1) - 1;
      if (left <= 0) this.held.delete(identity);
      else this.held.set(identity, left);
    };
  }

  count(identity: string): number {
    return this.held.get(identity) ?? 0;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

/** The identity a request's long-lived responses count against (see the module comment). */
export async function callerIdentity(request: FastifyRequest, client: KubeClient): Promise<string> {
  const token = requestToken(request);
  if (token) return `user:${(await whoami(client, token)).username}`;
  const session = request.cookies[CSRF_COOKIE];
  return session ? `session:${digest(session)}` : `address:${request.ip}`;
}

/** The 429 answer for an identity at its cap. */
export function sendLimitReached(reply: FastifyReply, message: string): FastifyReply {
  return reply
    .status(429)
    .header('retry-after', String(LIMIT_RETRY_AFTER_SECONDS))
    .send({ statusCode: 429, reason: 'TooManyRequests', message });
}
