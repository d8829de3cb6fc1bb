import type { ApiClient, KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { clone, errorMessage, isConflict, stableStringify } from '../core/objects.js';
import { CONFIG_NAME } from './defaults.js';

/**
 * Writes the operator's narrow spec changes (finalizer, httpSecret, bucket/region, storage
 * managementState …) back to the Config, as the real operator's spec update does: inside
 * retry.RetryOnConflict (client-go's DefaultBackoff, 4 attempts) it re-reads the Config and
 * re-applies the same narrow mutation, so a concurrent admin change is never overwritten and a
 * lost race is not logged. Only when every attempt conflicts does it fail with `unable to update
 * config spec: …` (which the work queue logs as `unable to sync: …, requeuing`). Returns the
 * stored object, or undefined when there was nothing to change.
 */
export function writeBackSpec(
  api: ApiClient,
  read: KubeObject,
  mutate: (cfg: KubeObject) => void,
  attempts = 4,
): KubeObject | undefined {
  let base = read;
  let last: unknown;
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
      last = e;
      base = api.get(R.configs, undefined, CONFIG_NAME);
    }
  }
  throw new Error(`unable to update config spec: ${errorMessage(last)}`);
}
