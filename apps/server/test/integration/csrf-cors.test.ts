/**
 * Issue 8: CSRF required on every mutation (refused before any cluster call), CORS closed to
 * other origins, and the security headers + CSP on every kind of answer: JSON, HTML, event
 * stream, log stream, errors (400/401/403/404/415/422/429) and preflights.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditAuthorizer } from '../helpers/kube-audit.js';
import { csrfCookie, send, type Exchange } from '../helpers/route-client.js';
import { operationsOf, ROUTE_TABLE, type RouteRow, type SampleRequest } from '../helpers/route-table.js';
import { routeContext } from '../helpers/route-context.js';
import { makeCertificates } from '../helpers/trust-certs.js';
import { registryHarness } from './registry.js';

const EVIL = 'https://evil.example';
const MUTATING = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);

// A built web app stand-in, so HTML answers (index, SPA fallback, assets) are covered too.
const webDist = mkdtempSync(join(tmpdir(), 'irc-web-'));
mkdirSync(join(webDist, 'assets'));
writeFileSync(
  join(webDist, 'index.html'),
  '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>',
);
writeFileSync(join(webDist, 'assets', 'app.js'), 'export {};\n');
// and a console plugin build: public code the console may fetch cross-origin (plugin-assets.ts)
const pluginDist = mkdtempSync(join(tmpdir(), 'irc-plugin-'));
writeFileSync(
  join(pluginDist, 'plugin-manifest.json'),
  '{"name":"image-registry-console-plugin","version":"0.0.0","extensions":[]}',
);
writeFileSync(join(pluginDist, 'plugin-entry.0123456789abcdef0123.min.js'), 'window.x = 1;\n');
afterAll(() => {
  rmSync(webDist, { recursive: true, force: true });
  rmSync(pluginDist, { recursive: true, force: true });
});

describe('CSRF, CORS and security headers on every route', () => {
  let tokenServer = '';
  let limitedServer = '';
  const h = registryHarness({ mutationsPerMinute: 1_000_000, webDist, pluginDist }, async (started) => {
    tokenServer = (await started.startServer({ authMode: 'token', watch: false })).baseUrl;
    limitedServer = (await started.startServer({ watch: false, mutationsPerMinute: 1 })).baseUrl;
  });
  const certs = makeCertificates();
  const ctx = routeContext(h, certs.ca);
  /** Every answer of this file, for the header checks at the end. */
  const answers: { what: string; res: Exchange }[] = [];
  const keep = (what: string, res: Exchange) => {
    answers.push({ what, res });
    return res;
  };

  async function mutations(): Promise<[string, RouteRow][]> {
    const doc = (await (await h.fetch('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const ops = operationsOf(doc).filter((op) => MUTATING.has(op.split(' ')[0] ?? ''));
    expect(ops.length).toBeGreaterThanOrEqual(7);
    return ops.map((op) => {
      const row = ROUTE_TABLE[op];
      if (!row) throw new Error(`no route-table row for ${op}`);
      return [op, row];
    });
  }

  it('refuses every mutation without the double-submit pair (403) before any cluster call, and accepts it with the pair', async () => {
    const csrf = await csrfCookie(h.baseUrl);
    const host = new URL(h.baseUrl).host;
    const audit = auditAuthorizer(h.sandbox.apiServer.authorizer, ['admin']);
    const problems: string[] = [];
    try {
      for (const [op, row] of await mutations()) {
        const req = await row.request(ctx);
        const refused: [string, Record<string, string>][] = [
          ['no cookie, no header', {}],
          ['cookie only', { cookie: `csrf-token=${csrf}` }],
          ['header only', { 'x-csrftoken': csrf }],
          ['header differs from cookie', { cookie: `csrf-token=${csrf}`, 'x-csrftoken': `${csrf}x` }],
          ['pair from another origin', { cookie: `csrf-token=${csrf}`, 'x-csrftoken': csrf, origin: EVIL }],
          [
            'pair with a malformed Origin',
            { cookie: `csrf-token=${csrf}`, 'x-csrftoken': csrf, origin: 'null' },
          ],
          [
            'a Basic credential (no bearer token, so no exemption)',
            { authorization: 'Basic YWRtaW46YWRtaW4=' },
          ],
          ['bearer token from another origin', { authorization: `Bearer ${h.tokens.admin}`, origin: EVIL }],
        ];
        for (const [what, headers] of refused) {
          await audit.settle();
          const res = keep(`${op} ${what}`, await send(h.baseUrl, req, { headers }));
          const body = JSON.parse(res.text || '{}') as { reason?: string };
          const calls = await audit.settle();
          // a credential that is not a bearer token is refused as such, before the CSRF check
          const [status, reason] = headers.authorization?.startsWith('Basic')
            ? [401, 'Unauthorized']
            : [403, 'CsrfRejected'];
          if (res.status !== status || body.reason !== reason)
            problems.push(`${op} ${what}: ${res.status} ${res.text.slice(0, 120)}`);
          if (calls.length > 0)
            problems.push(
              `${op} ${what}: reached the cluster (${calls.map((c) => `${c.verb} ${c.what}`).join(', ')})`,
            );
        }
        const accepted: [string, Record<string, string>][] = [
          ['the pair', { cookie: `csrf-token=${csrf}`, 'x-csrftoken': csrf }],
          [
            'the pair, same origin',
            { cookie: `csrf-token=${csrf}`, 'x-csrftoken': csrf, origin: `http://${host}` },
          ],
          // the console proxy checked the pair and replaced it by the user's token (csrf.ts case 2)
          ['a bearer token without the pair', { authorization: `Bearer ${h.tokens.admin}` }],
        ];
        for (const [i, [what, headers]] of accepted.entries()) {
          const res = keep(`${op} ${what}`, await send(h.baseUrl, req, { headers }));
          // a repeated DELETE finds nothing to delete: 404 is its honest second answer
          const ok = i === 0 ? res.status >= 200 && res.status < 300 : res.status !== 403 && res.status < 500;
          if (!ok) problems.push(`${op} ${what}: ${res.status} ${res.text.slice(0, 160)}`);
        }
      }
    } finally {
      audit.restore();
    }
    console.log(
      `CSRF: ${answers.length} mutation requests (${(await mutations()).length} routes × 8 refused + 3 accepted variants)`,
    );
    expect(problems).toEqual([]);
  }, 120_000);

  it('CORS stays closed: no Access-Control-Allow-* for another origin on any route, preflights refused', async () => {
    const doc = (await (await h.fetch('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const problems: string[] = [];
    const paths = new Set<string>(['/', '/trust', '/assets/app.js', '/api/openapi.json', '/api/v1/nope']);
    for (const op of operationsOf(doc)) {
      const row = ROUTE_TABLE[op];
      if (!row) continue;
      const req = await row.request(ctx);
      paths.add(req.path);
      const res = keep(`${op} from ${EVIL}`, await send(h.baseUrl, req, { headers: { origin: EVIL } }));
      if (MUTATING.has(req.method) && res.status !== 403) problems.push(`${op} from ${EVIL}: ${res.status}`);
      for (const name of Object.keys(res.headers))
        if (name.startsWith('access-control-'))
          problems.push(`${op} from ${EVIL}: ${name}: ${String(res.headers[name])}`);
    }
    for (const path of paths) {
      for (const method of ['GET', 'PUT', 'PATCH', 'POST', 'DELETE']) {
        const res = keep(
          `OPTIONS ${path} (${method})`,
          await send(
            h.baseUrl,
            { method: 'OPTIONS', path },
            {
              headers: {
                origin: EVIL,
                'access-control-request-method': method,
                'access-control-request-headers': 'content-type, x-csrftoken, authorization',
              },
            },
          ),
        );
        if (res.status < 400) problems.push(`OPTIONS ${path} (${method}): ${res.status}`);
        for (const name of Object.keys(res.headers))
          if (name.startsWith('access-control-'))
            problems.push(`OPTIONS ${path} (${method}): ${name}: ${String(res.headers[name])}`);
      }
    }
    console.log(`CORS: ${operationsOf(doc).length} operations from ${EVIL} and ${paths.size * 5} preflights`);
    expect(problems).toEqual([]);
  }, 60_000);

  it('every kind of answer carries the security headers and the CSP', async () => {
    const csrf = await csrfCookie(h.baseUrl);
    const doc = (await (await h.fetch('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const op of operationsOf(doc).filter((o) => o.startsWith('GET '))) {
      const row = ROUTE_TABLE[op];
      if (row) keep(op, await send(h.baseUrl, await row.request(ctx)));
    }
    const get = (path: string, extra: Partial<SampleRequest> = {}) => ({ method: 'GET', path, ...extra });
    keep('HTML index', await send(h.baseUrl, get('/')));
    keep('HTML SPA fallback', await send(h.baseUrl, get('/trust')));
    keep('static asset', await send(h.baseUrl, get('/assets/app.js')));
    keep('plugin manifest', await send(h.baseUrl, get('/plugin/plugin-manifest.json')));
    keep('plugin entry', await send(h.baseUrl, get('/plugin/plugin-entry.0123456789abcdef0123.min.js')));
    keep('missing plugin file (404)', await send(h.baseUrl, get('/plugin/nope.js')));
    keep('missing asset (404)', await send(h.baseUrl, get('/assets/missing.js')));
    keep('OpenAPI document', await send(h.baseUrl, get('/api/openapi.json')));
    keep('unknown API path (404)', await send(h.baseUrl, get('/api/v1/nope')));
    keep('bad query (400)', await send(h.baseUrl, get('/api/v1/timeline?limit=0x10')));
    keep('no token in token mode (401)', await send(tokenServer, get('/api/v1/config')));
    keep('unknown token (401)', await send(h.baseUrl, get('/api/v1/config'), { token: 'not-a-token' }));
    keep('forbidden (403)', await send(h.baseUrl, get('/api/v1/pull-secret'), { token: h.tokens.viewer }));
    keep(
      'invalid body (422)',
      await send(
        h.baseUrl,
        { method: 'PUT', path: '/api/v1/storage/credentials', body: { values: { NOPE: 'x' } } },
        { csrf },
      ),
    );
    keep(
      'wrong content type (415)',
      await send(
        h.baseUrl,
        { method: 'PUT', path: '/api/v1/storage/credentials' },
        { csrf, headers: { 'content-type': 'text/plain' } },
      ),
    );
    const limitedCsrf = await csrfCookie(limitedServer);
    const rate = {
      method: 'PUT',
      path: '/api/v1/storage/credentials',
      body: { values: { REGISTRY_STORAGE_SWIFT_USERNAME: 'rate' } },
    };
    await send(limitedServer, rate, { csrf: limitedCsrf });
    keep('rate limited (429)', await send(limitedServer, rate, { csrf: limitedCsrf }));
    const pod = await ctx.registryPod();
    keep(
      'followed log (text stream)',
      await send(
        h.baseUrl,
        get(`/api/v1/pods/${pod.namespace}/${pod.name}/log?follow=true&tailLines=1`, { stream: true }),
      ),
    );
    keep('event stream', await send(h.baseUrl, get('/api/v1/stream', { stream: true })));

    const kinds = new Set(
      answers.map((a) => `${a.res.status} ${String(a.res.headers['content-type'] ?? '').split(';')[0]}`),
    );
    expect(answers.find((a) => a.what === 'plugin manifest')?.res.status).toBe(200);
    for (const k of [
      '200 application/json',
      '200 text/html',
      '200 text/event-stream',
      '200 text/plain',
      '404 application/json',
      '400 application/json',
      '401 application/json',
      '403 application/json',
      '422 application/json',
      '415 application/json',
      '429 application/json',
    ]) {
      expect([...kinds], k).toContain(k);
    }
    const problems: string[] = [];
    for (const { what, res } of answers) {
      const missing = securityProblems(
        res.headers,
        what.startsWith('plugin ') ? 'cross-origin' : 'same-origin',
      );
      const api =
        what.includes('/api/') ||
        /^(bad query|no token|unknown token|forbidden|invalid body|wrong content|rate limited|unknown API)/.test(
          what,
        );
      const cache = String(res.headers['cache-control'] ?? '');
      if (api && !/no-store|no-cache/.test(cache))
        missing.push(`cache-control: ${cache || '(none)'}, want no-store`);
      if (missing.length) problems.push(`${what} (${res.status}): ${missing.join('; ')}`);
    }
    console.log(`security headers: ${answers.length} answers checked (${[...kinds].sort().join(', ')})`);
    expect(problems).toEqual([]);
  }, 60_000);
});

/** What every answer must carry (and must not). */
function securityProblems(headers: Exchange['headers'], resourcePolicy: string): string[] {
  const out: string[] = [];
  const csp = String(headers['content-security-policy'] ?? '');
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? '', values]),
  );
  const expectDirective = (name: string, values: string[]) => {
    const got = directives.get(name);
    if (!got || values.some((v) => !got.includes(v)) || got.length !== values.length)
      out.push(`CSP ${name} is ${got ? got.join(' ') : 'missing'}, want ${values.join(' ')}`);
  };
  if (!csp) out.push('no Content-Security-Policy');
  else {
    expectDirective('default-src', ["'self'"]);
    expectDirective('script-src', ["'self'"]);
    expectDirective('object-src', ["'none'"]);
    expectDirective('frame-ancestors', ["'none'"]);
    expectDirective('base-uri', ["'self'"]);
    expectDirective('form-action', ["'self'"]);
    expectDirective('connect-src', ["'self'"]);
  }
  const want: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': resourcePolicy,
  };
  for (const [name, value] of Object.entries(want))
    if (String(headers[name] ?? '') !== value)
      out.push(`${name}: ${String(headers[name] ?? '(none)')}, want ${value}`);
  if (!String(headers['strict-transport-security'] ?? '').includes('max-age='))
    out.push('no Strict-Transport-Security');
  if (headers['x-powered-by']) out.push(`x-powered-by: ${String(headers['x-powered-by'])}`);
  return out;
}
