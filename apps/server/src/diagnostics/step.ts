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
import type { Read } from './gather.js';

export function worst(...verdicts: Verdict[]): Verdict {
  return worstVerdict(...verdicts);
}

export function conditionLine(c: ConditionLike): string {
  const reason = c.reason ? ` (${c.reason})` : '';
  const since = toIso(c.lastTransitionTime);
  const message = c.message ? `: ${c.message.split('\n').join(' | ')}` : '';
  return `${c.type}=${c.status}${reason}${message}${since ? ` — since ${since}` : ''}`;
}

export function cannotRead(what: string, read: Read<unknown>): string | undefined {
  if (read.ok) return undefined;
  return read.error.statusCode === 403 ? `you may not read ${what}` : `${what}: ${read.error.message}`;
}

export type StepInput = Omit<DiagnosticStep, 'links' | 'findings'> & {
  links?: DiagnosticLink[];
  findings?: Finding[];
};

export function step(input: StepInput): DiagnosticStep {
  return { ...input, links: input.links ?? [], findings: input.findings ?? [] };
}

export function lastLines(lines: string[], n: number): string[] {
  return lines.slice(-n).map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l));
}

/** The worst finding that is not ok, ties broken by checklist order (the earlier step wins). */
export function headline(steps: DiagnosticStep[]): DiagnosticsHeadline | undefined {
  let best: DiagnosticsHeadline | undefined;
  for (const s of steps)
    for (const finding of s.findings)
      if (
        finding.severity !== 'ok' &&
        (!best || VERDICT_RANK[finding.severity] > VERDICT_RANK[best.finding.severity])
      )
        best = { step: s.id, finding };
  return best;
}
