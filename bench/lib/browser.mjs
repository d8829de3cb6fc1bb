// Chromium launched as e2e launches it (scripts/chromium.mjs).
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

export function launchChromium() {
  return chromium.launch(chromiumLaunchOptions);
}

/**
 * A sandbox (time scale `timeScale`), the built server on it and Chromium with one 1280×900
 * page; runs `body({ page, server, sandbox })` and stops all three whatever happens.
 */
export async function withConsoleInBrowser(timeScale, body) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { startSandbox } = await import('../../packages/sandbox/dist/index.js');
  const { spawnServer } = await import('./cluster.mjs');
  const scratch = mkdtempSync(join(tmpdir(), 'irc-bench-'));
  const sandbox = await startSandbox({
    port: 0,
    timeScale,
    kubeconfigPath: join(scratch, 'kubeconfig'),
    log: false,
  });
  let server;
  let browser;
  try {
    server = await spawnServer(sandbox.kubeconfigPath);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    return await body({ page, server, sandbox });
  } finally {
    await browser?.close();
    await server?.stop();
    await sandbox.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
