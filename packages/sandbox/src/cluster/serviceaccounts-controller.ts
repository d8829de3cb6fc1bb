import type { ControllerContext } from '../core/types.js';
import { R } from '../core/refs.js';
import { WorkQueue } from './queue.js';
import { watchResource } from './watch.js';
import { isAlreadyExists, isTerminating, tryGet } from '../core/objects.js';

const DEFAULT_SA = 'default';

/**
 * kube-controller-manager's serviceaccount controller: every active namespace has a `default`
 * ServiceAccount — created with the namespace, re-created when deleted (kube-apiserver-facts.md:
 * a client may rely on it). Terminating namespaces are left alone.
 */
export function startServiceAccountsController(ctx: ControllerContext): () => void {
  const api = ctx.api();
  const sync = (ns: string): void => {
    const namespace = tryGet(api, R.namespaces, undefined, ns);
    if (!namespace || isTerminating(namespace)) return;
    if (tryGet(api, R.serviceAccounts, ns, DEFAULT_SA)) return;
    try {
      api.create(R.serviceAccounts, ns, {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: DEFAULT_SA, namespace: ns },
      });
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
    }
  };
  const queue = new WorkQueue(ctx.clock, sync, undefined, 0);
  const stopNamespaces = watchResource(api, R.namespaces, undefined, (type, ns) => {
    if (type !== 'DELETED') queue.add(ns.metadata.name ?? '');
  });
  const stopAccounts = watchResource(api, R.serviceAccounts, undefined, (type, sa) => {
    if (type === 'DELETED' && sa.metadata.name === DEFAULT_SA) queue.add(sa.metadata.namespace ?? '');
  });
  return () => {
    stopNamespaces();
    stopAccounts();
    queue.stop();
  };
}
