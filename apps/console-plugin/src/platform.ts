import {
  I18N_NAMESPACE,
  createEventStream,
  type EventStream,
  buildUrl,
  createHttp,
  STREAM_PATH,
  type FetchLike,
  type Platform,
} from '@irc/web/platform';
import { PLUGIN_API_BASE, ROUTE_BASE } from './plugin.js';

export interface PluginPlatformOptions {
  apiBase?: string;
  routeBase?: string;
  fetch?: FetchLike;
  cookie?: () => string;
  createEventStream?: (url: string) => EventStream;
}

/**
 * The platform the pages get inside the console: every call goes through the console's plugin
 * proxy, which authenticates with the user's session and checks the console's double-submit
 * CSRF pair (`csrf-token` cookie = `X-CSRFToken` header) on mutations — the same names the
 * standalone server uses, so the shared HTTP client adds the header from the console's cookie.
 * Page links are console URLs under {@link ROUTE_BASE}.
 */
export function createPluginPlatform(options: PluginPlatformOptions = {}): Platform {
  const apiBase = options.apiBase ?? PLUGIN_API_BASE;
  const routeBase = options.routeBase ?? ROUTE_BASE;
  const http = createHttp({
    apiBase,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    addCsrf: true,
    cookie: options.cookie,
  });
  const streamUrl = `${apiBase}${STREAM_PATH}`;
  return {
    apiBase,
    ...http,
    eventStream: options.createEventStream
      ? options.createEventStream(streamUrl)
      : createEventStream({ url: streamUrl }),
    links: {
      page: (path) => `${routeBase}${path.startsWith('/') ? path : `/${path}`}`,
      api: (path, query) => buildUrl(apiBase, path, query),
      // Observe → Metrics of the console, which queries monitoring with the user's own rights.
      metrics: (queries) =>
        `/monitoring/query-browser?${queries.map((q, i) => `query${i}=${encodeURIComponent(q)}`).join('&')}`,
    },
    i18nNamespace: I18N_NAMESPACE,
  };
}
