import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { badRequest } from '../../core/errors.js';
import type { KubeObject, UserInfo } from '../../core/types.js';
import { SUPERUSER_GROUP } from '../rbac/authorizer.js';

export type SandboxUserName = 'admin' | 'viewer' | 'developer';

export interface SandboxUser {
  token: string;
  info: UserInfo;
}

/** The sandbox's users, each with a fresh random bearer token per start. */
export function makeUsers(): Record<SandboxUserName, SandboxUser> {
  const user = (username: string, groups: string[]): SandboxUser => ({
    token: `sandbox-${username}-${randomBytes(24).toString('base64url')}`,
    info: { username, uid: randomUUID(), groups: [...groups, 'system:authenticated'] },
  });
  return {
    admin: user('admin', [SUPERUSER_GROUP]),
    viewer: user('viewer', []),
    developer: user('developer', []),
  };
}

/** Bearer-token authentication: undefined means 401. */
export class TokenAuthenticator {
  private readonly byToken = new Map<string, UserInfo>();

  constructor(users: Iterable<SandboxUser>) {
    for (const u of users) this.byToken.set(u.token, u.info);
  }

  authenticate(req: IncomingMessage): UserInfo | undefined {
    const header = req.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    return m ? this.byToken.get(m[1] as string) : undefined;
  }

  /** The user a bearer token belongs to (TokenReview). */
  lookup(token: string): UserInfo | undefined {
    return this.byToken.get(token);
  }
}

/**
 * The audiences kube-apiserver serves by default (its service-account issuer). The sandbox's
 * static tokens carry no audience of their own: like kube's audience-agnostic authenticators they
 * are valid for exactly these.
 */
export const API_AUDIENCES = ['https://kubernetes.default.svc.cluster.local'];

/**
 * TokenReview (authentication.k8s.io/v1): whom a bearer token belongs to — what a component
 * asks before it trusts a token sent to it (kube-rbac-proxy, a metrics endpoint). Like kube's
 * tokenreview storage: an empty token is a 400; the spec is echoed (token included); an unknown
 * token, or audiences that exclude the API server's, give `status: {user: {}}`.
 */
export function tokenReview(authn: TokenAuthenticator, body: KubeObject): KubeObject {
  const spec = (body.spec ?? {}) as { token?: unknown; audiences?: unknown };
  if (typeof spec.token !== 'string' || spec.token === '')
    throw badRequest('token is required for TokenReview in authentication');
  const wanted = Array.isArray(spec.audiences) && spec.audiences.length > 0 ? spec.audiences : API_AUDIENCES;
  const audiences = API_AUDIENCES.filter((a) => wanted.includes(a));
  const user = audiences.length > 0 ? authn.lookup(spec.token) : undefined;
  const status: Record<string, unknown> = user
    ? {
        authenticated: true,
        user: { username: user.username, ...(user.uid ? { uid: user.uid } : {}), groups: user.groups },
        audiences,
      }
    : { user: {} };
  return {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenReview',
    metadata: { creationTimestamp: null as unknown as undefined },
    spec,
    status,
  };
}
