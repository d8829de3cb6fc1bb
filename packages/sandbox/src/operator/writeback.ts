import type { ApiClient, KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { clone, errorMessage, isConflict, stableStringify } from '../core/objects.js';
import type { Klog } from './klog.js';
import { CONFIG_NAME } from './defaults.js';

/**
 * Writes the operator's narrow spec changes (finalizer, httpSecret, bucket/region, storage
 * managementState …) back to the Config. The first attempt uses the object and
 * resourceVersion the sync read; on 409 Conflict it logs what the real operator logs for a sync
 * that lost the race (`unable to sync: Operation cannot be fulfilled … the object has been
 * modified …, requeuing`), re-reads and re-applies the same narrow mutation, so a concurrent admin
 * change is never overwritten. Returns the stored object, or undefined when there was nothing to
 * change.
 */
export function writeBackSpec(
  api: ApiClient,
  read: KubeObject,
  mutate: (cfg: KubeObject) => void,
  log?: Klog,
  attempts = 5,
): KubeObject | undefined {
  let base = read;
  for (let i = 0; i < attempts; i++) {
    const next = clone(base);
    mutate(next);
    if (
      stableStringify({ m: next.metadata.finalizers, s: next.spec }) ===
      stableStringify({ m: base.metadata.finalizers, s: base.spec })
    )
      return undefined;
    try {
      return api.update(R.configs, undefined, next).object;
    } catch (e) {
      if (!isConflict(e)) throw e;
      log?.error('controller.go:400', `unable to sync: ${errorMessage(e)}, requeuing`);
      base = api.get(R.configs, undefined, CONFIG_NAME);
    }
  }
  throw new Error(`unable to update ${CONFIG_NAME}: too many conflicts`);
}
