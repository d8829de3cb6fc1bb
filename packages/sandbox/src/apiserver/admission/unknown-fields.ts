import type { KubeObject } from '../../core/types.js';

/**
 * Unknown-field detection for built-in kinds at the levels the sandbox knows (top level and
 * metadata) — enough for `kubectl --validate=strict` typos like `metdata:` or `sepc:`.
 * Custom resources get full structural detection from validation/.
 */
const META = new Set([
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
]);
const COMMON = ['apiVersion', 'kind', 'metadata'];
const TOP: Record<string, string[]> = {
  ConfigMap: ['data', 'binaryData', 'immutable'],
  Secret: ['data', 'stringData', 'type', 'immutable'],
  ServiceAccount: ['secrets', 'imagePullSecrets', 'automountServiceAccountToken'],
  Event: [
    'involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'type', 'eventTime',
    'series', 'action', 'related', 'reportingComponent', 'reportingInstance',
  ],
  ClusterRole: ['rules', 'aggregationRule'],
  Role: ['rules'],
  ClusterRoleBinding: ['subjects', 'roleRef'],
  RoleBinding: ['subjects', 'roleRef'],
};

export function unknownTopLevelFields(obj: KubeObject): string[] {
  const allowed = new Set([...COMMON, ...(TOP[obj.kind] ?? ['spec', 'status'])]);
  const unknown = Object.keys(obj).filter((k) => !allowed.has(k));
  const meta = typeof obj.metadata === 'object' && obj.metadata !== null ? Object.keys(obj.metadata) : [];
  unknown.push(...meta.filter((k) => !META.has(k)).map((k) => `metadata.${k}`));
  return unknown.map((f) => `unknown field "${f}"`);
}
