// How Chromium is launched here, for e2e (playwright.config.ts) and the bench (bench/lib/browser.mjs):
// Debian's Chromium (browsers cannot be downloaded here), with flags that keep it off the closed
// network and away from a GPU.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
