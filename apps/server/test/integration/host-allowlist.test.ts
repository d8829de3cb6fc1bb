/**
 * Issue 13 item 1: DNS rebinding. A page on `rebind.attacker.example` whose name is made to
 * resolve to 127.0.0.1 is same-origin with itself while talking to this server: it can read the
 * CSRF cookie issued to *its* host and send the pair back. The only thing that tells such a
 * request apart is the Host header — so a request naming a host the console is not served
 * under is refused before anything else (421, no cookie, no cluster call), the Origin check
 * compares with the allowed host, and X-Forwarded-* count only from a configured proxy.
 */
import { describe, expect, it } from 'vitest';
import { auditAuthorizer } from '../helpers/kube-audit.js';
import { rawExchange, rawRequest, type RawResponse } from '../helpers/raw-http.js';
import { registryHarness, spec, ensureConfig } from './registry.js';

const ATTACKER = 'rebind.attacker.example';

describe('Host allow-list (DNS rebinding)', () => {
  let listed = '';
  let proxied = '';
  let inCluster = '';
  const h = registryHarness({ mutationsPerMinute: 1_000_000 }, async (started) => {
    listed = (
      await started.startServer({
        watch: false,
        allowedHosts: ['console.example.com', '*.apps.example.com', '/irc-[0-9]+\\.lab/'],
      })
    ).baseUrl;
    // behind a reverse proxy on loopback that forwards the name the browser used
    proxied = (
      await started.startServer({
        watch: false,
        allowedHosts: ['console.example.com'],
        trustProxy: '127.0.0.1',
      })
    ).baseUrl;
    // as deployed: token mode, the Service's names (what the console's proxy sends) and the pod IP
    inCluster = (
      await started.startServer({
        watch: false,
        authMode: 'token',
        allowedHosts: [
          'image-registry-console',
          'image-registry-console.image-registry-console',
          'image-registry-console.image-registry-console.svc',
          'image-registry-console.image-registry-console.svc.cluster.local',
          '10.128.2.17',
        ],
      })
    ).baseUrl;
  });

  const port = (base: string) => new URL(base).port;
  const get = (base: string, path: string, headers: Record<string, string>) =>
    rawRequest(base, { method: 'GET', path, headers });
  const cookieOf = (res: RawResponse) => /csrf-token=([^;]+)/.exec(String(res.headers['set-cookie']))?.[1];

  it('refuses a rebinding page: 421 before any cookie or cluster call', async () => {
    const host = `${ATTACKER}:${port(h.baseUrl)}`;
    const audit = auditAuthorizer(h.sandbox.apiServer.authorizer, ['admin']);
    let me: RawResponse;
    try {
      me = await get(h.baseUrl, '/api/v1/me', { host });
      await audit.settle();
      expect(await audit.settle(), 'cluster calls made for a refused host').toEqual([]);
    } finally {
      audit.restore();
    }
    expect(me.status).toBe(421);
    expect(me.headers['set-cookie']).toBeUndefined();
    expect(JSON.parse(me.text)).toMatchObject({ statusCode: 421, reason: 'MisdirectedRequest' });
    expect(JSON.parse(me.text).message).toMatch(/ALLOWED_HOSTS/);
    // the UI, its assets and the API document are refused alike
    for (const path of ['/', '/index.html', '/api/openapi.json', '/api/v1/config', '/metrics'])
      expect((await get(h.baseUrl, path, { host })).status, path).toBe(421);
  });

  it('a mutation with a pair the attacker minted for its own host is refused and changes nothing', async () => {
    const before = spec(await ensureConfig(h));
    // the pair, as a rebinding page would get it (the cookie issued on an allowed host)
    const csrf = cookieOf(await get(h.baseUrl, '/api/v1/me', { host: `localhost:${port(h.baseUrl)}` }));
    expect(csrf).toBeTruthy();
    const config = JSON.parse((await get(h.baseUrl, '/api/v1/config', {})).text) as {
      resourceVersion: string;
    };
    const body = JSON.stringify({ patch: { replicas: 7 }, resourceVersion: config.resourceVersion });
    const host = `${ATTACKER}:${port(h.baseUrl)}`;
    const res = await rawRequest(h.baseUrl, {
      method: 'PATCH',
      path: '/api/v1/config',
      headers: {
        host,
        origin: `http://${host}`,
        cookie: `csrf-token=${csrf}`,
        'x-csrftoken': csrf ?? '',
        'content-type': 'application/json',
      },
      body,
    });
    expect(res.status).toBe(421);
    expect(spec(await ensureConfig(h)).replicas).toBe(before.replicas);
  });

  it('answers the loopback names on any port, as kubectl proxy --accept-hosts does', async () => {
    const p = port(h.baseUrl);
    for (const host of [
      `127.0.0.1:${p}`,
      `localhost:${p}`,
      `[::1]:${p}`,
      `LOCALHOST:${p}`,
      'localhost',
      '127.0.0.1:1',
    ])
      expect((await get(h.baseUrl, '/api/v1/me', { host })).status, host).toBe(200);
  });

  it('refuses look-alikes, userinfo, trailing dots and malformed or missing Host headers', async () => {
    const p = port(h.baseUrl);
    const refused = [
      `localhost.attacker:${p}`,
      `localhost.attacker.example:${p}`,
      `127.0.0.1.nip.io:${p}`,
      `attacker.example:${p}`,
      `localhost.:${p}`,
      `admin@localhost:${p}`,
      `localhost:${p}@attacker.example`,
      `localhost:${p}/x`,
      `[::ffff:127.0.0.1]:${p}`,
      `127.1:${p}`,
      `0x7f.0.0.1:${p}`,
      `localhost:${p}, attacker.example`,
      `localhost:abc`,
      'localhost:99999',
    ];
    const seen: string[] = [];
    for (const host of refused) {
      const res = await get(h.baseUrl, '/api/v1/me', { host });
      seen.push(`${JSON.stringify(host)} → ${res.status}`);
      expect(res.headers['set-cookie'], host).toBeUndefined();
      expect([400, 421], `${host}: ${res.status}`).toContain(res.status);
    }
    // HTTP/1.0 may omit Host: no browser does, and nothing says which name was meant
    const noHost = await rawExchange(h.baseUrl, 'GET /api/v1/me HTTP/1.0\r\n\r\n');
    expect(noHost).toMatch(/^HTTP\/1\.1 421 /);
    expect(noHost).not.toMatch(/set-cookie/i);
    const emptyHost = await rawExchange(
      h.baseUrl,
      'GET /api/v1/me HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n',
    );
    expect(emptyHost).toMatch(/^HTTP\/1\.1 (400|421) /);
    expect(emptyHost).not.toMatch(/set-cookie/i);
    // Two Host headers: Node keeps the first, a proxy in front may have routed by the last.
    for (const [first, second] of [
      [`localhost:${p}`, ATTACKER],
      [ATTACKER, `localhost:${p}`],
    ]) {
      const twice = await rawExchange(
        h.baseUrl,
        `GET /api/v1/me HTTP/1.1\r\nHost: ${first}\r\nHost: ${second}\r\nConnection: close\r\n\r\n`,
      );
      expect(twice, `Host: ${first} + Host: ${second}`).toMatch(/^HTTP\/1\.1 (400|421) /);
      expect(twice).not.toMatch(/set-cookie/i);
    }
    // An absolute-form target names the host that counts, whatever the Host header says.
    const absolute = await rawExchange(
      h.baseUrl,
      `GET http://${ATTACKER}/api/v1/me HTTP/1.1\r\nHost: localhost:${p}\r\nConnection: close\r\n\r\n`,
    );
    expect(absolute).toMatch(/^HTTP\/1\.1 421 /);
    const absoluteOk = await rawExchange(
      h.baseUrl,
      `GET http://localhost:${p}/healthz HTTP/1.1\r\nHost: localhost:${p}\r\nConnection: close\r\n\r\n`,
    );
    expect(absoluteOk).toMatch(/^HTTP\/1\.1 200 /);
    console.log(`refused hosts: ${seen.join('; ')}`);
  });

  it('probes answer whatever the Host (the kubelet sends the pod IP) and say nothing else', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const res = await get(h.baseUrl, path, { host: `10.131.0.23:${port(h.baseUrl)}` });
      expect(res.status, path).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('ALLOWED_HOSTS adds names, *.subdomains and anchored /regexes/', async () => {
    const allowed = ['console.example.com', 'CONSOLE.example.com:8443', 'a.apps.example.com', 'irc-42.lab:1'];
    const refused = [
      'apps.example.com',
      'a.apps.example.com.evil',
      'irc-42.lab.evil',
      'xirc-42.lab',
      'irc-x.lab',
    ];
    for (const host of allowed) expect((await get(listed, '/api/v1/me', { host })).status, host).toBe(200);
    for (const host of refused) expect((await get(listed, '/api/v1/me', { host })).status, host).toBe(421);
  });

  it('X-Forwarded-Host counts only from the trusted proxy, and Origin is compared with it', async () => {
    const csrf = cookieOf(await get(h.baseUrl, '/api/v1/me', {}));
    const mutate = (base: string, headers: Record<string, string>) =>
      rawRequest(base, {
        method: 'PUT',
        path: '/api/v1/storage/credentials',
        headers: {
          cookie: `csrf-token=${csrf}`,
          'x-csrftoken': csrf ?? '',
          'content-type': 'application/json',
          ...headers,
        },
        body: JSON.stringify({ values: {} }),
      });
    // No proxy configured: a forwarded host is a header like any other, Origin must match Host.
    const spoofed = await mutate(h.baseUrl, {
      origin: `http://${ATTACKER}`,
      'x-forwarded-host': ATTACKER,
    });
    expect(spoofed.status).toBe(403);
    expect(JSON.parse(spoofed.text).reason).toBe('CsrfRejected');
    // Through the trusted proxy (loopback here): the forwarded name must be allowed too …
    expect((await get(proxied, '/api/v1/me', { 'x-forwarded-host': ATTACKER })).status).toBe(421);
    expect((await get(proxied, '/api/v1/me', { 'x-forwarded-host': 'console.example.com' })).status).toBe(
      200,
    );
    // … and it is what the browser's Origin is compared with
    const viaProxy = await mutate(proxied, {
      origin: 'https://console.example.com',
      'x-forwarded-host': 'console.example.com',
      'x-forwarded-proto': 'https',
    });
    expect(viaProxy.status, viaProxy.text).not.toBe(403);
    expect(viaProxy.status, viaProxy.text).not.toBe(421);
    const crossOrigin = await mutate(proxied, {
      origin: `http://${ATTACKER}`,
      'x-forwarded-host': 'console.example.com',
    });
    expect(crossOrigin.status).toBe(403);
  });

  it('in a cluster: the console proxy reaches the Service by its DNS names, probes and scrapes by the pod IP', async () => {
    const headers = (host: string) => ({ host, authorization: `Bearer ${h.tokens.admin}` });
    for (const host of [
      'image-registry-console.image-registry-console.svc.cluster.local:9443',
      'image-registry-console.image-registry-console.svc:9443',
      'image-registry-console:9443',
      '10.128.2.17:9443',
      `127.0.0.1:${port(inCluster)}`,
    ])
      expect((await get(inCluster, '/api/v1/me', headers(host))).status, host).toBe(200);
    for (const host of [
      'image-registry-console.other-ns.svc:9443',
      'image-registry-console.image-registry-console.svc.evil',
    ])
      expect((await get(inCluster, '/api/v1/me', headers(host))).status, host).toBe(421);
  });
});
