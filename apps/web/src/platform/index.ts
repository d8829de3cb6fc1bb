/**
 * The web app's platform seam without any UI (package export `@irc/web/platform`): what a host
 * (the standalone shell or the console plugin) implements to give the pages HTTP and live
 * events. Importing it loads no PatternFly, so it can be used where there is no DOM styling.
 */
export { I18N_NAMESPACE } from './i18n.js';
export { createEventStream, type EventStream } from './eventStream.js';
export { STREAM_PATH, buildUrl, createHttp, type FetchLike } from './http.js';
/** The BFF's routes, for hosts and their tests (`platform.request(ApiRoutes.config)`). */
export { ApiRoutes } from '@irc/shared';
export type { Platform } from './platform.js';
