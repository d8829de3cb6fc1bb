import { ScaledClock, timeScaleFromEnv } from './core/clock.js';
import { ApiError, statusFailure } from './core/errors.js';
import type {
  ApiClient,
  Clock,
  ControllerHandle,
  PodLogStore,
  ScenarioControl,
  UserInfo,
} from './core/types.js';
import { startControllers } from './controllers.js';
import { ApiServer, SYSTEM_ADMIN } from './apiserver/api-server.js';
import { makeUsers, TokenAuthenticator, tokenReview, type SandboxUserName } from './apiserver/http/auth.js';
import { controlRoute } from './apiserver/http/control.js';
import { openApiRoute } from './apiserver/openapi/route.js';
import { metricsRoute } from './monitoring/route.js';
import type { SandboxMonitoring } from './monitoring/index.js';
import { startHttp } from './apiserver/http/server.js';
import { defaultKubeconfigPath, writeKubeconfig } from './apiserver/kubeconfig.js';
import { selfSignedCert } from './apiserver/tls/self-signed.js';
import { watchWindowFromEnv } from './apiserver/storage/settings.js';

export interface SandboxOptions {
  /** 0 = a random free port (default). */
  port?: number;
  /** Cluster-time divisor; default SANDBOX_TIME_SCALE or 0.1. */
  timeScale?: number;
  /** Where to write the kubeconfig; default SANDBOX_KUBECONFIG or `<repo>/.sandbox/kubeconfig`. `false`: write none. */
  kubeconfigPath?: string | false;
  /** Start the simulated operator and kube controllers (default true). */
  controllers?: boolean;
  /**
   * The watch cache's initial and lowest capacity per resource, in events (default
   * SANDBOX_WATCH_CACHE_SIZE or 100, kube's lower bound). It doubles while full of events younger
   * than 75 s, up to `watchCacheMaxSize`; a watch from before its oldest event gets 410 Expired.
   */
  watchCacheSize?: number;
  /** The watch cache's highest capacity per resource (default SANDBOX_WATCH_CACHE_MAX_SIZE or 102400). */
  watchCacheMaxSize?: number;
  /**
   * How often etcd compacts, in wall-clock ms (default SANDBOX_ETCD_COMPACTION_INTERVAL or 5 min,
   * as kube-apiserver's --etcd-compaction-interval; 0 = never): continue tokens and exact-version
   * lists older than the last compaction get 410.
   */
  compactionIntervalMs?: number;
  /**
   * For how long after the start HTTP lists and watches answer 503 "storage is (re)initializing",
   * as a restarted kube-apiserver does (default SANDBOX_STORAGE_INITIALIZING or 0).
   */
  storageInitializingMs?: number;
  /** Serve HTTPS with a fresh self-signed certificate (default true: kubectl sends tokens only over TLS). */
  tls?: boolean;
  /** Print the kubeconfig path on start (default true). */
  log?: boolean;
}

export interface SandboxHandle {
  url: string;
  port: number;
  /** PEM of the serving certificate (the cluster CA), when serving HTTPS. */
  caPem: string | undefined;
  kubeconfigPath: string | undefined;
  tokens: Record<SandboxUserName, string>;
  users: Record<SandboxUserName, UserInfo>;
  /** An in-process client acting as one of the sandbox users (or any UserInfo); default system:admin. */
  api(user?: SandboxUserName | UserInfo): ApiClient;
  logs: PodLogStore;
  clock: Clock;
  scenarios: ScenarioControl;
  /** The simulated monitoring (undefined without controllers). */
  readonly monitoring: SandboxMonitoring | undefined;
  apiServer: ApiServer;
  stop(): Promise<void>;
}

/** Starts the sandbox cluster: API server on loopback, CRDs, RBAC, users, kubeconfig, controllers. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const clock = new ScaledClock(opts.timeScale ?? timeScaleFromEnv());
  const env = watchWindowFromEnv();
  const size = opts.watchCacheSize ?? env.watchCacheSize;
  const maxSize = opts.watchCacheMaxSize ?? env.watchCacheMaxSize;
  const apiServer = new ApiServer({
    clock,
    watchCache: {
      ...(size !== undefined ? { size } : {}),
      ...(maxSize !== undefined ? { maxSize: Math.max(maxSize, size ?? 1) } : {}),
    },
    compactionIntervalMs: opts.compactionIntervalMs ?? env.compactionIntervalMs,
    storageInitializingMs: opts.storageInitializingMs ?? env.storageInitializingMs,
  });
  const users = makeUsers();
  const tls = opts.tls === false ? undefined : selfSignedCert();
  // Without controllers there are no scenarios: every name is unknown.
  let scenarios: ScenarioControl = {
    list: () => [],
    activate: async (name) => {
      throw new ApiError(
        statusFailure(404, 'NotFound', `scenario "${name}" not found`, { name, kind: 'scenarios' }),
      );
    },
    clear: async () => undefined,
  };
  let controllers: ControllerHandle | undefined = undefined;
  const authn = new TokenAuthenticator(Object.values(users));
  apiServer.service.virtualCreate.set('authentication.k8s.io/tokenreviews', (_user, body) =>
    tokenReview(authn, body),
  );
  const http = await startHttp({
    api: apiServer,
    authn,
    port: opts.port ?? 0,
    tls,
    routes: [
      controlRoute(() => scenarios, apiServer.authorizer),
      metricsRoute(() => controllers?.monitoring, apiServer.authorizer),
      openApiRoute(apiServer.registry),
    ],
  });
  const tokens = { admin: users.admin.token, viewer: users.viewer.token, developer: users.developer.token };
  const kubeconfigPath =
    opts.kubeconfigPath === false ? undefined : (opts.kubeconfigPath ?? defaultKubeconfigPath());
  if (kubeconfigPath) await writeKubeconfig(kubeconfigPath, http.url, tokens, tls?.cert);
  if (kubeconfigPath && opts.log !== false)
    console.log(`sandbox: API server at ${http.url}, kubeconfig ${kubeconfigPath}`);

  controllers =
    opts.controllers === false
      ? undefined
      : startControllers({
          api: (u?: UserInfo) => apiServer.client(u ?? SYSTEM_ADMIN),
          logs: apiServer.logs,
          clock,
        });
  if (controllers) scenarios = controllers.scenarios;

  let stopped = false;
  return {
    url: http.url,
    port: http.port,
    caPem: tls?.cert,
    kubeconfigPath,
    tokens,
    users: { admin: users.admin.info, viewer: users.viewer.info, developer: users.developer.info },
    api: (user) => apiServer.client(typeof user === 'string' ? users[user].info : (user ?? SYSTEM_ADMIN)),
    logs: apiServer.logs,
    clock,
    get scenarios() {
      return scenarios;
    },
    get monitoring() {
      return controllers?.monitoring;
    },
    apiServer,
    async stop() {
      if (stopped) return;
      stopped = true;
      await controllers?.stop();
      apiServer.stop();
      clock.stop();
      await http.close();
    },
  };
}
