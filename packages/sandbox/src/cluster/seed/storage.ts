import type { ApiClient } from '../../core/types.js';
import { R } from '../../core/refs.js';
import { ensure } from './ensure.js';

export const DEFAULT_STORAGE_CLASS = 'gp3-csi';
export const EBS_PROVISIONER = 'ebs.csi.aws.com';

/**
 * The StorageClasses the cluster storage operator creates on AWS: the EBS CSI driver's gp3-csi
 * (the default: `storageclass.kubernetes.io/is-default-class: "true"`) and gp2-csi, both
 * WaitForFirstConsumer (a volume is created in the zone of the node its first pod lands on).
 */
export function seedStorageClasses(api: ApiClient): void {
  for (const type of ['gp3', 'gp2'])
    ensure(api, R.storageClasses, {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: `${type}-csi`,
        ...(`${type}-csi` === DEFAULT_STORAGE_CLASS
          ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }
          : {}),
      },
      provisioner: EBS_PROVISIONER,
      parameters: { encrypted: 'true', type },
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    });
}
