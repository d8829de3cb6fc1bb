/**
 * Field numbers of the Kubernetes API messages kubectl's typed clients send as protobuf
 * (k8s.io/api generated.proto; checked against kubectl 1.32's own request bodies).
 */
export type FieldType =
  'string' | 'int' | 'bool' | 'bytes' | 'map' | 'bytesmap' | 'quantitymap' | 'time' | 'intorstring' | Schema;
export interface FieldSpec {
  name: string;
  type: FieldType;
  repeated?: boolean;
}
export type Schema = { [no: number]: FieldSpec };

const f = (name: string, type: FieldType, repeated = false): FieldSpec => ({ name, type, repeated });

export const OwnerReference: Schema = {
  1: f('kind', 'string'),
  3: f('name', 'string'),
  4: f('uid', 'string'),
  5: f('apiVersion', 'string'),
  6: f('controller', 'bool'),
  7: f('blockOwnerDeletion', 'bool'),
};

export const ObjectMeta: Schema = {
  1: f('name', 'string'),
  2: f('generateName', 'string'),
  3: f('namespace', 'string'),
  5: f('uid', 'string'),
  6: f('resourceVersion', 'string'),
  7: f('generation', 'int'),
  8: f('creationTimestamp', 'time'),
  11: f('labels', 'map'),
  12: f('annotations', 'map'),
  13: f('ownerReferences', OwnerReference, true),
  14: f('finalizers', 'string', true),
};

const LabelSelector: Schema = {
  1: f('matchLabels', 'map'),
  2: f(
    'matchExpressions',
    { 1: f('key', 'string'), 2: f('operator', 'string'), 3: f('values', 'string', true) },
    true,
  ),
};

const Container: Schema = {
  1: f('name', 'string'),
  2: f('image', 'string'),
  3: f('command', 'string', true),
  4: f('args', 'string', true),
  5: f('workingDir', 'string'),
  6: f(
    'ports',
    {
      1: f('name', 'string'),
      2: f('hostPort', 'int'),
      3: f('containerPort', 'int'),
      4: f('protocol', 'string'),
      5: f('hostIP', 'string'),
    },
    true,
  ),
  7: f('env', { 1: f('name', 'string'), 2: f('value', 'string') }, true),
  8: f('resources', { 1: f('limits', 'quantitymap'), 2: f('requests', 'quantitymap') }),
  13: f('terminationMessagePath', 'string'),
  14: f('imagePullPolicy', 'string'),
  16: f('stdin', 'bool'),
  17: f('stdinOnce', 'bool'),
  18: f('tty', 'bool'),
  20: f('terminationMessagePolicy', 'string'),
};

const PodSpec: Schema = {
  2: f('containers', Container, true),
  3: f('restartPolicy', 'string'),
  4: f('terminationGracePeriodSeconds', 'int'),
  6: f('dnsPolicy', 'string'),
  7: f('nodeSelector', 'map'),
  8: f('serviceAccountName', 'string'),
  10: f('nodeName', 'string'),
  11: f('hostNetwork', 'bool'),
  16: f('hostname', 'string'),
  17: f('subdomain', 'string'),
  19: f('schedulerName', 'string'),
  20: f('initContainers', Container, true),
  24: f('priorityClassName', 'string'),
};

const PodTemplateSpec: Schema = { 1: f('metadata', ObjectMeta), 2: f('spec', PodSpec) };

const JobSpec: Schema = {
  1: f('parallelism', 'int'),
  2: f('completions', 'int'),
  3: f('activeDeadlineSeconds', 'int'),
  4: f('selector', LabelSelector),
  5: f('manualSelector', 'bool'),
  6: f('template', PodTemplateSpec),
  7: f('backoffLimit', 'int'),
  8: f('ttlSecondsAfterFinished', 'int'),
  9: f('completionMode', 'string'),
  10: f('suspend', 'bool'),
};

const PolicyRule: Schema = {
  1: f('verbs', 'string', true),
  2: f('apiGroups', 'string', true),
  3: f('resources', 'string', true),
  4: f('resourceNames', 'string', true),
  5: f('nonResourceURLs', 'string', true),
};
const Subject: Schema = {
  1: f('kind', 'string'),
  2: f('apiGroup', 'string'),
  3: f('name', 'string'),
  4: f('namespace', 'string'),
};
const RoleRef: Schema = { 1: f('apiGroup', 'string'), 2: f('kind', 'string'), 3: f('name', 'string') };
const Binding: Schema = {
  1: f('metadata', ObjectMeta),
  2: f('subjects', Subject, true),
  3: f('roleRef', RoleRef),
};

export const KINDS: Record<string, Schema> = {
  SelfSubjectAccessReview: {
    1: f('metadata', ObjectMeta),
    2: f('spec', {
      1: f('resourceAttributes', {
        1: f('namespace', 'string'),
        2: f('verb', 'string'),
        3: f('group', 'string'),
        4: f('version', 'string'),
        5: f('resource', 'string'),
        6: f('subresource', 'string'),
        7: f('name', 'string'),
      }),
      2: f('nonResourceAttributes', { 1: f('path', 'string'), 2: f('verb', 'string') }),
    }),
  },
  SelfSubjectReview: { 1: f('metadata', ObjectMeta) },
  SelfSubjectRulesReview: { 1: f('metadata', ObjectMeta), 2: f('spec', { 1: f('namespace', 'string') }) },
  ConfigMap: {
    1: f('metadata', ObjectMeta),
    2: f('data', 'map'),
    3: f('binaryData', 'bytesmap'),
    4: f('immutable', 'bool'),
  },
  Secret: {
    1: f('metadata', ObjectMeta),
    2: f('data', 'bytesmap'),
    3: f('type', 'string'),
    4: f('stringData', 'map'),
    5: f('immutable', 'bool'),
  },
  Namespace: { 1: f('metadata', ObjectMeta), 2: f('spec', { 1: f('finalizers', 'string', true) }) },
  ServiceAccount: {
    1: f('metadata', ObjectMeta),
    3: f('imagePullSecrets', { 1: f('name', 'string') }, true),
    4: f('automountServiceAccountToken', 'bool'),
  },
  Role: { 1: f('metadata', ObjectMeta), 2: f('rules', PolicyRule, true) },
  ClusterRole: { 1: f('metadata', ObjectMeta), 2: f('rules', PolicyRule, true) },
  RoleBinding: Binding,
  ClusterRoleBinding: Binding,
  Service: {
    1: f('metadata', ObjectMeta),
    2: f('spec', {
      1: f(
        'ports',
        {
          1: f('name', 'string'),
          2: f('protocol', 'string'),
          3: f('port', 'int'),
          4: f('targetPort', 'intorstring'),
          5: f('nodePort', 'int'),
        },
        true,
      ),
      2: f('selector', 'map'),
      3: f('clusterIP', 'string'),
      4: f('type', 'string'),
      5: f('externalIPs', 'string', true),
      7: f('sessionAffinity', 'string'),
      10: f('externalName', 'string'),
    }),
  },
  Job: { 1: f('metadata', ObjectMeta), 2: f('spec', JobSpec) },
  CronJob: {
    1: f('metadata', ObjectMeta),
    2: f('spec', {
      1: f('schedule', 'string'),
      2: f('startingDeadlineSeconds', 'int'),
      3: f('concurrencyPolicy', 'string'),
      4: f('suspend', 'bool'),
      5: f('jobTemplate', { 1: f('metadata', ObjectMeta), 2: f('spec', JobSpec) }),
      6: f('successfulJobsHistoryLimit', 'int'),
      7: f('failedJobsHistoryLimit', 'int'),
      8: f('timeZone', 'string'),
    }),
  },
  Pod: { 1: f('metadata', ObjectMeta), 2: f('spec', PodSpec) },
  Deployment: {
    1: f('metadata', ObjectMeta),
    2: f('spec', {
      1: f('replicas', 'int'),
      2: f('selector', LabelSelector),
      3: f('template', PodTemplateSpec),
      4: f('strategy', { 1: f('type', 'string') }),
      5: f('minReadySeconds', 'int'),
      6: f('revisionHistoryLimit', 'int'),
      7: f('paused', 'bool'),
      9: f('progressDeadlineSeconds', 'int'),
    }),
  },
};
