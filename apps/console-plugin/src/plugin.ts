/**
 * Where the plugin lives inside the OpenShift console. These names are a contract with the
 * ConsolePlugin resource in deploy/ (name, proxy alias) and with console-extensions.json
 * (route prefix): change them together.
 */
export const PLUGIN_NAME = 'image-registry-console-plugin';

/** `spec.proxy[].alias` of the ConsolePlugin: the console serves it at `/api/proxy/plugin/<name>/<alias>/`. */
export const PROXY_ALIAS = 'api';

/**
 * The console strips `/api/proxy/plugin/<name>/<alias>` and forwards the rest to the service,
 * so the BFF's own `/api` prefix is repeated after the alias: the server then sees the same
 * `/api/v1/...` paths as when it is called directly (shared/api/paths.ts).
 */
export const PLUGIN_API_BASE = `/api/proxy/plugin/${PLUGIN_NAME}/${PROXY_ALIAS}/api`;

/** Console URL under which every page of the plugin is routed (console-extensions.json). */
export const ROUTE_BASE = '/image-registry';
