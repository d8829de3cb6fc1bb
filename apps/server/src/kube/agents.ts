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
  return {
    user,
    server,
    destroy() {
      user.destroy();
      if (server !== user) server.destroy();
    },
  };
}
