import type { MigrationResponse } from '@irc/shared';
import { Button, Modal, ModalBody, ModalFooter, ModalHeader, Stack } from '@patternfly/react-core';
import { useT } from '../common/i18n.js';

interface Props {
  preview: MigrationResponse;
  busy: boolean;
  onConfirm(): void;
  onClose(): void;
}

/** Says what Apply writes, object count and kinds, before anything is written. */
export function ApplyModal({ preview, busy, onConfirm, onClose }: Props) {
  const t = useT();
  const namespaces = [...new Set(preview.objects.filter((o) => o.status === 'migrated').map((o) => o.namespace))];
  return (
    <Modal isOpen onClose={onClose} variant="small" aria-labelledby="irc-migrate-title" aria-describedby="irc-migrate-body" data-test="migration-apply-modal">
      <ModalHeader title={t('Migrate image references?')} titleIconVariant="warning" labelId="irc-migrate-title" />
      <ModalBody id="irc-migrate-body">
        <Stack hasGutter>
          <p>
            {t('{{count}} objects in {{namespaces}} will be changed as the preview shows. Workloads roll out new pods that pull from the new registry.', {
              count: preview.summary.migrated,
              namespaces: namespaces.join(', '),
            })}
          </p>
          <p>{t('Each object is written on its own: a failure is reported for that object and does not stop or undo the others. Running it again changes nothing that is already migrated.')}</p>
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={onConfirm} isDisabled={busy} isLoading={busy}>
          {t('Migrate')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
