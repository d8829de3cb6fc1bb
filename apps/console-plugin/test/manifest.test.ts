// @vitest-environment jsdom
// (jsdom: the exposed modules are imported as the browser resolves them — PatternFly ESM.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchemaValidator } from '@openshift-console/dynamic-plugin-sdk-webpack/lib/validation/SchemaValidator.js';
import { loadSchema } from '@openshift-console/dynamic-plugin-sdk-webpack/lib/utils/schema.js';
import { describe, expect, it } from 'vitest';
import { PLUGIN_NAME } from '../src/plugin.js';
import { codeRefs, distDir, extensionsFile, manifest, packageJson, pluginDir } from './dist.js';

describe('plugin-manifest.json', () => {
  const m = manifest();
  const meta = packageJson().consolePlugin;

  it('names the plugin as the ConsolePlugin resource and the i18n namespace do', () => {
    expect(m.name).toBe(PLUGIN_NAME);
    expect(meta.name).toBe(PLUGIN_NAME);
    expect(m.version).toBe(meta.version);
    expect(m.customProperties?.console).toMatchObject({
      displayName: meta.displayName,
      description: meta.description,
    });
  });

  it('targets console 4.22+ and registers through the __load_plugin_entry__ callback', () => {
    expect(m.dependencies).toEqual({ '@console/pluginAPI': '>=4.22.0-0' });
    expect(m.registrationMethod).toBe('callback');
    expect(m.baseURL).toBe(`/api/plugins/${PLUGIN_NAME}/`);
    expect(m.loadScripts).toHaveLength(1);
    const [entry] = m.loadScripts;
    expect(entry).toMatch(/^plugin-entry\.[0-9a-f]{20}\.min\.js$/);
    const text = readFileSync(join(distDir, entry ?? ''), 'utf8');
    expect(text.startsWith(`(()=>{__load_plugin_entry__("${PLUGIN_NAME}",`)).toBe(true);
  });

  it('passes the SDK schema for plugin manifests', () => {
    const result = new SchemaValidator('plugin-manifest.json').validate(
      loadSchema('plugin-manifest.json'),
      m,
    );
    expect(result.getErrors()).toEqual([]);
  });

  it('carries exactly the extensions of console-extensions.json', () => {
    expect(m.extensions).toEqual(extensionsFile());
  });

  it('resolves every $codeRef to a component exported by an exposed module', async () => {
    const exposed = meta.exposedModules;
    const refs = m.extensions.flatMap((e) => codeRefs(e.properties));
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      const [moduleName, exportName = 'default'] = ref.split('.');
      const path = exposed[moduleName ?? ''];
      expect(path, `${ref}: module not exposed`).toBeDefined();
      const mod = (await import(join(pluginDir, (path ?? '').replace(/\.tsx$/, '.js')))) as Record<
        string,
        unknown
      >;
      expect(typeof mod[exportName], `${ref}: no such export`).toBe('function');
    }
  });

  it('ships the i18n catalogue the console loads for plugin__<name>', () => {
    const file = join(distDir, 'locales', 'en', `plugin__${PLUGIN_NAME}.json`);
    expect(existsSync(file)).toBe(true);
    const shipped = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    const source = JSON.parse(
      readFileSync(join(pluginDir, '..', 'web', 'locales', 'en', `plugin__${PLUGIN_NAME}.json`), 'utf8'),
    ) as Record<string, string>;
    expect(shipped).toEqual(source);
  });
});
