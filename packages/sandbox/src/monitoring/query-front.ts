/**
 * What stands in front of a cluster's monitoring query endpoint (the Thanos querier's port 9091):
 * kube-rbac-proxy. Every request's bearer token is checked with the API server — a TokenReview
 * (who is it?), then a SubjectAccessReview on what the cluster-monitoring-operator configures
 * since OpenShift 4.16: the `api` subresource of the Prometheus `k8s` in `openshift-monitoring`
 * (group monitoring.coreos.com), the verb from the HTTP method (GET → get, POST → create). The
 * `cluster-monitoring-view` ClusterRole grants it; the sandbox's viewer does not have it.
 * No token: 401; not allowed: 403; else the request goes to Prometheus without the token.
 *
 * `refused()` true (the `monitoring-unreachable` scenario): every connection is closed at once,
 * as when the querier has no ready pod behind its Service. Prometheus itself keeps scraping.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

/** The resource the Thanos querier's kube-rbac-proxy-web authorizes against (OpenShift ≥ 4.16). */
export const MONITORING_API_ATTRIBUTES = {
  group: 'monitoring.coreos.com',
  resource: 'prometheuses',
  subresource: 'api',
  namespace: 'openshift-monitoring',
  name: 'k8s',
} as const;

/** kube-rbac-proxy's verb for an HTTP method. */
export function verbFor(method: string | undefined): string {
  switch ((method ?? 'GET').toUpperCase()) {
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return 'delete';
    default:
      return 'get';
  }
}

export interface QueryFrontOptions {
  /** Loopback port to listen on (0: any). */
  port: number;
  /** The Prometheus behind it (http://127.0.0.1:N). */
  upstream: string;
  /** The API server that reviews tokens and access (https://127.0.0.1:N) and its CA. */
  apiUrl: string;
  caPem: string | undefined;
  /** The front's own identity: may create tokenreviews and subjectaccessreviews (system:auth-delegator). */
  token: string;
  /** True while the endpoint is down (connections closed). */
  refused?: () => boolean;
}

export interface QueryFront {
  url: string;
  stop(): Promise<void>;
}

interface Review {
  status: number;
  message: string;
  until: number;
}

/** The delegating authorizer's cache: an allow is kept 5 minutes, a denial 30 seconds (as kube-rbac-proxy). */
const ALLOW_TTL_MS = 5 * 60_000;
const DENY_TTL_MS = 30_000;

export async function startQueryFront(opts: QueryFrontOptions): Promise<QueryFront> {
  const cache = new Map<string, Review>();
  const api = new URL(opts.apiUrl);
  const send = api.protocol === 'https:' ? httpsRequest : httpRequest;

  const post = (path: string, body: unknown): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const req = send(
        new URL(path, api),
        {
          method: 'POST',
          ...(opts.caPem ? { ca: opts.caPem } : {}),
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            Authorization: `Bearer ${opts.token}`,
          },
          timeout: 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
              if ((res.statusCode ?? 500) >= 300) reject(new Error(`${path}: HTTP ${res.statusCode}`));
              else resolve(parsed);
            } catch (e) {
              reject(e instanceof Error ? e : new Error(String(e)));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${path}: no answer`)));
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });

  async function review(token: string, verb: string): Promise<Review> {
    const key = `${verb}\u0000${token}`;
    const cached = cache.get(key);
    if (cached && cached.until > Date.now()) return cached;
    const tr = await post('/apis/authentication.k8s.io/v1/tokenreviews', {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenReview',
      spec: { token },
    });
    const trStatus = (tr.status ?? {}) as {
      authenticated?: boolean;
      user?: { username?: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> };
    };
    if (!trStatus.authenticated || !trStatus.user?.username)
      return { status: 401, message: 'Unauthorized', until: 0 };
    const user = trStatus.user;
    const sar = await post('/apis/authorization.k8s.io/v1/subjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: {
        user: user.username,
        ...(user.uid ? { uid: user.uid } : {}),
        groups: user.groups ?? [],
        ...(user.extra ? { extra: user.extra } : {}),
        resourceAttributes: { ...MONITORING_API_ATTRIBUTES, verb },
      },
    });
    const allowed = Boolean((sar.status as { allowed?: boolean } | undefined)?.allowed);
    const a = MONITORING_API_ATTRIBUTES;
    const result: Review = allowed
      ? { status: 200, message: '', until: Date.now() + ALLOW_TTL_MS }
      : {
          status: 403,
          message: `Forbidden (user=${user.username}, verb=${verb}, resource=${a.resource}, subresource=${a.subresource})`,
          until: Date.now() + DENY_TTL_MS,
        };
    cache.set(key, result);
    return result;
  }

  function forward(req: IncomingMessage, res: ServerResponse): void {
    const headers = { ...req.headers };
    delete headers.authorization;
    delete headers.host;
    const up = httpRequest(
      new URL(req.url ?? '/', opts.upstream),
      { method: req.method, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end('Bad Gateway');
    });
    req.pipe(up);
  }

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    if (opts.refused?.()) return void req.socket.destroy();
    const auth = req.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    if (!token) return void res.writeHead(401, { 'Content-Type': 'text/plain' }).end('Unauthorized');
    review(token, verbFor(req.method)).then(
      (r) => {
        if (r.status !== 200)
          return void res.writeHead(r.status, { 'Content-Type': 'text/plain' }).end(r.message);
        forward(req, res);
      },
      () => void res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal Server Error'),
    );
  });
  server.on('connection', (socket: Socket) => {
    if (opts.refused?.()) return void socket.destroy();
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
