/**
 * What the Kubernetes API itself decides: an audit of the sandbox's authorizer (every decision
 * it made, with the user it made it for) and SelfSubjectAccessReviews sent as a given token.
 * The sandbox runs in the test process, so its authorizer can be observed without touching it.
 */
import https from 'node:https';
import type { KubeAccess, NonResourceAccess } from './route-table.js';

export interface AuditRecord {
  username: string;
  verb: string;
  what: string;
  allowed: boolean;
}

interface Authorizer {
  authorize(a: {
    user: { username: string };
    verb: string;
    group?: string;
    resource?: string;
    subresource?: string;
    namespace?: string;
    name?: string;
    path?: string;
  }): {
    allowed: boolean;
    reason: string;
  };
}

/**
 * Records the decisions the authorizer makes for `usernames` (controllers act as system:admin
 * in-process and are left out). `take()` returns and clears what was recorded since.
 */
export function auditAuthorizer(authorizer: Authorizer, usernames: readonly string[]) {
  const records: AuditRecord[] = [];
  const original = authorizer.authorize.bind(authorizer);
  authorizer.authorize = (a) => {
    const d = original(a);
    if (usernames.includes(a.user.username)) {
      const what =
        a.path ??
        `${a.resource ?? ''}${a.subresource ? `/${a.subresource}` : ''}${a.group ? `.${a.group}` : ''}${a.namespace ? ` -n ${a.namespace}` : ''}${a.name ? ` ${a.name}` : ''}`;
      records.push({ username: a.user.username, verb: a.verb, what, allowed: d.allowed });
    }
    return d;
  };
  return {
    take(): AuditRecord[] {
      return records.splice(0, records.length);
    },
    /**
     * What was recorded once the calls a request started have all landed: a route may answer
     * (a 403 from one of two parallel reads) while its other call is still on its way.
     */
    async settle(quietMs = 40): Promise<AuditRecord[]> {
      let seen = -1;
      for (let i = 0; i < 50 && seen !== records.length; i++) {
        seen = records.length;
        await new Promise((r) => setTimeout(r, quietMs));
      }
      return records.splice(0, records.length);
    },
    restore(): void {
      authorizer.authorize = original;
    },
  };
}

export interface SsarAnswer {
  /** The HTTP status of the review itself (401: the token is not a user). */
  status: number;
  allowed: boolean;
}

/** A SelfSubjectAccessReview sent straight to the cluster with this Authorization header (kubectl auth can-i). */
export function selfSubjectAccessReview(
  apiUrl: string,
  caPem: string | undefined,
  authorization: string,
  access: KubeAccess | NonResourceAccess,
): Promise<SsarAnswer> {
  const body = JSON.stringify({
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: 'path' in access ? { nonResourceAttributes: access } : { resourceAttributes: access },
  });
  const url = new URL('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', apiUrl);
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: 'POST',
        ca: caPem,
        headers: {
          authorization,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const parsed =
            status === 201 || status === 200
              ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { status?: { allowed?: boolean } })
              : {};
          resolve({ status, allowed: parsed.status?.allowed === true });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
