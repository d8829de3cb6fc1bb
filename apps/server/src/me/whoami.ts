/**
 * Who a client acts as (SelfSubjectReview), cached briefly per identity so that recording
 * "who changed what" costs one review per user per minute, not one per write.
 */
import { createHash } from 'node:crypto';
import type { KubeClient } from '../kube/client.js';
import { toKubeError } from '../kube/errors.js';

export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
}

const TTL_MS = 60_000;
const cache = new Map<string, { at: number; user: UserInfo }>();

/** A key that identifies the identity without keeping the token itself in memory maps. */
export function identityKey(token: string | undefined): string {
  return token ? createHash('sha256').update(token).digest('hex').slice(0, 32) : 'server';
}

export async function whoami(client: KubeClient, token: string | undefined): Promise<UserInfo> {
  // Per cluster and identity: the server identity differs per kubeconfig context.
  const server = client.kc.getCurrentCluster()?.server ?? '';
  const key = `${server}|${token ? identityKey(token) : `server:${client.kc.getCurrentContext()}`}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.user;
  try {
    const review = await client.authn.createSelfSubjectReview(
      { body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } },
      client.opts(),
    );
    const info = review.status?.userInfo;
    const user: UserInfo = {
      username: info?.username ?? 'unknown',
      ...(info?.uid ? { uid: info.uid } : {}),
      groups: info?.groups ?? [],
    };
    if (cache.size > 1000) cache.clear();
    cache.set(key, { at: Date.now(), user });
    return user;
  } catch (err) {
    throw toKubeError(err);
  }
}
