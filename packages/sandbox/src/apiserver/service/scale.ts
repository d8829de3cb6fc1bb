import { badRequest, notFound } from '../../core/errors.js';
import type { KubeObject, PatchType, UserInfo, WriteOptions } from '../../core/types.js';
import { applyJsonPatch, decodeJsonPatch } from '../patch/json.js';
import { applyMergePatch } from '../patch/merge.js';
import { formatSelectorObject, type LabelSelectorObject } from '../selectors/labels.js';
import type { ResourceType } from '../resources/resource-type.js';
import { storageKey } from '../resources/registry.js';
import type { ResourceService } from './resource-service.js';

const SUPERUSER: UserInfo = { username: 'system:apiserver', groups: ['system:masters'] };

/** autoscaling/v1 Scale of a Deployment/ReplicaSet/StatefulSet, as the scale subresource serves it. */
function toScale(o: KubeObject): KubeObject {
  const spec = (o.spec ?? {}) as { replicas?: number; selector?: LabelSelectorObject };
  const status = (o.status ?? {}) as { replicas?: number };
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      uid: o.metadata.uid,
      resourceVersion: o.metadata.resourceVersion,
      creationTimestamp: o.metadata.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 0 },
    status: {
      replicas: status.replicas ?? 0,
      selector: spec.selector ? formatSelectorObject(spec.selector) : '',
    },
  };
}

export function getScale(
  svc: ResourceService,
  user: UserInfo,
  type: ResourceType,
  ns: string | undefined,
  name: string,
): KubeObject {
  svc.authorize(user, 'get', type, ns, name, 'scale');
  const o = svc.store.get(storageKey(type), ns, name);
  if (!o) throw notFound(type.group, type.resource, name);
  return toScale(o);
}

/** PUT or PATCH of a Scale: only spec.replicas moves; resourceVersion preconditions apply. */
export function writeScale(
  svc: ResourceService,
  user: UserInfo,
  type: ResourceType,
  ns: string | undefined,
  name: string,
  change: { put?: unknown; patch?: { type: PatchType; body: unknown } },
  opts: WriteOptions,
): KubeObject {
  svc.authorize(user, change.put !== undefined ? 'update' : 'patch', type, ns, name, 'scale');
  const current = svc.store.get(storageKey(type), ns, name);
  if (!current) throw notFound(type.group, type.resource, name);
  const scale = toScale(current);
  let next: unknown = change.put;
  if (change.patch) {
    if (change.patch.type === 'json') next = applyJsonPatch(scale, decodeJsonPatch(change.patch.body));
    else next = applyMergePatch(scale, change.patch.body);
  }
  const replicas = (next as { spec?: { replicas?: unknown } } | undefined)?.spec?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas))
    throw badRequest('Scale.spec.replicas must be an integer');
  const rv = (next as KubeObject).metadata?.resourceVersion;
  const updated = structuredClone(current);
  (updated.spec as { replicas?: number }).replicas = replicas;
  if (rv) updated.metadata.resourceVersion = rv;
  const result = svc.update(SUPERUSER, type, ns, name, updated, opts);
  return toScale(result.object);
}
