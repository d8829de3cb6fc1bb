import type { ControllerContext, KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { WorkQueue } from './queue.js';
import { watchResource } from './watch.js';
import { arr, clone, isNotFound, isTerminating, num, rec, str, tryGet, type Json } from '../core/objects.js';
import { importFailure, importedImage } from './image-import.js';
import { rfc3339 } from './time.js';

/**
 * The image import controller (openshift-controller-manager) and the tag resolution
 * openshift-apiserver does for ImageStreamTag tags: a spec tag whose generation is newer than
 * its latest status event is imported — a new event on top of the tag's history, or the same
 * image again (only its generation moves), or an ImportSuccess=False condition when the
 * registry cannot be reached. Status is written with a resourceVersion precondition, so a
 * concurrent status update (oc adm migrate's UpdateStatus) is never overwritten.
 */
export function startImageImportController(ctx: ControllerContext): () => void {
  const api = ctx.api();

  const internalHostname = (): string =>
    str(rec(tryGet(api, R.imageConfigs, undefined, 'cluster'), 'status').internalRegistryHostname) ?? '';

  /** The event a tag resolves to now, a failure message, or undefined when it cannot resolve yet. */
  const resolve = (
    stream: KubeObject,
    tags: Map<string, Json>,
    tag: Json,
    generation: number,
    now: string,
  ): Json | string | undefined => {
    const from = rec(tag, 'from');
    const name = str(from.name) ?? '';
    if (from.kind === 'DockerImage') {
      if (tag.reference === true) return { created: now, dockerImageReference: name, image: '', generation };
      const failure = importFailure(name, internalHostname());
      return failure ?? { created: now, ...importedImage(name), generation };
    }
    if (from.kind !== 'ImageStreamTag') return undefined;
    const [streamName, tagName] = name.split(':');
    const ns = str(from.namespace) || stream.metadata.namespace;
    const same = streamName === stream.metadata.name && ns === stream.metadata.namespace;
    const source = same ? undefined : tryGet(api, R.imageStreams, ns, streamName ?? '');
    const sourceList = same
      ? tags.get(tagName ?? '')
      : arr(source, 'status', 'tags').find((t) => t.tag === tagName);
    const event = arr(sourceList, 'items')[0];
    return event ? { ...event, generation } : undefined;
  };

  const sync = (key: string): void => {
    const [ns, name] = key.split('/') as [string, string];
    const stream = tryGet(api, R.imageStreams, ns, name);
    if (!stream || isTerminating(stream)) return;
    const tags = new Map(arr(stream, 'status', 'tags').map((t) => [String(t.tag), clone(t)]));
    const now = rfc3339(ctx.clock.now());
    let changed = false;
    // DockerImage tags first, so a tag following another tag of this stream sees its new event
    const specTags = [...arr(stream, 'spec', 'tags')].sort(
      (a, b) => Number(rec(a, 'from').kind !== 'DockerImage') - Number(rec(b, 'from').kind !== 'DockerImage'),
    );
    for (const tag of specTags) {
      const tagName = String(tag.name);
      const generation = num(tag.generation) ?? 1;
      const list: Json = tags.get(tagName) ?? { tag: tagName, items: [] };
      const items = arr(list, 'items');
      const failed = arr(list, 'conditions').find((c) => c.type === 'ImportSuccess' && c.status === 'False');
      if ((num(items[0]?.generation) ?? 0) >= generation || (num(failed?.generation) ?? 0) >= generation)
        continue;
      const result = resolve(stream, tags, tag, generation, now);
      if (result === undefined) continue;
      if (typeof result === 'string') {
        list.conditions = [
          {
            type: 'ImportSuccess',
            status: 'False',
            lastTransitionTime: now,
            reason: 'InternalError',
            message: result,
            generation,
          },
        ];
      } else {
        const top = items[0];
        if (top && top.image === result.image && top.dockerImageReference === result.dockerImageReference)
          top.generation = generation;
        else items.unshift(result);
        list.items = items;
        delete list.conditions;
      }
      tags.set(tagName, list);
      changed = true;
    }
    if (!changed) return;
    // history of existing tags in place, newly imported tags after them
    const statusTags = [...tags.values()];
    try {
      api.patch(
        R.imageStreams,
        ns,
        name,
        'merge',
        { metadata: { resourceVersion: stream.metadata.resourceVersion }, status: { tags: statusTags } },
        { subresource: 'status' },
      );
    } catch (e) {
      // a conflict is retried by the queue against the newer object
      if (!isNotFound(e)) throw e;
    }
  };

  const queue = new WorkQueue(ctx.clock, sync, undefined, 50);
  const follows = (other: KubeObject, s: KubeObject): boolean =>
    arr(other, 'spec', 'tags').some(
      (t) =>
        rec(t, 'from').kind === 'ImageStreamTag' &&
        (str(rec(t, 'from').namespace) || other.metadata.namespace) === s.metadata.namespace &&
        String(rec(t, 'from').name).startsWith(`${s.metadata.name}:`),
    );
  const stop = watchResource(api, R.imageStreams, undefined, (_t, s) => {
    queue.add(`${s.metadata.namespace}/${s.metadata.name}`);
    // streams with tags following this one resolve again (listed outside the write that notified us)
    queueMicrotask(() => {
      for (const other of api.list(R.imageStreams, undefined).items)
        if (other !== s && follows(other, s)) queue.add(`${other.metadata.namespace}/${other.metadata.name}`);
    });
  });
  for (const s of api.list(R.imageStreams, undefined).items)
    queue.add(`${s.metadata.namespace}/${s.metadata.name}`);
  return () => {
    queue.stop();
    stop();
  };
}
