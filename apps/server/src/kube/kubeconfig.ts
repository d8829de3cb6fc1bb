/**
 * Where the cluster is and who the server is on it. The server knows a kubeconfig (a file and
 * optional context, KUBECONFIG) or the in-cluster service account — nothing about the sandbox.
 *
 * Both change under a running server (a restarted cluster writes a new kubeconfig; the kubelet
 * rotates the service-account token): {@link reloadSource} says how to read them again and which
 * files to watch (kube/credentials.ts does the watching).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { join } from 'node:path';
import { KubeConfig, type Cluster } from '@kubernetes/client-node';
import type { ReloadSource } from './credentials.js';

export interface KubeconfigSource {
  /** Path to a kubeconfig file; falls back to $KUBECONFIG, then in-cluster config. */
  kubeconfigPath?: string;
  context?: string;
}

/** The projected service-account volume (token, ca.crt, namespace); SERVICE_ACCOUNT_DIR overrides it (tests). */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

function kubeconfigPath(source: KubeconfigSource, env: NodeJS.ProcessEnv): string | undefined {
  return source.kubeconfigPath ?? env.KUBECONFIG?.split(':').find((p) => p !== '');
}

function serviceAccountDir(env: NodeJS.ProcessEnv): string {
  return env.SERVICE_ACCOUNT_DIR || SERVICE_ACCOUNT_DIR;
}

/** In a pod: the API's address from the environment the kubelet sets, and a token to present. */
function inCluster(env: NodeJS.ProcessEnv): boolean {
  return !!env.KUBERNETES_SERVICE_HOST && existsSync(join(serviceAccountDir(env), 'token'));
}

export function loadKubeConfig(source: KubeconfigSource, env: NodeJS.ProcessEnv = process.env): KubeConfig {
  const kc = new KubeConfig();
  const path = kubeconfigPath(source, env);
  if (path) {
    kc.loadFromFile(path);
  } else if (inCluster(env)) {
    loadInCluster(kc, env);
  } else {
    throw new Error('no cluster configured: pass --kubeconfig PATH, set KUBECONFIG, or run in a pod');
  }
  if (source.context) {
    if (!kc.getContextObject(source.context))
      throw new Error(`kubeconfig has no context "${source.context}"`);
    kc.setCurrentContext(source.context);
  }
  if (!kc.getCurrentCluster()) throw new Error('kubeconfig has no current cluster');
  return kc;
}

/**
 * The service account, read NOW into the config (token and CA as data). client-node's own
 * in-cluster loader keeps the token file's path and re-reads it at most once a minute behind a
 * process-wide cache, and the CA only when an agent is made: a rotated pair would be half-seen.
 */
function loadInCluster(kc: KubeConfig, env: NodeJS.ProcessEnv): void {
  const dir = serviceAccountDir(env);
  const host = env.KUBERNETES_SERVICE_HOST ?? '';
  const port = env.KUBERNETES_SERVICE_PORT ?? '443';
  // As client-node's loader: the well-known plain-HTTP ports mean HTTP.
  const scheme = ['80', '8080', '8001'].includes(port) ? 'http' : 'https';
  const token = readFileSync(join(dir, 'token'), 'utf8').trim();
  if (!token) throw new Error(`${join(dir, 'token')} is empty`);
  const ca = join(dir, 'ca.crt');
  kc.loadFromClusterAndUser(
    {
      name: 'inCluster',
      server: `${scheme}://${isIPv6(host) ? `[${host}]` : host}:${port}`,
      ...(existsSync(ca) ? { caData: readFileSync(ca).toString('base64') } : {}),
      skipTLSVerify: false,
    },
    { name: 'inClusterUser', token },
  );
}

/** How to read the same configuration again, and the files whose change means "read it again". */
export function reloadSource(source: KubeconfigSource, env: NodeJS.ProcessEnv = process.env): ReloadSource {
  return {
    load: () => loadKubeConfig(source, env),
    files: (kc) => {
      const path = kubeconfigPath(source, env);
      if (!path) return ['token', 'ca.crt'].map((f) => join(serviceAccountDir(env), f));
      // The kubeconfig, and the files it points at (a CA, a client certificate and key).
      const cluster = kc.getCurrentCluster();
      const user = kc.getCurrentUser();
      return [path, cluster?.caFile, user?.certFile, user?.keyFile].filter(
        (f): f is string => typeof f === 'string' && f !== '',
      );
    },
  };
}

/** The cluster's address and trust only — what a per-user client may be built from. */
export function clusterOnly(kc: KubeConfig): Cluster {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('kubeconfig has no current cluster');
  return {
    name: cluster.name,
    server: cluster.server,
    caData: cluster.caData,
    caFile: cluster.caFile,
    skipTLSVerify: cluster.skipTLSVerify,
    tlsServerName: cluster.tlsServerName,
  };
}
