import { ApiError, statusFailure } from '../core/errors.js';
import type {
  ApiClient,
  DeleteOptions,
  KubeObject,
  ListOptions,
  ListResult,
  PatchType,
  ResourceRef,
  StatusBody,
  UserInfo,
  WatchEvent,
  WatchOptions,
  WriteOptions,
  WriteResult,
} from '../core/types.js';
import type { ResourceType } from './resources/resource-type.js';
import type { ResourceService } from './service/resource-service.js';

function unknownResource(ref: ResourceRef): ApiError {
  return new ApiError(
    statusFailure(404, 'NotFound', 'the server could not find the requested resource', {
      group: ref.group || undefined,
      kind: ref.resource,
    }),
  );
}

/**
 * The in-process {@link ApiClient}: the same ResourceService the HTTP handlers call, acting as
 * `user`. Objects are copies; watch events arrive asynchronously (microtasks, in order), so a
 * handler that writes back never re-enters the store mid-notification.
 */
export class InProcessClient implements ApiClient {
  constructor(
    private readonly service: ResourceService,
    readonly user: UserInfo,
  ) {}

  private type(ref: ResourceRef): ResourceType {
    const t = this.service.registry.resolve(ref);
    if (!t) throw unknownResource(ref);
    return t;
  }

  get(ref: ResourceRef, ns: string | undefined, name: string): KubeObject {
    return this.service.get(this.user, this.type(ref), ns, name);
  }

  list(ref: ResourceRef, ns: string | undefined, opts?: ListOptions): ListResult {
    return this.service.list(this.user, this.type(ref), ns, opts);
  }

  create(ref: ResourceRef, ns: string | undefined, obj: KubeObject, opts?: WriteOptions): WriteResult {
    return this.service.create(this.user, this.type(ref), ns, obj, opts);
  }

  update(
    ref: ResourceRef,
    ns: string | undefined,
    obj: KubeObject,
    opts?: WriteOptions & { subresource?: 'status' },
  ): WriteResult {
    return this.service.update(this.user, this.type(ref), ns, obj.metadata.name ?? '', obj, opts);
  }

  /** `apply` is server-side apply (fieldManager required, conflicts are 409s). */
  patch(
    ref: ResourceRef,
    ns: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    opts?: WriteOptions & { subresource?: 'status'; force?: boolean },
  ): WriteResult {
    if (type === 'apply') return this.service.apply(this.user, this.type(ref), ns, name, patch, opts ?? {});
    return this.service.patch(this.user, this.type(ref), ns, name, type, patch, opts);
  }

  delete(
    ref: ResourceRef,
    ns: string | undefined,
    name: string,
    opts?: DeleteOptions,
  ): KubeObject | StatusBody {
    return this.service.delete(this.user, this.type(ref), ns, name, opts);
  }

  watch(
    ref: ResourceRef,
    ns: string | undefined,
    opts: WatchOptions,
    onEvent: (e: WatchEvent) => void,
  ): () => void {
    let active = true;
    const stop = this.service.watch(this.user, this.type(ref), ns, opts, (e) =>
      queueMicrotask(() => {
        if (active) onEvent(e);
      }),
    );
    return () => {
      active = false;
      stop();
    };
  }
}
