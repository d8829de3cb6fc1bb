import { I18N_NAMESPACE } from '../../common/i18n.js';
import { paths } from '../../common/queries.js';
import { createEventStream } from '../eventStream.js';
import { buildUrl, createHttp } from '../http.js';
import type { Platform } from '../platform.js';

/**
 * Behind the console: `/api/proxy/plugin/<plugin>/<alias>/<path>` reaches the plugin's service at
 * `/<path>`, and the BFF serves `/api/...`, hence `/api` twice (alias `api`, then the route).
 */
export const PLUGIN_API_BASE = '/api/proxy/plugin/image-registry-console-plugin/api/api';

/** Where the console mounts the pages (`console.page/route` path). */
export const PLUGIN_ROUTE_BASE = '/image-registry';

/**
 * The console checks the same double-submit CSRF pair (`csrf-token` cookie, `X-CSRFToken`
 * header) before its proxy adds the user's bearer token, so plain fetch plus the header is all
 * a page needs — no `@openshift-console/*` import, and 409/422 bodies stay readable.
 */
export function createPluginPlatform(apiBase = PLUGIN_API_BASE, routeBase = PLUGIN_ROUTE_BASE): Platform {
  const http = createHttp({ apiBase, fetch: (input, init) => fetch(input, init), addCsrf: true });
  return {
    apiBase,
    ...http,
    eventStream: createEventStream({ url: `${apiBase}${paths.stream}` }),
    links: {
      page: (path) => `${routeBase}${path}`,
      api: (path, query) => buildUrl(apiBase, path, query),
    },
    i18nNamespace: I18N_NAMESPACE,
  };
}
