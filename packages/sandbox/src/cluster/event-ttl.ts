import type { ControllerContext } from '../core/types.js';
import { R } from '../core/refs.js';
import { str, tryDelete } from '../core/objects.js';

/** OpenShift runs kube-apiserver with --event-ttl=3h: older Events disappear. */
const EVENT_TTL_MS = 3 * 60 * 60_000;
const SWEEP_MS = 5 * 60_000;

/** Expires Events like etcd's TTL does, so a long-running sandbox keeps a bounded event list. */
export function startEventTTL(ctx: ControllerContext): () => void {
  const api = ctx.api();
  return ctx.clock.every(SWEEP_MS, () => {
    const cutoff = ctx.clock.now().getTime() - EVENT_TTL_MS * ctx.clock.scale;
    for (const e of api.list(R.events, undefined).items) {
      const last = Date.parse(str(e.lastTimestamp) ?? str(e.eventTime) ?? e.metadata.creationTimestamp ?? '');
      if (Number.isFinite(last) && last < cutoff)
        tryDelete(api, R.events, e.metadata.namespace, e.metadata.name ?? '');
    }
  });
}
