import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DiagnosticsResponse } from '../api/contract.js';
import { fakePlatform, renderPage, route } from '../test/fakePlatform.js';
import { meResponse } from '../test/fixtures.js';
import DiagnosticsPage from './DiagnosticsPage.js';

const diagnostics: DiagnosticsResponse = {
  generatedAt: '2026-11-25T10:00:00Z',
  verdict: 'failing',
  steps: [
    {
      id: 'cluster-operator',
      title: 'Cluster operator',
      verdict: 'ok',
      evidence: ['Available=True'],
      nextStep: 'Nothing to do.',
      command: 'oc get clusteroperator image-registry',
      links: [],
      findings: [],
    },
    {
      id: 'storage-credentials',
      title: 'Storage credentials',
      verdict: 'failing',
      evidence: [
        'secret "openshift-image-registry/image-registry-private-configuration-user" does not contain required key "REGISTRY_STORAGE_S3_SECRETKEY"',
      ],
      nextStep: 'Add the missing key.',
      command: 'oc get secret image-registry-private-configuration-user -n openshift-image-registry',
      links: [
        {
          label: 'Operator log',
          kind: 'log',
          object: {
            kind: 'Pod',
            name: 'cluster-image-registry-operator-1',
            namespace: 'openshift-image-registry',
          },
          container: 'cluster-image-registry-operator',
        },
        {
          label: 'Operator log',
          kind: 'log',
          object: {
            kind: 'Pod',
            name: 'cluster-image-registry-operator-1',
            namespace: 'openshift-image-registry',
          },
          container: 'cluster-image-registry-operator',
        },
        {
          label: 'Operator pod',
          kind: 'object',
          object: {
            kind: 'Pod',
            name: 'cluster-image-registry-operator-1',
            namespace: 'openshift-image-registry',
          },
          container: 'cluster-image-registry-operator',
        },
        { label: 'Image config', kind: 'object', object: { kind: 'Image', name: 'cluster' } },
      ],
      findings: [],
    },
  ],
};

describe('DiagnosticsPage', () => {
  it('shows verdicts, opens failing steps with evidence, next step and a link to the pod log', async () => {
    const platform = fakePlatform((path) => (path === '/v1/diagnostics' ? diagnostics : meResponse()));
    renderPage(platform, [route('/diagnostics', <DiagnosticsPage />)], '/diagnostics');
    const list = await screen.findByRole('list', { name: 'Diagnostic checks' });
    const failing = list.querySelector('[data-test="step-storage-credentials"]') as HTMLElement;
    expect(failing.getAttribute('data-verdict')).toBe('failing');
    expect(within(failing).getByText('Add the missing key.')).toBeTruthy();
    const link = within(failing).getByRole('link', { name: 'Operator log' });
    expect(link.getAttribute('href')).toBe(
      '/pods/openshift-image-registry/cluster-image-registry-operator-1/logs?container=cluster-image-registry-operator',
    );
    // The same log once, however many findings name it; an object without a page is text, not a link.
    expect(within(failing).getAllByRole('link')).toHaveLength(1);
    expect(within(failing).queryByRole('link', { name: 'Image config' })).toBeNull();
    expect(within(failing).getByText('Also involved: Image config')).toBeTruthy();
    // OK steps start collapsed.
    const ok = list.querySelector('[data-test="step-cluster-operator"]') as HTMLElement;
    expect(
      within(ok).getByRole('button', { name: 'Details of Cluster operator' }).getAttribute('aria-expanded'),
    ).toBe('false');
  });

  it('shows each finding with its object and field, and links its fix to the form field; ?finding= focuses it', async () => {
    const withFinding: DiagnosticsResponse = {
      ...diagnostics,
      steps: [
        diagnostics.steps[0]!,
        {
          ...diagnostics.steps[1]!,
          links: [],
          findings: [
            {
              code: 'storage-credentials-key-missing',
              severity: 'failing',
              summary:
                'Secret image-registry-private-configuration-user has no REGISTRY_STORAGE_S3_SECRETKEY',
              object: {
                kind: 'Secret',
                name: 'image-registry-private-configuration-user',
                namespace: 'openshift-image-registry',
              },
              field: 'data.REGISTRY_STORAGE_S3_SECRETKEY',
              evidence: ['does not contain required key "REGISTRY_STORAGE_S3_SECRETKEY"'],
              nextStep: 'Set REGISTRY_STORAGE_S3_SECRETKEY in the storage credentials form.',
              command: 'oc set data secret/image-registry-private-configuration-user …',
              fix: {
                section: 'storage',
                field: 'credentials.REGISTRY_STORAGE_S3_SECRETKEY',
                label: 'Set REGISTRY_STORAGE_S3_SECRETKEY',
              },
              links: [],
            },
          ],
        },
      ],
    };
    const platform = fakePlatform((path) => (path === '/v1/diagnostics' ? withFinding : meResponse()));
    renderPage(
      platform,
      [route('/diagnostics', <DiagnosticsPage />)],
      '/diagnostics?finding=storage-credentials-key-missing',
    );
    const finding = await screen.findByRole('region', {
      name: 'Secret image-registry-private-configuration-user has no REGISTRY_STORAGE_S3_SECRETKEY',
    });
    expect(
      within(finding).getByText(
        'Secret openshift-image-registry/image-registry-private-configuration-user, field data.REGISTRY_STORAGE_S3_SECRETKEY',
      ),
    ).toBeTruthy();
    expect(
      within(finding).getByRole('link', { name: 'Set REGISTRY_STORAGE_S3_SECRETKEY' }).getAttribute('href'),
    ).toBe('/config/storage?field=credentials.REGISTRY_STORAGE_S3_SECRETKEY');
    expect(document.activeElement).toBe(finding);
  });
});
