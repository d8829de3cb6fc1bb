import { KubeConfig } from '@kubernetes/client-node';

/** A kubeconfig for `server` with a bearer token (http servers need skipTLSVerify in client-node). */
export function kubeconfigFor(server: string, token = 'server-token'): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server, skipTLSVerify: server.startsWith('http:') }],
    users: [{ name: 'u', token }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return kc;
}
