/** `GET /api/v1/config` and `PATCH /api/v1/config`. */
import Type, { type Static } from 'typebox';
import { ErrorBodySchema, KubeObjectSchema } from './common.js';
import { SectionPatchSchema } from './section-patch.js';
import type { Config } from '../registry/config.js';

/**
 * The Config as the server sends it (forBrowser: secrets redacted, managedFields dropped): checked
 * and documented as a Kubernetes object, typed as the registry's Config for its readers.
 */
const ConfigObjectSchema = Type.Unsafe<Config>(KubeObjectSchema);

/** What the rules need to know about the claim behind `spec.storage.pvc` (RWO checks). */
export const StorageClaimInfoSchema = Type.Object({
  name: Type.String(),
  /** e.g. ['ReadWriteOnce']; empty when the claim does not exist (yet). */
  accessModes: Type.Array(Type.String()),
  phase: Type.Optional(Type.String()),
  exists: Type.Boolean(),
});
export type StorageClaimInfo = Static<typeof StorageClaimInfoSchema>;

export const ConfigResponseSchema = Type.Object({
  /** The live `configs.imageregistry.operator.openshift.io` object (`cluster`, else `instance`). */
  config: ConfigObjectSchema,
  resourceVersion: Type.String(),
  /** Present when the config uses PVC storage and the caller may read the claim. */
  storageClaim: Type.Optional(StorageClaimInfoSchema),
});
export type ConfigResponse = Static<typeof ConfigResponseSchema>;

export const PatchConfigRequestSchema = Type.Object(
  {
    patch: SectionPatchSchema,
    /**
     * The resourceVersion the user edited. A newer live object whose spec is unchanged (same
     * metadata.generation: only status or metadata moved) is patched anyway; a changed spec → 409.
     */
    resourceVersion: Type.String({ minLength: 1 }),
    /**
     * Optional: metadata.generation of the object the user edited (`config.metadata.generation`).
     * Lets the server tell a status-only change from a spec change even for a resourceVersion
     * it has not seen itself (another replica, a restart).
     */
    generation: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Server-side dry run (`dryRun=All`): validated and defaulted, nothing stored. */
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PatchConfigRequest = Static<typeof PatchConfigRequestSchema>;

export const PatchConfigResponseSchema = Type.Object({
  /** The object as stored (or as it would be stored, on dry run). */
  config: ConfigObjectSchema,
  /** The JSON merge patch applied, without the resourceVersion precondition. */
  patch: Type.Record(Type.String(), Type.Unknown()),
  /** `oc patch configs.imageregistry.operator.openshift.io/cluster --type merge --patch '…'` */
  ocCommand: Type.String(),
  /** API server warnings (Warning headers) and rule warnings, one per entry. */
  warnings: Type.Array(Type.String()),
  dryRun: Type.Boolean(),
});
export type PatchConfigResponse = Static<typeof PatchConfigResponseSchema>;

/** 409: the object changed since the user loaded it; `live` is what is stored now. */
export const ConflictBodySchema = Type.Object({
  statusCode: Type.Literal(409),
  reason: Type.Literal('Conflict'),
  message: Type.String(),
  live: ConfigResponseSchema,
});
export type ConflictBody = Static<typeof ConflictBodySchema>;

export { ErrorBodySchema };
