/**
 * Every sandbox fault scenario: its failing step, the object and field its finding names, the
 * fix it offers and the evidence it quotes; once cleared, the checklist is green again.
 */
import { describe, it } from 'vitest';
import { SCENARIO_CASES } from './diagnostics-cases.js';
import { expectDiagnosis, scenarios } from './diagnostics-support.js';
import { registryHarness } from './registry.js';

describe('diagnostics of every fault scenario', () => {
  const h = registryHarness();
  const scenario = scenarios(h);

  it.each(SCENARIO_CASES.map((c) => [c.scenario, c] as const))('%s', { timeout: 90_000 }, async (name, c) => {
    await scenario(name);
    const { finding, step } = await expectDiagnosis(h, { ...c.want, evidence: c.evidence });
    c.check?.(finding, step);
    for (const more of c.also ?? []) await expectDiagnosis(h, more);
  });
});
