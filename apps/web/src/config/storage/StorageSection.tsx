import { Alert, FormGroup, Radio, Stack } from '@patternfly/react-core';
import type { ConfigSpec } from '../../api/contract.js';
import { useT } from '../../platform/i18n.js';
import { backendLabel, BACKENDS, configuredBackends, type Backend } from '../../ui/storage.js';
import { useContext } from 'react';
import type { ConfigData } from '../../api/config.js';
import { focusTarget } from '../../ui/focusField.js';
import { FieldsContext, PathErrors, SelectField } from '../editor/fields.js';
import { SectionForm } from '../editor/SectionForm.js';
import { AzureFields, GcsFields, IbmCosFields, PvcFields, S3Fields, SwiftFields } from './BackendFields.js';
import { CredentialsForm, hasCredentials } from './CredentialsForm.js';
import { storageSection, type StorageDraft } from './storageDraft.js';

type T = (key: string, options?: Record<string, unknown>) => string;

function backendDescription(backend: Backend, t: T): string {
  switch (backend) {
    case 's3':
      return t('AWS S3 or any S3-compatible object store (Ceph RGW, MinIO, NooBaa).');
    case 'gcs':
      return t('A Google Cloud Storage bucket.');
    case 'azure':
      return t('An Azure storage account container.');
    case 'swift':
      return t('An OpenStack Swift container.');
    case 'pvc':
      return t(
        'A persistent volume claim in openshift-image-registry. ReadWriteOnce claims allow one replica only.',
      );
    case 'emptyDir':
      return t(
        'Pod-local scratch space: every image is lost when the pod restarts. For testing only; not for more than one replica.',
      );
    case 'ibmcos':
      return t('An IBM Cloud Object Storage bucket.');
    case 'oss':
      return t('No longer supported: the operator removed its Alibaba OSS driver. Choose another backend.');
  }
}

/** What happens to the old storage when the backend changes (domain.md §6.9). */
function SwitchNotice({ from, to, managed }: { from: Backend; to: Backend; managed: boolean }) {
  const t = useT();
  return (
    <Alert
      variant="warning"
      isInline
      title={t('Switching storage from {{from}} to {{to}}', {
        from: backendLabel(from, t),
        to: backendLabel(to, t),
      })}
      data-test="backend-switch-notice"
    >
      <p>
        {t(
          'Images are not copied: the registry starts empty on the new storage, and image streams keep pointing at images it no longer has until they are pushed again.',
        )}
      </p>
      <p>
        {managed
          ? t(
              'The old storage stays where it is: the operator deletes operator-managed storage only when the registry is Removed, so delete it yourself once you no longer need it.',
            )
          : t('The old storage is not managed by the operator and is left untouched.')}
      </p>
      <p>{t('The operator creates or checks the new storage and rolls out new registry pods.')}</p>
    </Alert>
  );
}

function BackendChooser({
  draft,
  setDraft,
}: {
  draft: StorageDraft;
  setDraft(update: (d: StorageDraft) => StorageDraft): void;
}) {
  const t = useT();
  const { disabled } = useContext(FieldsContext);
  return (
    <FormGroup role="radiogroup" fieldId="irc-storage-backend" label={t('Storage backend')} isStack>
      {BACKENDS.map((backend) => (
        <Radio
          key={backend}
          id={`irc-backend-${backend}`}
          name="irc-storage-backend"
          label={backendLabel(backend, t)}
          description={backendDescription(backend, t)}
          isChecked={draft.backend === backend}
          // a fix for spec.storage (several backends, none) focuses the chosen one, else the first
          {...(backend === (draft.backend || BACKENDS[0]) ? focusTarget('spec.storage') : {})}
          // OSS stays selectable only to show an existing configuration; it cannot be chosen.
          isDisabled={disabled || (backend === 'oss' && draft.backend !== 'oss')}
          onChange={() => setDraft((d) => ({ ...d, backend }))}
        />
      ))}
      <PathErrors path="spec.storage" />
    </FormGroup>
  );
}

function claimNote(data: ConfigData, t: T): string | undefined {
  const claim = data.storageClaim;
  if (!claim) return undefined;
  if (!claim.exists)
    return t(
      'The claim {{name}} does not exist yet; the operator creates image-registry-storage when the name is empty.',
      { name: claim.name },
    );
  return t('Claim {{name}}: {{modes}}{{phase}}.', {
    name: claim.name,
    modes: claim.accessModes.join(', ') || t('no access modes'),
    phase: claim.phase ? `, ${claim.phase}` : '',
  });
}

export default function StorageSection() {
  const t = useT();
  return (
    <Stack hasGutter>
      <SectionForm
        definition={storageSection}
        label={t('Storage configuration')}
        // Credentials are a secret, not part of the Config: their own form, for the chosen backend.
        after={({ draft }) =>
          draft.backend && hasCredentials(draft.backend) ? <CredentialsForm backend={draft.backend} /> : null
        }
      >
        {({ draft, setDraft, state }) => {
          const base = state!.base;
          const spec: ConfigSpec = base.config.spec;
          const liveBackend = configuredBackends(spec.storage)[0];
          const managed =
            (spec.storage?.managementState ?? base.config.status?.storage?.managementState) === 'Managed';
          const props = { draft, setDraft };
          return (
            <>
              <BackendChooser {...props} />
              {liveBackend && draft.backend && draft.backend !== liveBackend ? (
                <SwitchNotice from={liveBackend} to={draft.backend} managed={managed} />
              ) : null}
              {draft.backend === 's3' ? <S3Fields {...props} /> : null}
              {draft.backend === 'gcs' ? <GcsFields {...props} /> : null}
              {draft.backend === 'azure' ? <AzureFields {...props} /> : null}
              {draft.backend === 'swift' ? <SwiftFields {...props} /> : null}
              {draft.backend === 'pvc' ? <PvcFields {...props} claimNote={claimNote(base, t)} /> : null}
              {draft.backend === 'ibmcos' ? <IbmCosFields {...props} /> : null}
              {draft.backend === 'emptyDir' ? <p>{t('emptyDir has no settings.')}</p> : null}
              {draft.backend === 'oss' ? (
                <Alert variant="danger" isInline title={t('Alibaba OSS is no longer supported')}>
                  {t(
                    'The operator reports StorageNotConfigured for an OSS-only configuration. Choose another backend.',
                  )}
                </Alert>
              ) : null}
              <SelectField
                path="spec.storage.managementState"
                label={t('Storage management')}
                value={draft.managementState}
                onChange={(value) =>
                  setDraft((d) => ({ ...d, managementState: value as StorageDraft['managementState'] }))
                }
                options={[
                  { value: '', label: t('Decided by the operator') },
                  {
                    value: 'Managed',
                    label: t('Managed: the operator creates it and deletes it when the registry is Removed'),
                  },
                  { value: 'Unmanaged', label: t('Unmanaged: the operator uses it but never deletes it') },
                ]}
              />
            </>
          );
        }}
      </SectionForm>
    </Stack>
  );
}
