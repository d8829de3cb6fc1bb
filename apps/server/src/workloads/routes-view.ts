/**
 * The registry's Routes: the ones the Config asks for (`default-route`, `spec.routes[]`) joined
 * with the Route objects that exist, each with the router's verdict (status.ingress Admitted,
 * reason, message). A route the operator could not create (its TLS secret is missing) has no
 * object: the row says so and quotes the operator's condition message that names it.
 */
import type { RouteRow, RoutesView, WorkloadHealth } from '@irc/shared';
import { Kinds, RegistryNames } from '@irc/shared';
import { readConfig, specOf } from '../config/read-config.js';
import type { KubeClient } from '../kube/client.js';
import { conditionsOf, forBrowser, NS, type KubeObjectLike } from '../kube/resources.js';
import { eventsFor } from './events.js';
import { kubeErrorOf, listEvents, listObjects, outcome, partOf } from './reads.js';

interface IngressLike {
  host?: string;
  routerName?: string;
  conditions?: { type?: string; status?: string; reason?: string; message?: string }[];
}

/** The Config condition message that names this route (`…Name=<route>: secret "x" not found`). */
export function operatorMessageFor(config: KubeObjectLike | undefined, name: string): string | undefined {
  if (!config) return undefined;
  const names = new RegExp(`(Name=|route )${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![-a-z0-9.])`);
  return conditionsOf(config).find(
    (c) => c.message && names.test(c.message) && !(c.type === 'Available' && c.status === 'True'),
  )?.message;
}

export function routeRow(
  name: string,
  source: RouteRow['source'],
  route: KubeObjectLike | undefined,
  config: KubeObjectLike | undefined,
  wanted: { hostname?: string; secretName?: string } = {},
): RouteRow {
  const spec = (route?.spec ?? {}) as { host?: string; tls?: { termination?: string } };
  const ingress = ((route?.status as { ingress?: IngressLike[] } | undefined)?.ingress ?? []).slice();
  // The default router's verdict first (the one the registry's hostname is published by).
  ingress.sort((a, b) => Number(b.routerName === 'default') - Number(a.routerName === 'default'));
  const first = ingress[0];
  const admitted = first?.conditions?.find((c) => c.type === 'Admitted');
  const host = spec.host ?? first?.host ?? wanted.hostname;
  const operatorMessage = operatorMessageFor(config, name);
  return {
    name,
    source,
    ...(host ? { host } : {}),
    ...(wanted.secretName ? { secretName: wanted.secretName } : {}),
    ...(spec.tls?.termination ? { termination: spec.tls.termination } : {}),
    exists: !!route,
    admitted: !route ? 'Unknown' : (admitted?.status ?? 'Pending'),
    ...(first?.routerName ? { routerName: first.routerName } : {}),
    ...(admitted?.reason ? { reason: admitted.reason } : {}),
    ...(admitted?.message ? { message: admitted.message } : {}),
    ...(operatorMessage ? { operatorMessage } : {}),
    ...(route ? { object: forBrowser(route) as RouteRow['object'] } : {}),
  };
}

export function routeRows(config: KubeObjectLike | undefined, routes: readonly KubeObjectLike[]): RouteRow[] {
  const byName = new Map(routes.map((r) => [r.metadata?.name ?? '', r]));
  const spec = config ? specOf(config) : {};
  const rows: RouteRow[] = [];
  const seen = new Set<string>();
  const add = (row: RouteRow) => {
    seen.add(row.name);
    rows.push(row);
  };
  const defaultName = RegistryNames.defaultRouteName;
  if (spec.defaultRoute === true || byName.has(defaultName)) {
    add(routeRow(defaultName, 'default', byName.get(defaultName), config));
  }
  for (const r of spec.routes ?? []) {
    if (!r.name || seen.has(r.name)) continue;
    add(
      routeRow(r.name, 'config', byName.get(r.name), config, {
        ...(r.hostname ? { hostname: r.hostname } : {}),
        ...(r.secretName ? { secretName: r.secretName } : {}),
      }),
    );
  }
  for (const [name, route] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    if (!seen.has(name)) add(routeRow(name, 'other', route, config));
  }
  return rows;
}

/** All routes admitted → ok; one not created or refused → failing; one not answered yet → progressing. */
export function routesHealth(rows: readonly RouteRow[]): {
  health: WorkloadHealth;
  state: 'admitted' | 'pending' | 'notAdmitted' | 'notCreated';
  admitted: number;
} {
  const admitted = rows.filter((r) => r.admitted === 'True').length;
  const state = rows.some((r) => !r.exists)
    ? 'notCreated'
    : rows.some((r) => r.admitted === 'False')
      ? 'notAdmitted'
      : admitted < rows.length
        ? 'pending'
        : 'admitted';
  const health = state === 'admitted' ? 'ok' : state === 'pending' ? 'progressing' : 'failing';
  return { health, state, admitted };
}

export async function routesView(client: KubeClient): Promise<RoutesView> {
  const [config, routes, events] = await Promise.all([
    outcome(readConfig(client).then((c) => c.object)),
    outcome(listObjects(client, Kinds.Route)),
    outcome(listEvents(client)),
  ]);
  // Without the Config the rows are the Route objects alone; without the routes, nothing to show.
  if (!routes.ok && routes.error.statusCode === 401) throw kubeErrorOf(routes.error);
  const cfg = config.ok ? config.value : undefined;
  const rows = routes.ok ? routeRows(cfg, routes.value) : [];
  return {
    namespace: NS,
    health: routes.ok ? routesHealth(rows).health : 'unknown',
    ...(cfg ? { defaultRoute: specOf(cfg).defaultRoute === true } : {}),
    routes: routes.ok ? { items: rows } : { items: [], error: routes.error },
    events: partOf(events, (list) => eventsFor(list, { names: { Route: rows.map((r) => r.name) } })),
  };
}
