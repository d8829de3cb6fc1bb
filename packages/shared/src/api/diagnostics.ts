/**
 * `GET /api/v1/diagnostics`: the operator README's "Identifying errors" checklist (domain.md §12),
 * computed live. One step per checklist item, in the checklist's order.
 */
import Type, { type Static } from 'typebox';
import { ObjectRefSchema } from './common.js';

export const VerdictSchema = Type.Union([
  Type.Literal('ok'),
  Type.Literal('warning'),
  Type.Literal('failing'),
]);
export type Verdict = Static<typeof VerdictSchema>;

export const DiagnosticLinkSchema = Type.Object({
  label: Type.String(),
  /** `log`: open the pod log viewer; `object`: show that object. */
  kind: Type.Union([Type.Literal('log'), Type.Literal('object')]),
  object: ObjectRefSchema,
  /** For `log` links: which container. */
  container: Type.Optional(Type.String()),
});
export type DiagnosticLink = Static<typeof DiagnosticLinkSchema>;

export const DIAGNOSTIC_STEP_IDS = [
  'cluster-operator',
  'config',
  'registry-deployment',
  'registry-pods',
  'operator',
  'storage-credentials',
  'routes',
  'events',
] as const;
export type DiagnosticStepId = (typeof DIAGNOSTIC_STEP_IDS)[number];

export const DiagnosticStepSchema = Type.Object({
  id: Type.Union([
    Type.Literal('cluster-operator'),
    Type.Literal('config'),
    Type.Literal('registry-deployment'),
    Type.Literal('registry-pods'),
    Type.Literal('operator'),
    Type.Literal('storage-credentials'),
    Type.Literal('routes'),
    Type.Literal('events'),
  ]),
  title: Type.String(),
  verdict: VerdictSchema,
  /** Facts that led to the verdict, one line each (condition messages, log lines …). */
  evidence: Type.Array(Type.String()),
  /** What to do next, for a human. */
  nextStep: Type.String(),
  /** The `oc` command the checklist would have you run. */
  command: Type.String(),
  links: Type.Array(DiagnosticLinkSchema),
});
export type DiagnosticStep = Static<typeof DiagnosticStepSchema>;

export const DiagnosticsResponseSchema = Type.Object({
  generatedAt: Type.String(),
  /** The worst verdict of all steps. */
  verdict: VerdictSchema,
  steps: Type.Array(DiagnosticStepSchema),
});
export type DiagnosticsResponse = Static<typeof DiagnosticsResponseSchema>;
