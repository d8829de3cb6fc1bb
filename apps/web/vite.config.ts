/// <reference types="vitest/config" />
import { defineConfig, defaultClientConditions } from 'vite';

// One config for the standalone build and for vitest (jsdom component tests).
// `source` first so that `@irc/shared` resolves to its TypeScript sources (no prebuild needed).
export default defineConfig({
  root: '.',
  // Absolute: deep links such as /pods/ns/name/logs load the same /assets/….
  base: '/',
  resolve: { conditions: ['source', ...defaultClientConditions] },
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:9000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      onwarn(warning, warn) {
        // TanStack Query marks its modules "use client" (for RSC); meaningless in a SPA bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
  },
});
