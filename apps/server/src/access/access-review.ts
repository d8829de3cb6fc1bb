/**
 * "May this user see that?" — SelfSubjectAccessReviews made AS the user, cached briefly
 * (30 s) per identity and question, so a page that opens the stream, the timeline and the
 * diagnostics costs a handful of reviews, not one per event.
 */
import type { KubeClient } from '../kube/client.js';
import { toKubeError } from '../kube/errors.js';

export interface AccessQuestion {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface AccessAnswer {
  allowed: boolean;
  reason: string;
}

const TTL_MS = 30_000;

export class AccessReviewCache {
  private readonly cache = new Map<string, { at: number; answer: AccessAnswer }>();

  /**
   * Throws (and caches nothing) when the question could not be asked: a 5xx/unreachable API, or
   * a 401 — the caller's token is no longer accepted, which is not a "no" but "sign in again".
   * `maxAgeMs` bounds how old a cached answer may be (a periodic re-check wants a fresh one).
   */
  async review(
    client: KubeClient,
    identity: string,
    q: AccessQuestion,
    maxAgeMs = TTL_MS,
  ): Promise<AccessAnswer> {
    const key = `${identity}|${q.verb}|${q.group}|${q.resource}|${q.subresource ?? ''}|${q.namespace ?? ''}|${q.name ?? ''}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < Math.min(maxAgeMs, TTL_MS)) return hit.answer;
    let answer: AccessAnswer;
    try {
      const review = await client.authz.createSelfSubjectAccessReview(
        {
          body: {
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectAccessReview',
            spec: { resourceAttributes: { ...q } },
          },
        },
        client.opts(),
      );
      const allowed = review.status?.allowed === true;
      answer = {
        allowed,
        reason: review.status?.reason || review.status?.evaluationError || (allowed ? 'allowed' : ''),
      };
    } catch (err) {
      const e = toKubeError(err);
      // The token is dead: every answer cached for it is void (a reconnect must not be let in).
      if (e.statusCode === 401) this.forget(identity);
      if (e.statusCode >= 500 || e.statusCode === 401) throw e;
      answer = { allowed: false, reason: e.message };
    }
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(key, { at: Date.now(), answer });
    return answer;
  }

  private forget(identity: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${identity}|`)) this.cache.delete(key);
  }
}
