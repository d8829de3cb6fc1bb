import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { themes, withTheme, type Theme } from './screens.js';

/** One line per serious or critical violation, labelled with the theme it was found in. */
async function seriousViolations(page: Page, theme: Theme): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return bad.map(
    (v) =>
      `[${theme}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join('; ')}`,
  );
}

/**
 * Fails on any serious or critical axe violation of the page as it is now, in the light and in
 * the dark theme (colour contrast differs per theme). The page's own theme is restored after.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const summary: string[] = [];
  for (const theme of themes)
    summary.push(...(await withTheme(page, theme, () => seriousViolations(page, theme))));
  expect(summary, 'serious/critical accessibility violations').toEqual([]);
}
