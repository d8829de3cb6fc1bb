import type { ApiClient, KubeObject } from '../../core/types.js';
import { R } from '../../core/refs.js';
import { arr, str } from '../../core/objects.js';
import type { Json } from '../../core/objects.js';
import { secretData } from '../credentials.js';
import { DEFAULT_ROUTE, NS, REGISTRY_NAME, ROUTE_OWNER_ANNOTATION } from '../defaults.js';

function route(name: string, host: string | undefined, tls: Json): KubeObject {
  return {
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: { name, namespace: NS, annotations: { [ROUTE_OWNER_ANNOTATION]: 'true' } },
    spec: {
      ...(host ? { host } : {}),
      to: { kind: 'Service', name: REGISTRY_NAME, weight: 100 },
      port: { targetPort: '5000-tcp' },
      tls: { termination: 'reencrypt', ...tls },
      wildcardPolicy: 'None',
    },
  };
}

/**
 * Routes the Config asks for (op:pkg/resource/route.go): `default-route` when defaultRoute is
 * true, one per `routes[]` entry with its hostname and, from `secretName`, the TLS material
 * (tls.crt, tls.key, tls.cacrt). A missing secret is the apply error the operator returns.
 */
export function desiredRoutes(api: ApiClient, spec: Json): Array<{ obj: KubeObject; error?: string }> {
  const out: Array<{ obj: KubeObject; error?: string }> = [];
  if (spec.defaultRoute === true) out.push({ obj: route(DEFAULT_ROUTE, undefined, {}) });
  for (const r of arr(spec, 'routes')) {
    const name = str(r.name) ?? '';
    const secretName = str(r.secretName);
    let tls: Json = {};
    let error: string | undefined;
    if (secretName) {
      const data = secretData(api, NS, secretName);
      if (!data)
        error = `secret "${secretName}" not found`; // the lister's NotFound: "secret", singular
      else
        tls = {
          ...(data['tls.crt'] ? { certificate: data['tls.crt'] } : {}),
          ...(data['tls.key'] ? { key: data['tls.key'] } : {}),
          ...(data['tls.cacrt'] ? { caCertificate: data['tls.cacrt'] } : {}),
        };
    }
    out.push({ obj: route(name, str(r.hostname) || undefined, tls), ...(error ? { error } : {}) });
  }
  return out;
}

/** Operator-owned routes that are no longer asked for. */
export function staleRoutes(api: ApiClient, wanted: string[]): KubeObject[] {
  try {
    return api
      .list(R.routes, NS)
      .items.filter(
        (r) =>
          r.metadata.annotations?.[ROUTE_OWNER_ANNOTATION] === 'true' &&
          !wanted.includes(r.metadata.name ?? ''),
      );
  } catch {
    return [];
  }
}

/**
 * checkRoutesStatus: "route <name> (host <h>, router <r>) not admitted: <msg>" for every router
 * answer that is not Admitted=True, joined with ",".
 */
export function routeProblem(routes: KubeObject[]): string | undefined {
  const errs: string[] = [];
  for (const r of routes)
    for (const ing of arr(r, 'status', 'ingress'))
      for (const c of arr(ing, 'conditions'))
        if (c.type === 'Admitted' && c.status !== 'True')
          errs.push(
            `route ${r.metadata.name} (host ${str(ing.host) ?? ''}, router ${str(ing.routerName) ?? ''}) not admitted: ${str(c.message) ?? ''}`,
          );
  return errs.length ? errs.join(',') : undefined;
}

export function admittedHosts(routes: KubeObject[]): string[] {
  const hosts = (r: KubeObject) =>
    arr(r, 'status', 'ingress')
      .filter((i) => arr(i, 'conditions').some((c) => c.type === 'Admitted' && c.status === 'True'))
      .map((i) => str(i.host) ?? '')
      .filter(Boolean);
  const def = routes.filter((r) => r.metadata.name === DEFAULT_ROUTE).flatMap(hosts);
  const others = routes
    .filter((r) => r.metadata.name !== DEFAULT_ROUTE)
    .flatMap(hosts)
    .sort();
  return [...new Set([...def, ...others])];
}
