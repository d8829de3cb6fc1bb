/**
 * PatternFly looks as documented in the standalone shell, in both themes: the selected item of a
 * toggle group is filled (and says so with aria-pressed), an off switch is an outlined track, a
 * card has a border. The standalone shell once mixed PatternFly 6.6's component CSS with 6.4's
 * tokens: selected toggles had no fill, off switches no outline (they looked like bullets),
 * cards no border — while the same pages looked right inside the console.
 */
import { expect, test, type Locator } from '@playwright/test';
import { themes, withTheme } from '../support/screens.js';

const TRANSPARENT = 'rgba(0, 0, 0, 0)';

interface Look {
  background: string;
  color: string;
}

const lookOf = (button: Locator): Promise<Look> =>
  button.evaluate((el) => {
    const style = getComputedStyle(el);
    return { background: style.backgroundColor, color: style.color };
  });

/** The visible outline of an element (or its pseudo-element): width, style and colour of its top border. */
const outlineOf = (target: Locator, pseudo?: '::before' | '::after') =>
  target.evaluate((el, p) => {
    const style = getComputedStyle(el, p ?? null);
    return {
      width: parseFloat(style.borderTopWidth),
      style: style.borderTopStyle,
      color: style.borderTopColor,
    };
  }, pseudo);

for (const theme of themes) {
  test(`toggle groups show the selected item filled and cards are bordered (${theme})`, async ({ page }) => {
    await page.goto('/overview');
    const group = page.getByRole('group', { name: 'Management state' });
    const selected = group.locator('button[aria-pressed="true"]');
    await expect(selected).toHaveCount(1);
    const unselected = group.locator('button[aria-pressed="false"]').first();
    await withTheme(page, theme, async () => {
      const on = await lookOf(selected);
      const off = await lookOf(unselected);
      expect(on.background).not.toBe(TRANSPARENT);
      expect(on.background).not.toBe(off.background);
      expect(on.color).not.toBe(off.color);

      // PatternFly 6 draws a card's border with ::before.
      const card = page.locator('[data-test="management-state"]');
      const border = await outlineOf(card, '::before');
      expect(border.style).not.toBe('none');
      expect(border.width).toBeGreaterThan(0);
      expect(border.color).not.toBe(TRANSPARENT);
    });
  });

  test(`a switch that is off is an outlined track, not a bullet (${theme})`, async ({ page }) => {
    await page.goto('/config/advanced');
    const readOnly = page.getByRole('switch', { name: 'Read-only registry' });
    await expect(readOnly).not.toBeChecked();
    // The track is the input's next sibling; its outline is drawn by ::after.
    const track = readOnly.locator('xpath=following-sibling::*[contains(@class,"switch__toggle")]');
    await withTheme(page, theme, async () => {
      const outline = await outlineOf(track, '::after');
      expect(outline.style).toBe('solid');
      expect(outline.width).toBeGreaterThan(0);
      expect(outline.color).not.toBe(TRANSPARENT);
    });
  });
}
