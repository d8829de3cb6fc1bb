import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { e2ePorts, e2eKubeconfig, e2eOutputDir } from './support/env.js';

// Playwright runs Debian's Chromium (browsers cannot be downloaded here) against `pnpm start`
// on the sandbox, at a near-instant sandbox time scale. One worker: the tests share one
// sandbox cluster and the machines have two cores.
export default defineConfig({
  testDir: './tests',
  outputDir: e2eOutputDir,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${e2ePorts.admin}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node ../scripts/start.mjs',
    url: `http://127.0.0.1:${e2ePorts.admin}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(e2ePorts.admin),
      START_SERVERS: `${e2ePorts.viewer}:viewer`,
      SANDBOX_PORT: '0',
      SANDBOX_TIME_SCALE: process.env.SANDBOX_TIME_SCALE ?? '0.02',
      SANDBOX_KUBECONFIG: e2eKubeconfig,
      SANDBOX_PROMETHEUS_PORT: String(e2ePorts.prometheus),
    },
  },
});
