/**
 * PVC storage faults an admin makes by pointing spec.storage.pvc at a claim: one that does not
 * exist, a ReadWriteOnce one with two replicas (a volume attaches to one node), one naming a
 * StorageClass that does not exist, and the operator's own claim on a cluster without a default
 * StorageClass. The claims are bound (or left Pending, with the events) by the sandbox's PV
 * controller and the registry pod waits for them as the scheduler makes it wait.
 */
import { R } from '../core/refs.js';
import { tryDelete, tryGet } from '../core/objects.js';
import { DEFAULT_CLASS_ANNOTATION } from '../apiserver/admission/storage-kinds.js';
import { NS, PVC_NAME } from '../operator/defaults.js';
import { memo, patchConfigFields, restoreConfigFields } from './memo.js';
import type { Scenario, ScenarioEnv } from './types.js';

const RWO_CLAIM = 'registry-rwo';
const FAST_CLAIM = 'registry-storage-fast';
const MISSING_CLASS = 'fast-rwx';

/** A claim an admin made for the registry (the PV controller binds it, or says why not). */
function createClaim(env: ScenarioEnv, name: string, spec: Record<string, unknown>): void {
  tryDelete(env.api, R.pvcs, NS, name);
  env.api.create(R.pvcs, NS, {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: NS },
    spec: { resources: { requests: { storage: '100Gi' } }, volumeMode: 'Filesystem', ...spec },
  });
}

/** Takes the default-class annotation off every default StorageClass, remembering which. */
function unmarkDefaultClasses(env: ScenarioEnv, scenario: string): void {
  const defaults = env.api
    .list(R.storageClasses, undefined)
    .items.filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')
    .map((c) => c.metadata.name ?? '');
  const m = memo(env);
  if (!m.has(`${scenario}:defaults`)) m.set(`${scenario}:defaults`, defaults);
  for (const name of defaults)
    env.api.patch(R.storageClasses, undefined, name, 'merge', {
      metadata: { annotations: { [DEFAULT_CLASS_ANNOTATION]: null } },
    });
}

function remarkDefaultClasses(env: ScenarioEnv, scenario: string): void {
  const m = memo(env);
  const names = (m.get(`${scenario}:defaults`) as string[] | undefined) ?? [];
  m.delete(`${scenario}:defaults`);
  for (const name of names)
    if (tryGet(env.api, R.storageClasses, undefined, name))
      env.api.patch(R.storageClasses, undefined, name, 'merge', {
        metadata: { annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } },
      });
}

export const PVC_SCENARIOS: Scenario[] = [
  {
    name: 'pvc-missing',
    description:
      'spec.storage.pvc.claim names missing-claim, which does not exist: persistentvolumeclaims "missing-claim" not found.',
    activate(env) {
      patchConfigFields(env, this.name, { storage: { pvc: { claim: 'missing-claim' } } });
    },
    clear(env) {
      restoreConfigFields(env, this.name);
    },
  },
  {
    name: 'pvc-rwo-replicas',
    description: `spec.storage.pvc.claim names ${RWO_CLAIM}, a ReadWriteOnce claim, with 2 replicas: "cannot use ReadWriteOnce access mode with more than one replica of the image registry".`,
    activate(env) {
      createClaim(env, RWO_CLAIM, { accessModes: ['ReadWriteOnce'] });
      patchConfigFields(env, this.name, { storage: { pvc: { claim: RWO_CLAIM } }, replicas: 2 });
    },
    clear(env) {
      restoreConfigFields(env, this.name);
      tryDelete(env.api, R.pvcs, NS, RWO_CLAIM);
    },
  },
  {
    name: 'pvc-storageclass-missing',
    description: `spec.storage.pvc.claim names ${FAST_CLAIM}, a claim of StorageClass ${MISSING_CLASS}, which does not exist: the claim stays Pending (ProvisioningFailed storageclass.storage.k8s.io "${MISSING_CLASS}" not found) and the new registry pod with it ("pod has unbound immediate PersistentVolumeClaims").`,
    activate(env) {
      createClaim(env, FAST_CLAIM, { accessModes: ['ReadWriteMany'], storageClassName: MISSING_CLASS });
      patchConfigFields(env, this.name, { storage: { pvc: { claim: FAST_CLAIM } } });
    },
    clear(env) {
      restoreConfigFields(env, this.name);
      tryDelete(env.api, R.pvcs, NS, FAST_CLAIM);
    },
  },
  {
    name: 'pvc-no-default-storageclass',
    description: `No StorageClass is marked default (the ${DEFAULT_CLASS_ANNOTATION} annotation removed) and spec.storage.pvc asks the operator for its claim ${PVC_NAME}, which names no class: it stays Pending (FailedBinding "no persistent volumes available for this claim and no storage class is set"), and the new registry pod with it.`,
    activate(env) {
      unmarkDefaultClasses(env, this.name);
      // a claim left by an earlier PVC configuration already has the default class
      tryDelete(env.api, R.pvcs, NS, PVC_NAME);
      patchConfigFields(env, this.name, { storage: { pvc: { claim: '' } } });
    },
    clear(env) {
      restoreConfigFields(env, this.name);
      remarkDefaultClasses(env, this.name);
      // the operator's claim, never used once the registry is back on its own storage
      tryDelete(env.api, R.pvcs, NS, PVC_NAME);
    },
  },
  {
    name: 'pvc-rwo-rolling-update',
    description: `spec.storage.pvc.claim names ${RWO_CLAIM}, a ReadWriteOnce claim, with 1 replica and the RollingUpdate strategy: "cannot use ReadWriteOnce access mode with RollingUpdate rollout strategy" (a new pod could not mount the volume the old one holds).`,
    activate(env) {
      createClaim(env, RWO_CLAIM, { accessModes: ['ReadWriteOnce'] });
      patchConfigFields(env, this.name, {
        storage: { pvc: { claim: RWO_CLAIM } },
        replicas: 1,
        rolloutStrategy: 'RollingUpdate',
      });
    },
    clear(env) {
      restoreConfigFields(env, this.name);
      tryDelete(env.api, R.pvcs, NS, RWO_CLAIM);
    },
  },
];
