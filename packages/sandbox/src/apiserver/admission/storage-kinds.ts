/**
 * Storage kinds as kube-apiserver defaults and validates them: StorageClass (storage.k8s.io/v1),
 * PersistentVolume and PersistentVolumeClaim (v1). SetDefaults_* and the Validate*Update rules
 * an admin meets with kubectl: a class's provisioner, parameters, reclaim policy and binding mode
 * cannot change; a claim's spec is immutable once created, except what the binding sets.
 */
import type { KubeObject, StatusCause } from '../../core/types.js';
import { forbiddenField, invalidValue, notSupported, required } from './field-errors.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The object's map at `key`, created when absent (for defaulting). */
function part(o: KubeObject, key: 'spec' | 'status'): Json {
  if (!isObj(o[key])) o[key] = {};
  return o[key] as Json;
}
const spec = (o: KubeObject): Json => part(o, 'spec');
const status = (o: KubeObject): Json => part(o, 'status');

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];
const RECLAIM_POLICIES = ['Delete', 'Retain', 'Recycle'];

/** SetDefaults_StorageClass: reclaimPolicy Delete, volumeBindingMode Immediate. */
export function defaultStorageClass(o: KubeObject): void {
  o.reclaimPolicy ??= 'Delete';
  o.volumeBindingMode ??= 'Immediate';
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** ValidateStorageClass / ValidateStorageClassUpdate. */
export function validateStorageClass(o: KubeObject, old: KubeObject | undefined): StatusCause[] {
  const causes: StatusCause[] = [];
  if (typeof o.provisioner !== 'string' || o.provisioner === '') causes.push(required('provisioner'));
  if (!RECLAIM_POLICIES.includes(String(o.reclaimPolicy)))
    causes.push(notSupported('reclaimPolicy', o.reclaimPolicy, ['Delete', 'Retain']));
  if (!BINDING_MODES.includes(String(o.volumeBindingMode)))
    causes.push(notSupported('volumeBindingMode', o.volumeBindingMode, BINDING_MODES));
  if (!old) return causes;
  if (!same(o.parameters, old.parameters))
    causes.push(forbiddenField('parameters', 'updates to parameters are forbidden.'));
  if (o.provisioner !== old.provisioner)
    causes.push(forbiddenField('provisioner', 'updates to provisioner are forbidden.'));
  if (o.reclaimPolicy !== old.reclaimPolicy)
    causes.push(forbiddenField('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (o.volumeBindingMode !== old.volumeBindingMode)
    causes.push(invalidValue('volumeBindingMode', o.volumeBindingMode, 'field is immutable'));
  return causes;
}

/** SetDefaults_PersistentVolume: Retain, Filesystem, and a new volume is Pending. */
export function defaultPersistentVolume(o: KubeObject): void {
  const s = spec(o);
  s.persistentVolumeReclaimPolicy ??= 'Retain';
  s.volumeMode ??= 'Filesystem';
  status(o).phase ??= 'Pending';
}

/** SetDefaults_PersistentVolumeClaim: Filesystem, and a new claim is Pending. */
export function defaultPersistentVolumeClaim(o: KubeObject): void {
  spec(o).volumeMode ??= 'Filesystem';
  status(o).phase ??= 'Pending';
}

const CLAIM_IMMUTABLE =
  'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';

/**
 * ValidatePersistentVolumeClaim(Update): access modes and a storage request are required; the
 * spec is immutable once created, except what binding sets (volumeName once, a storageClassName
 * the default class is assigned to retroactively) and resources.requests.
 */
export function validatePersistentVolumeClaim(o: KubeObject, old: KubeObject | undefined): StatusCause[] {
  const causes: StatusCause[] = [];
  const s = isObj(o.spec) ? o.spec : {};
  if (!Array.isArray(s.accessModes) || s.accessModes.length === 0)
    causes.push(required('spec.accessModes', 'at least 1 access mode is required'));
  const requests = isObj(s.resources) && isObj(s.resources.requests) ? s.resources.requests : {};
  if (requests.storage === undefined) causes.push(required('spec.resources[storage]'));
  if (!old) return causes;
  const before = isObj(old.spec) ? old.spec : {};
  const comparable = (x: Json, base: Json): Json => {
    const c: Json = { ...x, resources: undefined, volumeAttributesClassName: undefined };
    if (!base.volumeName) c.volumeName = undefined;
    if (base.storageClassName === undefined) c.storageClassName = undefined;
    return c;
  };
  if (!same(comparable(s, before), comparable(before, before)))
    causes.push(forbiddenField('spec', CLAIM_IMMUTABLE));
  return causes;
}

/** The DefaultStorageClass admission plugin: a claim naming no class gets the default one (the newest, if several). */
export function assignDefaultStorageClass(claim: KubeObject, classes: KubeObject[]): void {
  const s = spec(claim);
  if (s.storageClassName !== undefined && s.storageClassName !== null) return;
  const name = defaultClassName(classes);
  if (name) s.storageClassName = name;
}

export function defaultClassName(classes: KubeObject[]): string | undefined {
  return classes
    .filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')
    .sort(
      (a, b) =>
        String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)) ||
        String(a.metadata.name).localeCompare(String(b.metadata.name)),
    )[0]?.metadata.name;
}
