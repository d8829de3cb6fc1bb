/**
 * The Host allow-list: the defence against DNS rebinding.
 *
 * A page on `rebind.attacker.example` whose DNS answer is switched to 127.0.0.1 after it loaded
 * is, for the browser, same-origin with itself while it talks to this server: it reads the CSRF
 * cookie issued to its host and sends the pair back, and standalone the server acts as its
 * kubeconfig identity. Only the Host header betrays it — it still names the attacker's host. So
 * every request must name a host the console is served under, checked before anything else
 * acts on it (cookies, CSRF, the user's identity, static files): `kubectl proxy --accept-hosts`
 * does the same (default `^localhost$,^127\.0\.0\.1$,^\[::1\]$`).
 *
 * Allowed: the loopback names (always, any port: `kubectl port-forward` reaches a pod that way),
 * plus `ALLOWED_HOSTS` entries, each one of
 *   - a name or IP address, matched exactly, case-insensitively: `console.example.com`, `10.0.0.5`, `[fd00::1]`;
 *   - `*.example.com`: any name under that domain (not the domain itself);
 *   - `/regex/`: a JavaScript regular expression that must match the WHOLE name (it is anchored),
 *     case-insensitively, e.g. `/irc-[0-9]+\.lab/` (no commas: they separate entries).
 * Every entry matches on any port. Names are compared as sent, so `localhost.` (trailing dot),
 * `127.1` or `user@host` never match: browsers send none of them for an allowed name.
 *
 * The probes (`GET /healthz`, `/readyz`) are exempt: the kubelet sends the pod IP as Host, and
 * they answer a status and nothing else (health.ts), so a rebinding page learns nothing there.
 */
import { isIPv6 } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/** Route patterns answered whatever the Host (GET/HEAD only). */
const PROBES = new Set(['/healthz', '/readyz']);

/** `name[:port]`, `[v6][:port]`: letters, digits, `-` and `_` in dot-separated labels; nothing else. */
const HOST_HEADER = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*))(?::([0-9]{1,5}))?$/;
const MAX_PORT = 65535;

/** The name of a Host header value, lower-cased (IPv6 in brackets, in its canonical form); undefined if malformed. */
export function hostName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = HOST_HEADER.exec(value);
  if (!m || Number(m[3] ?? 0) > MAX_PORT) return undefined;
  if (m[2] !== undefined) return m[2].toLowerCase();
  const v6 = m[1] ?? '';
  return isIPv6(v6) ? new URL(`http://[${v6}]/`).hostname : undefined;
}

type Matcher = (name: string) => boolean;

/** One `ALLOWED_HOSTS` entry → matcher; a malformed entry throws with what is wrong. */
function parseRule(entry: string): Matcher {
  if (entry.length > 2 && entry.startsWith('/') && entry.endsWith('/')) {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${entry.slice(1, -1)})$`, 'i');
    } catch (err) {
      throw new Error(`ALLOWED_HOSTS: ${entry} is not a regular expression (${(err as Error).message})`);
    }
    return (name) => re.test(name);
  }
  const wildcard = entry.startsWith('*.');
  const literal = wildcard ? entry.slice(2) : entry;
  if (/^[^:]*:[0-9]+$|\]:[0-9]+$/.test(literal))
    throw new Error(`ALLOWED_HOSTS: "${entry}" names a port; an entry matches every port, drop it`);
  const name = hostName(isIPv6(literal) ? `[${literal}]` : literal);
  if (!name || (wildcard && name.startsWith('[')))
    throw new Error(`ALLOWED_HOSTS: "${entry}" is not a host name, IP address, *.domain or /regex/`);
  return wildcard ? (n) => n.endsWith(`.${name}`) : (n) => n === name;
}

export class HostAllowList {
  private readonly matchers: Matcher[];

  /** `entries`: ALLOWED_HOSTS syntax (see the module comment); the loopback names are always in. */
  constructor(readonly entries: readonly string[] = []) {
    this.matchers = [...LOOPBACK_HOSTS, ...entries]
      .map((e) => e.trim())
      .filter(Boolean)
      .map(parseRule);
  }

  allows(hostHeader: string | undefined): boolean {
    const name = hostName(hostHeader);
    return name !== undefined && this.matchers.some((m) => m(name));
  }
}

function refusal(request: FastifyRequest, value: string | undefined): HttpError {
  const named = hostName(value);
  const what = named === undefined ? 'a missing or malformed Host header' : `the host "${value ?? ''}"`;
  request.log.warn({ host: named === undefined ? '(malformed)' : value }, 'request for a host not allowed');
  return new HttpError(
    421,
    'MisdirectedRequest',
    `this console does not answer to ${what}: open it by a name it is served under (localhost, or one listed in ALLOWED_HOSTS)`,
  );
}

/**
 * Refuses (421 Misdirected Request) a request whose Host — and, from a trusted proxy, whose
 * X-Forwarded-Host — is not allowed. Add before any hook that reads cookies, credentials or
 * files. `request.host` is the forwarded name only when Fastify's `trustProxy` trusts the peer.
 */
export function installHostGuard(app: FastifyInstance, allowList: HostAllowList): void {
  app.addHook('onRequest', async (request) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && PROBES.has(request.routeOptions.url ?? ''))
      return;
    // Node keeps the first of several Host headers; a proxy in front may have used the last.
    // RFC 9112 §3.2: a request with more than one is answered 400.
    if (
      request.raw.rawHeaders.filter((_, i, all) => i % 2 === 0 && all[i]?.toLowerCase() === 'host').length > 1
    )
      throw new HttpError(400, 'BadRequest', 'more than one Host header');
    const direct = request.headers.host;
    if (!allowList.allows(direct)) throw refusal(request, direct);
    if (request.host !== direct && !allowList.allows(request.host)) throw refusal(request, request.host);
    // An absolute-form target (`GET http://name/path`) names the host that counts (RFC 9112 §3.2.2).
    const target = absoluteTargetHost(request.raw.url);
    if (target !== undefined && !allowList.allows(target)) throw refusal(request, target);
  });
}

function absoluteTargetHost(url: string | undefined): string | undefined {
  if (!url || url.startsWith('/') || url === '*') return undefined;
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
