import type { ApiClient, KubeObject, ResourceRef } from '../../core/types.js';
import { isAlreadyExists, isConflict } from '../../core/objects.js';

/**
 * Creates an object unless it already exists (seeding is idempotent: a restarted sandbox over a
 * kept store must not fail or duplicate). When `status` is given it is written through the
 * status subresource, as the controllers that own it would.
 */
export function ensure(
  api: ApiClient,
  ref: ResourceRef,
  obj: KubeObject,
  status?: Record<string, unknown>,
): KubeObject | undefined {
  const ns = obj.metadata.namespace;
  try {
    const created = api.create(ref, ns, obj).object;
    if (status) {
      return api.patch(ref, ns, created.metadata.name ?? '', 'merge', { status }, { subresource: 'status' })
        .object;
    }
    return created;
  } catch (e) {
    if (isAlreadyExists(e) || isConflict(e)) return undefined;
    throw e;
  }
}
