import { sendJson, sendNotFoundPage } from '../http/respond.js';
import type { ExtraRoute } from '../http/server.js';
import type { ResourceRegistry } from '../resources/registry.js';
import { groupVersionDocument, openApiV3Index } from './v3.js';
import { openApiV2Handler } from './v2-route.js';

/** `/openapi/v2`, `/openapi/v3` and `/openapi/v3/{api/v1|apis/<g>/<v>}` (readable by every authenticated user). */
export function openApiRoute(registry: ResourceRegistry): ExtraRoute {
  const v2 = openApiV2Handler(registry);
  return (req, res, url) => {
    const path = url.pathname.replace(/\/+$/, '');
    if (!path.startsWith('/openapi')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (path === '/openapi/v2') {
      v2(req, res);
      return true;
    }
    if (path === '/openapi/v3') {
      sendJson(res, 200, openApiV3Index(registry));
      return true;
    }
    const m = /^\/openapi\/v3\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    const doc = m
      ? m[1]
        ? groupVersionDocument(registry, '', m[1])
        : groupVersionDocument(registry, m[2] as string, m[3] as string)
      : undefined;
    if (!doc) {
      sendNotFoundPage(res);
      return true;
    }
    // Content is addressed by hash: let clients cache it like kube-apiserver allows.
    if (url.searchParams.has('hash')) res.setHeader('Cache-Control', 'public, immutable');
    sendJson(res, 200, doc);
    return true;
  };
}
