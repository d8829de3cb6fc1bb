/**
 * `PUT/GET /api/v1/storage/credentials`: the admin-managed secret
 * `openshift-image-registry/image-registry-private-configuration-user`. Values are write-only:
 * no response ever carries one.
 */
import Type, { type Static } from 'typebox';

/** Keys the operator reads from the user secret (domain.md §3), per backend. */
export const CREDENTIAL_KEYS = {
  s3: ['REGISTRY_STORAGE_S3_ACCESSKEY', 'REGISTRY_STORAGE_S3_SECRETKEY'],
  gcs: ['REGISTRY_STORAGE_GCS_KEYFILE'],
  azure: ['REGISTRY_STORAGE_AZURE_ACCOUNTKEY'],
  swift: ['REGISTRY_STORAGE_SWIFT_USERNAME', 'REGISTRY_STORAGE_SWIFT_PASSWORD'],
  ibmcos: ['REGISTRY_STORAGE_IBMCOS_IAMAPIKEY'],
} as const;
export type CredentialBackend = keyof typeof CREDENTIAL_KEYS;
export type CredentialKey = (typeof CREDENTIAL_KEYS)[CredentialBackend][number];
export const ALL_CREDENTIAL_KEYS: readonly CredentialKey[] = Object.values(CREDENTIAL_KEYS).flat();

const Value = Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 65536 }), Type.Null()]));

export const PutCredentialsRequestSchema = Type.Object(
  {
    /**
     * Keys to set. A key given `null` is removed from the secret; keys not mentioned are kept.
     * Only the keys the operator reads are accepted.
     */
    values: Type.Object(
      {
        REGISTRY_STORAGE_S3_ACCESSKEY: Value,
        REGISTRY_STORAGE_S3_SECRETKEY: Value,
        REGISTRY_STORAGE_GCS_KEYFILE: Value,
        REGISTRY_STORAGE_AZURE_ACCOUNTKEY: Value,
        REGISTRY_STORAGE_SWIFT_USERNAME: Value,
        REGISTRY_STORAGE_SWIFT_PASSWORD: Value,
        REGISTRY_STORAGE_IBMCOS_IAMAPIKEY: Value,
      },
      { additionalProperties: false, minProperties: 1 },
    ),
  },
  { additionalProperties: false },
);
export type PutCredentialsRequest = Static<typeof PutCredentialsRequestSchema>;

export const CredentialKeyStatusSchema = Type.Object({
  key: Type.String(),
  backend: Type.String(),
  present: Type.Boolean(),
  /** When the console (or the latest writer seen in managedFields) last changed this key. */
  changedAt: Type.Optional(Type.String({ format: 'date-time' })),
});
export type CredentialKeyStatus = Static<typeof CredentialKeyStatusSchema>;

export const CredentialsStatusSchema = Type.Object({
  namespace: Type.String(),
  secretName: Type.String(),
  exists: Type.Boolean(),
  keys: Type.Array(CredentialKeyStatusSchema),
  /** Keys in the secret the operator does not read (names only). */
  otherKeys: Type.Array(Type.String()),
  resourceVersion: Type.Optional(Type.String()),
});
export type CredentialsStatus = Static<typeof CredentialsStatusSchema>;
