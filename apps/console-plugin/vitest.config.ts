import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources ("source" condition), as in apps/web.
// The global setup builds the plugin once if dist/ is missing: the bundle tests read it.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    css: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
