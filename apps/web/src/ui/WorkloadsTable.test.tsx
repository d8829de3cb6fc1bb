import { screen } from '@testing-library/react';
import type { WorkloadsIndex } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { fakePlatform, renderPage, route } from '../test/fakePlatform.js';
import { WorkloadsTable } from './WorkloadsTable.js';

const index: WorkloadsIndex = {
  namespace: 'openshift-image-registry',
  items: [
    {
      kind: 'Deployment',
      name: 'cluster-image-registry-operator',
      health: 'failing',
      ready: 0,
      total: 0,
      state: 'scaledDown',
    },
    { kind: 'Deployment', name: 'image-registry', health: 'ok', ready: 1, total: 1, state: 'complete' },
    { kind: 'CronJob', name: 'image-pruner', health: 'failing', ready: 0, total: 1, state: 'Failed' },
    { kind: 'Route', name: 'routes', health: 'ok', ready: 0, total: 0, state: 'admitted' },
    {
      kind: 'DaemonSet',
      name: 'node-ca',
      health: 'unknown',
      ready: 0,
      total: 0,
      state: 'unreadable',
      error: { statusCode: 403, reason: 'Forbidden', message: 'daemonsets.apps "node-ca" is forbidden' },
    },
  ],
};

describe('the objects behind the registry', () => {
  it('say each state in words, link each object to its page and say why one could not be read', async () => {
    renderPage(
      fakePlatform(() => index),
      [route('/', <WorkloadsTable />)],
      '/',
    );
    expect(await screen.findByText('0 of 0 pods ready · scaled down to 0')).toBeTruthy();
    // counted by the English rules: one pod, one Job
    expect(screen.getByText('1 of 1 pod ready · rollout complete')).toBeTruthy();
    expect(screen.getByText('0 of 1 recent Job succeeded · last Job failed')).toBeTruthy();
    expect(screen.getByText('No routes: reachable inside the cluster only')).toBeTruthy();
    expect(screen.getByText('daemonsets.apps "node-ca" is forbidden')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'CronJob image-pruner' }).getAttribute('href')).toBe(
      '/workloads/cronjobs/image-pruner',
    );
    expect(screen.getByRole('link', { name: 'Routes' }).getAttribute('href')).toBe('/workloads/routes');
  });

  it('says "admitted" once when every route is', async () => {
    const routes = (ready: number, total: number, state: 'admitted' | 'notAdmitted') => ({
      namespace: 'openshift-image-registry',
      items: [{ kind: 'Route' as const, name: 'routes', health: 'ok' as const, ready, total, state }],
    });
    const { unmount } = renderPage(
      fakePlatform(() => routes(2, 2, 'admitted')),
      [route('/', <WorkloadsTable />)],
      '/',
    );
    expect(await screen.findByText('2 of 2 routes admitted')).toBeTruthy();
    unmount();
    renderPage(
      fakePlatform(() => routes(0, 1, 'notAdmitted')),
      [route('/', <WorkloadsTable />)],
      '/',
    );
    expect(await screen.findByText('0 of 1 route admitted · not admitted by the router')).toBeTruthy();
  });
});
