/**
 * Storage backends of the image registry (`imageregistry/v1` ImageRegistryConfigStorage).
 * Spec and status share the type; only the spec carries the OSS encryption anyOf (it comes
 * from openshift/api's manual CRD override, which patches the spec only).
 */
import type { Static } from 'typebox';
import { bool, duration, int32, obj, opt, str, stringEnum } from './keywords.js';
import { SecretKeySelector } from './core.js';

/** Bucket/container names: lower-case DNS-like, 3-63 characters (Azure and OSS). */
const BUCKET_NAME = { maxLength: 63, minLength: 3, pattern: '^[0-9a-z]+(-[0-9a-z]+)*$' } as const;

export const S3CloudFront = obj(
  {
    baseURL: str({ description: 'The CloudFront distribution URL.' }),
    duration: opt(duration({ description: 'How long signed URLs stay valid.' })),
    keypairID: str({ description: 'The CloudFront key pair ID.' }),
    privateKey: SecretKeySelector,
  },
  { description: 'Serve blobs through Amazon CloudFront.' },
);

export const S3TrustedCA = obj({
  name: opt(
    str({
      description: 'ConfigMap in openshift-config holding the CA bundle (key ca-bundle.pem).',
      maxLength: 253,
      pattern: '^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
    }),
  ),
});

export const S3Storage = obj(
  {
    bucket: opt(str({ description: 'The bucket name; generated when empty.' })),
    chunkSizeMiB: opt(
      int32({ description: 'Multipart upload chunk size in MiB (5-5120).', minimum: 5, maximum: 5120 }),
    ),
    cloudFront: opt(S3CloudFront),
    encrypt: opt(bool({ description: 'Whether the registry stores images encrypted.' })),
    keyID: opt(str({ description: 'The KMS key ID used for encryption.' })),
    region: opt(str({ description: 'The AWS region of the bucket.' })),
    regionEndpoint: opt(str({ description: 'An S3-compatible endpoint URL.' })),
    trustedCA: opt(S3TrustedCA),
    virtualHostedStyle: opt(bool({ description: 'Use virtual-hosted-style bucket URLs.' })),
  },
  { description: 'Amazon S3 or an S3-compatible service.' },
);
export type S3Storage = Static<typeof S3Storage>;

export const GCSStorage = obj(
  {
    bucket: opt(str({ description: 'The bucket name; generated when empty.' })),
    keyID: opt(str({ description: 'The KMS key ID used for encryption.' })),
    projectID: opt(str({ description: 'The GCP project of the bucket.' })),
    region: opt(str({ description: 'The GCS location of the bucket.' })),
  },
  { description: 'Google Cloud Storage.' },
);
export type GCSStorage = Static<typeof GCSStorage>;

export const SwiftStorage = obj(
  {
    authURL: opt(str({ description: 'The Keystone URL to get a token from.' })),
    authVersion: opt(str({ description: 'The OpenStack auth version.' })),
    container: opt(str({ description: 'The Swift container; generated when empty.' })),
    domain: opt(str({ description: 'The Identity v3 domain name.' })),
    domainID: opt(str({ description: 'The Identity v3 domain ID.' })),
    regionName: opt(str({ description: 'The OpenStack region of the container.' })),
    tenant: opt(str({ description: 'The OpenStack tenant (project) name.' })),
    tenantID: opt(str({ description: 'The OpenStack tenant (project) ID.' })),
  },
  { description: 'OpenStack Object Storage (Swift).' },
);
export type SwiftStorage = Static<typeof SwiftStorage>;

export const PVCStorage = obj(
  { claim: opt(str({ description: 'The PVC name; image-registry-storage when empty.' })) },
  { description: 'A PersistentVolumeClaim in openshift-image-registry.' },
);
export type PVCStorage = Static<typeof PVCStorage>;

export const AzureNetworkAccessInternal = obj({
  networkResourceGroupName: opt(
    str({ maxLength: 90, minLength: 1, pattern: '^[0-9A-Za-z_.-](?:[0-9A-Za-z_.-]*[0-9A-Za-z_-])?$' }),
  ),
  privateEndpointName: opt(
    str({ maxLength: 64, minLength: 2, pattern: '^[0-9A-Za-z][0-9A-Za-z_.-]*[0-9A-Za-z_]$' }),
  ),
  subnetName: opt(
    str({ maxLength: 80, minLength: 1, pattern: '^[0-9A-Za-z](?:[0-9A-Za-z_.-]*[0-9A-Za-z_])?$' }),
  ),
  vnetName: opt(str({ maxLength: 64, minLength: 2, pattern: '^[0-9A-Za-z][0-9A-Za-z_.-]*[0-9A-Za-z_]$' })),
});

export const AzureNetworkAccess = obj(
  {
    internal: opt(AzureNetworkAccessInternal),
    type: opt(
      stringEnum(['Internal', 'External'], {
        default: 'External',
        description: 'External (public) or Internal (private endpoint).',
      }),
    ),
  },
  {
    description: 'Network access of the storage account.',
    default: { type: 'External' },
    'x-kubernetes-validations': [
      {
        message: 'internal is forbidden when type is not Internal',
        rule: "has(self.type) && self.type == 'Internal' ?  true : !has(self.internal)",
      },
    ],
  },
);

export const AzureStorage = obj(
  {
    accountName: opt(str({ description: 'The storage account; generated when empty.' })),
    cloudName: opt(str({ description: 'AzurePublicCloud (default), AzureUSGovernmentCloud, …' })),
    container: opt(str({ ...BUCKET_NAME, description: 'The blob container; generated when empty.' })),
    networkAccess: opt(AzureNetworkAccess),
  },
  { description: 'Azure Blob Storage.' },
);
export type AzureStorage = Static<typeof AzureStorage>;

export const IBMCOSStorage = obj({
  bucket: opt(str({ description: 'The bucket name; generated when empty.' })),
  location: opt(str({ description: 'The IBM Cloud location of the bucket.' })),
  resourceGroupName: opt(str({ description: 'The IBM Cloud resource group.' })),
  resourceKeyCRN: opt(str({ pattern: '^crn:.+:.+:.+:cloud-object-storage:.+:.+:.+:resource-key:.+$' })),
  serviceInstanceCRN: opt(str({ pattern: '^crn:.+:.+:.+:cloud-object-storage:.+:.+:.+::$' })),
});
export type IBMCOSStorage = Static<typeof IBMCOSStorage>;

/** KMS key is required exactly when the method is KMS. */
const OSS_ENCRYPTION_ANY_OF = [
  { not: { required: ['kms'] }, properties: { method: { not: { enum: ['KMS'] } } } },
  { properties: { method: { enum: ['KMS'] } }, required: ['kms'] },
];

const ossEncryption = (withAnyOf: boolean) =>
  obj(
    {
      kms: opt(obj({ keyID: str({ minLength: 1, description: 'The KMS key ID.' }) })),
      method: opt(
        stringEnum(['KMS', 'AES256'], { default: 'AES256', description: 'AES256 or KMS (needs kms.keyID).' }),
      ),
    },
    { description: 'Server-side encryption.', ...(withAnyOf ? { anyOf: OSS_ENCRYPTION_ANY_OF } : {}) },
  );

const ossStorage = (withAnyOf: boolean) =>
  obj(
    {
      bucket: opt(str({ ...BUCKET_NAME, description: 'The bucket name; generated when empty.' })),
      encryption: opt(ossEncryption(withAnyOf)),
      endpointAccessibility: opt(
        stringEnum(['Internal', 'Public', ''], {
          default: 'Internal',
          description: 'Use the VPC internal or the public OSS endpoint.',
        }),
      ),
      region: opt(str({ description: 'The Alibaba Cloud region of the bucket.' })),
    },
    { description: 'Alibaba Cloud OSS (no longer supported by the operator).' },
  );
export const OSSStorage = ossStorage(true);
export type OSSStorage = Static<typeof OSSStorage>;

/** An emptyDir has no settings; Kubernetes prunes anything written into it. */
export const EmptyDirStorage = obj(
  {},
  { description: 'Ephemeral storage on the node: images are lost when the pod restarts.' },
);
export type EmptyDirStorage = Static<typeof EmptyDirStorage>;

const storage = (spec: boolean) =>
  obj(
    {
      azure: opt(AzureStorage),
      emptyDir: opt(EmptyDirStorage),
      gcs: opt(GCSStorage),
      ibmcos: opt(IBMCOSStorage),
      managementState: opt(
        str({
          description: 'Managed or Unmanaged: whether the operator manages the storage.',
          pattern: '^(Managed|Unmanaged)$',
        }),
      ),
      oss: opt(ossStorage(spec)),
      pvc: opt(PVCStorage),
      s3: opt(S3Storage),
      swift: opt(SwiftStorage),
    },
    {
      description: spec
        ? 'Where the registry stores images: configure exactly one backend.'
        : 'The storage the operator applied.',
    },
  );

export const StorageSpec = storage(true);
export type StorageSpec = Static<typeof StorageSpec>;
export const StorageStatus = storage(false);
export type StorageStatus = Static<typeof StorageStatus>;
