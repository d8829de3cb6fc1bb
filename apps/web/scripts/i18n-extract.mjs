// Rebuilds locales/en/plugin__image-registry-console-plugin.json from every t('…') call in src.
// Keys are the English strings; `--check` exits 1 when the catalogue is out of date (used by a test).
//
// A call with a `count` option is plural: i18next (and the console's i18next) looks up
// `<key>_one` / `<key>_other` by the English plural rules. `_other` is the key itself; `_one`,
// the singular, is written by hand into the catalogue once ("{{count}} object failed") and kept
// from then on. A plural key without its singular is an error, so "1 objects" cannot ship.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const catalogue = join(root, 'locales/en/plugin__image-registry-console-plugin.json');

/** Keys of `source`'s t() calls: `plural` when the options name a `count`. */
export function extractKeys(source) {
  const keys = new Map();
  const re = /\bt\(\s*(['"`])((?:\\.|(?!\1).)*)\1\s*(?:,\s*\{([^{}]*)\})?/gs;
  for (const match of source.matchAll(re)) {
    const key = match[2].replace(/\\(['"`\\])/g, '$1');
    const plural = /\bcount\b/.test(match[3] ?? '');
    keys.set(key, keys.get(key) || plural);
  }
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

/** The catalogue the sources need, and the plural keys whose singular is not written yet. */
export function buildCatalogue(existing) {
  const keys = new Map();
  for (const file of walk(join(root, 'src')))
    for (const [key, plural] of extractKeys(readFileSync(file, 'utf8')))
      keys.set(key, keys.get(key) || plural);
  const entries = [];
  const missingSingular = [];
  for (const [key, plural] of keys) {
    if (!plural) {
      entries.push([key, key]);
      continue;
    }
    const one = existing[`${key}_one`];
    if (one === undefined) missingSingular.push(key);
    else entries.push([`${key}_one`, one]);
    entries.push([`${key}_other`, key]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { catalogue: Object.fromEntries(entries), missingSingular };
}

const current = readFileSync(catalogue, 'utf8');
const { catalogue: built, missingSingular } = buildCatalogue(JSON.parse(current));
if (missingSingular.length > 0) {
  console.error(
    `i18n: plural keys without a singular; add "<key>_one" to ${catalogue} by hand:\n` +
      missingSingular.map((k) => `  ${JSON.stringify(`${k}_one`)}`).join('\n'),
  );
  process.exit(1);
}
const wanted = JSON.stringify(built, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (current !== wanted) {
    console.error('i18n catalogue is out of date: run node scripts/i18n-extract.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(catalogue, wanted);
}
