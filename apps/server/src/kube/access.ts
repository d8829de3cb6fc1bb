/**
 * Who each Kubernetes call is made as.
 *
 *  - `--auth=token` (behind the console proxy with `authorization: UserToken`, or an OAuth
 *    proxy): every request must carry `Authorization: Bearer <token>`; calls are made with a
 *    client built from the cluster's server + CA and that token ONLY. No token → 401. The
 *    server's own credentials are never used for a request (client-node.md: deriving a user
 *    client from a kubeconfig holding the server's credentials sent both identities).
 *  - `--auth=kubeconfig` (standalone, local): a request without a token uses the kubeconfig's
 *    identity; a request WITH a bearer token is still made as that token's user.
 */
import { KubeConfig, type User } from '@kubernetes/client-node';
import { createAgents, type Agents } from './agents.js';
import { KubeClient } from './client.js';
import { KubeError } from './errors.js';
import { clusterOnly } from './kubeconfig.js';

export type AuthMode = 'kubeconfig' | 'token';

export class ClusterAccess {
  private constructor(
    private readonly serverKc: KubeConfig,
    private readonly agents: Agents,
    readonly authMode: AuthMode,
    private readonly timeoutMs: number,
  ) {}

  static async create(serverKc: KubeConfig, authMode: AuthMode, timeoutMs = 15_000): Promise<ClusterAccess> {
    return new ClusterAccess(serverKc, await createAgents(serverKc), authMode, timeoutMs);
  }

  get serverUrl(): string {
    return this.serverKc.getCurrentCluster()?.server ?? '';
  }

  /** The server's own identity: background work (the watch hub, readiness). */
  serverClient(): KubeClient {
    return new KubeClient(
      this.serverKc,
      this.agents.server,
      { kind: 'server' },
      { timeoutMs: this.timeoutMs },
    );
  }

  /** A client acting as the bearer of `token`, built from cluster + token only. */
  userClient(token: string, signal?: AbortSignal): KubeClient {
    const kc = new KubeConfig();
    const user: User = { name: 'request-user', token };
    kc.loadFromClusterAndUser(clusterOnly(this.serverKc), user);
    return new KubeClient(kc, this.agents.user, { kind: 'user' }, { signal, timeoutMs: this.timeoutMs });
  }

  /** The client for one HTTP request, or a 401 KubeError in token mode without a token. */
  forRequest(token: string | undefined, signal?: AbortSignal): KubeClient {
    if (token) return this.userClient(token, signal);
    if (this.authMode === 'token') {
      throw new KubeError(
        401,
        'Unauthorized',
        'this console acts as its user: send Authorization: Bearer <token>',
      );
    }
    return this.serverClient().scoped(signal);
  }

  close(): void {
    this.agents.destroy();
  }
}

/** `Authorization: Bearer <token>` → token (anything else → undefined). */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}
