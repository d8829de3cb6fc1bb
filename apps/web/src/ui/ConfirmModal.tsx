import { Button, Modal, ModalBody, ModalFooter, ModalHeader, Stack } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { useT } from '../platform/i18n.js';

interface Props {
  /** Prefix of the title and body element ids (aria-labelledby / aria-describedby). */
  id: string;
  title: string;
  confirmLabel: string;
  busy: boolean;
  /** Extra condition for the confirm button (e.g. "I understand" ticked). */
  canConfirm?: boolean;
  variant?: 'small' | 'medium';
  onConfirm(): void;
  onClose(): void;
  children: ReactNode;
  'data-test'?: string;
}

/**
 * A destructive or wide-reaching action asks first: warning title, what will happen, a danger
 * button that stays disabled while the write runs, and Cancel.
 */
export function ConfirmModal({
  id,
  title,
  confirmLabel,
  busy,
  canConfirm = true,
  variant = 'small',
  onConfirm,
  onClose,
  children,
  ...rest
}: Props) {
  const t = useT();
  return (
    <Modal
      isOpen
      onClose={onClose}
      variant={variant}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      data-test={rest['data-test']}
    >
      <ModalHeader title={title} titleIconVariant="warning" labelId={`${id}-title`} />
      <ModalBody id={`${id}-body`}>
        <Stack hasGutter>{children}</Stack>
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={onConfirm} isDisabled={!canConfirm || busy} isLoading={busy}>
          {confirmLabel}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
