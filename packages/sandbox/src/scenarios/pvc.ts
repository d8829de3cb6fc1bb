/**
 * PVC storage faults an admin makes by pointing spec.storage.pvc at a claim: one that does not
 * exist, and a ReadWriteOnce one with two replicas (a volume attaches to one node).
 */
import { R } from '../core/refs.js';
import { tryDelete } from '../core/objects.js';
import { NS } from '../operator/defaults.js';
import { patchConfigFields, restoreConfigFields } from './memo.js';
import type { Scenario, ScenarioEnv } from './types.js';

const RWO_CLAIM = 'registry-rwo';

/** A ReadWriteOnce claim, bound as the platform's provisioner binds it. */
function createRwoClaim(env: ScenarioEnv): void {
  tryDelete(env.api, R.pvcs, NS, RWO_CLAIM);
  env.api.create(R.pvcs, NS, {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: RWO_CLAIM, namespace: NS },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '100Gi' } },
      volumeMode: 'Filesystem',
    },
  });
  env.api.patch(
    R.pvcs,
    NS,
    RWO_CLAIM,
    'merge',
    { status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '100Gi' } } },
    { subresource: 'status' },
  );
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
      createRwoClaim(env);
      patchConfigFields(env, this.name, { storage: { pvc: { claim: RWO_CLAIM } }, replicas: 2 });
    },
    clear(env) {
      restoreConfigFields(env, this.name);
      tryDelete(env.api, R.pvcs, NS, RWO_CLAIM);
    },
  },
];
