import type { KubeObject } from '../../core/types.js';
import {
  defaultCronJob,
  defaultDeployment,
  defaultJob,
  defaultNamespace,
  defaultPod,
  defaultReplicated,
  defaultSecret,
  defaultService,
  validateCronJob,
  validateDataKeys,
  validateJob,
  validatePod,
  validateRoleBinding,
  validateService,
  validateWorkload,
} from '../admission/builtin-kinds.js';
import { defaultNetworkPolicy, defaultPodDisruptionBudget, validateNetworkPolicy, validatePodDisruptionBudget } from '../admission/policy-kinds.js';
import { ALL_VERBS, type FieldGetter, type ResourceType } from './resource-type.js';

/** Reads a dotted path as a string (fieldSelector values are strings). */
function path(p: string): FieldGetter {
  const keys = p.split('.');
  return (o: KubeObject) => {
    let cur: unknown = o;
    for (const k of keys) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[k] : undefined;
    return cur === undefined || cur === null ? undefined : String(cur);
  };
}
export const fieldsOf = (...paths: string[]): Record<string, FieldGetter> => Object.fromEntries(paths.map((p) => [p, path(p)]));

export type Def = Partial<ResourceType> & Pick<ResourceType, 'group' | 'version' | 'resource' | 'kind'>;

/** A built-in resource type with kube's usual facts filled in (namespaced, all verbs, strategic merge). */
export function def(d: Def): ResourceType {
  return {
    listKind: `${d.kind}List`,
    singular: d.kind.toLowerCase(),
    namespaced: true,
    shortNames: [],
    categories: [],
    verbs: ALL_VERBS,
    subresources: d.hasStatus ? ['status'] : [],
    hasStatus: false,
    generation: false,
    strategicMerge: true,
    returnDeletedObject: false,
    nameRule: 'subdomain',
    fields: {},
    ...d,
  };
}

const ALL = ['all'];
const CREATE_ONLY = ['create'];

/** The built-in resource types the sandbox serves (kube 1.32 discovery facts). */
export function builtinResourceTypes(): ResourceType[] {
  return [
    def({ group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false, shortNames: ['ns'], hasStatus: true, subresources: ['finalize', 'status'], nameRule: 'label', returnDeletedObject: true, fields: fieldsOf('status.phase'), applyDefaults: defaultNamespace, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }),
    def({
      group: '', version: 'v1', resource: 'pods', kind: 'Pod', shortNames: ['po'], categories: ALL, hasStatus: true, subresources: ['binding', 'log', 'status'], returnDeletedObject: true,
      fields: fieldsOf('spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'),
      validate: validatePod, applyDefaults: defaultPod,
    }),
    def({ group: '', version: 'v1', resource: 'bindings', kind: 'Binding', verbs: CREATE_ONLY, nameRule: 'none' }),
    def({ group: '', version: 'v1', resource: 'services', kind: 'Service', shortNames: ['svc'], categories: ALL, hasStatus: true, nameRule: 'dns1035', returnDeletedObject: true, validate: validateService, applyDefaults: defaultService, verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] }),
    def({ group: '', version: 'v1', resource: 'secrets', kind: 'Secret', fields: fieldsOf('type'), validate: validateDataKeys, applyDefaults: defaultSecret }),
    def({ group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', shortNames: ['cm'], validate: validateDataKeys }),
    def({
      group: '', version: 'v1', resource: 'events', kind: 'Event', shortNames: ['ev'], nameRule: 'none',
      fields: fieldsOf('involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'),
    }),
    def({ group: '', version: 'v1', resource: 'serviceaccounts', kind: 'ServiceAccount', shortNames: ['sa'] }),
    def({ group: '', version: 'v1', resource: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', shortNames: ['pvc'], hasStatus: true }),
    def({ group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false, shortNames: ['no'], hasStatus: true, fields: fieldsOf('spec.unschedulable'), returnDeletedObject: true }),
    def({ group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', shortNames: ['deploy'], categories: ALL, hasStatus: true, generation: true, subresources: ['scale', 'status'], validate: validateWorkload, applyDefaults: defaultDeployment }),
    def({ group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet', shortNames: ['rs'], categories: ALL, hasStatus: true, generation: true, subresources: ['scale', 'status'], fields: fieldsOf('status.replicas'), validate: validateWorkload, applyDefaults: defaultReplicated }),
    def({ group: 'apps', version: 'v1', resource: 'daemonsets', kind: 'DaemonSet', shortNames: ['ds'], categories: ALL, hasStatus: true, generation: true, validate: validateWorkload, applyDefaults: defaultReplicated }),
    def({ group: 'apps', version: 'v1', resource: 'statefulsets', kind: 'StatefulSet', shortNames: ['sts'], categories: ALL, hasStatus: true, generation: true, subresources: ['scale', 'status'], validate: validateWorkload, applyDefaults: defaultReplicated }),
    def({ group: 'batch', version: 'v1', resource: 'jobs', kind: 'Job', categories: ALL, hasStatus: true, generation: true, fields: fieldsOf('status.successful'), validate: validateJob, applyDefaults: defaultJob }),
    def({ group: 'batch', version: 'v1', resource: 'cronjobs', kind: 'CronJob', shortNames: ['cj'], categories: ALL, hasStatus: true, generation: true, validate: validateCronJob, applyDefaults: defaultCronJob }),
    def({ group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', shortNames: ['pdb'], hasStatus: true, generation: true, validate: validatePodDisruptionBudget, applyDefaults: defaultPodDisruptionBudget }),
    def({ group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', kind: 'NetworkPolicy', shortNames: ['netpol'], generation: true, validate: validateNetworkPolicy, applyDefaults: defaultNetworkPolicy }),
    def({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', kind: 'ClusterRole', namespaced: false, nameRule: 'path', strategicMerge: true }),
    def({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterrolebindings', kind: 'ClusterRoleBinding', namespaced: false, nameRule: 'path', validate: validateRoleBinding }),
    def({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles', kind: 'Role', nameRule: 'path' }),
    def({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'rolebindings', kind: 'RoleBinding', nameRule: 'path', validate: validateRoleBinding }),
    def({ group: 'authorization.k8s.io', version: 'v1', resource: 'selfsubjectaccessreviews', kind: 'SelfSubjectAccessReview', namespaced: false, verbs: CREATE_ONLY, nameRule: 'none' }),
    def({ group: 'authorization.k8s.io', version: 'v1', resource: 'selfsubjectrulesreviews', kind: 'SelfSubjectRulesReview', namespaced: false, verbs: CREATE_ONLY, nameRule: 'none' }),
    def({ group: 'authentication.k8s.io', version: 'v1', resource: 'selfsubjectreviews', kind: 'SelfSubjectReview', namespaced: false, verbs: CREATE_ONLY, nameRule: 'none' }),
    def({ group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions', kind: 'CustomResourceDefinition', namespaced: false, shortNames: ['crd', 'crds'], categories: ['api-extensions'], hasStatus: true, generation: true, strategicMerge: false, verbs: ['get', 'list', 'watch'] }),
  ];
}
