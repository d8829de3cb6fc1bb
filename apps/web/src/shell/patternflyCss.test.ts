// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The standalone page gets PatternFly's CSS from two packages: the design tokens, reset and fonts
 * from `@patternfly/react-core/dist/styles/base.css` (main.tsx), and each component's CSS from
 * `@patternfly/react-styles`, imported by the component itself. The two are built from one
 * PatternFly release; when react-core's `^6.4.0` range let react-styles float to 6.6, the
 * component CSS asked for tokens 6.4's base does not define (`--pf-t--global--color--brand--subtle--default`,
 * `--pf-t--global--border--color--control--default` …): selected toggles lost their fill, off
 * switches their border, cards their border, and the table's expand chevron turned the wrong
 * way. Inside the console both layers are the console's 6.4, which is why it looked right there.
 */
const require = createRequire(import.meta.url);

/** Tokens PatternFly 6.4's own component CSS uses without its base defining them (an upstream slip). */
const UNDEFINED_UPSTREAM = new Set(['--pf-t--global--spacer--gap--horizontal']);

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.css'))
    .map((file) => join(dir, file));
}

function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string })
    .version;
}

describe('PatternFly CSS of the standalone shell', () => {
  it('defines every design token the component CSS uses (tokens and components from one release)', () => {
    const base = readFileSync(require.resolve('@patternfly/react-core/dist/styles/base.css'), 'utf8');
    const defined = new Set([...base.matchAll(/(--pf-t--[\w-]+)\s*:/g)].map((m) => m[1]));
    const styles = dirname(require.resolve('@patternfly/react-styles/package.json'));
    const missing = new Map<string, string>();
    for (const file of [
      ...cssFiles(join(styles, 'css/components')),
      ...cssFiles(join(styles, 'css/layouts')),
    ]) {
      for (const [, token] of readFileSync(file, 'utf8').matchAll(/var\((--pf-t--[\w-]+)/g)) {
        if (!defined.has(token!) && !UNDEFINED_UPSTREAM.has(token!)) missing.set(token!, file);
      }
    }
    expect(
      [...missing].map(([token, file]) => `${token} (${file.slice(styles.length + 1)})`),
      `react-styles ${versionOf('@patternfly/react-styles')} vs react-core ${versionOf('@patternfly/react-core')}`,
    ).toEqual([]);
  });

  it('takes react-styles and react-tokens from the release react-core is (the console ships 6.4)', () => {
    const minor = (v: string) => v.split('.').slice(0, 2).join('.');
    const core = minor(versionOf('@patternfly/react-core'));
    expect(minor(versionOf('@patternfly/react-styles'))).toBe(core);
    expect(minor(versionOf('@patternfly/react-tokens'))).toBe(core);
  });
});
