/**
 * `GET /api/v1/pull-secret`, `PUT /api/v1/pull-secret/registries/:registry`: the global pull
 * secret `openshift-config/pull-secret` (kubernetes.io/dockerconfigjson, domain.md §6.13).
 * Registry names and which fields each entry has — never a value.
 */
import Type, { type Static } from 'typebox';

export const PULL_SECRET_KEY = '.dockerconfigjson';
export const DEFAULT_AUTH_REGISTRY = 'registry.redhat.io';

export const PullSecretRegistrySchema = Type.Object({
  registry: Type.String(),
  hasAuth: Type.Boolean(),
  hasEmail: Type.Boolean(),
  /** Separate `username`/`password` fields instead of (or besides) `auth`. */
  hasUsernamePassword: Type.Boolean(),
  hasIdentityToken: Type.Boolean(),
});
export type PullSecretRegistry = Static<typeof PullSecretRegistrySchema>;

export const PullSecretStatusSchema = Type.Object({
  namespace: Type.String(),
  secretName: Type.String(),
  exists: Type.Boolean(),
  /** False when the secret exists but is not a readable dockerconfigjson (see problems). */
  valid: Type.Boolean(),
  problems: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
  registries: Type.Array(PullSecretRegistrySchema),
  resourceVersion: Type.Optional(Type.String()),
});
export type PullSecretStatus = Static<typeof PullSecretStatusSchema>;

export const PullSecretRegistryParamsSchema = Type.Object({
  /** `hostname` or `hostname:port`, e.g. `registry.redhat.io`. */
  registry: Type.String({ minLength: 1, maxLength: 300 }),
});

const Email = Type.Optional(Type.String({ maxLength: 254 }));

export const PutPullSecretRegistryRequestSchema = Type.Union([
  Type.Object(
    {
      username: Type.String({ minLength: 1, maxLength: 1024 }),
      password: Type.String({ minLength: 1, maxLength: 16384 }),
      email: Email,
      /** The secret's resourceVersion the user saw: 409 when it moved since. */
      resourceVersion: Type.Optional(Type.String()),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      /**
       * The entry's `auth` token as a downloaded pull secret carries it: base64 of
       * `username:password` (e.g. a registry service account's token from console.redhat.com).
       */
      token: Type.String({ minLength: 1, maxLength: 32768 }),
      email: Email,
      resourceVersion: Type.Optional(Type.String()),
    },
    { additionalProperties: false },
  ),
]);
export type PutPullSecretRegistryRequest = Static<typeof PutPullSecretRegistryRequestSchema>;

export const PutPullSecretRegistryResponseSchema = Type.Object({
  status: PullSecretStatusSchema,
  registry: Type.String(),
  /** True when the registry had an entry that was replaced. */
  replaced: Type.Boolean(),
  created: Type.Boolean(),
});
export type PutPullSecretRegistryResponse = Static<typeof PutPullSecretRegistryResponseSchema>;
