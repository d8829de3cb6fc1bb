/**
 * A stand-in for the OpenShift console's bridge server, as far as a dynamic plugin sees it:
 *  - `/api/plugins/<name>/…`: the plugin's assets (the bridge fetches them from the plugin's
 *    Service, basePath `/plugin/`; here straight from apps/console-plugin/dist);
 *  - `/locales/resource.json?lng=&ns=plugin__<name>`: the plugin's i18n catalogue;
 *  - `/api/proxy/plugin/<name>/<alias>/…`: the ConsolePlugin proxy with `authorization:
 *    UserToken` — CSRF double-submit check on mutations (`csrf-token` cookie = `X-CSRFToken`
 *    header), Cookie / X-CSRFToken / Origin stripped, `Authorization: Bearer <user token>` added,
 *    the rest of the path forwarded to the plugin's server;
 *  - everything else: the console page (the host that loads the plugin), which sets the cookie.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

export interface ProxiedCall {
  method: string;
  /** Path as the plugin's server received it. */
  path: string;
  /** What the CSRF check found: `ok`, `missing`, `mismatch`, or `safe` (GET/HEAD need none). */
  csrf: 'ok' | 'missing' | 'mismatch' | 'safe';
  forwarded: boolean;
}

export interface FakeConsoleOptions {
  pluginName: string;
  alias: string;
  pluginDist: string;
  hostDist: string;
  patternflyDir: string;
  /** The plugin's server (the proxy endpoint), e.g. http://127.0.0.1:9180. */
  upstream: string;
  /** The logged-in user's bearer token. */
  userToken: string;
}

export interface FakeConsole {
  url: string;
  calls: ProxiedCall[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const STRIPPED = new Set(['cookie', 'x-csrftoken', 'origin', 'host', 'connection', 'authorization']);

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function sendFile(res: ServerResponse, root: string, relative: string): void {
  const path = normalize(join(root, decodeURIComponent(relative)));
  if (!path.startsWith(root + sep) || !existsSync(path) || !statSync(path).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${relative}`);
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
  createReadStream(path).pipe(res);
}

export async function startFakeConsole(opts: FakeConsoleOptions): Promise<FakeConsole> {
  const calls: ProxiedCall[] = [];
  const proxyPrefix = `/api/proxy/plugin/${opts.pluginName}/${opts.alias}`;
  const assetsPrefix = `/api/plugins/${opts.pluginName}/`;

  function proxy(req: IncomingMessage, res: ServerResponse, path: string): void {
    const method = req.method ?? 'GET';
    const call: ProxiedCall = { method, path, csrf: 'safe', forwarded: false };
    calls.push(call);
    if (method !== 'GET' && method !== 'HEAD') {
      const cookie = cookieValue(req.headers.cookie, 'csrf-token');
      const header = req.headers['x-csrftoken'];
      call.csrf = !cookie || typeof header !== 'string' ? 'missing' : header === cookie ? 'ok' : 'mismatch';
      if (call.csrf !== 'ok') {
        res
          .writeHead(403, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: 'invalid CSRFToken' }));
        return;
      }
    }
    const headers: OutgoingHttpHeaders = {};
    for (const [key, value] of Object.entries(req.headers))
      if (!STRIPPED.has(key) && value !== undefined) headers[key] = value;
    headers.authorization = `Bearer ${opts.userToken}`;
    const target = new URL(path, opts.upstream);
    const upstream = httpRequest(target, { method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.flushHeaders();
      answer.pipe(res);
    });
    call.forwarded = true;
    upstream.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${err.message}`);
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    const path = url.pathname;
    if (path === proxyPrefix || path.startsWith(`${proxyPrefix}/`))
      return proxy(req, res, `${path.slice(proxyPrefix.length) || '/'}${url.search}`);
    if (path.startsWith(assetsPrefix)) return sendFile(res, opts.pluginDist, path.slice(assetsPrefix.length));
    if (path === '/locales/resource.json') {
      const ns = url.searchParams.get('ns') ?? '';
      const lng = url.searchParams.get('lng') ?? '';
      if (ns !== `plugin__${opts.pluginName}` || !/^[a-z-]+$/i.test(lng)) return res.writeHead(404).end();
      return sendFile(res, opts.pluginDist, `locales/${lng}/${ns}.json`);
    }
    if (path.startsWith('/static/host/'))
      return sendFile(res, opts.hostDist, path.slice('/static/host/'.length));
    if (path.startsWith('/static/patternfly/'))
      return sendFile(res, opts.patternflyDir, path.slice('/static/patternfly/'.length));
    if (path.startsWith('/api/'))
      return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    // Any other path is a console page: the console sets its CSRF cookie and boots.
    if (!cookieValue(req.headers.cookie, 'csrf-token')) {
      res.setHeader(
        'set-cookie',
        `csrf-token=${randomBytes(24).toString('base64url')}; Path=/; SameSite=Lax`,
      );
    }
    return sendFile(res, opts.hostDist, 'index.html');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
