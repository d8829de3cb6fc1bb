/**
 * A stand-in for the OpenShift console, for the plugin loader test (e2e/tests/plugin): loads the
 * built plugin with the console's own loader (`@openshift/dynamic-plugin-sdk` PluginStore) from
 * `/api/plugins/<name>/plugin-manifest.json`, shares react / react-router / react-i18next the
 * way the console does, loads the plugin's i18n namespace, and routes its `console.page/route`
 * extensions the way console 4.22 does (`<path>/*` unless `exact`). PatternFly's CSS comes from
 * a stylesheet the page links, as in the console.
 */
import { PluginStore, type CodeRef, type LoadedExtension } from '@openshift/dynamic-plugin-sdk';
import i18next from 'i18next';
import React, { Suspense, lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { createRoot } from 'react-dom/client';
import * as ReactI18next from 'react-i18next';
import * as ReactRouter from 'react-router';
import { shareScope } from './shareScope.js';

declare const HOST_VERSIONS: Record<'react' | 'react-router' | 'react-i18next', string>;
declare const PLUGIN_NAME: string;
/** Set by the generated entry (build.ts): [request, console version, module] per shared PatternFly module. */
declare global {
  interface Window {
    __consolePatternFly?: [string, string, unknown][];
  }
}

export interface HostStatus {
  state: 'loading' | 'ready' | 'failed';
  error?: string;
  extensionTypes: string[];
  /** `$codeRef` of every page route → what it resolved to. */
  pages: Record<string, string>;
  /** PatternFly modules the plugin took from this host's share scope (not its own fallback). */
  patternflyTaken: string[];
}

const status: HostStatus = { state: 'loading', extensionTypes: [], pages: {}, patternflyTaken: [] };
(window as unknown as { __pluginHost: HostStatus }).__pluginHost = status;

type RouteExtension = LoadedExtension & {
  properties: { path: string | string[]; exact?: boolean; component: CodeRef<ComponentType> };
};
type NavExtension = LoadedExtension & { properties: { id: string; name: string; href: string } };

/**
 * As the console's LazyDynamicRoute: the code ref resolves to the component itself. One lazy
 * component per code ref for the page's life: the router navigates inside a transition, and a
 * lazy created while rendering a route that suspends would be created anew on every retry.
 */
const lazyPages = new Map<CodeRef<ComponentType>, LazyExoticComponent<ComponentType>>();
function DynamicRoute({ component }: { component: CodeRef<ComponentType> }) {
  let Lazy = lazyPages.get(component);
  if (!Lazy) {
    Lazy = lazy(async () => ({ default: await component() }));
    lazyPages.set(component, Lazy);
  }
  return (
    <Suspense fallback={<div data-test="host-loading">Loading…</div>}>
      <Lazy />
    </Suspense>
  );
}

/** `%plugin__x~Label%` → the label in the plugin's namespace (console convention). */
function label(name: string): string {
  const m = /^%(.+)%$/.exec(name);
  return m ? i18next.t(m[1] ?? '') : name;
}

function Chrome({ nav }: { nav: NavExtension[] }) {
  return (
    <div className="pf-v6-c-page">
      <nav data-test="host-nav" aria-label="Console navigation" className="pf-v6-c-page__sidebar-body">
        {nav.map((n) => (
          <ReactRouter.Link key={n.uid} to={n.properties.href} data-test={`host-nav-${n.properties.id}`}>
            {label(n.properties.name)}
          </ReactRouter.Link>
        ))}
      </nav>
      <main className="pf-v6-c-page__main" id="content">
        <ReactRouter.Outlet />
      </main>
    </div>
  );
}

async function loadNamespace(ns: string): Promise<void> {
  // The console's i18next backend: /locales/resource.json?lng=<lng>&ns=plugin__<name>.
  const response = await fetch(`/locales/resource.json?lng=en&ns=${encodeURIComponent(ns)}`);
  if (!response.ok) throw new Error(`catalogue ${ns}: HTTP ${response.status}`);
  i18next.addResourceBundle('en', ns, (await response.json()) as Record<string, string>, true, true);
}

async function main(): Promise<void> {
  // The console's i18next settings (frontend/i18n.js): `~` separates namespace and key, keys
  // are sentences, React escapes, and components do not suspend while a namespace loads.
  await i18next.use(ReactI18next.initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    ns: [],
    nsSeparator: '~',
    keySeparator: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    showSupportNotice: false,
  });
  await loadNamespace(`plugin__${PLUGIN_NAME}`);

  const store = new PluginStore({
    loaderOptions: {
      sharedScope: shareScope(
        [
          ['react', HOST_VERSIONS.react, React],
          ['react-router', HOST_VERSIONS['react-router'], ReactRouter],
          ['react-i18next', HOST_VERSIONS['react-i18next'], ReactI18next],
          ...(window.__consolePatternFly ?? []),
        ],
        (name) => {
          if (name.startsWith('@patternfly/') && !status.patternflyTaken.includes(name))
            status.patternflyTaken.push(name);
        },
      ),
      fetchImpl: (url, init) => fetch(url, init),
      // What the console resolves `@console/pluginAPI` to: its own release.
      customDependencyResolutions: { '@console/pluginAPI': '4.22.0' },
    },
  });
  await store.loadPlugin(`${window.location.origin}/api/plugins/${PLUGIN_NAME}/plugin-manifest.json`);
  const info = store.getPluginInfo().find((p) => p.manifest.name === PLUGIN_NAME);
  if (!info || info.status !== 'loaded') {
    throw new Error(
      `plugin not loaded: ${info?.status ?? 'absent'} ${info && 'errorMessage' in info ? String(info.errorMessage) : ''}`,
    );
  }

  const extensions = store.getExtensions();
  status.extensionTypes = extensions.map((e) => e.type);
  const routes = extensions.filter((e): e is RouteExtension => e.type === 'console.page/route');
  const nav = extensions.filter((e): e is NavExtension => e.type === 'console.navigation/href');
  for (const route of routes) {
    const key = String(route.properties.path);
    try {
      status.pages[key] = typeof (await route.properties.component());
    } catch (err) {
      status.pages[key] = `error: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  const router = ReactRouter.createBrowserRouter([
    {
      path: '/',
      element: <Chrome nav={nav} />,
      children: routes.flatMap((r) =>
        [r.properties.path].flat().map((path) => ({
          path: `${path}${r.properties.exact ? '' : '/*'}`,
          element: <DynamicRoute component={r.properties.component} />,
        })),
      ),
    },
  ]);
  const root = document.getElementById('root');
  if (!root) throw new Error('host page has no #root');
  createRoot(root).render(<ReactRouter.RouterProvider router={router} />);
  status.state = 'ready';
}

main().catch((err: unknown) => {
  status.state = 'failed';
  status.error = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
  console.error(err);
});
