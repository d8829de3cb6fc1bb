// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('i18n catalogue', () => {
  it('holds every t() string of the sources (run node scripts/i18n-extract.mjs after adding strings)', () => {
    expect(() =>
      execFileSync(process.execPath, ['scripts/i18n-extract.mjs', '--check'], { cwd: root, stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('uses the console plugin namespace file name', () => {
    const catalogue = JSON.parse(
      readFileSync(`${root}/locales/en/plugin__image-registry-console-plugin.json`, 'utf8'),
    ) as Record<string, string>;
    expect(catalogue['Image Registry Console']).toBe('Image Registry Console');
  });
});
