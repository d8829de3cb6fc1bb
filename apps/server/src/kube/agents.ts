/**
 * One keep-alive agent per identity kind, shared by every call (client-node creates a fresh
 * agent per call otherwise: a TLS handshake each time).
 *  - `user`: cluster CA only. Safe to share across users: identity travels in the
 *    Authorization header, never in the connection.
 *  - `server`: also carries the kubeconfig's client certificate, if any (else it IS `user`).
 */
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

export interface Agents {
  user: http.Agent;
  server: http.Agent;
  destroy(): void;
  /**
   * Credentials changed (kube/credentials.ts): stop pooling. Idle sockets close now; requests in
   * flight (a watch, a log follow) finish on theirs, which then close instead of being reused.
   */
  retire(): void;
}

const KEEP_ALIVE = { keepAlive: true, keepAliveMsecs: 15_000, maxSockets: 64, maxFreeSockets: 16 };

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
  const make = (extra: https.AgentOptions) =>
    plainHttp ? new http.Agent(KEEP_ALIVE) : new https.Agent({ ...KEEP_ALIVE, ...tls, ...extra });
  const user = make({});
  // Only a client certificate makes the server's connections differ from a user's.
  const hasClientCert = !!(opts.cert || opts.key || opts.pfx);
  const server = hasClientCert
    ? make({ cert: opts.cert, key: opts.key, pfx: opts.pfx, passphrase: opts.passphrase })
    : user;
  const all = server === user ? [user] : [user, server];
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
