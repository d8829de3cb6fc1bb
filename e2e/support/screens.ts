import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { artifactsDir } from './env.js';

export type Theme = 'light' | 'dark';
export const themes: readonly Theme[] = ['light', 'dark'];

// The same class, storage key and toggle the standalone shell uses (apps/web/src/shell/theme.ts).
const DARK_CLASS = 'pf-v6-theme-dark';
const THEME_STORAGE_KEY = 'irc-theme';
const THEME_TOGGLE = '[data-test="theme-toggle"]';

interface ThemeState {
  dark: boolean;
  stored: string | null;
}

async function currentThemeState(page: Page): Promise<ThemeState> {
  return page.evaluate(
    ({ cls, key }) => {
      let stored: string | null = null;
      try {
        stored = localStorage.getItem(key);
      } catch {
        // storage disabled: nothing remembered
      }
      return { dark: document.documentElement.classList.contains(cls), stored };
    },
    { cls: DARK_CLASS, key: THEME_STORAGE_KEY },
  );
}

/**
 * Switches the theme as a user's choice does: through the masthead toggle when the page has one
 * (a DOM click, so an open modal does not stop it), so the app's state, the toggle's label and
 * the remembered choice follow; the class on <html> is set as well for pages without the toggle.
 * `stored` then puts back exactly what was remembered before (possibly nothing).
 */
async function applyThemeState(page: Page, next: ThemeState, restoreStored: boolean): Promise<void> {
  await page.evaluate(
    ({ cls, key, toggleSelector, next, restoreStored }) => {
      const toggle = document.querySelector<HTMLButtonElement>(toggleSelector);
      if (toggle && (toggle.getAttribute('aria-pressed') === 'true') !== next.dark) toggle.click();
      document.documentElement.classList.toggle(cls, next.dark);
      try {
        if (restoreStored && next.stored === null) localStorage.removeItem(key);
        else if (restoreStored && next.stored !== null) localStorage.setItem(key, next.stored);
        else localStorage.setItem(key, next.dark ? 'dark' : 'light');
      } catch {
        // storage disabled: the class alone still switches the theme
      }
    },
    { cls: DARK_CLASS, key: THEME_STORAGE_KEY, toggleSelector: THEME_TOGGLE, next, restoreStored },
  );
  // The toggle re-renders (icon, label, aria-pressed) on React's schedule, not within the click.
  await page.waitForFunction(
    ({ cls, toggleSelector, dark }) => {
      const toggle = document.querySelector(toggleSelector);
      const toggleAgrees = !toggle || (toggle.getAttribute('aria-pressed') === 'true') === dark;
      return toggleAgrees && document.documentElement.classList.contains(cls) === dark;
    },
    { cls: DARK_CLASS, toggleSelector: THEME_TOGGLE, dark: next.dark },
  );
  await settleStyles(page);
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
  const previous = await currentThemeState(page);
  await applyThemeState(page, { dark: theme === 'dark', stored: theme }, false);
  try {
    return await body();
  } finally {
    await applyThemeState(page, previous, true);
  }
}

/**
 * How tall the viewport must be to show the whole page. PatternFly's Page scrolls its main
 * container, not the document, so Playwright's fullPage capture alone stops at the fold. A
 * virtual list (the log viewer, `role="log"`) scrolls inside a box of its own height: growing
 * the window to its hundreds of thousands of lines would only stretch that box.
 */
async function contentHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    let extra = 0;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) {
      if (el.closest('[role="log"]')) continue;
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
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(6000, Math.max(viewport.height, await contentHeight(page))),
  });
  try {
    for (const theme of themes) {
      await withTheme(page, theme, () =>
        page.screenshot({ path: join(artifactsDir, `${name}-${theme}.png`), fullPage: true }),
      );
    }
  } finally {
    await page.setViewportSize(viewport);
  }
}
