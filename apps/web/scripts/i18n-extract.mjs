// Rebuilds locales/en/plugin__image-registry-console-plugin.json from every t('…') call in src.
// Keys are the English strings; `--check` exits 1 when the catalogue is out of date (used by a test).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const catalogue = join(root, 'locales/en/plugin__image-registry-console-plugin.json');

export function extractKeys(source) {
  const keys = new Set();
  const re = /\bt\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gs;
  for (const match of source.matchAll(re)) keys.add(match[2].replace(/\\(['"`\\])/g, '$1'));
  return keys;
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

export function buildCatalogue() {
  const keys = new Set();
  for (const file of walk(join(root, 'src')))
    for (const key of extractKeys(readFileSync(file, 'utf8'))) keys.add(key);
  return Object.fromEntries([...keys].sort().map((key) => [key, key]));
}

const wanted = JSON.stringify(buildCatalogue(), null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (readFileSync(catalogue, 'utf8') !== wanted) {
    console.error('i18n catalogue is out of date: run node scripts/i18n-extract.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(catalogue, wanted);
}
