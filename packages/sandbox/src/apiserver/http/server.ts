import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ApiError, forbidden, statusFailure, unauthorized } from '../../core/errors.js';
import type { UserInfo } from '../../core/types.js';
import type { ApiServer } from '../api-server.js';
import {
  AGGREGATED_DISCOVERY,
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  KUBE_VERSION,
  wantsAggregated,
} from '../discovery.js';
import { forbiddenMessage } from '../rbac/authorizer.js';
import type { ServingCert } from '../tls/self-signed.js';
import type { TokenAuthenticator } from './auth.js';
import { impersonate } from './impersonation.js';
import { handlePodLog } from './log-handler.js';
import { handleResource, notFoundResource, streamingUnsupported } from './resource-handler.js';
import { parseRequestInfo } from './request-info.js';
import { sendError, sendJson, sendNotFoundPage } from './respond.js';

/** Extra routes served next to the Kubernetes API (the sandbox control endpoint, OpenAPI). */
export type ExtraRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  user: UserInfo,
) => Promise<boolean> | boolean;

export interface HttpOptions {
  api: ApiServer;
  authn: TokenAuthenticator;
  port?: number;
  host?: string;
  routes?: ExtraRoute[];
  /** Serve HTTPS with this certificate (kubectl sends tokens only over TLS); plain HTTP without. */
  tls?: ServingCert;
}

const PUBLIC_PATHS = new Set(['/version', '/healthz', '/livez', '/readyz']);

export interface RunningHttp {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The Kubernetes-compatible HTTP API on loopback: authn, RBAC on non-resource paths, discovery, resources, logs. */
export async function startHttp(opts: HttpOptions): Promise<RunningHttp> {
  const { api } = opts;
  const host = opts.host ?? '127.0.0.1';
  let serverAddress = `${host}:${opts.port ?? 0}`;

  const authorizePath = (user: UserInfo, verb: string, path: string): void => {
    const d = api.authorizer.authorize({ user, verb, path });
    if (!d.allowed)
      throw forbidden('', '', undefined, `forbidden: ${forbiddenMessage({ user, verb, path })}`);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (PUBLIC_PATHS.has(path) && (req.method === 'GET' || req.method === 'HEAD')) {
      if (path === '/version') return sendJson(res, 200, KUBE_VERSION, true);
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('ok');
    }
    const authenticated = opts.authn.authenticate(req);
    if (!authenticated) throw unauthorized();
    const user = impersonate(req, authenticated, api.authorizer);

    for (const route of opts.routes ?? []) if (await route(req, res, url, user)) return;

    const info = parseRequestInfo(req.method ?? 'GET', url);
    if (info.discovery) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        throw new ApiError(
          statusFailure(
            405,
            'MethodNotAllowed',
            'the server does not allow this method on the requested resource',
          ),
        );
      authorizePath(user, 'get', info.path);
      const d = info.discovery;
      const aggregated =
        d.group === undefined && d.version === undefined ? wantsAggregated(req.headers.accept) : undefined;
      if (aggregated) {
        const body = JSON.stringify(aggregatedDiscovery(api.registry, d.legacy, aggregated));
        res.writeHead(200, {
          'Content-Type': AGGREGATED_DISCOVERY.replace('v=v2', `v=${aggregated}`),
          Vary: 'Accept',
          'Cache-Control': 'no-cache, private',
          'Content-Length': Buffer.byteLength(body),
        });
        return void res.end(body);
      }
      let doc: object | undefined;
      if (d.legacy)
        doc =
          d.version === undefined
            ? apiVersions(serverAddress)
            : d.version === 'v1'
              ? apiResourceList(api.registry, '', 'v1')
              : undefined;
      else if (d.group === undefined) doc = apiGroupList(api.registry);
      else if (d.version === undefined) doc = apiGroup(api.registry, d.group);
      else doc = apiResourceList(api.registry, d.group, d.version);
      return doc ? sendJson(res, 200, doc) : sendNotFoundPage(res);
    }
    if (!info.isResourceRequest || !info.resource) return sendNotFoundPage(res);
    const type = api.registry.find(info.group, info.version, info.resource);
    if (!type) return sendNotFoundPage(res);
    if (!type.namespaced && info.namespace && info.resource !== 'namespaces') throw notFoundResource();
    if (info.subresource === 'log' && type.group === '' && type.resource === 'pods') {
      if (info.verb !== 'get')
        throw new ApiError(
          statusFailure(
            405,
            'MethodNotAllowed',
            'the server does not allow this method on the requested resource',
          ),
        );
      return handlePodLog(
        req,
        res,
        url,
        user,
        api.service,
        type,
        api.logs,
        info.namespace ?? '',
        info.name ?? '',
      );
    }
    await handleResource({ req, res, url, user, info, type, service: api.service });
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err: unknown) => sendError(res, err));
  };
  const server: Server = opts.tls
    ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, listener)
    : createServer(listener);
  server.keepAliveTimeout = 65_000;
  // exec/attach/port-forward arrive as WebSocket/SPDY upgrades: answer them with a Status, not a dropped socket.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    const sub = /\/pods\/[^/]+\/(exec|attach|portforward)/.exec(req.url ?? '')?.[1];
    const status = sub ? streamingUnsupported(sub).status : notFoundResource().status;
    const body = JSON.stringify(status);
    socket.end(
      `HTTP/1.1 ${status.code} ${status.code === 400 ? 'Bad Request' : 'Not Found'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  serverAddress = `${host}:${port}`;
  return {
    server,
    port,
    url: `${opts.tls ? 'https' : 'http'}://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
