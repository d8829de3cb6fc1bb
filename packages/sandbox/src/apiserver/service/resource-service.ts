import {
  ApiError,
  omitEmptyDetails,
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  groupResource,
  invalid,
  methodNotAllowed,
  notFound,
  statusFailure,
  storageInitializing,
} from '../../core/errors.js';
import type {
  Clock,
  DeleteOptions,
  KubeObject,
  ListOptions,
  ListResult,
  PatchType,
  StatusBody,
  UserInfo,
  WatchEvent,
  WatchOptions,
  WriteOptions,
  WriteResult,
} from '../../core/types.js';
import { admit, type Operation } from '../admission/pipeline.js';
import { applyJsonPatch, decodeJsonPatch } from '../patch/json.js';
import { applyMergePatch } from '../patch/merge.js';
import { applyStrategicMergePatch } from '../patch/strategic.js';
import { forbiddenMessage, type Attributes, type RbacAuthorizer } from '../rbac/authorizer.js';
import { storageKey, type ResourceRegistry } from '../resources/registry.js';
import { apiVersionOf, type ResourceType } from '../resources/resource-type.js';
import { matchesFields, parseFieldSelector } from '../selectors/fields.js';
import { matchesLabels, parseLabelSelector } from '../selectors/labels.js';
import type { ObjectStore } from '../storage/object-store.js';
import { assignDefaultStorageClass } from '../admission/storage-kinds.js';
import { planDelete } from './deletion.js';
import { planApply, removePaths } from '../fieldmanager/apply.js';
import { updateManagedFields, type ManagedFieldsEntry } from '../fieldmanager/managed-fields.js';
import { carryUpdate, generatedName, kubeTime, stampCreate, unchanged } from './object-meta.js';
import { exactTooOld, paginate } from './paginate.js';
import { present } from './present.js';
import { startWatch } from './watch.js';

export type Subresource = 'status' | 'scale';
export type WriteOpts = WriteOptions & {
  subresource?: Subresource;
  /** set by the service for field ownership */ user?: UserInfo;
  /** keys the request body repeated (`duplicate field "spec.replicas"`), found while decoding it */
  duplicateFields?: string[];
};

const NAMESPACES = storageKey({ group: '', resource: 'namespaces' });
const STORAGE_CLASSES = storageKey({ group: 'storage.k8s.io', resource: 'storageclasses' });

/**
 * The verbs of the Kubernetes API over the store, with kube-apiserver's semantics: RBAC, the
 * admission chain, resourceVersion preconditions, status subresource, generation, dry-run,
 * graceful deletion and finalizers. HTTP handlers and the in-process ApiClient both call this,
 * so a controller sees exactly what kubectl sees.
 */
export class ResourceService {
  /** Create-only resources answered without storage (access reviews). */
  readonly virtualCreate = new Map<string, (user: UserInfo, body: KubeObject) => KubeObject>();
  /** Wall-clock ms from which the watch cache serves lists and watches (see ApiServerOptions). */
  cacheReadyAt = 0;

  /** Lists and watches come from the watch cache: 503 until it has initialized. */
  assertCacheReady(): void {
    if (Date.now() < this.cacheReadyAt) throw storageInitializing();
  }

  constructor(
    readonly registry: ResourceRegistry,
    readonly store: ObjectStore,
    readonly clock: Clock,
    readonly authorizer: RbacAuthorizer,
  ) {}

  // ---- authorization ----

  authorize(
    user: UserInfo,
    verb: string,
    type: ResourceType,
    ns: string | undefined,
    name?: string,
    subresource?: string,
  ): void {
    // kube's RequestInfo treats /namespaces/{name} as a request in namespace {name}.
    const namespace = type.namespaced
      ? ns
      : type.group === '' && type.resource === 'namespaces'
        ? name
        : undefined;
    const a: Attributes = {
      user,
      verb,
      group: type.group,
      resource: type.resource,
      subresource,
      name,
      namespace,
    };
    const d = this.authorizer.authorize(a);
    if (d.allowed) return;
    const qualified = groupResource(type.group, type.resource);
    const msg = forbiddenMessage(a) + (d.reason ? `: ${d.reason}` : '');
    throw forbidden(
      type.group,
      type.resource,
      name,
      name ? `${qualified} "${name}" is forbidden: ${msg}` : `${qualified} is forbidden: ${msg}`,
    );
  }

  // ---- reads ----

  private stored(type: ResourceType, ns: string | undefined, name: string): KubeObject {
    const obj = this.store.get(storageKey(type), type.namespaced ? ns : undefined, name);
    if (!obj) throw notFound(type.group, type.resource, name);
    return obj;
  }

  get(user: UserInfo, type: ResourceType, ns: string | undefined, name: string): KubeObject {
    this.authorize(user, 'get', type, ns, name);
    return present(type, this.stored(type, ns, name));
  }

  /** Label/field selector predicate for list, watch and deletecollection. */
  matcher(type: ResourceType, opts: ListOptions): (o: KubeObject) => boolean {
    const labels = parseLabelSelector(opts.labelSelector);
    const fields = parseFieldSelector(opts.fieldSelector, type);
    return (o) => matchesLabels(labels, o.metadata.labels) && matchesFields(fields, type, o);
  }

  list(user: UserInfo, type: ResourceType, ns: string | undefined, opts: ListOptions = {}): ListResult {
    this.authorize(user, 'list', type, ns);
    const match = this.matcher(type, opts);
    // An exact resourceVersion is read from etcd, which has compacted older revisions away
    // (the sandbox serves current data for newer ones: it keeps no snapshots).
    if (
      opts.resourceVersionMatch === 'Exact' &&
      Number(opts.resourceVersion) < this.store.compactedRevision()
    )
      throw exactTooOld();
    const all = this.store.list(storageKey(type), type.namespaced ? ns : undefined).filter(match);
    const page = paginate(all, opts, this.store.currentRv(), this.store.compactedRevision());
    return {
      apiVersion: apiVersionOf(type),
      kind: type.listKind,
      metadata: page.metadata,
      items: page.items.map((o) => present(type, o)),
    };
  }

  watch(
    user: UserInfo,
    type: ResourceType,
    ns: string | undefined,
    opts: WatchOptions,
    onEvent: (e: WatchEvent) => void,
  ): () => void {
    this.authorize(user, 'watch', type, ns);
    return startWatch(
      this.store,
      this.clock,
      {
        type,
        resourceKey: storageKey(type),
        namespace: type.namespaced ? ns : undefined,
        opts,
        matches: this.matcher(type, opts),
        present: (o) => present(type, o),
      },
      onEvent,
    );
  }

  // ---- writes ----

  private requireNamespace(type: ResourceType, ns: string | undefined, creating: boolean): void {
    if (!type.namespaced) return;
    if (!ns) throw badRequest('the server could not find the requested resource');
    const namespace = this.store.get(NAMESPACES, undefined, ns);
    if (!namespace) throw notFound('', 'namespaces', ns);
    if (creating && namespace.metadata.deletionTimestamp)
      throw new ApiError(
        statusFailure(
          403,
          'Forbidden',
          `${type.resource} "${''}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
          {
            group: type.group || undefined,
            kind: type.resource,
            causes: [
              {
                reason: 'NamespaceTerminating',
                message: `namespace ${ns} is being terminated`,
                field: 'metadata.namespace',
              },
            ],
          },
        ),
      );
  }

  private checkNamespaceOfBody(type: ResourceType, ns: string | undefined, obj: KubeObject): void {
    if (!type.namespaced) {
      delete obj.metadata.namespace;
      return;
    }
    if (obj.metadata.namespace && obj.metadata.namespace !== ns)
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    obj.metadata.namespace = ns;
  }

  create(
    user: UserInfo,
    type: ResourceType,
    ns: string | undefined,
    body: unknown,
    opts: WriteOptions & { applied?: KubeObject; duplicateFields?: string[] } = {},
  ): WriteResult {
    if (!type.verbs.includes('create')) throw methodNotAllowed();
    const obj = asObject(body, type);
    const virtual = this.virtualCreate.get(storageKey(type));
    if (virtual) {
      this.authorize(user, 'create', type, ns);
      if (type.namespaced) obj.metadata.namespace = ns;
      return { object: virtual(user, obj), warnings: [] };
    }
    if (!obj.metadata.name && obj.metadata.generateName)
      obj.metadata.name = this.freeGeneratedName(type, ns, obj.metadata.generateName ?? '');
    this.authorize(user, 'create', type, ns, obj.metadata.name);
    this.requireNamespace(type, ns, true);
    this.checkNamespaceOfBody(type, ns, obj);
    if (type.hasStatus && type.kind !== 'Node' && type.kind !== 'Namespace') delete obj.status;
    const { object, warnings } = admit({
      type,
      operation: 'CREATE',
      object: obj,
      fieldValidation: opts.fieldValidation ?? 'Warn',
      decodeErrors: opts.duplicateFields,
    });
    // the DefaultStorageClass admission plugin (mutating, after defaulting)
    if (type.kind === 'PersistentVolumeClaim' && !type.group)
      assignDefaultStorageClass(object, this.store.list(STORAGE_CLASSES));
    const now = this.clock.now();
    stampCreate(type, object, now);
    type.prepareForStorage?.(object, undefined);
    const w = { manager: managerName(user, opts), apiVersion: apiVersionOf(type), time: kubeTime(now) };
    // Created by server-side apply: the applier owns what its configuration sets, as an Apply entry.
    const managed = opts.applied
      ? planApply({ ...object, metadata: { ...object.metadata, managedFields: [] } }, opts.applied, {
          ...w,
          force: true,
        }).managedFields([])
      : updateManagedFields(undefined, object, w);
    if (managed.length > 0) object.metadata.managedFields = managed;
    const name = object.metadata.name ?? '';
    if (this.store.get(storageKey(type), object.metadata.namespace, name))
      throw alreadyExists(type.group, type.resource, name);
    if (opts.dryRun) return { object: present(type, object), warnings };
    return { object: present(type, this.store.put(storageKey(type), object)), warnings };
  }

  /** kube-apiserver (GenerateNameRetries, on since 1.31) tries up to 8 suffixes before reporting AlreadyExists. */
  private freeGeneratedName(type: ResourceType, ns: string | undefined, prefix: string): string {
    let name = generatedName(prefix);
    for (
      let attempt = 1;
      attempt < 8 && this.store.get(storageKey(type), type.namespaced ? ns : undefined, name);
      attempt++
    )
      name = generatedName(prefix);
    return name;
  }

  update(
    user: UserInfo,
    type: ResourceType,
    ns: string | undefined,
    name: string,
    body: unknown,
    opts: WriteOpts = {},
  ): WriteResult {
    if (!type.verbs.includes('update')) throw methodNotAllowed();
    const obj = asObject(body, type);
    this.authorize(user, 'update', type, ns, name, opts.subresource);
    if (obj.metadata.name && obj.metadata.name !== name)
      throw badRequest(
        `the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`,
      );
    obj.metadata.name = name;
    this.checkNamespaceOfBody(type, ns, obj);
    const old = this.stored(type, ns, name);
    const rv = obj.metadata.resourceVersion;
    // Custom resources allow no unconditional update (customResourceStrategy.AllowUnconditionalUpdate
    // is false): genericregistry.Store.Update answers 422 naming the resource, value 0.
    if (type.crd && (rv === undefined || rv === ''))
      throw invalid(type.group, type.resource, name, [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.resourceVersion',
          message: 'Invalid value: 0: must be specified for an update',
        },
      ]);
    if (rv !== undefined && rv !== '' && rv !== old.metadata.resourceVersion)
      throw conflict(type.group, type.resource, name);
    return this.write(type, old, obj, 'UPDATE', undefined, { ...opts, user });
  }

  patch(
    user: UserInfo,
    type: ResourceType,
    ns: string | undefined,
    name: string,
    patchType: PatchType,
    patch: unknown,
    opts: WriteOpts = {},
  ): WriteResult {
    if (!type.verbs.includes('patch')) throw methodNotAllowed();
    this.authorize(user, 'patch', type, ns, name, opts.subresource);
    const old = this.stored(type, ns, name);
    const current = present(type, old);
    let patched: unknown;
    switch (patchType) {
      case 'merge':
        patched = applyMergePatch(current, patch);
        break;
      case 'json':
        patched = applyJsonPatch(current, decodeJsonPatch(patch));
        break;
      case 'strategic':
        if (!type.strategicMerge) throw unsupportedPatch();
        patched = applyStrategicMergePatch(current, patch);
        break;
      default:
        throw unsupportedPatch();
    }
    const obj = asObject(patched, type);
    if (obj.metadata.name !== name)
      throw badRequest(
        `the name of the object (${String(obj.metadata.name)}) does not match the name on the URL (${name})`,
      );
    const rv = obj.metadata.resourceVersion;
    if (rv !== undefined && rv !== old.metadata.resourceVersion)
      throw conflict(type.group, type.resource, name);
    this.checkNamespaceOfBody(type, ns, obj);
    return this.write(type, old, obj, 'UPDATE', { type: patchType, body: patch }, { ...opts, user });
  }

  /**
   * Server-side apply (PATCH application/apply-patch+yaml): creates the object when missing,
   * else merges the configuration in, with field ownership and conflicts (409 unless `force`).
   */
  apply(
    user: UserInfo,
    type: ResourceType,
    ns: string | undefined,
    name: string,
    body: unknown,
    opts: WriteOpts & { force?: boolean },
  ): WriteResult & { created: boolean } {
    if (!type.verbs.includes('patch')) throw methodNotAllowed();
    this.authorize(user, 'patch', type, ns, name, opts.subresource);
    if (!opts.fieldManager)
      throw invalid('meta.k8s.io', 'PatchOptions', '', [
        {
          reason: 'FieldValueRequired',
          field: 'fieldManager',
          message: 'Required value: is required for apply patch',
        },
      ]);
    const config = asObject(body, type);
    if (config.metadata.name !== undefined && config.metadata.name !== name)
      throw badRequest(
        `the name of the object (${String(config.metadata.name)}) does not match the name on the URL (${name})`,
      );
    config.metadata.name = name;
    const live = this.store.get(storageKey(type), type.namespaced ? ns : undefined, name);
    if (!live) return { ...this.create(user, type, ns, config, { ...opts, applied: config }), created: true };
    const plan = planApply(live, config, {
      manager: opts.fieldManager,
      apiVersion: apiVersionOf(type),
      time: kubeTime(this.clock.now()),
      force: opts.force === true,
      subresource: opts.subresource === 'status' ? 'status' : undefined,
    });
    const merged = asObject(applyStrategicMergePatch(present(type, live), config), type);
    removePaths(merged, plan.remove);
    merged.metadata.resourceVersion = live.metadata.resourceVersion;
    this.checkNamespaceOfBody(type, ns, merged);
    return {
      ...this.write(
        type,
        live,
        merged,
        'UPDATE',
        { type: 'apply', body },
        { ...opts, user },
        plan.managedFields,
      ),
      created: false,
    };
  }

  /** Update path shared by PUT and PATCH: subresource semantics, admission, no-op detection, finalization. */
  private userOf(opts: WriteOpts): UserInfo | undefined {
    return opts.user;
  }

  private write(
    type: ResourceType,
    old: KubeObject,
    next: KubeObject,
    op: Operation,
    patch: { type: string; body: unknown } | undefined,
    opts: WriteOpts,
    ownership?: (entries: ManagedFieldsEntry[]) => ManagedFieldsEntry[],
  ): WriteResult {
    let candidate = next;
    if (opts.subresource === 'status') {
      candidate = { ...structuredClone(old), status: next.status };
      if (next.status === undefined) delete candidate.status;
    } else if (type.hasStatus) {
      candidate = { ...next, status: old.status };
      if (old.status === undefined) delete candidate.status;
    }
    candidate.metadata.resourceVersion = old.metadata.resourceVersion;
    const { object, warnings } = admit({
      type,
      operation: op,
      patch,
      subresource: opts.subresource === 'status' ? 'status' : undefined,
      object: candidate,
      old: present(type, old),
      fieldValidation: opts.fieldValidation ?? 'Warn',
      decodeErrors: opts.duplicateFields,
    });
    carryUpdate(type, object, old);
    type.prepareForStorage?.(object, old);
    const managed = ownership
      ? ownership((old.metadata.managedFields ?? []) as ManagedFieldsEntry[])
      : updateManagedFields(old, object, {
          manager: managerName(this.userOf(opts), opts),
          apiVersion: apiVersionOf(type),
          time: kubeTime(this.clock.now()),
          subresource: opts.subresource === 'status' ? 'status' : undefined,
        });
    if (managed.length > 0) object.metadata.managedFields = managed;
    else delete object.metadata.managedFields;
    if (unchanged(object, old)) return { object: present(type, old), warnings };
    if (opts.dryRun) return { object: present(type, object), warnings };
    const key = storageKey(type);
    if (
      object.metadata.deletionTimestamp &&
      (object.metadata.finalizers ?? []).length === 0 &&
      !isGracefulPod(type, object)
    ) {
      this.store.put(key, object);
      const gone = this.store.remove(key, object.metadata.namespace, object.metadata.name ?? '');
      return { object: present(type, gone ?? object), warnings };
    }
    return { object: present(type, this.store.put(key, object)), warnings };
  }

  delete(
    user: UserInfo,
    type: ResourceType,
    ns: string | undefined,
    name: string,
    opts: DeleteOptions = {},
  ): KubeObject | StatusBody {
    if (!type.verbs.includes('delete')) throw methodNotAllowed();
    this.authorize(user, 'delete', type, ns, name);
    const old = this.stored(type, ns, name);
    checkPreconditions(type, old, opts.preconditions);
    const plan = planDelete(type, old, opts, this.clock.now());
    const key = storageKey(type);
    if (plan.kind === 'mark') {
      if (opts.dryRun) return present(type, plan.object);
      if (unchanged(plan.object, old)) return present(type, old);
      return present(type, this.store.put(key, plan.object));
    }
    if (opts.dryRun) return this.deleted(type, old);
    const gone = this.store.remove(key, old.metadata.namespace, name) ?? old;
    return this.deleted(type, gone);
  }

  /**
   * What a DELETE that removed the object answers (genericregistry.Store.finalizeDelete): the
   * object for kinds with ReturnDeletedObject (pods, services, namespaces, nodes), else a Success
   * Status naming it — its details.kind is the plural ("Yes we set Kind field to resource").
   */
  private deleted(type: ResourceType, gone: KubeObject): KubeObject | StatusBody {
    if (type.returnDeletedObject) return present(type, gone);
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: omitEmptyDetails({
        name: gone.metadata.name,
        group: type.group,
        kind: type.resource,
        uid: gone.metadata.uid,
      }),
    } as StatusBody;
  }

  /**
   * DELETE of a collection (genericregistry.Store.DeleteCollection): lists what the selectors
   * match, deletes each item with the request's options, and answers the list as it was read —
   * the deleted items, e.g. a ConfigMapList (kube-apiserver-facts.md).
   */
  deleteCollection(
    user: UserInfo,
    type: ResourceType,
    ns: string | undefined,
    listOpts: ListOptions,
    opts: DeleteOptions = {},
  ): ListResult {
    if (!type.verbs.includes('deletecollection')) throw methodNotAllowed();
    this.authorize(user, 'deletecollection', type, ns);
    const rv = String(this.store.currentRv());
    const items = this.store
      .list(storageKey(type), type.namespaced ? ns : undefined)
      .filter(this.matcher(type, listOpts));
    const system: UserInfo = { username: 'system:apiserver', groups: ['system:masters'] };
    for (const o of items) {
      try {
        this.delete(system, type, o.metadata.namespace, o.metadata.name ?? '', opts);
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 404)) throw e;
      }
    }
    return {
      apiVersion: apiVersionOf(type),
      kind: type.listKind,
      metadata: { resourceVersion: rv },
      items: items.map((o) => present(type, o)),
    };
  }
}

/**
 * rest.BeforeDelete checks DeleteOptions.preconditions before anything else: a mismatch is a 409
 * Conflict naming the object by its Kind, not its resource (kube-apiserver-facts.md).
 */
function checkPreconditions(type: ResourceType, old: KubeObject, pre: DeleteOptions['preconditions']): void {
  const name = old.metadata.name ?? '';
  if (pre?.uid && pre.uid !== old.metadata.uid)
    throw conflict(
      type.group,
      type.kind,
      name,
      `the UID in the precondition (${pre.uid}) does not match the UID in record (${old.metadata.uid ?? ''}). The object might have been deleted and then recreated`,
    );
  if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion)
    throw conflict(
      type.group,
      type.kind,
      name,
      `the ResourceVersion in the precondition (${pre.resourceVersion}) does not match the ResourceVersion in record (${old.metadata.resourceVersion ?? ''}). The object might have been modified`,
    );
}

/** The field manager of a write: the fieldManager parameter, else (in-process) the caller's name. */
function managerName(user: UserInfo | undefined, opts: WriteOptions): string {
  return (opts.fieldManager ?? user?.username ?? 'unknown').slice(0, 128);
}

function isGracefulPod(type: ResourceType, o: KubeObject): boolean {
  return type.kind === 'Pod' && type.group === '' && (o.metadata.deletionGracePeriodSeconds ?? 0) > 0;
}

function unsupportedPatch(): ApiError {
  return new ApiError(
    statusFailure(
      415,
      'UnsupportedMediaType',
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    ),
  );
}

/** The request body as an object (400 when it is not one, like the JSON decoder). */
export function asObject(body: unknown, type: ResourceType): KubeObject {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest(
      `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: json: cannot unmarshal ${Array.isArray(body) ? 'array' : typeof body} into Go value of type struct`,
    );
  const obj = structuredClone(body) as KubeObject;
  if (typeof obj.metadata !== 'object' || obj.metadata === null) obj.metadata = {};
  return obj;
}
