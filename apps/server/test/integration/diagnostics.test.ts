import type { DiagnosticsResponse, DiagnosticStep } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { until } from './harness.js';
import { registryHarness } from './registry.js';

/** The checklist turns each sandbox fault scenario into a failing step that names the cause. */
describe('diagnostics under fault scenarios', () => {
  const h = registryHarness();

  async function stepUntil(
    id: DiagnosticStep['id'],
    match: (s: DiagnosticStep) => boolean,
    what: string,
  ): Promise<DiagnosticStep> {
    return until(
      async () => {
        const d = (await (await h.fetch('/api/v1/diagnostics')).json()) as DiagnosticsResponse;
        const step = d.steps.find((s) => s.id === id)!;
        return match(step) ? step : undefined;
      },
      what,
      30_000,
      300,
    );
  }

  async function withScenario(name: string, body: () => Promise<void>): Promise<void> {
    await h.scenario(name, true);
    try {
      await body();
    } finally {
      await h.scenario(name, false);
    }
  }

  it('registry-crashloop → registry pods failing with CrashLoopBackOff and log links', async () => {
    await withScenario('registry-crashloop', async () => {
      const step = await stepUntil(
        'registry-pods',
        (s) => s.evidence.some((e) => e.includes('CrashLoopBackOff')),
        'CrashLoopBackOff in the pods step',
      );
      expect(step.verdict).toBe('failing');
      expect(step.links.some((l) => l.kind === 'log')).toBe(true);
    });
  });

  it('operator-down → operator step failing', async () => {
    await withScenario('operator-down', async () => {
      const step = await stepUntil('operator', (s) => s.verdict === 'failing', 'the operator step to fail');
      expect(step.evidence.join('\n')).toMatch(/operator 0 ready/);
    });
  });

  it('trusted-ca-missing → routes step failing, configuration reports the degraded controller', async () => {
    await withScenario('trusted-ca-missing', async () => {
      const step = await stepUntil('routes', (s) => s.verdict === 'failing', 'the missing CA ConfigMap');
      expect(step.evidence.join('\n')).toContain('openshift-config/registry-cas does not exist');
      const config = await stepUntil(
        'config',
        (s) => s.evidence.some((e) => e.startsWith('ImageRegistryCertificatesControllerDegraded=True')),
        'the degraded certificates controller',
      );
      expect(config.verdict).toBe('failing');
    });
  });

  it('s3-credentials-missing-key → operator step failing; cleared → no longer failing (old lines are history)', async () => {
    await h.scenario('s3-credentials-missing-key', true);
    try {
      const failing = await stepUntil(
        'operator',
        (s) => s.verdict === 'failing',
        'the operator step to fail',
      );
      expect(failing.evidence.join('\n')).toContain(
        'does not contain required key "REGISTRY_STORAGE_S3_SECRETKEY"',
      );
    } finally {
      await h.scenario('s3-credentials-missing-key', false);
    }
    const recovered = await stepUntil(
      'operator',
      (s) => s.verdict !== 'failing',
      'the operator step to recover',
    );
    // The error lines are still in the log tail: they are reported as a past problem.
    expect(recovered.evidence.join('\n')).toMatch(
      /earlier "unable to sync" line\(s\) predate the recovery|after the last status change/,
    );
  });
});
