// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { I18N_NAMESPACE } from '../platform/i18n.js';
import i18next from './i18n.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('i18n catalogue', () => {
  it('holds every t() string of the sources (run node scripts/i18n-extract.mjs after adding strings)', () => {
    expect(() =>
      execFileSync(process.execPath, ['scripts/i18n-extract.mjs', '--check'], { cwd: root, stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('pluralises counted strings by the English rules ("1 object failed", not "1 objects failed")', () => {
    const t = i18next.getFixedT('en', I18N_NAMESPACE);
    const failed =
      '{{count}} objects failed; the others were migrated. Fix them and run again: migrated objects are left as they are.';
    expect(t(failed, { count: 1 })).toMatch(/^1 object failed; .* Fix it and run again/);
    expect(t(failed, { count: 2 })).toMatch(/^2 objects failed; .* Fix them and run again/);
    expect(t('{{count}} objects migrated', { count: 1 })).toBe('1 object migrated');
    expect(t('{{count}} lines loaded', { count: 0 })).toBe('0 lines loaded');
  });

  it('uses the console plugin namespace file name', () => {
    const catalogue = JSON.parse(
      readFileSync(`${root}/locales/en/plugin__image-registry-console-plugin.json`, 'utf8'),
    ) as Record<string, string>;
    expect(catalogue['Image Registry Console']).toBe('Image Registry Console');
  });
});
