// 5. Bundles: what a browser downloads before the first screen, gzipped (zlib default level, as
// a reverse proxy would send it). Standalone: the scripts, module preloads and stylesheets
// index.html names. Plugin: the manifest's loadScripts plus the chunks each exposed module needs
// (read from the webpack container in the entry: `name:()=>Promise.all([l.e(id),…])`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  CONSOLE_RELEASE,
  consoleFallbacks,
  fallbackChunkFiles,
} from '../apps/console-plugin/scripts/console-shared.mjs';
import { root } from './lib/paths.mjs';
import { round } from './lib/stats.mjs';

const KB = 1024;
const gzSize = (file) => gzipSync(readFileSync(file)).length;
const sum = (files) => files.reduce((n, f) => n + gzSize(f), 0);

function requireDist(dir, file) {
  if (!existsSync(join(dir, file)))
    throw new Error(`bench: ${join(dir, file)} is missing; run \`pnpm build\` first`);
}

/** The initial JS and CSS files of the standalone app, from its index.html. */
export function webInitialAssets(dist) {
  requireDist(dist, 'index.html');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const attr = (tag, name) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const local = (href) => join(dist, href.replace(/^\//, '').split('?')[0]);
  const js = [];
  const css = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g))
    if (attr(tag, 'src')) js.push(local(attr(tag, 'src')));
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (!href || /^[a-z]+:/i.test(href)) continue;
    if (rel === 'modulepreload') js.push(local(href));
    if (rel === 'stylesheet') css.push(local(href));
  }
  return { js, css };
}

/** The plugin's entry scripts and, per exposed module, the chunk files it loads. */
export function pluginAssets(dist) {
  requireDist(dist, 'plugin-manifest.json');
  const manifest = JSON.parse(readFileSync(join(dist, 'plugin-manifest.json'), 'utf8'));
  const entry = manifest.loadScripts.map((f) => join(dist, f));
  const entryText = entry.map((f) => readFileSync(f, 'utf8')).join('\n');
  const files = readdirSync(dist);
  const hashes = new Map([...entryText.matchAll(/\b(\d+):"([0-9a-f]{16,})"/g)].map((m) => [m[1], m[2]]));
  // A chunk id with no hash has no file of its own (only modules shared from the console).
  const chunkFile = (id) => {
    const hash = hashes.get(id);
    if (!hash && !files.some((f) => f.startsWith(`${id}-chunk-`))) return undefined;
    const name =
      files.find((f) => f.startsWith(`${id}-chunk-`)) ??
      (hash && files.find((f) => f.endsWith(`-chunk-${hash}.min.js`)));
    if (!name) throw new Error(`bench: plugin chunk ${id} not found in ${dist}`);
    return join(dist, name);
  };
  const modules = new Set(
    JSON.stringify(manifest.extensions)
      .match(/"\$codeRef":"[^".]+/g)
      ?.map((s) => s.slice('"$codeRef":"'.length)) ?? [],
  );
  const exposed = {};
  for (const name of modules) {
    const m = new RegExp(`\\b${name}:\\(\\)=>Promise\\.all\\(\\[([^\\]]*)\\]\\)`).exec(entryText);
    if (!m) throw new Error(`bench: exposed module "${name}" not found in the plugin entry`);
    exposed[name] = [...m[1].matchAll(/\.e\((\d+)\)/g)].map((c) => chunkFile(c[1])).filter(Boolean);
  }
  return { entry, exposed };
}

/**
 * Shared PatternFly modules console 4.22 would not satisfy (the plugin's required range misses
 * the console's version) and the chunk files of the plugin's own copies it would load instead.
 */
export function pluginFallbacks(pluginDir) {
  const reportFile = join(pluginDir, 'report', 'bundle-report.json');
  requireDist(join(pluginDir, 'report'), 'bundle-report.json');
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const modules = consoleFallbacks(report);
  return { modules, files: fallbackChunkFiles(report, modules).map((f) => join(pluginDir, 'dist', f)) };
}

export async function bundles() {
  const web = webInitialAssets(join(root, 'apps/web/dist'));
  const plugin = pluginAssets(join(root, 'apps/console-plugin/dist'));
  const fallbacks = pluginFallbacks(join(root, 'apps/console-plugin'));
  const fallbackSize = sum(fallbacks.files);
  const webJs = sum(web.js);
  const webCss = sum(web.css);
  const entry = sum(plugin.entry);
  const rows = [
    {
      name: 'bundle: standalone initial JS (gz)',
      value: round(webJs / KB),
      unit: 'KB',
      target: '< 400',
      ok: webJs < 400 * KB,
      note: `${web.js.length} files`,
    },
    {
      name: 'bundle: standalone initial CSS (gz)',
      value: round(webCss / KB),
      unit: 'KB',
      note: `${web.css.length} files`,
    },
    { name: 'bundle: plugin entry (gz)', value: round(entry / KB), unit: 'KB' },
    {
      name: `bundle: plugin modules console ${CONSOLE_RELEASE} would not share`,
      value: fallbacks.modules.length,
      unit: 'modules',
      target: '0',
      ok: fallbacks.modules.length === 0,
      note: fallbacks.modules.length
        ? `required range misses the console's version, own copies load instead: ${fallbacks.modules
            .slice(0, 3)
            .map((m) => `${m.request}@${m.requiredVersion}`)
            .join(', ')}${fallbacks.modules.length > 3 ? ', …' : ''}`
        : "every shared PatternFly module is the console's",
    },
  ];
  for (const [name, files] of Object.entries(plugin.exposed)) {
    // Fallbacks load on first use of a component: in the console they would come with the page.
    const size = sum(files) + fallbackSize;
    rows.push({
      name: `bundle: plugin entry + "${name}" (gz)`,
      value: round((entry + size) / KB),
      unit: 'KB',
      target: '< 150',
      ok: entry + size < 150 * KB && fallbacks.modules.length === 0,
      note: fallbacks.modules.length
        ? `${files.length} chunks + ${fallbacks.files.length} fallback chunks of the plugin's own PatternFly`
        : `${files.length} chunks; shared modules come from the console`,
    });
  }
  return rows;
}
