import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { artifactsDir } from './env.js';

/** Saves a full-page screenshot of the page in light and in dark theme (CI artifacts). */
export async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((dark) => document.documentElement.classList.toggle('pf-v6-theme-dark', dark), theme === 'dark');
    await page.screenshot({ path: join(artifactsDir, `${name}-${theme}.png`), fullPage: true });
  }
  await page.evaluate(() => document.documentElement.classList.remove('pf-v6-theme-dark'));
}
