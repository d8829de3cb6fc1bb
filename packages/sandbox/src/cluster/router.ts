import type { ControllerContext, KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { WorkQueue } from './queue.js';
import { watchResource } from './watch.js';
import { arr, isNotFound, rec, str, stableStringify } from '../core/objects.js';
import { isServed } from './served.js';
import { rfc3339 } from './time.js';
import { INGRESS_DOMAIN } from '../operator/defaults.js';

const ROUTER = 'default';

/**
 * The default ingress router: generates a host for routes without one
 * (`<name>-<namespace>.<ingress domain>`) and admits them in status.ingress — unless another,
 * older route already claims the host (Admitted=False HostAlreadyClaimed), as OpenShift's router does.
 */
export function startRouter(ctx: ControllerContext): () => void {
  const api = ctx.api();
  if (!isServed(api, R.routes)) return () => undefined;

  const sync = (): void => {
    const routes = api
      .list(R.routes, undefined)
      .items.sort((a, b) =>
        String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)),
      );
    const claimed = new Map<string, KubeObject>();
    for (const r of routes) {
      if (r.metadata.deletionTimestamp) continue;
      let host = str(rec(r, 'spec').host);
      if (!host) {
        host = `${r.metadata.name}-${r.metadata.namespace}.${INGRESS_DOMAIN}`;
        try {
          api.patch(R.routes, r.metadata.namespace, r.metadata.name ?? '', 'merge', { spec: { host } });
        } catch (e) {
          if (!isNotFound(e)) throw e;
          continue;
        }
      }
      const owner = claimed.get(host);
      const admitted = !owner || owner.metadata.namespace === r.metadata.namespace;
      if (!owner) claimed.set(host, r);
      const prev = arr(r, 'status', 'ingress').find((i) => i.routerName === ROUTER);
      const prevCond = arr(prev, 'conditions').find((c) => c.type === 'Admitted');
      const status = admitted ? 'True' : 'False';
      const cond = {
        type: 'Admitted',
        status,
        lastTransitionTime:
          prevCond && prevCond.status === status ? prevCond.lastTransitionTime : rfc3339(ctx.clock.now()),
        ...(admitted
          ? {}
          : {
              reason: 'HostAlreadyClaimed',
              message: `route ${owner?.metadata.name} already exposes ${host} and is older`,
            }),
      };
      const ingress = [
        {
          host,
          routerName: ROUTER,
          routerCanonicalHostname: `router-default.${INGRESS_DOMAIN}`,
          wildcardPolicy: 'None',
          conditions: [cond],
        },
      ];
      if (stableStringify(ingress) === stableStringify(arr(r, 'status', 'ingress'))) continue;
      try {
        api.patch(
          R.routes,
          r.metadata.namespace,
          r.metadata.name ?? '',
          'merge',
          { status: { ingress } },
          { subresource: 'status' },
        );
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  };
  const queue = new WorkQueue(ctx.clock, sync, undefined, 200);
  const stop = watchResource(api, R.routes, undefined, () => queue.add('all'));
  queue.add('all');
  return () => {
    queue.stop();
    stop();
  };
}
