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
import { KubeClient } from './client.js';
import { ServerCredentials, type CredentialsLog, type ReloadSource } from './credentials.js';
import { KubeError } from './errors.js';
import { clusterOnly } from './kubeconfig.js';

export type AuthMode = 'kubeconfig' | 'token';

export interface ClusterAccessOptions {
  timeoutMs?: number;
  /** Where the kubeconfig came from: re-read when its files change (credentials.ts). */
  reload?: ReloadSource;
  log?: CredentialsLog;
}

export class ClusterAccess {
  private constructor(
    private readonly credentials: ServerCredentials,
    readonly authMode: AuthMode,
    private readonly timeoutMs: number,
  ) {}

  static async create(
    serverKc: KubeConfig,
    authMode: AuthMode,
    opts: ClusterAccessOptions = {},
  ): Promise<ClusterAccess> {
    const credentials = await ServerCredentials.start(serverKc, {
      ...(opts.reload ? { source: opts.reload } : {}),
      ...(opts.log ? { log: opts.log } : {}),
    });
    return new ClusterAccess(credentials, authMode, opts.timeoutMs ?? 15_000);
  }

  get serverUrl(): string {
    return this.credentials.current.kc.getCurrentCluster()?.server ?? '';
  }

  /**
   * The server's own identity: background work (the watch hub, readiness). Made from the
   * credentials as they are now: hold a client for one piece of work, not for the process.
   */
  serverClient(): KubeClient {
    const { kc, agents } = this.credentials.current;
    return new KubeClient(kc, agents.server, { kind: 'server' }, { timeoutMs: this.timeoutMs });
  }

  /** A client acting as the bearer of `token`, built from cluster + token only. */
  userClient(token: string, signal?: AbortSignal): KubeClient {
    const kc = new KubeConfig();
    const user: User = { name: 'request-user', token };
    const current = this.credentials.current;
    kc.loadFromClusterAndUser(clusterOnly(current.kc), user);
    return new KubeClient(kc, current.agents.user, { kind: 'user' }, { signal, timeoutMs: this.timeoutMs });
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

  /**
   * The bearer token cluster monitoring is asked with: the caller's. Standalone
   * (kubeconfig mode) without one, the kubeconfig user's — who is the caller there, as for every
   * other call. In token mode never anything but the caller's (undefined without one).
   */
  monitoringToken(token: string | undefined): string | undefined {
    if (token) return token;
    if (this.authMode === 'token') return undefined;
    return this.credentials.current.kc.getCurrentUser()?.token || undefined;
  }

  close(): void {
    this.credentials.stop();
  }
}

/** `Authorization: Bearer <token>` → token (anything else → undefined). */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}
