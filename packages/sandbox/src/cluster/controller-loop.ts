import type { ApiClient, Clock, KubeObject, ResourceRef } from '../core/types.js';
import { controllerOf } from '../core/objects.js';
import { WorkQueue, type SyncResult } from './queue.js';
import { watchResource } from './watch.js';

/** What a controller's own sources may use: its queue, and the two ways into it. */
export interface ControllerQueue {
  queue: WorkQueue;
  /** Queues every object of the controller's resource. */
  enqueueAll(): void;
  /** Queues the object's controller (its controller reference) when it is of the controller's kind. */
  enqueueOwner(obj: KubeObject): void;
}

/**
 * A controller's work queue and its sources, wired as client-go's informers feed a workqueue:
 * each object of `resource` (all listed at start, then each change) is queued by
 * `namespace/name`, and so is the `kind` owner of each changed object of `owned` (pods, jobs, …).
 * `more` adds sources of its own. Returns what stops the queue and every watch.
 */
export function runController(
  api: ApiClient,
  clock: Clock,
  spec: {
    resource: ResourceRef;
    kind: string;
    owned: ResourceRef[];
    sync: (key: string) => SyncResult;
    latencyMs: number;
    more?: (c: ControllerQueue) => (() => void)[];
  },
): () => void {
  const queue = new WorkQueue(clock, spec.sync, undefined, spec.latencyMs);
  const key = (o: KubeObject): string => `${o.metadata.namespace}/${o.metadata.name}`;
  const c: ControllerQueue = {
    queue,
    enqueueAll: () => {
      for (const o of api.list(spec.resource, undefined).items) queue.add(key(o));
    },
    enqueueOwner: (obj) => {
      const owner = controllerOf(obj);
      if (owner?.kind === spec.kind) queue.add(`${obj.metadata.namespace}/${owner.name}`);
    },
  };
  const stops = [
    watchResource(api, spec.resource, undefined, (_t, o) => queue.add(key(o))),
    ...spec.owned.map((ref) => watchResource(api, ref, undefined, (_t, o) => c.enqueueOwner(o))),
    ...(spec.more?.(c) ?? []),
  ];
  c.enqueueAll();
  return () => {
    queue.stop();
    for (const s of stops) s();
  };
}
