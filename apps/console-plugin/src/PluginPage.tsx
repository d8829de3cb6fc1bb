import type { ReactNode } from 'react';
import { useRoutes, type RouteObject } from 'react-router';
import { pageRoutes } from '@irc/web/plugin';
import { PluginShell } from './PluginShell.js';

/** The app's route (shell/routes.tsx) at `path`: the same element the standalone router renders. */
export function appRoute(path: string): RouteObject {
  const route = pageRoutes.find((r) => r.path === path);
  if (!route) throw new Error(`apps/web has no page route '${path}'`);
  return route;
}

/**
 * A page with sub-pages (config sections): the console routes `<path>/*` to us (the
 * extension is not `exact`), so its children are matched relative to that, as in standalone.
 */
function NestedRoutes({ route }: { route: RouteObject }): ReactNode {
  return useRoutes([{ element: route.element, children: route.children }]);
}

/** One console page: the app's page for `path`, inside the plugin shell. */
export function PluginPage({ path }: { path: string }) {
  const route = appRoute(path);
  return <PluginShell>{route.children ? <NestedRoutes route={route} /> : route.element}</PluginShell>;
}
