import { FormFieldGroup, FormFieldGroupHeader, Radio, FormGroup } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { useT } from '../../platform/i18n.js';
import { SwitchField, TextField } from '../editor/fields.js';
import type { StorageDraft } from './storageDraft.js';

type Update = (update: (draft: StorageDraft) => StorageDraft) => void;

interface Props {
  draft: StorageDraft;
  setDraft: Update;
}

/** Binds a text field of one backend to the draft. */
function useBinder<K extends 's3' | 'gcs' | 'swift' | 'ibmcos' | 'pvc'>(
  backend: K,
  { draft, setDraft }: Props,
) {
  return (
    key: keyof StorageDraft[K] & string,
    label: string,
    extra: { helper?: ReactNode; numeric?: boolean } = {},
  ) => (
    <TextField
      path={`spec.storage.${backend}.${key}`}
      label={label}
      value={String(draft[backend][key])}
      onChange={(value) => setDraft((d) => ({ ...d, [backend]: { ...d[backend], [key]: value } }))}
      {...extra}
    />
  );
}

export function S3Fields(props: Props) {
  const t = useT();
  const { draft, setDraft } = props;
  const text = useBinder('s3', props);
  const cf = draft.s3.cloudFront;
  const setCf = (key: keyof typeof cf, value: string) =>
    setDraft((d) => ({ ...d, s3: { ...d.s3, cloudFront: { ...d.s3.cloudFront, [key]: value } } }));
  return (
    <>
      {text('bucket', t('Bucket'), {
        helper: t('Leave empty to let the operator generate <infrastructure name>-image-registry-<region>.'),
      })}
      {text('region', t('Region'), { helper: t('Such as us-east-1. Empty: the cluster’s region.') })}
      {text('regionEndpoint', t('Region endpoint'), {
        helper: t('For S3-compatible storage: the endpoint URL with scheme, such as https://s3.example.com.'),
      })}
      {text('chunkSizeMiB', t('Chunk size (MiB)'), {
        numeric: true,
        helper: t('Multipart upload chunk size, 5 to 5120. Default 10.'),
      })}
      <SwitchField
        path="spec.storage.s3.encrypt"
        label={t('Encrypt images at rest')}
        checked={draft.s3.encrypt}
        onChange={(encrypt) => setDraft((d) => ({ ...d, s3: { ...d.s3, encrypt } }))}
      />
      {text('keyID', t('KMS key ID'), {
        helper: t('Encrypts with this AWS KMS key instead of AES256; needs encryption on.'),
      })}
      <SwitchField
        path="spec.storage.s3.virtualHostedStyle"
        label={t('Virtual-hosted-style bucket URLs')}
        checked={draft.s3.virtualHostedStyle}
        onChange={(virtualHostedStyle) => setDraft((d) => ({ ...d, s3: { ...d.s3, virtualHostedStyle } }))}
      />
      {text('trustedCA', t('Trusted CA config map'), {
        helper: t('A config map in openshift-config whose ca-bundle.crt signs the endpoint’s certificate.'),
      })}
      <SwitchField
        path="spec.storage.s3.cloudFront"
        label={t('Serve blobs through Amazon CloudFront')}
        checked={draft.s3.cloudFrontEnabled}
        onChange={(cloudFrontEnabled) => setDraft((d) => ({ ...d, s3: { ...d.s3, cloudFrontEnabled } }))}
      />
      {draft.s3.cloudFrontEnabled ? (
        <FormFieldGroup
          header={<FormFieldGroupHeader titleText={{ text: t('CloudFront'), id: 'irc-cloudfront' }} />}
        >
          <TextField
            path="spec.storage.s3.cloudFront.baseURL"
            label={t('Base URL')}
            isRequired
            value={cf.baseURL}
            onChange={(v) => setCf('baseURL', v)}
          />
          <TextField
            path="spec.storage.s3.cloudFront.keypairID"
            label={t('Key pair ID')}
            isRequired
            value={cf.keypairID}
            onChange={(v) => setCf('keypairID', v)}
          />
          <TextField
            path="spec.storage.s3.cloudFront.privateKey.name"
            label={t('Private key secret name')}
            isRequired
            value={cf.privateKeyName}
            onChange={(v) => setCf('privateKeyName', v)}
          />
          <TextField
            path="spec.storage.s3.cloudFront.privateKey.key"
            label={t('Private key secret key')}
            isRequired
            value={cf.privateKeyKey}
            onChange={(v) => setCf('privateKeyKey', v)}
          />
          <TextField
            path="spec.storage.s3.cloudFront.duration"
            label={t('Signed URL duration')}
            helper={t('A duration such as 1200s or 20m.')}
            value={cf.duration}
            onChange={(v) => setCf('duration', v)}
          />
        </FormFieldGroup>
      ) : null}
    </>
  );
}

export function GcsFields(props: Props) {
  const t = useT();
  const text = useBinder('gcs', props);
  return (
    <>
      {text('bucket', t('Bucket'))}
      {text('region', t('Region'))}
      {text('projectID', t('Project ID'))}
      {text('keyID', t('KMS key ID'))}
    </>
  );
}

export function SwiftFields(props: Props) {
  const t = useT();
  const text = useBinder('swift', props);
  return (
    <>
      {text('authURL', t('Authentication URL'))}
      {text('authVersion', t('Authentication version'), { helper: t('Such as 3 (Keystone v3).') })}
      {text('container', t('Container'))}
      {text('domain', t('Domain'))}
      {text('domainID', t('Domain ID'))}
      {text('tenant', t('Tenant'))}
      {text('tenantID', t('Tenant ID'))}
      {text('regionName', t('Region name'))}
    </>
  );
}

export function IbmCosFields(props: Props) {
  const t = useT();
  const text = useBinder('ibmcos', props);
  return (
    <>
      {text('bucket', t('Bucket'))}
      {text('location', t('Location'))}
      {text('resourceGroupName', t('Resource group name'))}
      {text('resourceKeyCRN', t('Resource key CRN'), {
        helper: t('Starts with crn:v1:bluemix:public:cloud-object-storage:'),
      })}
      {text('serviceInstanceCRN', t('Service instance CRN'), {
        helper: t('Starts with crn:v1:bluemix:public:cloud-object-storage:'),
      })}
    </>
  );
}

export function PvcFields(props: Props & { claimNote?: ReactNode }) {
  const t = useT();
  const text = useBinder('pvc', props);
  return (
    <>
      {text('claim', t('Claim name'), {
        helper: props.claimNote ?? t('Empty: the operator creates and uses image-registry-storage.'),
      })}
    </>
  );
}

export function AzureFields({ draft, setDraft }: Props) {
  const t = useT();
  const a = draft.azure;
  const set = (key: 'accountName' | 'container' | 'cloudName', value: string) =>
    setDraft((d) => ({ ...d, azure: { ...d.azure, [key]: value } }));
  const setInternal = (key: keyof typeof a.internal, value: string) =>
    setDraft((d) => ({ ...d, azure: { ...d.azure, internal: { ...d.azure.internal, [key]: value } } }));
  const setType = (networkAccessType: 'External' | 'Internal') =>
    setDraft((d) => ({ ...d, azure: { ...d.azure, networkAccessType } }));
  return (
    <>
      <TextField
        path="spec.storage.azure.accountName"
        label={t('Storage account name')}
        value={a.accountName}
        onChange={(v) => set('accountName', v)}
      />
      <TextField
        path="spec.storage.azure.container"
        label={t('Container')}
        value={a.container}
        onChange={(v) => set('container', v)}
        helper={t('3 to 63 lower-case letters, digits and single hyphens.')}
      />
      <TextField
        path="spec.storage.azure.cloudName"
        label={t('Cloud name')}
        helper={t('Such as AzurePublicCloud or AzureUSGovernmentCloud.')}
        value={a.cloudName}
        onChange={(v) => set('cloudName', v)}
      />
      <FormGroup role="radiogroup" isInline fieldId="irc-azure-network" label={t('Network access')}>
        <Radio
          id="irc-azure-external"
          name="irc-azure-network"
          label={t('External (public endpoint)')}
          isChecked={a.networkAccessType === 'External'}
          onChange={() => setType('External')}
        />
        <Radio
          id="irc-azure-internal"
          name="irc-azure-network"
          label={t('Internal (private endpoint)')}
          isChecked={a.networkAccessType === 'Internal'}
          onChange={() => setType('Internal')}
        />
      </FormGroup>
      {a.networkAccessType === 'Internal' ? (
        <FormFieldGroup
          header={
            <FormFieldGroupHeader
              titleText={{ text: t('Private endpoint'), id: 'irc-azure-internal-title' }}
            />
          }
        >
          <TextField
            path="spec.storage.azure.networkAccess.internal.networkResourceGroupName"
            label={t('Network resource group')}
            value={a.internal.networkResourceGroupName}
            onChange={(v) => setInternal('networkResourceGroupName', v)}
          />
          <TextField
            path="spec.storage.azure.networkAccess.internal.vnetName"
            label={t('Virtual network')}
            value={a.internal.vnetName}
            onChange={(v) => setInternal('vnetName', v)}
          />
          <TextField
            path="spec.storage.azure.networkAccess.internal.subnetName"
            label={t('Subnet')}
            value={a.internal.subnetName}
            onChange={(v) => setInternal('subnetName', v)}
          />
          <TextField
            path="spec.storage.azure.networkAccess.internal.privateEndpointName"
            label={t('Private endpoint name')}
            value={a.internal.privateEndpointName}
            onChange={(v) => setInternal('privateEndpointName', v)}
          />
        </FormFieldGroup>
      ) : null}
    </>
  );
}
