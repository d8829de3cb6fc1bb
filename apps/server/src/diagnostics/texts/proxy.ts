/**
 * Which proxy a client uses and whether a host bypasses it. The registry gets HTTP(S)_PROXY and
 * NO_PROXY from the Config's spec.proxy, each field falling back to the cluster proxy's status
 * (domain.md §2); the operator's own calls use the cluster proxy. noProxy is matched as Go's
 * golang.org/x/net/http/httpproxy does: `*`, exact hosts, domain suffixes (`.example.com` or
 * `example.com`), IPs and CIDRs, an optional `:port` ignored here.
 */
import type { KubeObjectLike } from '../../kube/resources.js';

export interface EffectiveProxy {
  url: string;
  /** The URL without user info (a proxy password must not reach the browser). */
  display: string;
  noProxy: string;
  /** Whose field sets it: the Config's spec.proxy, or the cluster Proxy object. */
  source: 'config' | 'cluster';
}

export function withoutUserInfo(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//<REDACTED>@');
}

export function registryProxy(
  configSpec: { proxy?: { http?: string; https?: string; noProxy?: string } } | undefined,
  clusterProxy: KubeObjectLike | undefined,
): EffectiveProxy | undefined {
  const own = configSpec?.proxy ?? {};
  const cluster = (clusterProxy?.status ?? {}) as {
    httpsProxy?: string;
    httpProxy?: string;
    noProxy?: string;
  };
  const url = own.https || own.http || cluster.httpsProxy || cluster.httpProxy;
  if (!url) return undefined;
  return {
    url,
    display: withoutUserInfo(url),
    noProxy: own.noProxy || cluster.noProxy || '',
    source: own.https || own.http ? 'config' : 'cluster',
  };
}

export function clusterProxyOf(clusterProxy: KubeObjectLike | undefined): EffectiveProxy | undefined {
  return registryProxy(undefined, clusterProxy);
}

function ipv4(host: string): number | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (!m) return undefined;
  return m.slice(1).reduce((n, p) => n * 256 + Number(p), 0);
}

export function matchesNoProxy(host: string, noProxy: string): boolean {
  const h = host.toLowerCase();
  for (const raw of noProxy.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const cidr = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(entry);
    if (cidr) {
      const ip = ipv4(h);
      const base = ipv4(cidr[1] ?? '');
      const bits = Number(cidr[2]);
      if (ip !== undefined && base !== undefined) {
        const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
        if ((ip & mask) >>> 0 === (base & mask) >>> 0) return true;
      }
      continue;
    }
    const name = entry.replace(/:\d+$/, '');
    if (name.startsWith('.') ? h.endsWith(name) || h === name.slice(1) : h === name || h.endsWith(`.${name}`))
      return true;
  }
  return false;
}
