// @vitest-environment jsdom
// (jsdom: apps/web's route table imports PatternFly components, resolved as the browser does.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateConsoleExtensionsFileSchema } from '@openshift-console/dynamic-plugin-sdk-webpack/lib/webpack/ConsoleRemotePlugin.js';
import { describe, expect, it } from 'vitest';
import { pageRoutes } from '@irc/web/plugin';
import { PLUGIN_NAME, ROUTE_BASE } from '../src/plugin.js';
import { extensionsFile, pluginDir } from './dist.js';

/** The id of console 4.22's Administration → Cluster Settings nav item (seen in the real console). */
const CONSOLE_CLUSTER_SETTINGS_ID = 'clustersettings';

const extensions = extensionsFile();
const ofType = (type: string) => extensions.filter((e) => e.type === type);
const routePaths = ofType('console.page/route').map((e) => e.properties.path as string);

describe('console-extensions.json', () => {
  it('passes the console SDK schema', () => {
    expect(validateConsoleExtensionsFileSchema(extensions as never).getErrors()).toEqual([]);
  });

  it('routes every page of the app, and nothing else, under the plugin prefix', () => {
    const appPages = pageRoutes.filter((r) => r.path && r.path !== '*').map((r) => `${ROUTE_BASE}/${r.path}`);
    expect([...routePaths].sort()).toEqual([ROUTE_BASE, ...appPages].sort());
    // Pages with sub-pages are matched as prefixes; the rest exactly.
    for (const route of ofType('console.page/route')) {
      const appRoute = pageRoutes.find((r) => `${ROUTE_BASE}/${r.path}` === route.properties.path);
      expect(route.properties.exact, String(route.properties.path)).toBe(!appRoute?.children);
    }
  });

  it('puts one entry in the admin perspective, Administration section, pointing at a routed page', () => {
    const [nav, ...more] = ofType('console.navigation/href');
    expect(more).toEqual([]);
    expect(nav?.properties).toMatchObject({ perspective: 'admin', section: 'administration' });
    expect(routePaths).toContain(nav?.properties.href);
  });

  it("sits right after the console's Cluster Settings item (id `clustersettings`, no dash)", () => {
    // An id the section does not have matches nothing, and the entry silently lands last.
    const [nav] = ofType('console.navigation/href');
    expect(nav?.properties.insertAfter).toBe(CONSOLE_CLUSTER_SETTINGS_ID);
  });

  it('lists the registry configuration under Cluster Settings → Configuration', () => {
    expect(ofType('console.global-config').map((e) => e.properties)).toEqual([
      expect.objectContaining({
        name: 'cluster',
        model: { group: 'imageregistry.operator.openshift.io', version: 'v1', kind: 'Config' },
      }),
    ]);
  });

  it('translates labels from the plugin namespace, with keys the catalogue has', () => {
    const catalogue = JSON.parse(
      readFileSync(join(pluginDir, '..', 'web', 'locales', 'en', `plugin__${PLUGIN_NAME}.json`), 'utf8'),
    ) as Record<string, string>;
    const labels = JSON.stringify(extensions).match(/%[^%"]+%/g) ?? [];
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      const [ns, key] = label.slice(1, -1).split('~');
      expect(ns).toBe(`plugin__${PLUGIN_NAME}`);
      expect(catalogue[key ?? '']).toBeDefined();
    }
  });
});
