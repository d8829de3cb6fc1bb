/**
 * `GET /api/v1/migration/options`, `POST /api/v1/migration/preview`, `POST /api/v1/migration/apply`:
 * the console's form of `oc adm migrate image-references SRC=DST … --include=… -n NS [--confirm]`.
 *
 * Mapping syntax is oc's: `REGISTRY/NAME=REGISTRY/NAME`, where NAME is the whole repository path
 * (`namespace/name`) and either part may be `*` (any registry, any name; on the target side
 * "keep it"). The first mapping that matches a reference wins. The source registry `docker.io`
 * also matches references written without a registry (`nginx`, `library/nginx`).
 *
 * Pull secrets: only the registry keys of `auths` (`.dockerconfigjson`) or of the top-level map
 * (`.dockercfg`) are renamed — responses name hosts and keys, never a credential.
 */
import Type, { type Static } from 'typebox';
import { registryHostProblem } from './trust.js';

/** The kinds that can be migrated, by the resource name `oc … --include=` takes. */
export const MIGRATION_KINDS = {
  imagestreams: { group: 'image.openshift.io', version: 'v1', kind: 'ImageStream' },
  deployments: { group: 'apps', version: 'v1', kind: 'Deployment' },
  deploymentconfigs: { group: 'apps.openshift.io', version: 'v1', kind: 'DeploymentConfig' },
  statefulsets: { group: 'apps', version: 'v1', kind: 'StatefulSet' },
  daemonsets: { group: 'apps', version: 'v1', kind: 'DaemonSet' },
  jobs: { group: 'batch', version: 'v1', kind: 'Job' },
  cronjobs: { group: 'batch', version: 'v1', kind: 'CronJob' },
  buildconfigs: { group: 'build.openshift.io', version: 'v1', kind: 'BuildConfig' },
  secrets: { group: '', version: 'v1', kind: 'Secret' },
} as const;
export type MigrationKind = keyof typeof MIGRATION_KINDS;
export const MIGRATION_KIND_IDS = Object.keys(MIGRATION_KINDS) as MigrationKind[];

/** Label the workshop's sample namespaces carry (the UI offers them first). */
export const MIGRATION_SAMPLE_LABEL = 'workshop.openshift.io/sample';

export const MAX_MAPPINGS = 20;
export const MAX_MIGRATION_NAMESPACES = 50;

const MigrationKindSchema = Type.Union([
  Type.Literal('imagestreams'),
  Type.Literal('deployments'),
  Type.Literal('deploymentconfigs'),
  Type.Literal('statefulsets'),
  Type.Literal('daemonsets'),
  Type.Literal('jobs'),
  Type.Literal('cronjobs'),
  Type.Literal('buildconfigs'),
  Type.Literal('secrets'),
]);
// Keeps the schema's literals and MIGRATION_KINDS in step: a kind missing on either side fails to compile.
type SchemaKinds = Static<typeof MigrationKindSchema>;
const _kindsInStep: [SchemaKinds, MigrationKind] extends [MigrationKind, SchemaKinds] ? true : never = true;
void _kindsInStep;

export const MigrationRequestSchema = Type.Object(
  {
    /** `SRC=DST` each, applied first-match-wins. */
    mappings: Type.Array(Type.String({ maxLength: 600 }), { minItems: 1, maxItems: MAX_MAPPINGS }),
    /** Only these namespaces are read or written. Each at most once (checked by the server: see duplicateProblems). */
    namespaces: Type.Array(Type.String({ minLength: 1, maxLength: 63 }), {
      minItems: 1,
      maxItems: MAX_MIGRATION_NAMESPACES,
    }),
    kinds: Type.Array(MigrationKindSchema, { minItems: 1, maxItems: MIGRATION_KIND_IDS.length }),
  },
  { additionalProperties: false },
);
export type MigrationRequest = Static<typeof MigrationRequestSchema>;

/** One rewritten field: an image reference, or a pull secret's registry key (`old`/`new` are host[/path] keys). */
export const MigrationChangeSchema = Type.Object({
  /** Kubernetes field path, e.g. `spec.template.spec.containers[0].image`, `data[.dockerconfigjson].auths`. */
  field: Type.String(),
  old: Type.String(),
  new: Type.String(),
});
export type MigrationChange = Static<typeof MigrationChangeSchema>;

export const MigrationStatusSchema = Type.Union([
  Type.Literal('migrated'),
  Type.Literal('unchanged'),
  Type.Literal('ignored'),
  Type.Literal('error'),
]);
export type MigrationStatus = Static<typeof MigrationStatusSchema>;

export const MigrationObjectResultSchema = Type.Object({
  namespace: Type.String(),
  kind: MigrationKindSchema,
  name: Type.String(),
  /** In a preview, `migrated` means "would be migrated" (the dry-run write was accepted). */
  status: MigrationStatusSchema,
  /** Why ignored or failed (the API server's message for a refused write). */
  message: Type.Optional(Type.String()),
  /** metav1.Status reason of a failed write (Forbidden, Invalid, Conflict …). */
  reason: Type.Optional(Type.String()),
  changes: Type.Array(MigrationChangeSchema),
  /** After a write: the object's new resourceVersion. */
  resourceVersion: Type.Optional(Type.String()),
});
export type MigrationObjectResult = Static<typeof MigrationObjectResultSchema>;

/** oc's counters: migrated = total − errors − ignored − unchanged. */
export const MigrationSummarySchema = Type.Object({
  total: Type.Integer(),
  errors: Type.Integer(),
  ignored: Type.Integer(),
  unchanged: Type.Integer(),
  migrated: Type.Integer(),
});
export type MigrationSummary = Static<typeof MigrationSummarySchema>;

/** A kind that could not be listed in a namespace (not an object result, as with oc). */
export const MigrationListProblemSchema = Type.Object({
  kind: MigrationKindSchema,
  namespace: Type.Optional(Type.String()),
  statusCode: Type.Integer(),
  reason: Type.String(),
  message: Type.String(),
});
export type MigrationListProblem = Static<typeof MigrationListProblemSchema>;

export const MigrationResponseSchema = Type.Object({
  dryRun: Type.Boolean(),
  objects: Type.Array(MigrationObjectResultSchema),
  summary: MigrationSummarySchema,
  /** Exactly as oc prints it: `summary (dry run): total=… errors=… ignored=… unchanged=… migrated=…`. */
  summaryLine: Type.String(),
  /** Chosen kinds the cluster does not serve (no DeploymentConfigs on plain Kubernetes): skipped, not errors. */
  notServed: Type.Array(MigrationKindSchema),
  listProblems: Type.Array(MigrationListProblemSchema),
  /** The equivalent oc commands, one per namespace (oc takes one `-n`). */
  commands: Type.Array(Type.String()),
});
export type MigrationResponse = Static<typeof MigrationResponseSchema>;

export const MigrationOptionsSchema = Type.Object({
  namespaces: Type.Array(Type.Object({ name: Type.String(), sample: Type.Optional(Type.String()) })),
  /** False when the caller may not list namespaces: they can still type names. */
  namespacesListed: Type.Boolean(),
  namespacesMessage: Type.Optional(Type.String()),
  kinds: Type.Array(Type.Object({ id: MigrationKindSchema, kind: Type.String(), served: Type.Boolean() })),
});
export type MigrationOptions = Static<typeof MigrationOptionsSchema>;

// ---- mapping syntax (shared so the form reports the same problems the server does) ----

/** One side of a mapping; undefined means `*` (any on the source side, keep on the target side). */
export interface ImageReferenceMapping {
  fromRegistry?: string;
  fromName?: string;
  toRegistry?: string;
  toName?: string;
}

export type ParsedMapping = { ok: true; mapping: ImageReferenceMapping } | { ok: false; message: string };

/** distribution/reference path component: lower-case alphanumerics joined by `.`, `_`, `__` or dashes. */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

function nameProblem(name: string): string | undefined {
  if (name.length > 255) return 'must be at most 255 characters';
  if (/[:@]/.test(name)) return 'must be a repository path without a tag or digest';
  if (!name.split('/').every((c) => PATH_COMPONENT.test(c)))
    return 'must be a repository path of lower-case letters, digits and separators (".", "_", "-") between "/"';
  return undefined;
}

function sideProblem(
  side: string,
  role: 'source' | 'target',
): { registry?: string; name?: string; message?: string } {
  const slash = side.indexOf('/');
  if (slash < 0)
    return { message: `"${side}" is not a valid ${role}: it must be REGISTRY/NAME (either may be "*")` };
  const registry = side.slice(0, slash);
  const name = side.slice(slash + 1);
  if (registry === '')
    return { message: `"${side}" is not a valid ${role}: registry must be specified (may be "*")` };
  if (name === '')
    return { message: `"${side}" is not a valid ${role}: name must be specified (may be "*")` };
  if (registry !== '*') {
    if (registry.includes('*'))
      return { message: `"${side}" is not a valid ${role}: "*" may only stand for the whole registry` };
    const p = registryHostProblem(registry);
    if (p) return { message: `"${side}" is not a valid ${role}: registry ${p}` };
  }
  if (name !== '*') {
    if (name.includes('*'))
      return { message: `"${side}" is not a valid ${role}: "*" may only stand for the whole name` };
    const p = nameProblem(name);
    if (p) return { message: `"${side}" is not a valid ${role}: name ${p}` };
  }
  return {
    registry: registry === '*' ? undefined : registry.toLowerCase(),
    name: name === '*' ? undefined : name,
  };
}

/** `REGISTRY/NAME=REGISTRY/NAME` → a mapping, or why not (oc's rules, plus host and path syntax). */
export function parseMapping(input: string): ParsedMapping {
  const s = input.trim();
  if (s === '') return { ok: false, message: 'must not be empty' };
  const eq = s.indexOf('=');
  if (eq < 0)
    return {
      ok: false,
      message: `"${s}" is not SRC=DST (REGISTRY/NAME=REGISTRY/NAME, either part may be "*")`,
    };
  const from = sideProblem(s.slice(0, eq), 'source');
  if (from.message) return { ok: false, message: from.message };
  const to = sideProblem(s.slice(eq + 1), 'target');
  if (to.message) return { ok: false, message: to.message };
  if (to.registry === undefined && to.name === undefined) {
    return {
      ok: false,
      message: `"${s.slice(eq + 1)}" is not a valid target: at least one change must be specified`,
    };
  }
  if (from.registry === to.registry && from.name === to.name)
    return { ok: false, message: `"${s}" is not valid: it must change the registry or the name` };
  return {
    ok: true,
    mapping: { fromRegistry: from.registry, fromName: from.name, toRegistry: to.registry, toName: to.name },
  };
}

/** Field-level problems of a request's mappings, as `mappings[i]` paths. */
export function mappingProblems(mappings: readonly string[]): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  mappings.forEach((m, i) => {
    const parsed = parseMapping(m);
    if (!parsed.ok) problems.push({ path: `mappings[${i}]`, message: parsed.message });
  });
  return problems;
}

/**
 * Repeated entries as `field[i]` problems. Not the schema's `uniqueItems`: its deep comparison
 * recurses into whatever a hostile body nests there, and overflows the stack.
 */
export function duplicateProblems(
  field: string,
  values: readonly string[],
): Array<{ path: string; message: string }> {
  return values.flatMap((v, i) =>
    values.indexOf(v) < i ? [{ path: `${field}[${i}]`, message: `"${v}" is listed twice` }] : [],
  );
}

/** Namespace names are DNS-1123 labels. */
export function namespaceProblem(name: string): string | undefined {
  return /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)
    ? undefined
    : `"${name}" is not a namespace name (lower-case DNS label)`;
}

/** The summary line exactly as `oc adm migrate` prints it. */
export function migrationSummaryLine(s: MigrationSummary, dryRun: boolean): string {
  return `summary${dryRun ? ' (dry run)' : ''}: total=${s.total} errors=${s.errors} ignored=${s.ignored} unchanged=${s.unchanged} migrated=${s.migrated}`;
}
