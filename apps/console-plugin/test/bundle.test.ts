import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONSOLE_PATTERNFLY,
  CONSOLE_RELEASE,
  consoleFallbacks,
  consumedSharedModules,
} from '../scripts/console-shared.mjs';
import { bundleReport, distDir, manifest, scripts } from './dist.js';

/**
 * Packages the console provides at runtime (SDK shared-modules list, no fallback allowed): a
 * copy of any of them in our bundle would be a second React / router / i18next instance.
 * `react/jsx-runtime` is not on that list: the automatic JSX runtime is bundled (1 KB) and
 * itself consumes the console's `react`.
 */
const CONSOLE_SHARED =
  /\/node_modules\/(react|react-router|react-router-dom|react-i18next|react-redux|redux|redux-thunk|@openshift-console\/[^/]+|@openshift\/dynamic-plugin-sdk|@patternfly\/react-topology)\//;
const JSX_RUNTIME = /\/node_modules\/react\/(jsx-runtime\.js|cjs\/react-jsx-runtime\.production\.min\.js)$/;

/** CSS as a stylesheet declares rules and custom properties; PatternFly's JS only names classes. */
const PATTERNFLY_CSS = [/\.pf-v6-c-[\w-]+(?:\s*,\s*\.[\w-]+)*\s*\{/, /--pf-(?:v6-|t--)[\w-]+\s*:\s*[^;{}]+;/];

const modules = () => bundleReport().chunks.flatMap((c) => c.modules.map((m) => ({ ...m, files: c.files })));

describe('the plugin bundle', () => {
  it('contains none of the modules the console shares', () => {
    const bundled = modules()
      .filter((m) => m.identifier && CONSOLE_SHARED.test(m.identifier) && !JSX_RUNTIME.test(m.identifier))
      .map((m) => m.name);
    expect(bundled).toEqual([]);
  });

  it('consumes react, react-router and react-i18next from the console share scope', () => {
    const consumed = modules()
      .map((m) => m.name)
      .filter((name) => name.startsWith('consume shared module'));
    for (const pkg of ['react', 'react-router', 'react-i18next']) {
      expect(
        consumed.some(
          (name) =>
            name.startsWith(`consume shared module (default) ${pkg}@`) && name.includes('(singleton)'),
        ),
      ).toBe(true);
    }
    // No fallback: the console must provide them.
    expect(consumed.filter((n) => /\) (react|react-router|react-i18next)@.*fallback/.test(n))).toEqual([]);
  });

  it(`takes every PatternFly component it shares from console ${CONSOLE_RELEASE}, never its own fallback`, () => {
    const patternfly = consumedSharedModules(bundleReport()).filter((m) => m.package in CONSOLE_PATTERNFLY);
    expect(patternfly.length).toBeGreaterThan(0);
    // A required range the console's version misses loads the plugin's own copy inside the console.
    const fallbacks = consoleFallbacks(bundleReport()).map(
      (m) =>
        `${m.request}: requires ${m.requiredVersion}, provides ${m.provided ?? '-'}, console has ${CONSOLE_PATTERNFLY[m.package]}`,
    );
    expect(fallbacks).toEqual([]);
  });

  it('has no PatternFly CSS: the console provides it', () => {
    const cssModules = modules()
      .filter((m) => /\.css$/.test(m.identifier ?? ''))
      .map((m) => m.identifier.split('!').pop() ?? '');
    expect(cssModules.length).toBeGreaterThan(0); // our own irc- styles are there…
    expect(cssModules.filter((path) => !/\/apps\/(web|console-plugin)\/src\//.test(path))).toEqual([]); // …and nothing else
    expect(
      readdirSync(distDir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.css')),
    ).toEqual([]);
    for (const { name, text } of scripts()) {
      for (const pattern of PATTERNFLY_CSS)
        expect(pattern.test(text), `${name} matches ${pattern}`).toBe(false);
    }
  });

  it('keeps the entry script small (everything else loads on demand)', () => {
    const entry = manifest().loadScripts[0] ?? '';
    const size = bundleReport().assets.find((a) => a.name === entry)?.size ?? Infinity;
    expect(size).toBeLessThan(64 * 1024);
  });
});
