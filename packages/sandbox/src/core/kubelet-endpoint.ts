/**
 * A node's kubelet as the API server and the node lifecycle controller see it: where it listens
 * and whether it answers. The sandbox's one fault knob for it is a node annotation, so that a
 * kubelet can be stopped from kubectl (`kubectl annotate node worker-1 sandbox.irc/kubelet=stopped`),
 * from a scenario and from tests alike.
 */
import type { KubeObject } from './types.js';

/** `stopped`: the node's kubelet is down (no status posts, its port refuses connections). */
export const KUBELET_ANNOTATION = 'sandbox.irc/kubelet';

/** The kubelet's HTTPS port (`status.daemonEndpoints.kubeletEndpoint.Port`). */
export const KUBELET_PORT = 10250;

export function kubeletStopped(node: KubeObject | undefined): boolean {
  return node?.metadata.annotations?.[KUBELET_ANNOTATION] === 'stopped';
}

/**
 * The address kube-apiserver dials for this node: the first of its preferred address types
 * (OpenShift runs kube-apiserver with `--kubelet-preferred-address-types=InternalIP`), the
 * node name when it has none.
 */
export function kubeletHost(node: KubeObject): string {
  const addresses = (node.status as { addresses?: Array<{ type?: string; address?: string }> } | undefined)
    ?.addresses;
  const internal = addresses?.find((a) => a.type === 'InternalIP')?.address;
  return internal ?? node.metadata.name ?? '';
}

/** The kubelet's port from the node's status, 10250 when the node does not say. */
export function kubeletPort(node: KubeObject): number {
  const port = (node.status as { daemonEndpoints?: { kubeletEndpoint?: { Port?: number } } } | undefined)
    ?.daemonEndpoints?.kubeletEndpoint?.Port;
  return typeof port === 'number' && port > 0 ? port : KUBELET_PORT;
}
