import { Alert, Button, Checkbox } from '@patternfly/react-core';
import { ConfirmModal } from '../ui/ConfirmModal.js';
import { useState } from 'react';
import type { RegistryConfig } from '../api/contract.js';
import { useT } from '../platform/i18n.js';
import { configuredBackends } from '../ui/storage.js';

interface Props {
  config: RegistryConfig;
  busy: boolean;
  onConfirm(): void;
  onSetStorageUnmanaged(): void;
  onClose(): void;
}

/** What the operator would delete with the registry (domain.md §6.4), for the warning text. */
function managedStorageName(
  config: RegistryConfig,
  t: (key: string, o?: Record<string, string>) => string,
): string | undefined {
  const storage = config.spec.storage;
  const managed = (storage?.managementState ?? config.status?.storage?.managementState) === 'Managed';
  if (!managed) return undefined;
  const backend = configuredBackends(storage)[0];
  if (backend === 's3' || backend === 'gcs' || backend === 'ibmcos') {
    const bucket = (storage?.[backend] as { bucket?: string } | undefined)?.bucket;
    return bucket ? t('the bucket {{name}}', { name: bucket }) : t('the bucket');
  }
  if (backend === 'pvc')
    return t('the persistent volume claim {{name}}', {
      name: storage?.pvc?.claim || 'image-registry-storage',
    });
  if (backend === 'azure' || backend === 'swift') return t('the storage container');
  return t('the storage');
}

export function RemoveRegistryModal({ config, busy, onConfirm, onSetStorageUnmanaged, onClose }: Props) {
  const t = useT();
  const [understood, setUnderstood] = useState(false);
  const storageName = managedStorageName(config, t);
  return (
    <ConfirmModal
      id="irc-remove"
      variant="medium"
      title={t('Remove the image registry?')}
      confirmLabel={t('Remove the registry')}
      busy={busy}
      canConfirm={understood}
      onConfirm={onConfirm}
      onClose={onClose}
      data-test="remove-registry-modal"
    >
      <p>
        {t(
          'Setting the management state to Removed makes the operator delete the registry deployment, its service, routes and secrets. Image pushes and pulls to the internal registry stop.',
        )}
      </p>
      {storageName ? (
        <Alert variant="danger" isInline title={t('Operator-managed storage will be deleted')}>
          <p>
            {t(
              'The operator created {{storage}} and will delete it, together with every image stored in it. This cannot be undone.',
              { storage: storageName },
            )}
          </p>
          <p>
            {t(
              'To keep the images, set the storage to Unmanaged first: the operator then leaves it in place.',
            )}
          </p>
          <Button
            variant="secondary"
            onClick={onSetStorageUnmanaged}
            isDisabled={busy}
            className="irc-gap-top"
          >
            {t('Set storage to Unmanaged')}
          </Button>
        </Alert>
      ) : (
        <Alert variant="info" isInline title={t('Storage is kept')}>
          {t('The storage is not managed by the operator, so it and its images are left in place.')}
        </Alert>
      )}
      <Checkbox
        id="irc-remove-understood"

        label={t('I understand what will be deleted')}
        isChecked={understood}
        onChange={(_event, checked) => setUnderstood(checked)}
      />
    </ConfirmModal>
  );
}
