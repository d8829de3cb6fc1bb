/**
 * The web app's public entry for the console plugin's shell (package export `@irc/web/plugin`):
 * the pages, navigation and providers the plugin mounts inside the OpenShift console. The plugin
 * may use only what `@irc/web/plugin` and `@irc/web/platform` name, so the web app can move its
 * files without breaking it.
 */
export { useT } from './platform/i18n.js';
export { AppProviders, createQueryClient } from './shell/AppProviders.js';
export { ConnectionIndicator } from './shell/ConnectionIndicator.js';
export { usePlatform } from './platform/platform.js';
export { navEntries, pageRoutes } from './shell/routes.js';
