import type { ControllerContext, KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { WorkQueue } from './queue.js';
import { watchResource } from './watch.js';
import { isNotFound, rec, str, tryGet } from '../core/objects.js';
import { SAMPLE_CA } from './seed/platform.js';

export const INJECT_CABUNDLE = 'service.beta.openshift.io/inject-cabundle';

/** The service CA bundle the cluster publishes (openshift-config-managed/service-ca). */
export function serviceCABundle(ctx: ControllerContext): string {
  return (
    str(
      rec(tryGet(ctx.api(), R.configMaps, 'openshift-config-managed', 'service-ca'), 'data')['ca-bundle.crt'],
    ) ?? SAMPLE_CA
  );
}

/**
 * The service-ca operator's cabundle injector: a ConfigMap annotated
 * `service.beta.openshift.io/inject-cabundle: "true"` gets `data["service-ca.crt"]`. The image
 * registry operator creates its `serviceca` ConfigMap empty with that annotation and reads the
 * CA from it; nothing else writes the key.
 */
export function startServiceCAInjector(ctx: ControllerContext): () => void {
  const api = ctx.api();
  const sync = (key: string): void => {
    const [ns, name] = key.split('/') as [string, string];
    const cm = tryGet(api, R.configMaps, ns, name);
    if (!cm || cm.metadata.annotations?.[INJECT_CABUNDLE] !== 'true') return;
    const bundle = serviceCABundle(ctx);
    if (rec(cm, 'data')['service-ca.crt'] === bundle) return;
    try {
      api.update(R.configMaps, ns, { ...cm, data: { ...rec(cm, 'data'), 'service-ca.crt': bundle } });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  };
  const queue = new WorkQueue(ctx.clock, sync, undefined, 0);
  const stop = watchResource(api, R.configMaps, undefined, (type, cm: KubeObject) => {
    if (type !== 'DELETED' && cm.metadata.annotations?.[INJECT_CABUNDLE] === 'true')
      queue.add(`${cm.metadata.namespace ?? ''}/${cm.metadata.name ?? ''}`);
  });
  return () => {
    stop();
    queue.stop();
  };
}
