/** Waiting for a diagnosis and checking what it names, shared by the diagnostics suites. */
import type {
  DiagnosticLink,
  DiagnosticsResponse,
  DiagnosticStep,
  Finding,
  FixTarget,
  ObjectRef,
  Verdict,
} from '@irc/shared';
import { afterEach, expect } from 'vitest';
import { until, type Harness } from './harness.js';

export interface Expected {
  step: DiagnosticStep['id'];
  code: string;
  object: Partial<ObjectRef>;
  field?: string;
  fix?: Omit<FixTarget, 'label'>;
  /** A link the finding must carry (to the object or log behind a cause without a form field). */
  link?: Partial<Omit<DiagnosticLink, 'object'>> & { object?: Partial<ObjectRef> };
  /** The `oc` command, when it is the fix (no form field changes it). */
  command?: RegExp;
  /** The step's verdict (default: failing). */
  verdict?: Verdict;
  /** What the finding's evidence must quote (waited for: evidence gathers over time). */
  evidence?: RegExp;
}

export async function diagnostics(h: Harness): Promise<DiagnosticsResponse> {
  return (await (await h.fetch('/api/v1/diagnostics')).json()) as DiagnosticsResponse;
}

/** Waits for the finding, then checks the step's verdict and the object, field and fix it names. */
export async function expectDiagnosis(
  h: Harness,
  want: Expected,
): Promise<{ step: DiagnosticStep; finding: Finding }> {
  let last: DiagnosticStep | undefined;
  const got = await until(
    async () => {
      const d = await diagnostics(h);
      const step = d.steps.find((s) => s.id === want.step)!;
      last = step;
      // The evidence gathers over time (the operator's error comes before the restarted registry
      // pod's log line), so a finding counts once it quotes what the case expects.
      const finding = step.findings.find(
        (f) => f.code === want.code && (!want.evidence || want.evidence.test(f.evidence.join('\n'))),
      );
      return finding ? { step, finding } : undefined;
    },
    `${want.code} in the ${want.step} step`,
    30_000,
    300,
  ).catch((err: unknown) => {
    throw new Error(`${String(err)}\nlast ${want.step} step: ${JSON.stringify(last, null, 1)}`);
  });
  expect(got.step.verdict).toBe(want.verdict ?? 'failing');
  expect(got.finding.object).toMatchObject(want.object);
  expect(got.finding.field).toBe(want.field);
  if (want.fix) expect(got.finding.fix).toMatchObject(want.fix);
  else expect(got.finding.fix).toBeUndefined();
  expect(got.finding.command).toMatch(/^oc /);
  if (want.command) expect(got.finding.command).toMatch(want.command);
  if (want.link) {
    const { object, ...rest } = want.link;
    expect(got.finding.links).toContainEqual(
      expect.objectContaining({ ...rest, ...(object ? { object: expect.objectContaining(object) } : {}) }),
    );
  }
  expect(got.finding.evidence.length).toBeGreaterThan(0);
  if (want.evidence) expect(got.finding.evidence.join('\n')).toMatch(want.evidence);
  return got;
}

/** Waits until no step of the checklist fails. */
export function untilNoFailingStep(h: Harness, what: string): Promise<DiagnosticsResponse> {
  let last: DiagnosticsResponse | undefined;
  return until(
    async () => {
      const d = await diagnostics(h);
      last = d;
      return d.steps.every((s) => s.verdict !== 'failing') ? d : undefined;
    },
    what,
    60_000,
    500,
  ).catch((err: unknown) => {
    const failing = last?.steps
      .filter((s) => s.verdict === 'failing')
      .map((s) => `${s.id}: ${s.findings.map((f) => `${f.code} ${f.summary}`).join('; ')}`);
    throw new Error(`${String(err)}\nstill failing: ${JSON.stringify(failing)}`);
  });
}

/**
 * Scenarios a test turns on are cleared after it, then the checklist must have no failing step
 * again: every scenario clears back to green.
 */
export function scenarios(h: Harness): (name: string) => Promise<void> {
  const active: string[] = [];
  afterEach(async () => {
    for (const name of active.splice(0)) await h.scenario(name, false);
    await untilNoFailingStep(h, 'the checklist to recover');
    // longer than the wait itself, so that a checklist that stays red says which step
  }, 90_000);
  return async (name) => {
    await h.scenario(name, true);
    active.push(name);
  };
}
