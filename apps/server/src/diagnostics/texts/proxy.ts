/**
 * Which proxy a client uses. The registry gets HTTP(S)_PROXY and NO_PROXY from the Config's
 * spec.proxy, each field falling back to the cluster proxy's status (domain.md §2); the
 * operator's own calls use the cluster proxy.
 */
import type { KubeObjectLike } from '../../kube/resources.js';

export { matchesNoProxy } from '@irc/shared';

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
