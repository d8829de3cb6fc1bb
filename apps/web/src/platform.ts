/**
 * The web app's platform seam without any UI (package export `@irc/web/platform`): what a host
 * (the standalone shell or the console plugin) implements to give the pages HTTP and live
 * events. Importing it loads no PatternFly, so it can be used where there is no DOM styling.
 */
export { I18N_NAMESPACE } from './common/i18n.js';
export { paths } from './common/queries.js';
export { createEventStream, type EventStream } from './shell/eventStream.js';
export { buildUrl, createHttp, type FetchLike } from './shell/http.js';
export type { Platform } from './shell/platform.js';
