/**
 * The volume kinds' table columns, as kubectl's printers fill them (printPersistentVolume,
 * printPersistentVolumeClaim, printStorageClass): access modes abbreviated, the claim as
 * namespace/name, a PV being deleted is Terminating, the default StorageClass marked.
 */
import { describe, expect, it } from 'vitest';
import {
  persistentVolumePrinter,
  pvcPrinter,
  storageClassPrinter,
} from '../../src/apiserver/tables/core-printers.js';
import type { Printer } from '../../src/apiserver/tables/column.js';
import type { KubeObject } from '../../src/core/types.js';

const now = new Date('2026-12-07T12:00:00Z');
const metadata = { name: 'x', creationTimestamp: '2026-12-05T12:00:00Z' };
const table = (p: Printer, o: Record<string, unknown>) =>
  Object.fromEntries(p.columns.map((c, i) => [c.name, p.row(o as unknown as KubeObject, now)[i]]));

describe('volume printers', () => {
  it('a bound claim and one without class or mode', () => {
    expect(
      table(pvcPrinter, {
        metadata,
        spec: { volumeName: 'pv1', storageClassName: 'gp3' },
        status: {
          phase: 'Bound',
          capacity: { storage: '1Gi' },
          accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
        },
      }),
    ).toEqual({
      Name: 'x',
      Status: 'Bound',
      Volume: 'pv1',
      Capacity: '1Gi',
      'Access Modes': 'RWO,RWOP',
      StorageClass: 'gp3',
      VolumeAttributesClass: '<unset>',
      Age: '2d',
      VolumeMode: 'Filesystem',
    });
    expect(
      table(pvcPrinter, { metadata, spec: { volumeMode: 'Block' }, status: { phase: 'Pending' } }),
    ).toMatchObject({
      Volume: '',
      StorageClass: '',
      'Access Modes': '',
      VolumeMode: 'Block',
    });
  });

  it('a volume being deleted, with its claim', () => {
    expect(
      table(persistentVolumePrinter, {
        metadata: { ...metadata, deletionTimestamp: '2026-12-07T11:00:00Z' },
        spec: {
          capacity: { storage: '5Gi' },
          accessModes: ['ReadWriteMany'],
          persistentVolumeReclaimPolicy: 'Retain',
          claimRef: { namespace: 'openshift-image-registry', name: 'image-registry-storage' },
          storageClassName: 'standard',
          volumeAttributesClassName: 'fast',
        },
        status: { phase: 'Bound' },
      }),
    ).toEqual({
      Name: 'x',
      Capacity: '5Gi',
      'Access Modes': 'RWX',
      'Reclaim Policy': 'Retain',
      Status: 'Terminating',
      Claim: 'openshift-image-registry/image-registry-storage',
      StorageClass: 'standard',
      VolumeAttributesClass: 'fast',
      Reason: '',
      Age: '2d',
      VolumeMode: 'Filesystem',
    });
  });

  it('the default StorageClass (either annotation) and the defaults of the others', () => {
    for (const annotation of [
      'storageclass.kubernetes.io/is-default-class',
      'storageclass.beta.kubernetes.io/is-default-class',
    ]) {
      expect(
        table(storageClassPrinter, {
          metadata: { ...metadata, annotations: { [annotation]: 'true' } },
          provisioner: 'ebs.csi.aws.com',
          allowVolumeExpansion: true,
        }),
      ).toEqual({
        Name: 'x (default)',
        Provisioner: 'ebs.csi.aws.com',
        ReclaimPolicy: 'Delete',
        VolumeBindingMode: 'Immediate',
        AllowVolumeExpansion: true,
        Age: '2d',
      });
    }
    expect(
      table(storageClassPrinter, {
        metadata,
        provisioner: 'p',
        reclaimPolicy: 'Retain',
        volumeBindingMode: 'WaitForFirstConsumer',
      }),
    ).toMatchObject({
      Name: 'x',
      ReclaimPolicy: 'Retain',
      VolumeBindingMode: 'WaitForFirstConsumer',
      AllowVolumeExpansion: false,
    });
  });
});
