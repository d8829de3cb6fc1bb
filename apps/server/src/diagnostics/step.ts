/** Small helpers to build checklist steps. */
import type { DiagnosticLink, DiagnosticStep, Verdict } from '@irc/shared';
import type { ConditionLike } from '../kube/resources.js';
import { toIso } from '../kube/resources.js';
import type { Read } from './gather.js';

const RANK: Record<Verdict, number> = { ok: 0, warning: 1, failing: 2 };

export function worst(...verdicts: Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((a, b) => (RANK[b] > RANK[a] ? b : a), 'ok');
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

export type StepInput = Omit<DiagnosticStep, 'links'> & { links?: DiagnosticLink[] };

export function step(input: StepInput): DiagnosticStep {
  return { ...input, links: input.links ?? [] };
}

export function lastLines(lines: string[], n: number): string[] {
  return lines.slice(-n).map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l));
}
