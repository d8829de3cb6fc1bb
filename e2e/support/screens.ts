import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { artifactsDir } from './env.js';

export type Theme = 'light' | 'dark';
export const themes: readonly Theme[] = ['light', 'dark'];

// The same class and storage key the standalone shell's theme toggle uses (apps/web/src/shell/theme.ts).
const DARK_CLASS = 'pf-v6-theme-dark';
const THEME_STORAGE_KEY = 'irc-theme';

interface ThemeState {
  dark: boolean;
  stored: string | null;
}

/** Applies a theme state as the app's toggle does: the PatternFly class on <html> and the remembered choice. */
async function applyThemeState(page: Page, next: ThemeState): Promise<ThemeState> {
  const previous = await page.evaluate(
    ({ cls, key, next }) => {
      const root = document.documentElement;
      let stored: string | null = null;
      try {
        stored = localStorage.getItem(key);
        if (next.stored === null) localStorage.removeItem(key);
        else localStorage.setItem(key, next.stored);
      } catch {
        // storage disabled: the class alone still switches the theme
      }
      const dark = root.classList.contains(cls);
      root.classList.toggle(cls, next.dark);
      return { dark, stored };
    },
    { cls: DARK_CLASS, key: THEME_STORAGE_KEY, next },
  );
  await settleStyles(page);
  return previous;
}

/**
 * Waits until the new theme's colours are what getComputedStyle reports: a style recalculation
 * (two frames) and every CSS transition the switch started (PatternFly animates some background
 * and border colours) finished. Infinite animations such as spinners are not waited for.
 */
async function settleStyles(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    const transitions = document.getAnimations().filter((a) => a instanceof CSSTransition);
    await Promise.all(transitions.map((a) => a.finished.catch(() => undefined)));
  });
}

/** Runs `body` with the page in `theme`, then puts the page's previous theme back, so a spec continues unchanged. */
export async function withTheme<T>(page: Page, theme: Theme, body: () => Promise<T>): Promise<T> {
  const previous = await applyThemeState(page, { dark: theme === 'dark', stored: theme });
  try {
    return await body();
  } finally {
    await applyThemeState(page, previous);
  }
}

/**
 * How tall the viewport must be to show the whole page. PatternFly's Page scrolls its main
 * container, not the document, so Playwright's fullPage capture alone stops at the fold.
 */
async function contentHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    let extra = 0;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) {
      const overflowY = getComputedStyle(el).overflowY;
      if ((overflowY === 'auto' || overflowY === 'scroll') && el.scrollHeight > el.clientHeight) {
        extra = Math.max(extra, el.scrollHeight - el.clientHeight);
      }
    }
    return document.documentElement.clientHeight + extra;
  });
}

/** Saves a screenshot of the whole page in light and in dark theme (CI artifacts). */
export async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width: viewport.width, height: Math.min(6000, Math.max(viewport.height, await contentHeight(page))) });
  try {
    for (const theme of themes) {
      await withTheme(page, theme, () => page.screenshot({ path: join(artifactsDir, `${name}-${theme}.png`), fullPage: true }));
    }
  } finally {
    await page.setViewportSize(viewport);
  }
}
