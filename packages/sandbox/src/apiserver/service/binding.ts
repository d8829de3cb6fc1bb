import { badRequest, conflict, notFound } from '../../core/errors.js';
import type { KubeObject, UserInfo } from '../../core/types.js';
import { storageKey } from '../resources/registry.js';
import type { ResourceService } from './resource-service.js';

const SUPERUSER: UserInfo = { username: 'system:apiserver', groups: ['system:masters'] };

/**
 * Binding a pod to a node (POST pods/{name}/binding, or the `bindings` resource): sets
 * spec.nodeName once, as the scheduler does; a bound pod answers 409.
 */
export function bindPod(
  svc: ResourceService,
  ns: string | undefined,
  body: KubeObject,
  podName?: string,
): KubeObject {
  const name = podName ?? body.metadata.name ?? '';
  const target = (body.target ?? {}) as { kind?: string; name?: string };
  if (!target.name) throw badRequest('Binding.target.name: Required value');
  if (target.kind && target.kind !== 'Node')
    throw badRequest(`Binding.target.kind: Unsupported value: "${target.kind}": supported values: "Node"`);
  const podType = svc.registry.find('', 'v1', 'pods');
  if (!podType) throw notFound('', 'pods', name);
  const pod = svc.store.get(storageKey(podType), ns, name);
  if (!pod) throw notFound('', 'pods', name);
  const bound = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  if (bound) throw conflict('', 'pods/binding', name, `pod ${name} is already assigned to node "${bound}"`);
  if (pod.metadata.deletionTimestamp)
    throw conflict('', 'pods/binding', name, `pod ${name} is being deleted, cannot be assigned to a host`);
  svc.patch(
    SUPERUSER,
    podType,
    ns,
    name,
    'merge',
    { spec: { nodeName: target.name } },
    { fieldManager: 'kube-scheduler' },
  );
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    code: 201,
  } as unknown as KubeObject;
}
