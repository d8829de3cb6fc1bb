import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.js';
export default defineConfig({ ...base, testDir: '.', webServer: undefined, outputDir: '/tmp/pw-plugin-out', reporter: [['list']] });
