/**
 * Keep-alive connection pools, per identity kind AND per kind of work (client-node creates a
 * fresh agent per call otherwise: a TLS handshake each time).
 *
 * Identity kinds:
 *  - `user`: cluster CA only. Safe to share across users: identity travels in the
 *    Authorization header, never in the connection.
 *  - `server`: also carries the kubeconfig's client certificate, if any (else it IS `user`).
 *
 * Bulkheads (issue 13 item 3): a followed log or a watch holds its socket for minutes. With one
 * pool of 64 sockets, one user's 70 followed logs left every other call queued behind them —
 * another user's GET /api/v1/config answered 504 after 15 s. So each kind of work has its own
 * pool, sized for it, and a full pool only delays more of the same kind:
 *  - `requests`: short calls (reads, writes, reviews, lists) — never share a socket with a stream;
 *  - `watches`: the watch hub's long-lived watches (one per kind);
 *  - `logs`: pod logs (followed or not), the only long-lived calls users start themselves.
 *    Per-identity caps (platform/per-identity-limits.ts) keep one user from filling it.
 */
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

export type Pool = 'requests' | 'watches' | 'logs';
export type Pools = Readonly<Record<Pool, http.Agent>>;

export interface Agents {
  user: Pools;
  server: Pools;
  destroy(): void;
  /**
   * Credentials changed (kube/credentials.ts): stop pooling. Idle sockets close now; requests in
   * flight (a watch, a log follow) finish on theirs, which then close instead of being reused.
   */
  retire(): void;
}

/** Sockets per pool (per API server origin). */
export const POOL_SOCKETS: Readonly<Record<Pool, number>> = { requests: 64, watches: 16, logs: 256 };

const keepAlive = (pool: Pool): http.AgentOptions => ({
  keepAlive: true,
  keepAliveMsecs: 15_000,
  maxSockets: POOL_SOCKETS[pool],
  maxFreeSockets: 16,
});

export async function createAgents(serverKc: KubeConfig): Promise<Agents> {
  const cluster = serverKc.getCurrentCluster();
  const plainHttp = cluster?.server.startsWith('http:') ?? false;
  const opts: https.RequestOptions = {};
  await serverKc.applyToHTTPSOptions(opts);
  const tls = {
    ca: opts.ca,
    rejectUnauthorized: cluster?.skipTLSVerify ? false : opts.rejectUnauthorized,
    servername: cluster?.tlsServerName,
  };
  const pools = (extra: https.AgentOptions): Pools => {
    const make = (pool: Pool) =>
      plainHttp ? new http.Agent(keepAlive(pool)) : new https.Agent({ ...keepAlive(pool), ...tls, ...extra });
    return { requests: make('requests'), watches: make('watches'), logs: make('logs') };
  };
  const user = pools({});
  // Only a client certificate makes the server's connections differ from a user's.
  const hasClientCert = !!(opts.cert || opts.key || opts.pfx);
  const server = hasClientCert
    ? pools({ cert: opts.cert, key: opts.key, pfx: opts.pfx, passphrase: opts.passphrase })
    : user;
  const all = (server === user ? [user] : [user, server]).flatMap((p) => Object.values(p));
  return {
    user,
    server,
    destroy() {
      for (const agent of all) agent.destroy();
    },
    retire() {
      for (const agent of all) {
        // Node's agent destroys a freed socket when its free pool is "full".
        agent.maxFreeSockets = 0;
        for (const sockets of Object.values(agent.freeSockets)) for (const s of sockets ?? []) s.destroy();
      }
    },
  };
}
