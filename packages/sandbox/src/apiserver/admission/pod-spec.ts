import type { StatusCause } from '../../core/types.js';
import { duplicate, invalidValue, nameCauses, notSupported, required } from './field-errors.js';
import { dns1123Label } from './names.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function validateContainers(list: unknown, field: string, requireOne: boolean): StatusCause[] {
  const causes: StatusCause[] = [];
  if (list === undefined || list === null) return requireOne ? [required(field)] : [];
  if (!Array.isArray(list)) return [invalidValue(field, list, 'must be a list')];
  if (requireOne && list.length === 0) causes.push(required(field));
  const seen = new Set<string>();
  list.forEach((c, i) => {
    const at = `${field}[${i}]`;
    if (!isObj(c)) return void causes.push(invalidValue(at, c, 'must be an object'));
    const name = c.name;
    if (typeof name !== 'string' || name === '') causes.push(required(`${at}.name`));
    else {
      causes.push(...nameCauses(`${at}.name`, name, dns1123Label(name)));
      if (seen.has(name)) causes.push(duplicate(`${at}.name`, name));
      seen.add(name);
    }
    if (typeof c.image !== 'string' || c.image.trim() === '') causes.push(required(`${at}.image`));
    if (
      c.imagePullPolicy !== undefined &&
      !['Always', 'IfNotPresent', 'Never'].includes(String(c.imagePullPolicy))
    )
      causes.push(
        notSupported(`${at}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']),
      );
    if (Array.isArray(c.ports))
      c.ports.forEach((p, j) => {
        const port = isObj(p) ? p.containerPort : undefined;
        if (typeof port !== 'number') causes.push(required(`${at}.ports[${j}].containerPort`));
        else if (port < 1 || port > 65535)
          causes.push(
            invalidValue(`${at}.ports[${j}].containerPort`, port, 'must be between 1 and 65535, inclusive'),
          );
      });
  });
  return causes;
}

const SCHEDULE_ACTIONS = ['DoNotSchedule', 'ScheduleAnyway'];

/**
 * validateTopologySpreadConstraints (k8s.io/kubernetes pkg/apis/core/validation): maxSkew > 0, a
 * topologyKey, whenUnsatisfiable one of the two actions (Unsupported value, supported values
 * sorted), no repeated {topologyKey, whenUnsatisfiable} pair (reported on the earlier one), and
 * minDomains only positive and only with DoNotSchedule. Missing fields are Go's zero values.
 */
function validateTopologySpread(list: unknown, field: string): StatusCause[] {
  if (!Array.isArray(list)) return [];
  const causes: StatusCause[] = [];
  const items = list.map((c) => (isObj(c) ? c : {}));
  items.forEach((c, i) => {
    const at = `${field}[${i}]`;
    const maxSkew = typeof c.maxSkew === 'number' ? c.maxSkew : 0;
    const key = typeof c.topologyKey === 'string' ? c.topologyKey : '';
    const action = typeof c.whenUnsatisfiable === 'string' ? c.whenUnsatisfiable : '';
    if (maxSkew <= 0) causes.push(invalidValue(`${at}.maxSkew`, maxSkew, 'must be greater than zero'));
    if (key === '') causes.push(required(`${at}.topologyKey`, 'can not be empty'));
    if (!SCHEDULE_ACTIONS.includes(action))
      causes.push(notSupported(`${at}.whenUnsatisfiable`, action, SCHEDULE_ACTIONS));
    if (
      items
        .slice(i + 1)
        .some((o) => o.topologyKey === c.topologyKey && o.whenUnsatisfiable === c.whenUnsatisfiable)
    )
      causes.push(duplicate(`${at}.{topologyKey, whenUnsatisfiable}`, `{${key}, ${action}}`));
    if (typeof c.minDomains === 'number') {
      if (c.minDomains <= 0)
        causes.push(invalidValue(`${at}.minDomains`, c.minDomains, 'must be greater than zero'));
      if (action !== 'DoNotSchedule')
        causes.push(
          invalidValue(
            `${at}.minDomains`,
            c.minDomains,
            `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`,
          ),
        );
    }
  });
  return causes;
}

/** The parts of ValidatePodSpec the console's objects exercise: containers, restartPolicy, topology spread. */
export function validatePodSpec(
  spec: unknown,
  field: string,
  restartPolicies = ['Always', 'OnFailure', 'Never'],
): StatusCause[] {
  if (!isObj(spec)) return [required(field)];
  const causes = [
    ...validateContainers(spec.containers, `${field}.containers`, true),
    ...validateContainers(spec.initContainers, `${field}.initContainers`, false),
  ];
  if (spec.restartPolicy !== undefined && !restartPolicies.includes(String(spec.restartPolicy)))
    causes.push(notSupported(`${field}.restartPolicy`, spec.restartPolicy, restartPolicies));
  causes.push(
    ...validateTopologySpread(spec.topologySpreadConstraints, `${field}.topologySpreadConstraints`),
  );
  return causes;
}

/** SetDefaults_Probe and the handler defaults (HTTPGetAction path/scheme, GRPCAction service). */
function defaultProbe(probe: unknown): void {
  if (!isObj(probe)) return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  defaultHandler(probe);
}

function defaultHandler(handler: Json): void {
  if (isObj(handler.httpGet)) {
    handler.httpGet.path ??= '/';
    handler.httpGet.scheme ??= 'HTTP';
  }
  if (isObj(handler.grpc)) handler.grpc.service ??= '';
}

function defaultContainer(c: Json): void {
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(c[probe]);
  if (isObj(c.lifecycle))
    for (const hook of ['postStart', 'preStop'])
      if (isObj(c.lifecycle[hook])) defaultHandler(c.lifecycle[hook]);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  if (c.imagePullPolicy === undefined && typeof c.image === 'string') {
    const tag = c.image.includes('@') ? 'digest' : /:[^/]+$/.exec(c.image)?.[0].slice(1);
    c.imagePullPolicy = tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isObj(p)) p.protocol ??= 'TCP';
}

/** Volume sources' defaults (SetDefaults_SecretVolumeSource & co.): file mode 0644 = 420, token expiry 1 h. */
function defaultVolume(v: Json): void {
  for (const key of ['secret', 'configMap', 'projected', 'downwardAPI'])
    if (isObj(v[key])) (v[key] as Json).defaultMode ??= 420;
  if (isObj(v.hostPath)) v.hostPath.type ??= '';
  if (isObj(v.projected) && Array.isArray(v.projected.sources))
    for (const src of v.projected.sources)
      if (isObj(src) && isObj(src.serviceAccountToken)) src.serviceAccountToken.expirationSeconds ??= 3600;
}

/** SetDefaults_PodSpec + SetDefaults_Container (the fields `kubectl get -o yaml` shows). */
export function defaultPodSpec(spec: unknown): void {
  if (!isObj(spec)) return;
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const key of ['containers', 'initContainers'])
    if (Array.isArray(spec[key])) for (const c of spec[key] as unknown[]) if (isObj(c)) defaultContainer(c);
  if (Array.isArray(spec.volumes)) for (const v of spec.volumes as unknown[]) if (isObj(v)) defaultVolume(v);
}
