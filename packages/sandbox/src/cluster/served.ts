import type { ApiClient, ResourceRef } from '../core/types.js';
import { isNotFound } from '../core/objects.js';

const cache = new WeakMap<ApiClient, Map<string, boolean>>();

/**
 * Whether the API serves a resource type (some optional kinds — PDBs, NetworkPolicies, config
 * CRDs — may be absent from a sandbox build). A 404 on list means "not served".
 */
export function isServed(api: ApiClient, ref: ResourceRef): boolean {
  let m = cache.get(api);
  if (!m) cache.set(api, (m = new Map()));
  const key = `${ref.group}/${ref.version}/${ref.resource}`;
  const known = m.get(key);
  if (known !== undefined) return known;
  let ok = true;
  try {
    api.list(ref, undefined, { limit: 1 });
  } catch (e) {
    ok = !isNotFound(e);
  }
  m.set(key, ok);
  return ok;
}
