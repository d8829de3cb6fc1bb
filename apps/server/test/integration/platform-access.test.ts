/**
 * Issue 13 item 9: what the platform endpoints tell a caller in token mode (the deployed shape).
 *  - `/metrics` only to a caller the cluster allows `get /metrics`, as OpenShift's own metrics
 *    endpoints (kube-rbac-proxy): TokenReview + SubjectAccessReview, made by the server;
 *  - `/api/openapi.json` only with a token the cluster accepts, like the rest of `/api`;
 *  - `/readyz` and `/healthz` a status and nothing about the cluster (no version, no address).
 */
import { describe, expect, it } from 'vitest';
import { auditAuthorizer } from '../helpers/kube-audit.js';
import { registryHarness } from './registry.js';

const INVALID = 'sandbox-nobody-0000000000000000';

describe('platform endpoints in token mode', () => {
  let token = '';
  let weakServer = '';
  const h = registryHarness({ watch: false }, async (started) => {
    token = (await started.startServer({ authMode: 'token', watch: false })).baseUrl;
    // a server whose own identity was not granted the reviews (no system:auth-delegator)
    weakServer = (await started.startServer({ authMode: 'token', watch: false, context: 'viewer' })).baseUrl;
  });
  const get = (base: string, path: string, bearer?: string) =>
    fetch(`${base}${path}`, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});

  it('/metrics: a scraper the cluster allows gets them; anyone else 401/403 with nothing of them', async () => {
    // a ServiceMonitor's identity: bound to a role with get on the non-resource URL /metrics
    await h.kubectl(
      'create',
      'clusterrole',
      'irc-metrics-reader',
      '--verb=get',
      '--non-resource-url=/metrics',
    );
    await h.kubectl(
      'create',
      'clusterrolebinding',
      'irc-metrics-reader',
      '--clusterrole=irc-metrics-reader',
      '--user=developer',
    );
    const audit = auditAuthorizer(h.sandbox.apiServer.authorizer, ['admin', 'viewer', 'developer']);
    try {
      const answers: Record<string, number> = {};
      for (const [who, bearer] of [
        ['none', undefined],
        ['invalid', INVALID],
        ['viewer', h.tokens.viewer],
        ['developer', h.tokens.developer],
        ['admin', h.tokens.admin],
      ] as const) {
        const res = await get(token, '/metrics', bearer);
        const text = await res.text();
        answers[who] = res.status;
        if (res.status === 200) expect(text, who).toContain('irc_http_requests_total');
        else expect(text, who).not.toContain('irc_');
      }
      expect(answers).toEqual({ none: 401, invalid: 401, viewer: 403, developer: 200, admin: 200 });
      // The reviews were made by the server (admin here) and asked about the caller.
      const seen = await audit.settle();
      expect(seen).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            username: 'admin',
            verb: 'create',
            what: 'tokenreviews.authentication.k8s.io',
          }),
          expect.objectContaining({
            username: 'admin',
            verb: 'create',
            what: 'subjectaccessreviews.authorization.k8s.io',
          }),
          expect.objectContaining({ username: 'viewer', verb: 'get', what: '/metrics', allowed: false }),
          expect.objectContaining({ username: 'developer', verb: 'get', what: '/metrics', allowed: true }),
        ]),
      );
      // A Prometheus scraping every 30 s costs one review per minute, not one per scrape.
      expect((await get(token, '/metrics', h.tokens.developer)).status).toBe(200);
      expect((await get(token, '/metrics', h.tokens.viewer)).status).toBe(403);
      expect(await audit.settle()).toEqual([]);
    } finally {
      audit.restore();
    }
  });

  it('/metrics: a server whose identity may not review tokens says so (503), and gives nothing', async () => {
    const res = await get(weakServer, '/metrics', h.tokens.admin);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { message: string };
    expect(body.message).toMatch(/system:auth-delegator/);
  });

  it('/api/openapi.json: a token the cluster accepts, like the rest of /api', async () => {
    expect((await get(token, '/api/openapi.json')).status).toBe(401);
    expect((await get(token, '/api/openapi.json', INVALID)).status).toBe(401);
    const doc = await get(token, '/api/openapi.json', h.tokens.developer);
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { openapi: string }).openapi).toMatch(/^3\./);
  });

  it('/readyz and /healthz answer a status, and nothing about the cluster', async () => {
    const { host, port } = new URL(h.sandbox.url);
    for (const base of [token, h.baseUrl]) {
      const ready = await get(base, '/readyz');
      expect(ready.status).toBe(200);
      const text = await ready.text();
      expect(JSON.parse(text)).toEqual({ status: 'ready' });
      for (const leak of [host, port, 'gitVersion', 'v1.', 'https://'])
        expect(text, `/readyz tells ${leak}`).not.toContain(leak);
      expect(await (await get(base, '/healthz')).json()).toEqual({ status: 'ok' });
    }
  });
});
