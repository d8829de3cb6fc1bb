import { ApiError } from '../../core/errors.js';
import type { KubeObject, OwnerReference, UserInfo } from '../../core/types.js';
import { storageKey } from '../resources/registry.js';
import type { ResourceType } from '../resources/resource-type.js';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../service/deletion.js';
import type { ResourceService } from '../service/resource-service.js';
import type { StoredEvent } from '../storage/object-store.js';

const GC_USER: UserInfo = {
  username: 'system:serviceaccount:kube-system:generic-garbage-collector',
  groups: ['system:masters'],
};

interface Entry {
  type: ResourceType;
  obj: Readonly<KubeObject>;
}

/**
 * kube-controller-manager's garbage collector and namespace controller, run after changes:
 * - dependents whose owners are all gone are deleted (background propagation);
 * - dependents of an owner deleted in the foreground are deleted first, then the owner's
 *   `foregroundDeletion` finalizer is removed; `orphan` strips owner references instead;
 * - a terminating namespace is emptied, then removed.
 */
export class GarbageCollector {
  private pending = false;
  private stopped = false;

  constructor(private readonly service: ResourceService) {}

  start(): () => void {
    const off = this.service.store.onAnyChange((_key, e) => {
      if (this.relevant(e)) this.schedule();
    });
    return () => {
      this.stopped = true;
      off();
    };
  }

  private relevant(e: StoredEvent): boolean {
    const refs = (o: StoredEvent['object'] | undefined): number => o?.metadata.ownerReferences?.length ?? 0;
    return (
      e.type === 'DELETED' ||
      Boolean(e.object.metadata.deletionTimestamp) ||
      refs(e.object) > 0 ||
      refs(e.previous) > 0
    );
  }

  private schedule(): void {
    if (this.pending || this.stopped) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      if (!this.stopped) this.run();
    });
  }

  private entries(): Entry[] {
    const seen = new Set<string>();
    const out: Entry[] = [];
    for (const type of this.service.registry.all()) {
      const key = storageKey(type);
      if (seen.has(key)) continue;
      seen.add(key);
      for (const obj of this.service.store.peek(key)) out.push({ type, obj });
    }
    return out;
  }

  /** One pass over the cluster; every action it takes triggers another pass until nothing is left to do. */
  run(): void {
    const all = this.entries();
    const byUid = new Map(all.map((e) => [e.obj.metadata.uid ?? '', e]));
    const dependents = new Map<string, Entry[]>();
    for (const e of all)
      for (const ref of e.obj.metadata.ownerReferences ?? [])
        dependents.set(ref.uid, [...(dependents.get(ref.uid) ?? []), e]);

    for (const e of all) {
      const refs = e.obj.metadata.ownerReferences ?? [];
      if (refs.length === 0) continue;
      const ownerOf = (r: OwnerReference): Entry | undefined => {
        const o = byUid.get(r.uid);
        return o && (!o.type.namespaced || o.obj.metadata.namespace === e.obj.metadata.namespace)
          ? o
          : undefined;
      };
      const live = refs.filter((r) => ownerOf(r));
      if (live.length === 0) {
        this.remove(e, 'Background');
        continue;
      }
      const foreground = live.find(
        (r) =>
          ownerOf(r)?.obj.metadata.finalizers?.includes(FOREGROUND_FINALIZER) &&
          ownerOf(r)?.obj.metadata.deletionTimestamp,
      );
      if (foreground) {
        this.remove(e, foreground.blockOwnerDeletion ? 'Foreground' : 'Background');
        continue;
      }
      const keep = live.filter((r) => !ownerOf(r)?.obj.metadata.finalizers?.includes(ORPHAN_FINALIZER));
      if (keep.length !== refs.length)
        this.rewrite(e, (o) => (o.metadata.ownerReferences = keep.length > 0 ? keep : undefined));
    }

    for (const e of all) {
      const m = e.obj.metadata;
      if (!m.deletionTimestamp) continue;
      for (const finalizer of [FOREGROUND_FINALIZER, ORPHAN_FINALIZER])
        if (m.finalizers?.includes(finalizer) && (dependents.get(m.uid ?? '') ?? []).length === 0)
          this.rewrite(
            e,
            (o) => (o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== finalizer)),
          );
      if (e.type.group === '' && e.type.resource === 'namespaces') this.terminateNamespace(e, all);
    }
  }

  private terminateNamespace(ns: Entry, all: Entry[]): void {
    const name = ns.obj.metadata.name;
    const content = all.filter((e) => e.type.namespaced && e.obj.metadata.namespace === name);
    for (const e of content) this.remove(e, 'Background');
    if (content.length === 0) this.service.store.remove(storageKey(ns.type), undefined, name ?? '');
  }

  private remove(e: Entry, propagationPolicy: 'Background' | 'Foreground'): void {
    if (e.obj.metadata.deletionTimestamp && propagationPolicy === 'Background') return;
    this.ignoreGone(() =>
      this.service.delete(GC_USER, e.type, e.obj.metadata.namespace, e.obj.metadata.name ?? '', {
        propagationPolicy,
      }),
    );
  }

  private rewrite(e: Entry, change: (o: KubeObject) => void): void {
    const next = structuredClone(e.obj) as KubeObject;
    change(next);
    this.ignoreGone(() =>
      this.service.update(GC_USER, e.type, e.obj.metadata.namespace, e.obj.metadata.name ?? '', next),
    );
  }

  private ignoreGone(fn: () => unknown): void {
    try {
      fn();
    } catch (err) {
      // A race with another writer (404/409) resolves itself on the next pass.
      if (!(err instanceof ApiError && (err.code === 404 || err.code === 409))) throw err;
    }
  }
}
