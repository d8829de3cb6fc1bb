/**
 * The image registry operator's metrics (openshift/cluster-image-registry-operator pkg/metrics,
 * as facts): `image_registry_operator_storage_reconfigured_total` (each time the storage the
 * registry uses is configured anew) and `image_registry_operator_image_pruner_install_status`
 * (0 not installed, 1 suspended, 2 enabled). Derived from the sandbox's Config and ImagePruner.
 */
import type { ApiClient, KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { rec, stableStringify, tryGet } from '../core/objects.js';
import { watchResource } from '../cluster/watch.js';
import { Vec, type Family } from './exposition.js';
import type { MetricsCollector } from './cluster-version-operator.js';

function storageOf(cfg: KubeObject | undefined): string {
  const s = rec(cfg, 'status', 'storage');
  return Object.keys(s).length ? stableStringify(s) : '';
}

export function imageRegistryOperatorMetrics(api: ApiClient): MetricsCollector {
  const reconfigured = new Vec(
    'image_registry_operator_storage_reconfigured_total',
    "Total times the image registry's storage was reconfigured.",
    'counter',
  );
  reconfigured.add({}, 0);
  let storage = '';
  try {
    storage = storageOf(tryGet(api, R.configs, undefined, 'cluster'));
  } catch {
    // Configs not served yet: the first status the watch sees is the baseline
  }
  const stop = watchResource(api, R.configs, undefined, (type, cfg) => {
    if (type === 'DELETED' || cfg.metadata.name !== 'cluster') return;
    const now = storageOf(cfg);
    if (now && now !== storage) reconfigured.add({});
    storage = now;
  });
  return {
    collect(): Family[] {
      const pruner = new Vec(
        'image_registry_operator_image_pruner_install_status',
        'Installation status code related to the automatic image pruning feature. 0 = not installed, 1 = suspended, 2 = enabled',
        'gauge',
      );
      let obj: KubeObject | undefined;
      try {
        obj = tryGet(api, R.imagePruners, undefined, 'cluster');
      } catch {
        obj = undefined;
      }
      pruner.set({}, !obj ? 0 : rec(obj, 'spec').suspend === true ? 1 : 2);
      return [reconfigured.family(), pruner.family()];
    },
    stop,
  };
}
