/**
 * Where the cluster is and who the server is on it. The server knows a kubeconfig (a file and
 * optional context, KUBECONFIG) or the in-cluster service account — nothing about the sandbox.
 */
import { existsSync } from 'node:fs';
import { KubeConfig, type Cluster } from '@kubernetes/client-node';

export interface KubeconfigSource {
  /** Path to a kubeconfig file; falls back to $KUBECONFIG, then in-cluster config. */
  kubeconfigPath?: string;
  context?: string;
}

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export function loadKubeConfig(source: KubeconfigSource, env: NodeJS.ProcessEnv = process.env): KubeConfig {
  const kc = new KubeConfig();
  const path = source.kubeconfigPath ?? env.KUBECONFIG?.split(':').find((p) => p !== '');
  if (path) {
    kc.loadFromFile(path);
  } else if (env.KUBERNETES_SERVICE_HOST && existsSync(SERVICE_ACCOUNT_TOKEN)) {
    kc.loadFromCluster();
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
