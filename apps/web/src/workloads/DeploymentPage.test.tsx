import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { DeploymentView } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { linkTarget } from '../ui/paths/diagnostics.js';
import { fakePlatform, renderPage, route } from '../test/fakePlatform.js';
import DeploymentPage from './DeploymentPage.js';

const NS = 'openshift-image-registry';
const OPERATOR = 'cluster-image-registry-operator';

const operatorDown: DeploymentView = {
  name: OPERATOR,
  namespace: NS,
  role: 'operator',
  health: 'failing',
  rollout: {
    desired: 0,
    current: 0,
    updated: 0,
    ready: 0,
    available: 0,
    unavailable: 0,
    generation: 3,
    observedGeneration: 3,
    paused: false,
    strategy: 'RollingUpdate',
    maxSurge: '25%',
    maxUnavailable: '25%',
    state: 'scaledDown',
  },
  conditions: [
    { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
    { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
  ],
  replicaSets: {
    items: [
      {
        name: `${OPERATOR}-5d8f`,
        revision: 1,
        desired: 0,
        current: 0,
        ready: 0,
        available: 0,
        isCurrent: true,
        images: ['quay.io/openshift/origin-cluster-image-registry-operator:4.22'],
      },
    ],
  },
  pods: { items: [] },
  events: {
    items: [],
    error: { statusCode: 403, reason: 'Forbidden', message: 'events is forbidden: cannot list events' },
  },
  object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: OPERATOR, namespace: NS } },
};

describe('the Deployment page', () => {
  it('shows an operator scaled to 0 as such and scales it back to 1', async () => {
    const platform = fakePlatform((path, options) => {
      if (path === `/v1/workloads/deployments/${OPERATOR}/scale` && options.method === 'PUT')
        return { name: OPERATOR, replicas: 1 };
      if (path === `/v1/workloads/deployments/${OPERATOR}`) return operatorDown;
      throw new Error(`unexpected ${path}`);
    });
    renderPage(
      platform,
      [route('/workloads/deployments/:name', <DeploymentPage />)],
      `/workloads/deployments/${OPERATOR}`,
    );
    expect(await screen.findByText('Scaled down to 0')).toBeTruthy();
    expect(document.querySelector('[data-test="deployment-ready"]')?.textContent).toMatch(/^0 of 0 ready/);
    // A Deployment's Progressing=True (NewReplicaSetAvailable) is healthy, not "attention".
    expect(
      screen
        .getByRole('row', { name: /Progressing/ })
        .querySelector('[data-health]')
        ?.getAttribute('data-health'),
    ).toBe('good');
    fireEvent.click(screen.getByRole('button', { name: 'Scale the operator to 1' }));
    await waitFor(() =>
      expect(platform.requests.find((r) => r.options.method === 'PUT')?.options.body).toEqual({
        replicas: 1,
      }),
    );
  });

  it('says when the events could not be read instead of showing none', async () => {
    const platform = fakePlatform(() => operatorDown);
    renderPage(
      platform,
      [route('/workloads/deployments/:name', <DeploymentPage />)],
      `/workloads/deployments/${OPERATOR}`,
    );
    fireEvent.click(await screen.findByRole('tab', { name: 'Events (0)' }));
    expect(await screen.findByText('Could not read the events')).toBeTruthy();
  });
});

describe('diagnosis links to the objects behind the registry', () => {
  const link = (kind: string, name: string) =>
    linkTarget({ label: name, kind: 'object', object: { kind, name, namespace: NS } });
  it('open the page of each object', () => {
    expect(link('Deployment', 'image-registry')).toBe('/workloads/deployments/image-registry');
    expect(link('Deployment', OPERATOR)).toBe(`/workloads/deployments/${OPERATOR}`);
    expect(link('ReplicaSet', `${OPERATOR}-5d8f`)).toBe(`/workloads/deployments/${OPERATOR}`);
    expect(link('ReplicaSet', 'image-registry-7f9c')).toBe('/workloads/deployments/image-registry');
    expect(link('DaemonSet', 'node-ca')).toBe('/workloads/daemonsets/node-ca');
    expect(link('CronJob', 'image-pruner')).toBe('/workloads/cronjobs/image-pruner');
    expect(link('Job', 'image-pruner-29012345')).toBe('/workloads/cronjobs/image-pruner');
    expect(link('Route', 'default-route')).toBe('/workloads/routes');
    expect(link('Deployment', 'something-else')).toBeUndefined();
  });
});
