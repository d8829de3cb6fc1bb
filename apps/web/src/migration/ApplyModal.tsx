import type { MigrationResponse } from '@irc/shared';
import { ConfirmModal } from '../ui/ConfirmModal.js';
import { useT } from '../platform/i18n.js';

interface Props {
  preview: MigrationResponse;
  busy: boolean;
  onConfirm(): void;
  onClose(): void;
}

/** Says what Apply writes, object count and kinds, before anything is written. */
export function ApplyModal({ preview, busy, onConfirm, onClose }: Props) {
  const t = useT();
  const namespaces = [
    ...new Set(preview.objects.filter((o) => o.status === 'migrated').map((o) => o.namespace)),
  ];
  return (
    <ConfirmModal
      id="irc-migrate"
      title={t('Migrate image references?')}
      confirmLabel={t('Migrate')}
      busy={busy}
      onConfirm={onConfirm}
      onClose={onClose}
      data-test="migration-apply-modal"
    >
      <p>
        {t(
          '{{count}} objects in {{namespaces}} will be changed as the preview shows. Workloads roll out new pods that pull from the new registry.',
          {
            count: preview.summary.migrated,
            namespaces: namespaces.join(', '),
          },
        )}
      </p>
      <p>
        {t(
          'Each object is written on its own: a failure is reported for that object and does not stop or undo the others. Running it again changes nothing that is already migrated.',
        )}
      </p>
    </ConfirmModal>
  );
}
