import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { artifactsDir } from './env.js';

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
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((dark) => document.documentElement.classList.toggle('pf-v6-theme-dark', dark), theme === 'dark');
      await page.screenshot({ path: join(artifactsDir, `${name}-${theme}.png`), fullPage: true });
    }
  } finally {
    await page.evaluate(() => document.documentElement.classList.remove('pf-v6-theme-dark'));
    await page.setViewportSize(viewport);
  }
}
