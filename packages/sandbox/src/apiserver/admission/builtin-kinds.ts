import type { KubeObject, StatusCause } from '../../core/types.js';
import {
  formatSelectorObject,
  matchesSelectorObject,
  type LabelSelectorObject,
} from '../selectors/labels.js';
import { forbiddenField, invalidValue, notSupported, required } from './field-errors.js';
import { configMapKey } from './names.js';
import { defaultPodSpec, validatePodSpec } from './pod-spec.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const spec = (o: KubeObject): Json => (isObj(o.spec) ? o.spec : {});

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/**
 * ValidatePodUpdate: a pod's spec is immutable but for container images, activeDeadlineSeconds,
 * added tolerations and terminationGracePeriodSeconds. The sandbox also lets spec.nodeName be set
 * once (its scheduler binds pods that way, where kube uses the pods/binding subresource).
 */
function podSpecChangeAllowed(next: Json, old: Json): boolean {
  const allowed: Json = structuredClone(old);
  for (const list of ['containers', 'initContainers']) {
    const before = Array.isArray(old[list]) ? (old[list] as Json[]) : [];
    const after = Array.isArray(next[list]) ? (next[list] as Json[]) : [];
    if (before.length !== after.length) return false;
    if (Array.isArray(old[list])) allowed[list] = before.map((c, i) => ({ ...c, image: after[i]?.image }));
  }
  for (const k of ['activeDeadlineSeconds', 'terminationGracePeriodSeconds'])
    if (k in next) allowed[k] = next[k];
  const tolerations = Array.isArray(old.tolerations) ? old.tolerations : [];
  if (
    Array.isArray(next.tolerations) &&
    JSON.stringify(next.tolerations.slice(0, tolerations.length)) === JSON.stringify(tolerations)
  )
    allowed.tolerations = next.tolerations;
  if (!old.nodeName && next.nodeName) allowed.nodeName = next.nodeName;
  return JSON.stringify(sortKeys(allowed)) === JSON.stringify(sortKeys(next));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObj(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys(v[k])]),
  );
}

export function validatePod(o: KubeObject, old: KubeObject | undefined): StatusCause[] {
  const causes = validatePodSpec(o.spec, 'spec');
  if (old && isObj(o.spec) && isObj(old.spec) && !podSpecChangeAllowed(o.spec, old.spec))
    causes.push(forbiddenField('spec', POD_UPDATE_FORBIDDEN));
  return causes;
}

/** Deployments, ReplicaSets, StatefulSets, DaemonSets: selector required and matching the template. */
export function validateWorkload(o: KubeObject, old: KubeObject | undefined): StatusCause[] {
  const s = spec(o);
  const causes: StatusCause[] = [];
  const selector = s.selector as LabelSelectorObject | undefined;
  const template = isObj(s.template) ? s.template : undefined;
  const labels = isObj(template?.metadata)
    ? ((template.metadata as Json).labels as Record<string, string> | undefined)
    : undefined;
  if (!isObj(selector)) causes.push(required('spec.selector'));
  else if (
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    ((selector as LabelSelectorObject).matchExpressions ?? []).length === 0
  )
    causes.push(
      invalidValue(
        'spec.selector',
        formatSelectorObject(selector),
        'empty selector is invalid for deployment',
      ),
    );
  else if (!matchesSelectorObject(selector, labels))
    causes.push(
      invalidValue(
        'spec.template.metadata.labels',
        labels ?? {},
        '`selector` does not match template `labels`',
      ),
    );
  if (old && isObj(spec(old).selector) && JSON.stringify(spec(old).selector) !== JSON.stringify(selector))
    causes.push(invalidValue('spec.selector', selector ?? null, 'field is immutable'));
  if (typeof s.replicas === 'number' && s.replicas < 0)
    causes.push(invalidValue('spec.replicas', s.replicas, 'must be greater than or equal to 0'));
  causes.push(
    ...validatePodSpec(
      template?.spec,
      'spec.template.spec',
      o.kind === 'Job' ? ['OnFailure', 'Never'] : ['Always'],
    ),
  );
  return causes;
}

/** What a suspended Job that never started may still change in its template (mutable scheduling directives). */
function withSchedulingDirectives(oldTemplate: Json, next: Json): Json {
  const out = structuredClone(oldTemplate);
  const meta = (t: Json): Json => (isObj(t.metadata) ? t.metadata : {});
  out.metadata = { ...meta(out), labels: meta(next).labels, annotations: meta(next).annotations };
  const outSpec: Json = isObj(out.spec) ? out.spec : {};
  const nextSpec: Json = isObj(next.spec) ? next.spec : {};
  for (const k of ['nodeSelector', 'tolerations', 'schedulingGates']) outSpec[k] = nextSpec[k];
  const affinity: Json = {
    ...(isObj(outSpec.affinity) ? outSpec.affinity : {}),
    nodeAffinity: isObj(nextSpec.affinity) ? nextSpec.affinity.nodeAffinity : undefined,
  };
  if (Object.values(affinity).some((v) => v !== undefined)) outSpec.affinity = affinity;
  else delete outSpec.affinity;
  out.spec = outSpec;
  return JSON.parse(JSON.stringify(out)) as Json;
}

/**
 * ValidateJob / ValidateJobSpecUpdate: the pod template and selector are immutable once the Job
 * exists — only a suspended Job that never started may change its scheduling directives. (So a
 * migration of image references cannot rewrite a Job: kube-apiserver refuses it.)
 */
export function validateJob(o: KubeObject, old?: KubeObject): StatusCause[] {
  const template = isObj(spec(o).template) ? (spec(o).template as Json) : undefined;
  const causes = validatePodSpec(template?.spec, 'spec.template.spec', ['OnFailure', 'Never']);
  if (!old || !template) return causes;
  const before = isObj(spec(old).template) ? (spec(old).template as Json) : {};
  const neverStarted = spec(old).suspend === true && !(isObj(old.status) && old.status.startTime);
  const allowed = neverStarted ? withSchedulingDirectives(before, template) : before;
  if (JSON.stringify(sortKeys(JSON.parse(JSON.stringify(template)))) !== JSON.stringify(sortKeys(allowed)))
    causes.push(invalidValue('spec.template', template, 'field is immutable'));
  if (
    spec(old).selector !== undefined &&
    JSON.stringify(sortKeys(spec(o).selector)) !== JSON.stringify(sortKeys(spec(old).selector))
  )
    causes.push(invalidValue('spec.selector', spec(o).selector ?? null, 'field is immutable'));
  return causes;
}

export function validateCronJob(o: KubeObject): StatusCause[] {
  const s = spec(o);
  const causes: StatusCause[] = [];
  if (typeof s.schedule !== 'string' || s.schedule === '') causes.push(required('spec.schedule'));
  const jobSpec = isObj(s.jobTemplate) ? ((s.jobTemplate as Json).spec as Json | undefined) : undefined;
  const template = isObj(jobSpec?.template) ? (jobSpec.template as Json) : undefined;
  causes.push(
    ...validatePodSpec(template?.spec, 'spec.jobTemplate.spec.template.spec', ['OnFailure', 'Never']),
  );
  return causes;
}

export function validateService(o: KubeObject): StatusCause[] {
  const s = spec(o);
  const causes: StatusCause[] = [];
  const type = s.type ?? 'ClusterIP';
  const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
  if (!types.includes(String(type))) causes.push(notSupported('spec.type', type, types));
  const ports = Array.isArray(s.ports) ? s.ports : [];
  if (type !== 'ExternalName' && ports.length === 0 && s.clusterIP !== 'None')
    causes.push(required('spec.ports'));
  ports.forEach((p, i) => {
    const port = isObj(p) ? p.port : undefined;
    if (typeof port !== 'number') causes.push(required(`spec.ports[${i}].port`));
    else if (port < 1 || port > 65535)
      causes.push(invalidValue(`spec.ports[${i}].port`, port, 'must be between 1 and 65535, inclusive'));
    if (ports.length > 1 && !(isObj(p) && p.name)) causes.push(required(`spec.ports[${i}].name`));
  });
  return causes;
}

export function validateDataKeys(o: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const field of ['data', 'binaryData', 'stringData'])
    for (const key of Object.keys(isObj(o[field]) ? (o[field] as Json) : {}))
      causes.push(...configMapKey(key).map((m) => invalidValue(`${field}[${key}]`, key, m)));
  return causes;
}

/** Keys a typed Secret must carry (ValidateSecret): the operator's pull-secret copy fails on it. */
const SECRET_TYPE_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
};

export function validateSecret(o: KubeObject): StatusCause[] {
  const causes = validateDataKeys(o);
  const data = isObj(o.data) ? o.data : {};
  for (const key of SECRET_TYPE_KEYS[typeof o.type === 'string' ? o.type : ''] ?? [])
    if (typeof data[key] !== 'string') causes.push(required(`data[${key}]`));
  return causes;
}

export function validateRoleBinding(o: KubeObject, old: KubeObject | undefined): StatusCause[] {
  const ref = o.roleRef as Json | undefined;
  const causes: StatusCause[] = [];
  if (!isObj(ref)) return [required('roleRef')];
  if (!ref.name) causes.push(required('roleRef.name'));
  if (!['Role', 'ClusterRole'].includes(String(ref.kind)))
    causes.push(notSupported('roleRef.kind', ref.kind, ['Role', 'ClusterRole']));
  if (old && JSON.stringify(old.roleRef) !== JSON.stringify(ref))
    causes.push(invalidValue('roleRef', ref, 'cannot change roleRef'));
  return causes;
}

// ---- defaults (SetDefaults_*) ----

function defaultTemplate(s: Json): void {
  if (isObj(s.template)) defaultPodSpec((s.template as Json).spec);
}

/** The pod's QoS class from its containers' requests and limits (v1 qos.GetPodQOS, cpu/memory only). */
function qosClass(spec: Json): string {
  const containers = Array.isArray(spec.containers) ? (spec.containers as Json[]) : [];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const r = (isObj(c.resources) ? c.resources : {}) as {
      requests?: Record<string, string>;
      limits?: Record<string, string>;
    };
    const req = r.requests ?? {};
    const lim = r.limits ?? {};
    if (Object.keys(req).length > 0 || Object.keys(lim).length > 0) any = true;
    for (const res of ['cpu', 'memory'])
      if (!lim[res] || (req[res] !== undefined && req[res] !== lim[res])) guaranteed = false;
  }
  return !any ? 'BestEffort' : guaranteed ? 'Guaranteed' : 'Burstable';
}

/** The not-ready/unreachable NoExecute tolerations DefaultTolerationSeconds adds (300 s each). */
const DEFAULT_TOLERATIONS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

/**
 * The PriorityClasses every cluster has (kube's two system classes and OpenShift's
 * openshift-user-critical), as the Priority admission plugin resolves them into spec.priority.
 */
const PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
  'openshift-user-critical': 1000000000,
};

/**
 * SetDefaults_Pod plus what kube-apiserver's default admission plugins add to every new pod:
 * ServiceAccount (serviceAccountName "default"), Priority (priority 0, PreemptLowerPriority),
 * DefaultTolerationSeconds (300 s NoExecute tolerations unless the pod tolerates those taints).
 */
export function defaultPod(o: KubeObject): void {
  defaultPodSpec(o.spec);
  if (isObj(o.spec)) {
    const s = o.spec as Json;
    s.enableServiceLinks ??= true;
    s.serviceAccountName ??=
      typeof s.serviceAccount === 'string' && s.serviceAccount ? s.serviceAccount : 'default';
    s.serviceAccount ??= s.serviceAccountName;
    const classPriority =
      s.priorityClassName === undefined ? 0 : PRIORITY_CLASSES[String(s.priorityClassName)];
    if (classPriority !== undefined) {
      s.priority ??= classPriority;
      s.preemptionPolicy ??= 'PreemptLowerPriority';
    }
    const tolerations = Array.isArray(s.tolerations) ? (s.tolerations as unknown[]) : [];
    const tolerates = (key: string) =>
      tolerations.some(
        (t) =>
          isObj(t) &&
          (t.key === key || (t.key === undefined && t.operator === 'Exists')) &&
          (t.effect === undefined || t.effect === '' || t.effect === 'NoExecute'),
      );
    const added = DEFAULT_TOLERATIONS.filter((k) => !tolerates(k)).map((key) => ({
      key,
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    }));
    if (added.length > 0) s.tolerations = [...tolerations, ...added];
  }
  // A new pod starts Pending (the status the create strategy sets); the kubelet takes it from there.
  o.status ??= { phase: 'Pending', qosClass: qosClass(spec(o)) };
}

export function defaultDeployment(o: KubeObject): void {
  const s = spec(o);
  o.spec = s;
  s.replicas ??= 1;
  s.revisionHistoryLimit ??= 10;
  s.progressDeadlineSeconds ??= 600;
  s.strategy ??= {};
  const strategy = s.strategy as Json;
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    strategy.rollingUpdate ??= {};
    const ru = strategy.rollingUpdate as Json;
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  defaultTemplate(s);
}

/** SetDefaults_ReplicaSet / _DaemonSet / _StatefulSet (apps/v1). */
export function defaultReplicated(o: KubeObject): void {
  const s = spec(o);
  o.spec = s;
  if (o.kind !== 'DaemonSet') s.replicas ??= 1;
  if (o.kind === 'DaemonSet') {
    s.revisionHistoryLimit ??= 10;
    s.updateStrategy ??= {};
    const us = s.updateStrategy as Json;
    us.type ??= 'RollingUpdate';
    if (us.type === 'RollingUpdate')
      us.rollingUpdate = {
        maxUnavailable: 1,
        maxSurge: 0,
        ...(isObj(us.rollingUpdate) ? us.rollingUpdate : {}),
      };
  }
  if (o.kind === 'StatefulSet') {
    s.revisionHistoryLimit ??= 10;
    s.podManagementPolicy ??= 'OrderedReady';
    s.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
    s.updateStrategy ??= {};
    const us = s.updateStrategy as Json;
    us.type ??= 'RollingUpdate';
    if (us.type === 'RollingUpdate')
      us.rollingUpdate = { partition: 0, ...(isObj(us.rollingUpdate) ? us.rollingUpdate : {}) };
  }
  defaultTemplate(s);
}

export function defaultJob(o: KubeObject): void {
  const s = spec(o);
  o.spec = s;
  s.backoffLimit ??= 6;
  s.completions ??= 1;
  s.parallelism ??= 1;
  s.completionMode ??= 'NonIndexed';
  s.suspend ??= false;
  // JobPodReplacementPolicy (beta, on in 1.32): Failed when a podFailurePolicy is set
  s.podReplacementPolicy ??= isObj(s.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed';
  defaultTemplate(s);
}

export function defaultCronJob(o: KubeObject): void {
  const s = spec(o);
  o.spec = s;
  s.concurrencyPolicy ??= 'Allow';
  s.suspend ??= false;
  s.successfulJobsHistoryLimit ??= 3;
  s.failedJobsHistoryLimit ??= 1;
  const jobSpec = isObj(s.jobTemplate) ? ((s.jobTemplate as Json).spec as Json | undefined) : undefined;
  if (jobSpec) defaultTemplate(jobSpec);
}

let nextClusterIp = 10;
export function defaultService(o: KubeObject): void {
  const s = spec(o);
  o.spec = s;
  s.type ??= 'ClusterIP';
  s.sessionAffinity ??= 'None';
  if (s.type !== 'ExternalName') {
    if (s.clusterIP === undefined || s.clusterIP === '') {
      // A stand-in for the service IP allocator: unique addresses in 10.96.0.0/12.
      const n = nextClusterIp++;
      s.clusterIP = `10.96.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    }
    s.clusterIPs ??= [s.clusterIP];
    s.ipFamilies ??= ['IPv4'];
    s.ipFamilyPolicy ??= 'SingleStack';
    s.internalTrafficPolicy ??= 'Cluster';
  }
  if (Array.isArray(s.ports))
    for (const p of s.ports)
      if (isObj(p)) {
        p.protocol ??= 'TCP';
        p.targetPort ??= p.port;
      }
  o.status ??= { loadBalancer: {} };
}

export function defaultSecret(o: KubeObject): void {
  o.type ??= 'Opaque';
}

export function defaultNamespace(o: KubeObject): void {
  o.metadata.labels = { ...(o.metadata.labels ?? {}), 'kubernetes.io/metadata.name': o.metadata.name ?? '' };
  o.spec ??= { finalizers: ['kubernetes'] };
  o.status ??= { phase: 'Active' };
}
