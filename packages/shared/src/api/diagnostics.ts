/**
 * `GET /api/v1/diagnostics`: the operator README's "Identifying errors" checklist (domain.md §12),
 * computed live. One step per checklist item, in the checklist's order; each step carries the
 * diagnoses (findings) it made.
 *
 * The contract, for pages that show a diagnosis elsewhere (the overview banner, object views):
 * - `verdict` (response and step) is the worst of: ok < info < unknown < warning < failing.
 *   `info` is a fact worth knowing that is not a fault (managementState Removed on purpose);
 *   `unknown` means the step could not read what it needs (403, an unreadable log, an API error)
 *   and is never shown as ok.
 * - A finding is one diagnosis: `code` (stable, see {@link DIAGNOSIS_CODES}), the `object` and
 *   `field` it blames, the `evidence` quoted from the cluster (secrets redacted), the `command`
 *   an admin would type, and `fix`, the form field that changes it.
 * - `headline` is the worst current finding (ties: checklist order), for a banner. Link to it on
 *   the Diagnostics page with `?finding=<code>` (the page opens and scrolls to that finding).
 * - A `fix` opens `section` (a config section under `/config/<section>`, or the `overview`,
 *   `trust` or `pull-secret` page) with `?field=<field>`: the page focuses that field.
 */
import Type, { type Static } from 'typebox';
import { ObjectRefSchema } from './common.js';

export const VerdictSchema = Type.Union([
  Type.Literal('ok'),
  Type.Literal('info'),
  Type.Literal('unknown'),
  Type.Literal('warning'),
  Type.Literal('failing'),
]);
export type Verdict = Static<typeof VerdictSchema>;

/** Severity order: the overall verdict is the highest-ranked one of its parts. */
export const VERDICT_RANK: Record<Verdict, number> = { ok: 0, info: 1, unknown: 2, warning: 3, failing: 4 };

export function worstVerdict(...verdicts: Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((a, b) => (VERDICT_RANK[b] > VERDICT_RANK[a] ? b : a), 'ok');
}

export const DiagnosticLinkSchema = Type.Object({
  label: Type.String(),
  /** `log`: open the pod log viewer; `object`: show that object. */
  kind: Type.Union([Type.Literal('log'), Type.Literal('object')]),
  object: ObjectRefSchema,
  /** For `log` links: which container. */
  container: Type.Optional(Type.String()),
  /** For `log` links: the log of the container's previous instance (a crash loop's last words). */
  previous: Type.Optional(Type.Boolean()),
});
export type DiagnosticLink = Static<typeof DiagnosticLinkSchema>;

/** Pages a fix can open: the configuration sections, and the overview / trust / pull-secret pages. */
export const FIX_SECTIONS = [
  'overview',
  'storage',
  'replicas',
  'proxy',
  'routes',
  'requests',
  'advanced',
  'trust',
  'pull-secret',
] as const;
export type FixSection = (typeof FIX_SECTIONS)[number];

/**
 * The form field that fixes a finding. `field` is the path the forms name their inputs with
 * (the section patch's field-error paths: `spec.nodeSelector`, `spec.storage.s3.region`,
 * `spec.resources.requests.cpu`, `credentials.REGISTRY_STORAGE_S3_ACCESSKEY`, `spec.routes[0].secretName`).
 */
export const FixTargetSchema = Type.Object({
  section: Type.Union([
    Type.Literal('overview'),
    Type.Literal('storage'),
    Type.Literal('replicas'),
    Type.Literal('proxy'),
    Type.Literal('routes'),
    Type.Literal('requests'),
    Type.Literal('advanced'),
    Type.Literal('trust'),
    Type.Literal('pull-secret'),
  ]),
  field: Type.String(),
  /** Button text: "Change nodeSelector". */
  label: Type.String(),
});
export type FixTarget = Static<typeof FixTargetSchema>;

/**
 * Stable identifiers of the diagnoses (tests, the README table, deep links). One per cause, not
 * per symptom: a pod Pending because no node has the selected label is `unschedulable-node-selector`.
 */
export const DIAGNOSIS_CODES = [
  // reading the cluster
  'cannot-read',
  // operator and Config
  'operator-not-installed',
  'operator-not-running',
  'operator-not-reconciling',
  'operator-sync-error',
  'config-missing',
  'config-unmanaged',
  'config-removed',
  'config-unknown-state',
  'config-invalid',
  'cluster-operator-degraded',
  'cluster-operator-unavailable',
  // storage (object stores: s3, gcs, azure, swift, ibmcos)
  'storage-not-configured',
  'storage-multiple-backends',
  'storage-credentials-missing',
  'storage-credentials-key-missing',
  'storage-credentials-invalid',
  'storage-access-denied',
  'storage-bucket-missing',
  'storage-bucket-wrong-region',
  'storage-endpoint-unreachable',
  'storage-proxy-unreachable',
  'storage-proxy-no-bypass',
  'storage-clock-skew',
  'storage-condition-stale',
  'storage-emptydir-replicas',
  // storage (pvc)
  'pvc-missing',
  'pvc-pending',
  'pvc-no-default-storageclass',
  'pvc-rwo-replicas',
  'pvc-rwo-rolling-update',
  // registry deployment and pods
  'deployment-missing',
  'deployment-unavailable',
  'deployment-progress-deadline',
  'pods-missing',
  'unschedulable-node-selector',
  'unschedulable-affinity',
  'unschedulable-taints',
  'unschedulable-resources',
  'unschedulable-anti-affinity',
  'unschedulable-topology-spread',
  'unschedulable-cordoned',
  'unschedulable',
  'image-pull',
  'crash-loop',
  'container-config-error',
  'pods-not-ready',
  'node-not-ready',
  'registry-storage-errors',
  // routes and trust
  'route-tls-secret-missing',
  'route-tls-secret-invalid',
  'route-not-admitted',
  'trusted-ca-missing',
  // pruner, node-ca, events
  'pruner-job-failed',
  'pruner-suspended',
  'node-ca-not-ready',
  'warning-events',
] as const;
export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];

export const FindingSchema = Type.Object({
  /** One of {@link DIAGNOSIS_CODES}. */
  code: Type.String(),
  severity: VerdictSchema,
  /** The cause in one line, for a human ("No node has the label node-role.kubernetes.io/infra"). */
  summary: Type.String(),
  /** The object that holds the cause (or the evidence when the cause is outside the cluster). */
  object: ObjectRefSchema,
  /** The field of that object: `spec.nodeSelector`, `data.REGISTRY_STORAGE_S3_SECRETKEY`, `spec.replicas`. */
  field: Type.Optional(Type.String()),
  /** What the cluster says, quoted (condition messages, events, log lines), secret values redacted. */
  evidence: Type.Array(Type.String()),
  /** What to do next. */
  nextStep: Type.String(),
  /** The exact `oc` command that shows or fixes it. */
  command: Type.String(),
  /** The form field that fixes it, when the console has one. */
  fix: Type.Optional(FixTargetSchema),
  links: Type.Array(DiagnosticLinkSchema),
});
export type Finding = Static<typeof FindingSchema>;

export const DIAGNOSTIC_STEP_IDS = [
  'cluster-operator',
  'config',
  'registry-deployment',
  'registry-pods',
  'operator',
  'storage-credentials',
  'routes',
  'pruner',
  'node-ca',
  'events',
] as const;
export type DiagnosticStepId = (typeof DIAGNOSTIC_STEP_IDS)[number];

export const DiagnosticStepIdSchema = Type.Union([
  Type.Literal('cluster-operator'),
  Type.Literal('config'),
  Type.Literal('registry-deployment'),
  Type.Literal('registry-pods'),
  Type.Literal('operator'),
  Type.Literal('storage-credentials'),
  Type.Literal('routes'),
  Type.Literal('pruner'),
  Type.Literal('node-ca'),
  Type.Literal('events'),
]);

export const DiagnosticStepSchema = Type.Object({
  id: DiagnosticStepIdSchema,
  title: Type.String(),
  /** The worst of the step's own check and its findings. */
  verdict: VerdictSchema,
  /** Facts that led to the verdict, one line each (condition messages, log lines …). */
  evidence: Type.Array(Type.String()),
  /** What to do next, for a human. */
  nextStep: Type.String(),
  /** The `oc` command the checklist would have you run. */
  command: Type.String(),
  links: Type.Array(DiagnosticLinkSchema),
  /** The diagnoses this step made, worst first. */
  findings: Type.Array(FindingSchema),
});
export type DiagnosticStep = Static<typeof DiagnosticStepSchema>;

export const DiagnosticsHeadlineSchema = Type.Object({
  step: DiagnosticStepIdSchema,
  finding: FindingSchema,
});
export type DiagnosticsHeadline = Static<typeof DiagnosticsHeadlineSchema>;

export const DiagnosticsResponseSchema = Type.Object({
  generatedAt: Type.String(),
  /** The worst verdict of all steps. */
  verdict: VerdictSchema,
  /** The worst current finding (absent when there is none, i.e. all ok). */
  headline: Type.Optional(DiagnosticsHeadlineSchema),
  steps: Type.Array(DiagnosticStepSchema),
});
export type DiagnosticsResponse = Static<typeof DiagnosticsResponseSchema>;
