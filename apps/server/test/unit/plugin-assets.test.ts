import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { kubeconfigFor } from '../helpers/kubeconfig.js';

const UNREACHABLE = 'http://127.0.0.1:1';
const ENTRY = 'plugin-entry.3a034f9e2d8c4dbcd886.min.js';
const LOCALE = 'locales/en/plugin__image-registry-console-plugin.json';
const REAL_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'console-plugin', 'dist');

function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'irc-plugin-'));
  mkdirSync(join(dir, 'locales', 'en'), { recursive: true });
  writeFileSync(
    join(dir, 'plugin-manifest.json'),
    JSON.stringify({ name: 'image-registry-console-plugin', loadScripts: [ENTRY] }),
  );
  writeFileSync(join(dir, ENTRY), 'window.__load_plugin_entry__("image-registry-console-plugin", {});');
  writeFileSync(join(dir, LOCALE), '{"Image registry":"Image registry"}');
  return dir;
}

describe('console plugin assets under /plugin/ (token mode, no token)', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const webDist = mkdtempSync(join(tmpdir(), 'irc-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>console</title>');
    app = await buildApp({
      kubeconfig: kubeconfigFor(UNREACHABLE),
      authMode: 'token',
      logLevel: false,
      watch: false,
      webDist,
      pluginDist: fakeDist(),
    });
  });
  afterAll(async () => app.close());

  it('serves the manifest and the locales without a token, revalidated on every load', async () => {
    expect((await app.inject('/api/v1/config')).statusCode).toBe(401); // the API still needs a token
    const manifest = await app.inject('/plugin/plugin-manifest.json');
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    expect(manifest.headers['set-cookie']).toBeUndefined();
    expect(manifest.json().loadScripts).toEqual([ENTRY]);
    const etag = manifest.headers.etag;
    expect(etag).toBeTruthy();
    expect(
      (await app.inject({ url: '/plugin/plugin-manifest.json', headers: { 'if-none-match': String(etag) } }))
        .statusCode,
    ).toBe(304);

    const locale = await app.inject(`/plugin/${LOCALE}`);
    expect(locale.statusCode).toBe(200);
    expect(locale.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed scripts as immutable JavaScript the console may load', async () => {
    const entry = await app.inject(`/plugin/${ENTRY}`);
    expect(entry.statusCode).toBe(200);
    expect(entry.headers['content-type']).toMatch(/^application\/javascript/);
    expect(entry.headers['x-content-type-options']).toBe('nosniff');
    expect(entry.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(entry.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(entry.body).toContain('__load_plugin_entry__');
  });

  it('a missing asset is a 404, never the standalone UI', async () => {
    for (const url of [
      '/plugin/plugin-entry.0000000000000000.min.js',
      '/plugin/image-registry/overview',
      '/plugin/locales/en/other.json',
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
    }
    // No directory listings, and nothing outside the plugin build.
    expect((await app.inject('/plugin/')).statusCode).toBeGreaterThanOrEqual(403);
    expect((await app.inject('/plugin/locales/')).body).not.toContain('plugin__');
    expect((await app.inject('/plugin/..%2f..%2fetc%2fpasswd')).statusCode).toBeGreaterThanOrEqual(400);
    expect((await app.inject({ method: 'POST', url: '/plugin/plugin-manifest.json' })).statusCode).not.toBe(
      200,
    );
  });

  it.skipIf(!existsSync(join(REAL_DIST, 'plugin-manifest.json')))(
    'serves the real build: every loadScripts entry is there and immutable',
    async () => {
      const real = await buildApp({
        kubeconfig: kubeconfigFor(UNREACHABLE),
        authMode: 'token',
        logLevel: false,
        watch: false,
        pluginDist: REAL_DIST,
      });
      try {
        const manifest = JSON.parse(readFileSync(join(REAL_DIST, 'plugin-manifest.json'), 'utf8')) as {
          loadScripts: string[];
        };
        for (const script of manifest.loadScripts) {
          const res = await real.inject(`/plugin/${script}`);
          expect(res.statusCode).toBe(200);
          expect(res.headers['cache-control']).toContain('immutable');
        }
      } finally {
        await real.close();
      }
    },
  );

  it('no plugin build → nothing under /plugin/', async () => {
    const bare = await buildApp({
      kubeconfig: kubeconfigFor(UNREACHABLE),
      logLevel: false,
      watch: false,
      pluginDist: join(tmpdir(), 'irc-no-such-dir'),
    });
    try {
      expect((await bare.inject('/plugin/plugin-manifest.json')).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
