import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, ApiRoutes, routePath } from '@irc/shared';
import { buildApp } from '../../src/app.js';
import { kubeconfigFor } from '../helpers/kubeconfig.js';

// Nothing listens on port 1: every cluster call fails fast with ECONNREFUSED → 503.
const UNREACHABLE = 'http://127.0.0.1:1';

describe('platform (no cluster)', () => {
  let app: FastifyInstance;
  let tokenApp: FastifyInstance;
  let webDist: string;

  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'irc-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(webDist, 'app.js'), 'console.log(1)');
    app = await buildApp({
      kubeconfig: kubeconfigFor(UNREACHABLE),
      logLevel: false,
      watch: false,
      webDist,
      kubeTimeoutMs: 2000,
    });
    tokenApp = await buildApp({
      kubeconfig: kubeconfigFor(UNREACHABLE),
      authMode: 'token',
      logLevel: false,
      watch: false,
    });
  });
  afterAll(async () => {
    await app.close();
    await tokenApp.close();
  });

  it('healthz answers; readyz says the cluster is unreachable', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable', reason: 'ClusterUnreachable' });
  });

  it('the OpenAPI document is valid and lists every route with schemas', async () => {
    const res = await app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const expected: [string, string][] = [
      ['get', '/api/v1/config'],
      ['patch', '/api/v1/config'],
      ['get', '/api/v1/storage/credentials'],
      ['put', '/api/v1/storage/credentials'],
      ['get', '/api/v1/stream'],
      ['get', '/api/v1/timeline'],
      ['get', '/api/v1/pods'],
      ['get', '/api/v1/pods/{namespace}/{name}/log'],
      ['get', '/api/v1/diagnostics'],
      ['get', '/api/v1/me'],
      ['get', '/healthz'],
      ['get', '/readyz'],
      ['get', '/metrics'],
    ];
    for (const [method, path] of expected) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(Object.keys(op.responses), `${method} ${path} responses`).toContain('200');
    }
    expect(
      doc.paths['/api/v1/config'].patch.requestBody.content['application/json'].schema.properties.patch,
    ).toBeDefined();
    expect(doc.paths['/api/v1/config'].patch.responses['409']).toBeDefined();
    expect(
      doc.paths['/api/v1/pods/{namespace}/{name}/log'].get.parameters.map((p: { name: string }) => p.name),
    ).toEqual(
      expect.arrayContaining([
        'follow',
        'tailLines',
        'sinceSeconds',
        'timestamps',
        'previous',
        'container',
        'namespace',
        'name',
      ]),
    );
  });

  it('serves exactly the routes of the shared table under /api/v1, each with its 200 schema', async () => {
    const doc = (await app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
    };
    const served = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith(API_PREFIX))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const table = Object.values(ApiRoutes).map(
      (r) => `${r.method} ${API_PREFIX}${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`,
    );
    expect(served.sort()).toEqual([...new Set(table)].sort());
    for (const route of Object.values(ApiRoutes)) {
      const op =
        doc.paths[`${API_PREFIX}${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`]?.[
          route.method.toLowerCase()
        ];
      expect(op?.responses['200']?.content, `${route.method} ${route.path}`).toBeDefined();
    }
  });

  describe('CSRF', () => {
    const body = { patch: { replicas: 2 }, resourceVersion: '1' };

    it('refuses a mutation without the double-submit pair', async () => {
      const res = await app.inject({ method: 'PATCH', url: '/api/v1/config', payload: body });
      expect(res.statusCode).toBe(403);
      expect(res.json().reason).toBe('CsrfRejected');
    });

    it('refuses a header that does not match the cookie', async () => {
      const res = await app.inject({
        method: 'PATCH',
        url: '/api/v1/config',
        payload: body,
        cookies: { 'csrf-token': 'a' },
        headers: { 'x-csrftoken': 'b' },
      });
      expect(res.statusCode).toBe(403);
    });

    it('issues the cookie on GET and accepts the matching header (then fails at the cluster)', async () => {
      const get = await app.inject('/api/v1/me');
      const cookie = get.cookies.find((c) => c.name === 'csrf-token');
      expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(cookie?.sameSite).toBe('Strict');
      const res = await app.inject({
        method: 'PATCH',
        url: '/api/v1/config',
        payload: body,
        cookies: { 'csrf-token': cookie!.value },
        headers: { 'x-csrftoken': cookie!.value },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().reason).toBe('ServiceUnavailable');
    });

    it('accepts a bearer-token request without the pair (console proxy strips it)', async () => {
      const res = await tokenApp.inject({
        method: 'PATCH',
        url: '/api/v1/config',
        payload: body,
        headers: { authorization: 'Bearer user-token' },
      });
      expect(res.statusCode).toBe(503);
    });

    it('refuses a cross-origin request even with a token', async () => {
      const res = await tokenApp.inject({
        method: 'PATCH',
        url: '/api/v1/config',
        payload: body,
        headers: { authorization: 'Bearer t', origin: 'https://evil.example' },
      });
      expect(res.statusCode).toBe(403);
    });
  });

  it('token mode: a request without a token gets 401', async () => {
    const res = await tokenApp.inject('/api/v1/config');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ statusCode: 401, reason: 'Unauthorized' });
  });

  it('bad input → 422 with spec field paths, before any cluster call', async () => {
    const res = await tokenApp.inject({
      method: 'PATCH',
      url: '/api/v1/config',
      headers: { authorization: 'Bearer t' },
      payload: { patch: { replicas: 'many', rolloutStrategy: 'Sideways', bogus: 1 }, resourceVersion: '1' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().fieldErrors).toEqual(
      expect.arrayContaining([
        { path: 'spec.replicas', message: expect.stringContaining('integer') },
        { path: 'spec.rolloutStrategy', message: expect.any(String) },
        { path: 'spec.bogus', message: 'unknown field' },
      ]),
    );
    // strings are not coerced into numbers in bodies
    const coerced = await tokenApp.inject({
      method: 'PATCH',
      url: '/api/v1/config',
      headers: { authorization: 'Bearer t' },
      payload: { patch: { replicas: '2' }, resourceVersion: '1' },
    });
    expect(coerced.statusCode).toBe(422);
    const missing = await tokenApp.inject({
      method: 'PATCH',
      url: '/api/v1/config',
      headers: { authorization: 'Bearer t' },
      payload: { patch: { routes: [{}] } },
    });
    expect(missing.json().fieldErrors).toEqual(
      expect.arrayContaining([
        { path: 'resourceVersion', message: 'is required' },
        { path: 'spec.routes[0].name', message: 'is required' },
      ]),
    );
  });

  it('malformed JSON is refused without echoing the body', async () => {
    const res = await tokenApp.inject({
      method: 'PUT',
      url: '/api/v1/storage/credentials',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      payload: '{"values":{"REGISTRY_STORAGE_S3_SECRETKEY":"s3cr3t-value"',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('s3cr3t-value');
  });

  it('sends security headers and a strict CSP', async () => {
    const res = await app.inject('/healthz');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the UI with an SPA fallback, but not for /api', async () => {
    expect((await app.inject('/app.js')).body).toBe('console.log(1)');
    const deep = await app.inject('/config/storage');
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>console</title>');
    expect((await app.inject('/assets/gone-1234.js')).statusCode).toBe(404);
    const api = await app.inject('/api/v1/nope');
    expect(api.statusCode).toBe(404);
    expect(api.json().reason).toBe('NotFound');
  });

  it('log relay refuses pods outside openshift-image-registry', async () => {
    const res = await app.inject('/api/v1/pods/kube-system/etcd-0/log');
    expect(res.statusCode).toBe(403);
  });

  it('rate-limits every mutation per identity (no read), and refuses oversized bodies', async () => {
    const limited = await buildApp({
      kubeconfig: kubeconfigFor(UNREACHABLE),
      authMode: 'token',
      logLevel: false,
      watch: false,
      mutationsPerMinute: 2,
    });
    try {
      const patch = () =>
        limited.inject({
          method: 'PATCH',
          url: '/api/v1/config',
          headers: { authorization: 'Bearer rate-user' },
          payload: { patch: { replicas: 1 }, resourceVersion: '1' },
        });
      expect((await patch()).statusCode).toBe(503);
      expect((await patch()).statusCode).toBe(503);
      const third = await patch();
      expect(third.statusCode).toBe(429);
      expect(third.json().reason).toBe('TooManyRequests');
      // reads are not limited
      expect((await limited.inject({ url: '/healthz' })).statusCode).toBe(200);
      // Every route of the table that changes something (any method but GET) is limited; no read is.
      for (const [name, route] of Object.entries(ApiRoutes)) {
        if (route.method === 'GET' && route.path !== '/config') continue;
        const send = () =>
          limited.inject({
            method: route.method,
            url: routePath(route, {
              namespace: 'openshift-image-registry',
              name: 'x',
              registry: 'r.example',
            }),
            headers: { authorization: `Bearer rate-${name}` },
            ...(route.method === 'GET' ? {} : { payload: {} }),
          });
        await send();
        await send();
        expect((await send()).statusCode, name).toBe(route.method === 'GET' ? 503 : 429);
      }
      const big = await limited.inject({
        method: 'PUT',
        url: '/api/v1/storage/credentials',
        headers: { authorization: 'Bearer other-user', 'content-type': 'application/json' },
        payload: JSON.stringify({ values: { REGISTRY_STORAGE_GCS_KEYFILE: 'x'.repeat(300 * 1024) } }),
      });
      expect(big.statusCode).toBe(413);
    } finally {
      await limited.close();
    }
  });

  it('exposes Prometheus metrics', async () => {
    const res = await app.inject('/metrics');
    expect(res.body).toContain('irc_http_requests_total');
    expect(res.body).toContain('irc_stream_clients');
  });
});
