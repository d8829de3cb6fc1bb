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
 *   --allowed-hosts LIST (ALLOWED_HOSTS): host names the console is served under besides the
 *     loopback names — names, `*.domain`, `/regex/`, comma-separated (platform/hosts.ts). In a pod,
 *     SERVICE_NAME + POD_NAMESPACE add the Service's DNS names and POD_IP(S) the pod's addresses.
 *   --trust-proxy LIST (TRUST_PROXY): addresses of the reverse proxies in front (IPs, CIDRs,
 *     `loopback`, `linklocal`, `uniquelocal`); only their X-Forwarded-Host/-Proto/-For count
 *   HOST (127.0.0.1), PORT (9000), LOG_LEVEL (info)
 *   WATCH_STALL_MS (150000): a watch with no event or bookmark for this long is `stalled`
 *   MAX_FOLLOWED_LOGS_PER_USER (20), MAX_STREAMS_PER_USER (20): per-identity caps (429 above)
 */
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import type { AuthMode } from './kube/access.js';
import { HostAllowList } from './platform/hosts.js';
import type { IdentityLimits } from './platform/per-identity-limits.js';

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
  /** ALLOWED_HOSTS entries plus the Service's and the pod's names (loopback is always allowed). */
  allowedHosts: string[];
  trustProxy?: string;
  /** WATCH_STALL_MS: a watch silent (no event, no bookmark) this long is stalled. */
  watchStallMs?: number;
  /** MAX_FOLLOWED_LOGS_PER_USER, MAX_STREAMS_PER_USER. */
  identityLimits?: Partial<IdentityLimits>;
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
      'allowed-hosts': { type: 'string' },
      'trust-proxy': { type: 'string' },
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
    allowedHosts: allowedHosts(values['allowed-hosts'] ?? env.ALLOWED_HOSTS, env),
    ...trustedProxies(values['trust-proxy'] ?? env.TRUST_PROXY),
    ...positive('WATCH_STALL_MS', env, (watchStallMs) => ({ watchStallMs })),
    ...identityLimits(env),
  };
}

/** `env[name]` as a whole number ≥ 1 passed to `wrap`, nothing when unset; anything else stops the start. */
function positive<T>(name: string, env: NodeJS.ProcessEnv, wrap: (n: number) => T): T | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(n) || n < 1)
    throw new Error(`${name} must be a whole number of at least 1, not "${raw}"`);
  return wrap(n);
}

function identityLimits(env: NodeJS.ProcessEnv): { identityLimits?: Partial<IdentityLimits> } {
  const limits: Partial<IdentityLimits> = {
    ...positive('MAX_FOLLOWED_LOGS_PER_USER', env, (followedLogs) => ({ followedLogs })),
    ...positive('MAX_STREAMS_PER_USER', env, (streams) => ({ streams })),
  };
  return Object.keys(limits).length > 0 ? { identityLimits: limits } : {};
}

const list = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The names a pod is reached by: the console's proxy calls the Service as
 * `https://<svc>.<ns>.svc.cluster.local:<port>` (console-operator writes that endpoint, and the
 * proxy sends it as Host); clients in the namespace may use the shorter forms; Prometheus
 * scrapes the pod's IP. deploy/deployment.yaml sets SERVICE_NAME, POD_NAMESPACE and POD_IPS.
 */
function allowedHosts(raw: string | undefined, env: NodeJS.ProcessEnv): string[] {
  const entries = list(raw);
  const service = env.SERVICE_NAME?.trim();
  const namespace = env.POD_NAMESPACE?.trim();
  if (service && namespace)
    entries.push(
      service,
      `${service}.${namespace}`,
      `${service}.${namespace}.svc`,
      `${service}.${namespace}.svc.cluster.local`,
    );
  entries.push(...list(env.POD_IPS ?? env.POD_IP));
  new HostAllowList(entries); // a malformed entry stops the start with what is wrong
  return [...new Set(entries)];
}

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Proxy addresses for Fastify's trustProxy (proxy-addr syntax); never "trust every peer". */
function trustedProxies(raw: string | undefined): { trustProxy?: string } {
  const entries = list(raw);
  if (entries.length === 0 || (entries.length === 1 && ['0', 'false'].includes(entries[0] ?? ''))) return {};
  for (const entry of entries) {
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefixOk =
      bits === undefined || (/^[0-9]+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (PROXY_KEYWORDS.has(entry) || (family !== 0 && prefixOk && extra === undefined)) continue;
    throw new Error(
      `TRUST_PROXY: "${entry}" is not an IP address, CIDR or one of loopback, linklocal, uniquelocal — ` +
        'list the addresses of the proxies in front (trusting every peer would let any client name its own Host and address)',
    );
  }
  return { trustProxy: entries.join(',') };
}
