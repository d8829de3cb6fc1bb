// @vitest-environment node
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The web app's layers, by top folder of src/: what each may import (besides itself). Pages
 * (every other folder) may import the three layers and their own folder; `shell/` puts the pages
 * together and may import anything. Tests and the test/ helpers are not held to this.
 */
const LAYERS: Record<string, readonly string[]> = {
  platform: [],
  api: ['platform'],
  ui: ['platform', 'api'],
};
const PAGE_MAY_IMPORT = ['platform', 'api', 'ui'];
const COMPOSERS = new Set(['shell', 'test', '(root)']);

const src = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function folderOf(path: string): string {
  const parts = relative(src, path).split('/');
  return parts.length === 1 ? '(root)' : parts[0]!;
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, base, join(base, 'index.ts')].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
}

/** Every relative import of the app's sources as `file -> imported file` (paths under src/). */
function imports(): { from: string; to: string }[] {
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\s*\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  return sources(src).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(pattern)].flatMap((match) => {
      const target = resolveImport(file, (match[1] ?? match[2])!);
      return target ? [{ from: file, to: target }] : [];
    }),
  );
}

function allowed(from: string, to: string): boolean {
  if (from === to || COMPOSERS.has(from)) return true;
  const layer = LAYERS[from];
  return layer ? layer.includes(to) : PAGE_MAY_IMPORT.includes(to);
}

describe('layers of apps/web/src', () => {
  it('finds the imports it checks', () => {
    expect(imports().length).toBeGreaterThan(200);
  });

  it('platform/ imports nothing of the app, api/ only platform/, ui/ only those, a page only the three and itself', () => {
    const against = imports()
      .filter(({ from, to }) => !allowed(folderOf(from), folderOf(to)))
      .map(({ from, to }) => `${relative(src, from)} -> ${relative(src, to)}`);
    expect(against).toEqual([]);
  });
});
