import { I18N_NAMESPACE } from '../../platform/i18n.js';
import { createEventStream } from '../../platform/eventStream.js';
import { STREAM_PATH, buildUrl, createHttp } from '../../platform/http.js';
import type { Platform } from '../../platform/platform.js';

/** The standalone app: the BFF is on the same origin under `/api`, routes start at `/`. */
export function createStandalonePlatform(apiBase = '/api'): Platform {
  const http = createHttp({ apiBase, fetch: (input, init) => fetch(input, init), addCsrf: true });
  return {
    apiBase,
    ...http,
    eventStream: createEventStream({ url: `${apiBase}${STREAM_PATH}` }),
    links: {
      page: (path) => path,
      api: (path, query) => buildUrl(apiBase, path, query),
    },
    i18nNamespace: I18N_NAMESPACE,
  };
}
