/** Chromium's launch options for e2e and the bench (scripts/chromium.mjs). */
export declare const chromiumLaunchOptions: { executablePath: string; args: string[] };
