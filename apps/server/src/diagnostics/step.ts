/** Small helpers to build checklist steps. */
import {
  VERDICT_RANK,
  worstVerdict,
  type DiagnosticLink,
  type DiagnosticStep,
  type DiagnosticsHeadline,
  type Finding,
  type Verdict,
} from '@irc/shared';
import type { ConditionLike } from '../kube/resources.js';
import { toIso } from '../kube/resources.js';
import { redact } from './redact.js';

export function worst(...verdicts: Verdict[]): Verdict {
  return worstVerdict(...verdicts);
}

export function conditionLine(c: ConditionLike): string {
  const reason = c.reason ? ` (${c.reason})` : '';
  const since = toIso(c.lastTransitionTime);
  const message = c.message ? `: ${c.message.split('\n').join(' | ')}` : '';
  return `${c.type}=${c.status}${reason}${message}${since ? ` — since ${since}` : ''}`;
}

export interface StepInput {
  id: DiagnosticStep['id'];
  title: string;
  command: string;
  evidence: string[];
  /** What to do when nothing is wrong, or before the findings' own next steps. */
  nextStep?: string;
  links?: DiagnosticLink[];
  findings?: Finding[];
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => VERDICT_RANK[b.severity] - VERDICT_RANK[a.severity]);
}

/**
 * A step's verdict is the worst of its findings: nothing is reported as wrong without a
 * finding that names the cause, and nothing is ok while a finding says otherwise.
 */
export function step(input: StepInput): DiagnosticStep {
  const findings = sortFindings(input.findings ?? []);
  const verdict = worstVerdict(...findings.map((f) => f.severity));
  const top = findings.find((f) => f.severity !== 'ok');
  return {
    id: input.id,
    title: input.title,
    command: input.command,
    verdict,
    evidence: input.evidence.filter(Boolean).map(redact),
    nextStep: top ? top.nextStep : (input.nextStep ?? 'Nothing to do.'),
    links: input.links ?? [],
    findings,
  };
}

/** A step that could not read its own object: only the finding saying so. */
export function unreadable(base: Omit<StepInput, 'evidence' | 'findings'>, finding: Finding): DiagnosticStep {
  return step({ ...base, evidence: [], findings: [finding] });
}

export function lastLines(lines: string[], n: number): string[] {
  return lines.slice(-n);
}

/**
 * The worst finding across steps. Among equals, one that offers a fix (a cause) goes before one
 * that does not (a symptom), then checklist order.
 */
export function headline(steps: DiagnosticStep[]): DiagnosticsHeadline | undefined {
  let best: DiagnosticsHeadline | undefined;
  const better = (f: Finding, than: Finding) =>
    VERDICT_RANK[f.severity] > VERDICT_RANK[than.severity] ||
    (VERDICT_RANK[f.severity] === VERDICT_RANK[than.severity] && !!f.fix && !than.fix);
  for (const s of steps)
    for (const finding of s.findings)
      if (finding.severity !== 'ok' && (!best || better(finding, best.finding)))
        best = { step: s.id, finding };
  return best;
}
