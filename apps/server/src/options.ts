/**
 * Command line + environment → server options.
 *   --kubeconfig PATH (or KUBECONFIG; in a pod: the service account)
 *   --context NAME
 *   --auth kubeconfig|token (AUTH_MODE; default kubeconfig)
 *   --web-dist PATH (default: apps/web/dist next to this package, when present)
 *   --plugin-dist PATH (PLUGIN_DIST; default: apps/console-plugin/dist, when present): /plugin/
 *   --tls-cert-file PATH, --tls-key-file PATH (TLS_CERT_FILE, TLS_KEY_FILE): serve HTTPS; the
 *     files are re-read when they change (the service CA rotates the mounted serving cert)
 *   --secure-cookie (SECURE_COOKIE=1; implied by TLS): the CSRF cookie is Secure (served over HTTPS)
 *   --trust-proxy (TRUST_PROXY=1): behind a reverse proxy (client IP for rate limits)
 *   HOST (127.0.0.1), PORT (9000), LOG_LEVEL (info)
 */
import { parseArgs } from 'node:util';
import type { AuthMode } from './kube/access.js';

export interface CliOptions {
  kubeconfigPath?: string;
  context?: string;
  authMode: AuthMode;
  host: string;
  port: number;
  webDist?: string;
  pluginDist?: string;
  tls?: { certFile: string; keyFile: string };
  logLevel: string;
  secureCookie: boolean;
  trustProxy: boolean;
}

const truthy = (v: string | undefined) => v === '1' || v === 'true';

export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      auth: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'web-dist': { type: 'string' },
      'plugin-dist': { type: 'string' },
      'tls-cert-file': { type: 'string' },
      'tls-key-file': { type: 'string' },
      'log-level': { type: 'string' },
      'secure-cookie': { type: 'boolean' },
      'trust-proxy': { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const auth = values.auth ?? env.AUTH_MODE ?? 'kubeconfig';
  if (auth !== 'kubeconfig' && auth !== 'token')
    throw new Error(`--auth must be kubeconfig or token, not "${auth}"`);
  const port = Number(values.port ?? env.PORT ?? 9000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid port "${values.port ?? env.PORT}"`);
  const certFile = values['tls-cert-file'] ?? env.TLS_CERT_FILE;
  const keyFile = values['tls-key-file'] ?? env.TLS_KEY_FILE;
  if (!certFile !== !keyFile)
    throw new Error('--tls-cert-file and --tls-key-file (TLS_CERT_FILE, TLS_KEY_FILE) go together');
  const tls = certFile && keyFile ? { certFile, keyFile } : undefined;
  return {
    ...(values.kubeconfig ? { kubeconfigPath: values.kubeconfig } : {}),
    ...(values.context ? { context: values.context } : {}),
    authMode: auth,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    port,
    ...((values['web-dist'] ?? env.WEB_DIST) ? { webDist: values['web-dist'] ?? env.WEB_DIST } : {}),
    ...((values['plugin-dist'] ?? env.PLUGIN_DIST)
      ? { pluginDist: values['plugin-dist'] ?? env.PLUGIN_DIST }
      : {}),
    logLevel: values['log-level'] ?? env.LOG_LEVEL ?? 'info',
    ...(tls ? { tls } : {}),
    secureCookie:
      values['secure-cookie'] ??
      (env.SECURE_COOKIE !== undefined ? truthy(env.SECURE_COOKIE) : tls !== undefined),
    trustProxy: values['trust-proxy'] ?? truthy(env.TRUST_PROXY),
  };
}
