import type { ApiClient, KubeObject, ResourceRef, WatchEvent } from '../core/types.js';
import { isRecord } from '../core/objects.js';

export type ObjectHandler = (type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KubeObject) => void;

/**
 * Watches a resource like an informer does: starts from "now", and restarts the watch when the
 * server ends it (ERROR event, e.g. 410 Gone). Handlers must only enqueue work: the in-process
 * API delivers events synchronously, inside the write that caused them.
 */
export function watchResource(
  api: ApiClient,
  ref: ResourceRef,
  ns: string | undefined,
  handler: ObjectHandler,
  opts: { labelSelector?: string; fieldSelector?: string } = {},
): () => void {
  let stopWatch: (() => void) | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const start = (): void => {
    if (stopped) return;
    try {
      stopWatch = api.watch(ref, ns, { ...opts }, (e: WatchEvent) => {
        if (e.type === 'ERROR') {
          stopWatch?.();
          queueMicrotask(start);
          return;
        }
        if (e.type === 'BOOKMARK') return;
        if (isRecord(e.object) && e.object.kind !== 'Status') handler(e.type, e.object as KubeObject);
      });
    } catch {
      // the resource type may not be served (yet); try again shortly
      retry = setTimeout(start, 1000);
      retry.unref?.();
    }
  };
  start();
  return () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    stopWatch?.();
  };
}
