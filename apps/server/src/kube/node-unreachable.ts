/**
 * A pod log the API server could not fetch from the kubelet. kube-apiserver dials the kubelet of
 * the pod's node; when that fails it answers 500 with the url.Error text as the message —
 * `Get "https://10.0.0.5:10250/containerLogs/ns/pod/c?…": dial tcp 10.0.0.5:10250: connect:
 * connection refused` (or i/o timeout, no route to host, a TLS error) — naming the node's
 * address. That is neither the caller's fault nor the API server's: 502, our words, no address.
 */
import { NodeUnreachableError } from '@irc/shared';
import { KubeError, toKubeError } from './errors.js';

/** The kubelet URL (`…/containerLogs/…`) or a dial failure in a 5xx message. */
const KUBELET_FAILURE = /\/containerLogs\/|:10250\b|\bdial tcp\b/;

export function isNodeUnreachable(err: KubeError): boolean {
  return err.statusCode >= 500 && err.statusCode !== 503 && err.statusCode !== 504
    ? KUBELET_FAILURE.test(err.message)
    : false;
}

/** Any error of a pod log read → KubeError, a kubelet that cannot be reached said as such. */
export function logReadError(err: unknown): KubeError {
  const e = toKubeError(err);
  if (e.reason === NodeUnreachableError.reason || !isNodeUnreachable(e)) return e;
  return new KubeError(
    NodeUnreachableError.statusCode,
    NodeUnreachableError.reason,
    NodeUnreachableError.message,
  );
}
