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
 * The router's unique-host rule, over routes taken oldest first: a host belongs to the namespace
 * of its oldest route, which may add other paths to it; a route whose path an older one of that
 * namespace serves, or from another namespace, is refused with the router's own words.
 */
function claim(claimed: Map<string, KubeObject[]>, host: string, r: KubeObject): string | undefined {
  const holders = claimed.get(host) ?? [];
  const oldest = holders[0];
  if (oldest && oldest.metadata.namespace !== r.metadata.namespace)
    return `a route in another namespace holds ${host} and is older than ${r.metadata.name}`;
  const path = str(rec(r, 'spec').path) ?? '';
  const samePath = holders.find((h) => (str(rec(h, 'spec').path) ?? '') === path);
  if (samePath) return `route ${samePath.metadata.name} already exposes ${host} and is older`;
  claimed.set(host, [...holders, r]);
  return undefined;
}

/**
 * The default ingress router: generates a host for routes without one
 * (`<name>-<namespace>.<ingress domain>`) and admits them in status.ingress — unless another,
 * older route already claims the host (Admitted=False HostAlreadyClaimed), as OpenShift's router does
 * (pkg/router/controller/unique_host.go).
 */
export function startRouter(ctx: ControllerContext): () => void {
  const api = ctx.api();
  if (!isServed(api, R.routes)) return () => undefined;

  const sync = (): void => {
    const routes = api
      .list(R.routes, undefined)
      // RouteLessThan: the older creationTimestamp, then the smaller uid
      .items.sort(
        (a, b) =>
          String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) ||
          String(a.metadata.uid).localeCompare(String(b.metadata.uid)),
      );
    const claimed = new Map<string, KubeObject[]>();
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
      const rejection = claim(claimed, host, r);
      const prev = arr(r, 'status', 'ingress').find((i) => i.routerName === ROUTER);
      const prevCond = arr(prev, 'conditions').find((c) => c.type === 'Admitted');
      const admitted = rejection === undefined;
      const status = admitted ? 'True' : 'False';
      const cond = {
        type: 'Admitted',
        status,
        lastTransitionTime:
          prevCond && prevCond.status === status ? prevCond.lastTransitionTime : rfc3339(ctx.clock.now()),
        ...(admitted ? {} : { reason: 'HostAlreadyClaimed', message: rejection }),
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
