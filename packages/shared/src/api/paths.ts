/**
 * The one prefix of the BFF's routes (api/routes.ts `ApiRoutes`). The web app calls them under
 * `/api` standalone, or under `/api/proxy/plugin/image-registry-console-plugin/api/api` behind
 * the console proxy: routes must stay path-relative, so both work.
 */
export const API_PREFIX = '/api/v1';

/** Double-submit CSRF: the same names the OpenShift console uses, so one web client fits both. */
export const CSRF_COOKIE = 'csrf-token';
export const CSRF_HEADER = 'x-csrftoken';
