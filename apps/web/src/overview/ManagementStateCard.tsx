import {
  Alert,
  Card,
  CardBody,
  CardTitle,
  HelperText,
  HelperTextItem,
  Stack,
  ToggleGroup,
  ToggleGroupItem,
} from '@patternfly/react-core';
import { useState } from 'react';
import { AccessTooltip } from '../ui/AccessTooltip.js';
import { conflictOf, seenVersion, usePatchConfig } from '../api/config.js';
import type { ConfigData } from '../api/config.js';
import type { ManagementState, SectionPatch } from '../api/contract.js';
import { focusTarget } from '../ui/focusField.js';
import { useT } from '../platform/i18n.js';
import { useAccess } from '../api/access.js';
import { RemoveRegistryModal } from './RemoveRegistryModal.js';

const STATES: ManagementState[] = ['Managed', 'Unmanaged', 'Removed'];

/** Managed / Unmanaged / Removed, applied at once; Removed only after a confirmation. */
export function ManagementStateCard({ data }: { data: ConfigData }) {
  const t = useT();
  const access = useAccess('config.patch');
  const patch = usePatchConfig();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const current = data.config.spec.managementState ?? 'Managed';

  // A management-state change is one field. If the server answers 409 because something else
  // changed meanwhile (the operator writes back spec.storage on removal, for instance) but the
  // management state is still what the admin saw, re-applying on the live version overwrites
  // nothing the admin did not see: do it once, instead of showing a conflict they cannot act on.
  const apply = (body: SectionPatch) =>
    patch.mutate(
      { patch: body, ...seenVersion(data) },
      {
        onError: (error) => {
          const live = conflictOf(error);
          const seenState = data.config.spec.managementState;
          if (
            live &&
            live.config.spec.managementState === seenState &&
            live.resourceVersion !== data.resourceVersion
          ) {
            patch.mutate({ patch: body, ...seenVersion(live) });
          }
        },
      },
    );

  const choose = (state: ManagementState) => {
    if (state === current) return;
    if (state === 'Removed') setConfirmRemove(true);
    else apply({ managementState: state });
  };

  const labels: Record<ManagementState, string> = {
    Managed: t('Managed'),
    Unmanaged: t('Unmanaged'),
    Removed: t('Removed'),
  };
  const describe: Record<string, string> = {
    Managed: t('The operator deploys the registry and keeps it as configured.'),
    Unmanaged: t('The operator leaves the registry alone: changes to the configuration are not applied.'),
    Removed: t('The operator removes the registry (and storage it manages).'),
  };

  return (
    <Card data-test="management-state" isFullHeight>
      <CardTitle component="h2">{t('Management state')}</CardTitle>
      <CardBody>
        <Stack hasGutter>
          <AccessTooltip access={access}>
            <ToggleGroup aria-label={t('Management state')} className="irc-wrap">
              {STATES.map((state) => (
                <ToggleGroupItem
                  key={state}
                  text={labels[state]}
                  buttonId={`irc-state-${state}`}
                  {...(current === state ? focusTarget('spec.managementState') : {})}
                  isSelected={current === state}
                  isDisabled={!access.allowed || patch.isPending}
                  onChange={() => choose(state)}
                />
              ))}
            </ToggleGroup>
          </AccessTooltip>
          <HelperText>
            <HelperTextItem>
              {describe[current] ?? t('The operator does not handle this state: nothing is reconciled.')}
            </HelperTextItem>
            {!access.allowed && !access.loading ? (
              <HelperTextItem variant="warning">{access.reason}</HelperTextItem>
            ) : null}
          </HelperText>
          {patch.isError ? (
            <Alert variant="danger" isInline title={t('The management state was not changed')}>
              {patch.error.message}
            </Alert>
          ) : null}
        </Stack>
      </CardBody>
      {confirmRemove ? (
        <RemoveRegistryModal
          config={data.config}
          busy={patch.isPending}
          onClose={() => setConfirmRemove(false)}
          onSetStorageUnmanaged={() =>
            apply({
              storage: {
                ...(data.config.spec.storage ?? {}),
                managementState: 'Unmanaged',
              } as SectionPatch['storage'],
            })
          }
          onConfirm={() => {
            apply({ managementState: 'Removed' });
            setConfirmRemove(false);
          }}
        />
      ) : null}
    </Card>
  );
}
