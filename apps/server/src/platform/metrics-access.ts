/**
 * Who may read `/metrics` in token mode — the way OpenShift protects its own metrics endpoints
 * (kube-rbac-proxy in front of every operator): the bearer token is reviewed with a TokenReview,
 * and the user it names must be allowed `get` on the non-resource URL `/metrics` (a
 * SubjectAccessReview). A Prometheus ServiceMonitor scrapes with such a token (its service
 * account is bound to a role with `nonResourceURLs: [/metrics], verbs: [get]`).
 *
 * Both reviews are about SOMEONE ELSE, so they are made with the server's own identity — the
 * one place where a request's answer depends on the server acting as itself (deploy/rbac.yaml
 * binds it to system:auth-delegator, which allows exactly these two reviews). Nothing else is
 * read with that identity for the caller; the metrics are the server's own numbers.
 *
 * Decisions are cached per token (by hash) — allowed for 60 s, refused for 10 s — in a bounded
 * map; reviews for the same token in flight are shared, and at most MAX_IN_FLIGHT run at once so
 * that a flood of made-up tokens cannot turn into a flood of reviews in the server's name.
 * In kubeconfig mode the metrics are served like the rest of the console to whoever reaches it
 * on an allowed Host (the listener is loopback by default): no review.
 */
import type { FastifyRequest } from 'fastify';
import type { ClusterAccess } from '../kube/access.js';
import { KubeError, toKubeError } from '../kube/errors.js';
import { identityKey } from '../me/whoami.js';
import { HttpError } from './errors.js';
import { requestToken } from './request-client.js';

export const METRICS_PATH = '/metrics';

type Decision = { allowed: true } | { allowed: false; status: 401 | 403; message: string };

const ALLOWED_TTL_MS = 60_000;
const REFUSED_TTL_MS = 10_000;
const MAX_ENTRIES = 1000;
const MAX_IN_FLIGHT = 8;
const REVIEW_TIMEOUT_MS = 5000;

export class MetricsAccess {
  private readonly decisions = new Map<string, { until: number; decision: Decision }>();
  private readonly inFlight = new Map<string, Promise<Decision>>();

  constructor(private readonly cluster: ClusterAccess) {}

  /** Resolves when the request may read the metrics; throws the 401/403/503 to answer otherwise. */
  async check(request: FastifyRequest): Promise<void> {
    if (this.cluster.authMode !== 'token') return;
    const token = requestToken(request);
    if (!token)
      throw new HttpError(
        401,
        'Unauthorized',
        `the metrics need Authorization: Bearer <token> of a user allowed to get ${METRICS_PATH}`,
      );
    const decision = await this.decide(token);
    if (!decision.allowed)
      throw new HttpError(
        decision.status,
        decision.status === 401 ? 'Unauthorized' : 'Forbidden',
        decision.message,
      );
  }

  private async decide(token: string): Promise<Decision> {
    const key = identityKey(token);
    const hit = this.decisions.get(key);
    if (hit && hit.until > Date.now()) return hit.decision;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    if (this.inFlight.size >= MAX_IN_FLIGHT)
      throw new HttpError(
        503,
        'ServiceUnavailable',
        'too many metrics access reviews in flight: retry shortly',
      );
    const review = this.review(token).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, review);
    const decision = await review;
    this.remember(key, decision);
    return decision;
  }

  private remember(key: string, decision: Decision): void {
    this.decisions.delete(key);
    if (this.decisions.size >= MAX_ENTRIES) {
      const oldest = this.decisions.keys().next();
      if (!oldest.done) this.decisions.delete(oldest.value);
    }
    this.decisions.set(key, {
      until: Date.now() + (decision.allowed ? ALLOWED_TTL_MS : REFUSED_TTL_MS),
      decision,
    });
  }

  /** TokenReview, then SubjectAccessReview for the user it names — both as the server. */
  private async review(token: string): Promise<Decision> {
    const client = this.cluster.serverClient();
    const opts = () => client.opts({ timeoutMs: REVIEW_TIMEOUT_MS });
    try {
      const tokenReview = await client.authn.createTokenReview(
        { body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token } } },
        opts(),
      );
      const user = tokenReview.status?.user;
      if (tokenReview.status?.authenticated !== true || !user?.username)
        return { allowed: false, status: 401, message: 'the cluster does not accept this token' };
      const access = await client.authz.createSubjectAccessReview(
        {
          body: {
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SubjectAccessReview',
            spec: {
              user: user.username,
              ...(user.uid ? { uid: user.uid } : {}),
              ...(user.groups ? { groups: user.groups } : {}),
              ...(user.extra ? { extra: user.extra } : {}),
              nonResourceAttributes: { path: METRICS_PATH, verb: 'get' },
            },
          },
        },
        opts(),
      );
      return access.status?.allowed === true
        ? { allowed: true }
        : {
            allowed: false,
            status: 403,
            message: `user "${user.username}" may not get ${METRICS_PATH}`,
          };
    } catch (err) {
      throw reviewFailure(toKubeError(err));
    }
  }
}

/** The server could not ask: its own identity lacks the right, or the API did not answer. */
function reviewFailure(e: KubeError): HttpError {
  if (e.statusCode === 401 || e.statusCode === 403)
    return new HttpError(
      503,
      'ServiceUnavailable',
      "the console's own identity may not review tokens: bind its service account to system:auth-delegator (deploy/rbac.yaml)",
    );
  return new HttpError(503, 'ServiceUnavailable', `cannot check access to the metrics now: ${e.message}`);
}
