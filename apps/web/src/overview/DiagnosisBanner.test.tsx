import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DiagnosticsResponse, Finding } from '../api/contract.js';
import { fakePlatform, renderPage, route } from '../test/fakePlatform.js';
import { ClusterOperatorCard } from './ClusterOperatorCard.js';
import { DiagnosisBanner } from './DiagnosisBanner.js';

const operatorDown: Finding = {
  code: 'operator-not-running',
  severity: 'failing',
  summary: 'The image registry operator is not running: it is scaled to 0',
  object: {
    kind: 'Deployment',
    name: 'cluster-image-registry-operator',
    namespace: 'openshift-image-registry',
  },
  field: 'spec.replicas',
  evidence: ['spec.replicas 0, 0 ready'],
  nextStep: 'Scale it back to 1.',
  command: 'oc scale deployment/cluster-image-registry-operator -n openshift-image-registry --replicas=1',
  links: [],
};

const stale: Finding = {
  ...operatorDown,
  code: 'operator-not-reconciling',
  summary: 'These conditions are stale: the operator is not running, so nothing updates them',
  object: { kind: 'ClusterOperator', name: 'image-registry' },
  evidence: ['Config metadata.generation 18, status.observedGeneration 17', 'operator 0 ready'],
};

function response(findings: Finding[]): DiagnosticsResponse {
  return {
    generatedAt: '2026-12-07T10:00:00Z',
    verdict: findings.length ? 'failing' : 'ok',
    ...(findings[0] ? { headline: { step: 'operator' as const, finding: findings[0] } } : {}),
    steps: [
      {
        id: 'cluster-operator',
        title: 'Cluster operator',
        verdict: findings.length ? 'failing' : 'ok',
        evidence: [],
        nextStep: '',
        command: '',
        links: [],
        findings: findings.filter((f) => f.object.kind === 'ClusterOperator'),
      },
      {
        id: 'operator',
        title: 'Operator',
        verdict: findings.length ? 'failing' : 'ok',
        evidence: [],
        nextStep: '',
        command: '',
        links: [],
        findings: findings.filter((f) => f.object.kind !== 'ClusterOperator'),
      },
    ],
  };
}

const show = (diagnostics: DiagnosticsResponse) =>
  renderPage(
    fakePlatform(() => ({})),
    [
      route(
        '/',
        <>
          <DiagnosisBanner diagnostics={diagnostics} />
          <ClusterOperatorCard diagnostics={diagnostics} />
        </>,
      ),
    ],
    '/',
  );

describe('the overview says when something is wrong', () => {
  it('names the worst diagnosis and links to it, its fix target and the object it blames', async () => {
    show(response([operatorDown, stale]));
    const banner = await screen.findByRole('region', { name: 'Current diagnosis' });
    expect(within(banner).getByText(operatorDown.summary)).toBeTruthy();
    expect(within(banner).getByRole('link', { name: 'Open the diagnosis' }).getAttribute('href')).toBe(
      '/diagnostics?finding=operator-not-running',
    );
    expect(
      within(banner)
        .getByRole('link', { name: 'Show Deployment cluster-image-registry-operator' })
        .getAttribute('href'),
    ).toBe('/workloads/deployments/cluster-image-registry-operator');
  });

  it('warns that the ClusterOperator status is stale while the operator does not reconcile', async () => {
    show(response([operatorDown, stale]));
    expect(await screen.findByText('This status may be stale: the operator is not reconciling')).toBeTruthy();
    expect(screen.getByText(/generation 18, status.observedGeneration 17/)).toBeTruthy();
  });

  it('says all checks pass, in the same region, and no stale warning when all is well', async () => {
    show(response([]));
    const banner = await screen.findByRole('region', { name: 'Current diagnosis' });
    expect(within(banner).getByText('All diagnostic checks pass')).toBeTruthy();
    expect(screen.queryByText(/may be stale/)).toBeNull();
  });
});
