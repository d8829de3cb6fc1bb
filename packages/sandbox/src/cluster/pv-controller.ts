import { quantityValue } from '@irc/shared';
import { defaultClassName } from '../apiserver/admission/storage-kinds.js';
import type { ControllerContext, KubeObject } from '../core/types.js';
import { EventRecorder } from './events.js';
import { randomHex } from '../core/names.js';
import { isNotFound, isTerminating, rec, str, tryDelete } from '../core/objects.js';
import { WorkQueue } from './queue.js';
import { R } from '../core/refs.js';
import { EBS_PROVISIONER } from './seed/storage.js';
import { watchResource } from './watch.js';

export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const PROVISIONER_ANNOTATIONS = [
  'volume.beta.kubernetes.io/storage-provisioner',
  'volume.kubernetes.io/storage-provisioner',
];
const RESYNC_MS = 15_000;

/**
 * kube-controller-manager's persistentvolume-binder, with the EBS CSI driver's external
 * provisioner beside it. A claim binds to an Available volume that fits (class, access modes,
 * size), else its class provisions one — the events are the controller's own:
 * - no class and no default class: stays Pending, `FailedBinding` "no persistent volumes
 *   available for this claim and no storage class is set" (a class marked default later is
 *   assigned to it, as kube ≥ 1.28 does retroactively);
 * - a class that does not exist: Warning `ProvisioningFailed` `storageclass.storage.k8s.io "x"
 *   not found`;
 * - a WaitForFirstConsumer class: `WaitForFirstConsumer` until the scheduler picks a node for a
 *   pod using the claim (the `volume.kubernetes.io/selected-node` annotation);
 * - then `ExternalProvisioning`, and the provisioner's `Provisioning` / `ProvisioningSucceeded`
 *   for ebs.csi.aws.com (another provisioner is not running here: the claim waits, as it would).
 * A volume whose claim is gone is Released, and deleted when its policy is Delete.
 */
export function startPersistentVolumeController(ctx: ControllerContext): () => void {
  const api = ctx.api();
  const events = new EventRecorder(api, ctx.clock);
  const binder = { component: 'persistentvolume-controller' };
  const provisionerIdentity = `${EBS_PROVISIONER}_aws-ebs-csi-driver-controller-6d8f4c7b9d-${randomHex(5)}_${randomHex(8)}-${randomHex(4)}-${randomHex(4)}-${randomHex(4)}-${randomHex(12)}`;
  const provisioner = { component: provisionerIdentity };

  const syncAll = (): { requeueAfterMs: number } => {
    const claims = api.list(R.pvcs, undefined).items;
    const volumes = api.list(R.pvs, undefined).items;
    const classes = api.list(R.storageClasses, undefined).items;
    for (const claim of claims)
      try {
        if (!isTerminating(claim)) syncClaim(claim, volumes, classes);
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    for (const pv of api.list(R.pvs, undefined).items) syncVolume(pv, claims);
    return { requeueAfterMs: RESYNC_MS };
  };

  const setClaimStatus = (claim: KubeObject, phase: string, pv?: KubeObject): void => {
    const status = rec(claim, 'status');
    const want = pv
      ? { phase, accessModes: rec(pv, 'spec').accessModes, capacity: rec(pv, 'spec').capacity }
      : { phase, accessModes: null, capacity: null };
    if (status.phase === phase && (!pv || status.capacity)) return;
    api.patch(
      R.pvcs,
      claim.metadata.namespace,
      claim.metadata.name ?? '',
      'merge',
      { status: want },
      {
        subresource: 'status',
      },
    );
  };

  const setVolumePhase = (pv: KubeObject, phase: string): void => {
    if (rec(pv, 'status').phase === phase) return;
    api.patch(
      R.pvs,
      undefined,
      pv.metadata.name ?? '',
      'merge',
      { status: { phase } },
      { subresource: 'status' },
    );
  };

  const bind = (claim: KubeObject, pv: KubeObject): void => {
    const ref = rec(pv, 'spec', 'claimRef');
    if (ref.uid !== claim.metadata.uid) {
      api.patch(R.pvs, undefined, pv.metadata.name ?? '', 'merge', {
        metadata: { annotations: { 'pv.kubernetes.io/bound-by-controller': 'yes' } },
        spec: { claimRef: claimRef(claim) },
      });
    }
    setVolumePhase(pv, 'Bound');
    if (
      rec(claim, 'spec').volumeName !== pv.metadata.name ||
      !claim.metadata.annotations?.['pv.kubernetes.io/bind-completed']
    )
      api.patch(R.pvcs, claim.metadata.namespace, claim.metadata.name ?? '', 'merge', {
        metadata: {
          annotations: {
            'pv.kubernetes.io/bind-completed': 'yes',
            'pv.kubernetes.io/bound-by-controller': 'yes',
          },
        },
        spec: { volumeName: pv.metadata.name },
      });
    setClaimStatus(claim, 'Bound', pv);
  };

  const syncClaim = (claim: KubeObject, volumes: KubeObject[], classes: KubeObject[]): void => {
    const spec = rec(claim, 'spec');
    const volumeName = str(spec.volumeName);
    if (volumeName) {
      const pv = volumes.find((v) => v.metadata.name === volumeName);
      if (pv) bind(claim, pv);
      else if (rec(claim, 'status').phase === 'Bound') {
        setClaimStatus(claim, 'Lost');
        events.record(
          binder,
          claim,
          'Warning',
          'ClaimLost',
          'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
        );
      }
      return;
    }
    // a volume provisioned for (or pre-bound to) this claim, or an Available one that fits
    const className = typeof spec.storageClassName === 'string' ? spec.storageClassName : undefined;
    const match =
      volumes.find((v) => rec(v, 'spec', 'claimRef').uid === claim.metadata.uid) ??
      volumes.find((v) => fits(v, claim, className ?? ''));
    if (match) return bind(claim, match);
    setClaimStatus(claim, 'Pending');
    if (className === undefined) {
      const fallback = defaultClassName(classes);
      if (fallback) {
        // retroactive default StorageClass assignment (GA in 1.28)
        api.patch(R.pvcs, claim.metadata.namespace, claim.metadata.name ?? '', 'merge', {
          spec: { storageClassName: fallback },
        });
        return;
      }
    }
    if (!className) {
      events.record(
        binder,
        claim,
        'Normal',
        'FailedBinding',
        'no persistent volumes available for this claim and no storage class is set',
      );
      return;
    }
    const sc = classes.find((c) => c.metadata.name === className);
    if (!sc) {
      events.record(
        binder,
        claim,
        'Warning',
        'ProvisioningFailed',
        `storageclass.storage.k8s.io "${className}" not found`,
      );
      return;
    }
    if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !claim.metadata.annotations?.[SELECTED_NODE]) {
      events.record(
        binder,
        claim,
        'Normal',
        'WaitForFirstConsumer',
        'waiting for first consumer to be created before binding',
      );
      return;
    }
    const name = String(sc.provisioner ?? '');
    if (PROVISIONER_ANNOTATIONS.some((a) => claim.metadata.annotations?.[a] !== name))
      api.patch(R.pvcs, claim.metadata.namespace, claim.metadata.name ?? '', 'merge', {
        metadata: { annotations: Object.fromEntries(PROVISIONER_ANNOTATIONS.map((a) => [a, name])) },
      });
    events.record(
      binder,
      claim,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${name}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    );
    if (name === EBS_PROVISIONER) provision(claim, sc);
  };

  /** csi-provisioner for ebs.csi.aws.com: a volume of the claim's size and modes, pre-bound to it. */
  const provision = (claim: KubeObject, sc: KubeObject): void => {
    const key = `${claim.metadata.namespace}/${claim.metadata.name}`;
    events.record(
      provisioner,
      claim,
      'Normal',
      'Provisioning',
      `External provisioner is provisioning volume for claim "${key}"`,
    );
    const name = `pvc-${claim.metadata.uid}`;
    const spec = rec(claim, 'spec');
    api.create(R.pvs, undefined, {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name,
        annotations: {
          'pv.kubernetes.io/provisioned-by': EBS_PROVISIONER,
          'volume.kubernetes.io/provisioner-deletion-secret-name': '',
          'volume.kubernetes.io/provisioner-deletion-secret-namespace': '',
        },
      },
      spec: {
        accessModes: spec.accessModes,
        capacity: { storage: rec(spec, 'resources', 'requests').storage },
        claimRef: claimRef(claim),
        csi: {
          driver: EBS_PROVISIONER,
          fsType: 'ext4',
          volumeHandle: `vol-0${randomHex(16)}`,
          volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': provisionerIdentity },
        },
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
        storageClassName: sc.metadata.name,
        volumeMode: spec.volumeMode ?? 'Filesystem',
      },
    });
    events.record(
      provisioner,
      claim,
      'Normal',
      'ProvisioningSucceeded',
      `Successfully provisioned volume ${name}`,
    );
    kick();
  };

  const syncVolume = (pv: KubeObject, claims: KubeObject[]): void => {
    const ref = rec(pv, 'spec', 'claimRef');
    if (!ref.name) return setVolumePhase(pv, 'Available');
    if (!ref.uid) return setVolumePhase(pv, 'Available'); // pre-bound by its creator
    const claim = claims.find(
      (c) =>
        c.metadata.namespace === ref.namespace && c.metadata.name === ref.name && c.metadata.uid === ref.uid,
    );
    if (claim) return;
    setVolumePhase(pv, 'Released');
    if (rec(pv, 'spec').persistentVolumeReclaimPolicy === 'Delete')
      tryDelete(api, R.pvs, undefined, pv.metadata.name ?? '');
  };

  const queue = new WorkQueue(ctx.clock, syncAll, undefined, 50);
  const kick = (): void => queue.add('all');
  const stops = [R.pvcs, R.pvs, R.storageClasses].map((r) => watchResource(api, r, undefined, kick));
  kick();
  return () => {
    queue.stop();
    for (const s of stops) s();
  };
}

function claimRef(claim: KubeObject): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    name: claim.metadata.name,
    namespace: claim.metadata.namespace,
    uid: claim.metadata.uid,
    resourceVersion: claim.metadata.resourceVersion,
  };
}

/** An Available volume of the claim's class with its access modes and at least its size. */
function fits(pv: KubeObject, claim: KubeObject, className: string): boolean {
  const spec = rec(pv, 'spec');
  if (rec(pv, 'status').phase !== 'Available' || rec(spec, 'claimRef').uid) return false;
  const ref = rec(spec, 'claimRef');
  if (ref.name && (ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace))
    return false;
  if ((str(spec.storageClassName) ?? '') !== className) return false;
  const want = rec(claim, 'spec');
  const has = Array.isArray(spec.accessModes) ? (spec.accessModes as unknown[]) : [];
  const asked = Array.isArray(want.accessModes) ? (want.accessModes as unknown[]) : [];
  if (!asked.every((m) => has.includes(m))) return false;
  return (
    quantityValue(rec(spec, 'capacity').storage) >= quantityValue(rec(want, 'resources', 'requests').storage)
  );
}
