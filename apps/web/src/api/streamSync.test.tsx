import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakePlatform, renderPage, route } from '../test/fakePlatform.js';
import { meResponse, podSummary } from '../test/fixtures.js';
import { ConnectionIndicator } from '../shell/ConnectionIndicator.js';
import PodsPage from '../pods/PodsPage.js';
import { configKeys } from './config.js';
import { diagnosticsKeys } from './diagnostics.js';
import { podKeys } from './pods.js';
import { timelineKeys } from './timeline.js';
import { workloadKeys } from './workloads.js';

const pods = (names: string[]) => ({
  namespace: 'openshift-image-registry',
  pods: names.map((name) => podSummary(name, { containers: [] })),
});

describe('live updates', () => {
  it('refetches pods on a streamed Pod change, shows reconnecting, and refetches everything after a reconnect', async () => {
    let current = ['image-registry-a'];
    const platform = fakePlatform((path) => (path === '/v1/pods' ? pods(current) : meResponse()));
    renderPage(
      platform,
      [
        route(
          '/pods',
          <>
            <ConnectionIndicator />
            <PodsPage />
          </>,
        ),
      ],
      '/pods',
    );
    await screen.findByRole('link', { name: 'image-registry-a' });
    expect(screen.getByRole('status').textContent).toBe('Live');

    current = ['image-registry-a', 'image-registry-b'];
    act(() =>
      platform.eventStream.emit('change', {
        kind: 'Pod',
        type: 'ADDED',
        object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'image-registry-b' } },
      }),
    );
    await screen.findByRole('link', { name: 'image-registry-b' });

    act(() => platform.eventStream.setState('reconnecting'));
    expect(screen.getByRole('status').textContent).toBe('Reconnecting');
    current = ['image-registry-c'];
    const before = platform.requests.filter((r) => r.path === '/v1/pods').length;
    act(() => platform.eventStream.setState('live'));
    await screen.findByRole('link', { name: 'image-registry-c' });
    expect(platform.requests.filter((r) => r.path === '/v1/pods').length).toBe(before + 1);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Live'));
  });

  it('marks stale the queries built from the changed kind, and no others', () => {
    const platform = fakePlatform(() => meResponse());
    const { client } = renderPage(platform, [route('/', <></>)], '/');
    const cached = {
      config: configKeys.all,
      pods: podKeys.all,
      diagnostics: diagnosticsKeys.all,
      deployment: workloadKeys.deployment('image-registry'),
      timeline: timelineKeys.live(),
    };
    const stale = (kind: string) => {
      for (const key of Object.values(cached)) client.setQueryData(key, {});
      act(() =>
        platform.eventStream.emit('change', {
          kind,
          type: 'MODIFIED',
          object: { apiVersion: 'v1', kind, metadata: { name: 'x' } },
        }),
      );
      return Object.entries(cached)
        .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
        .map(([name]) => name);
    };
    expect(stale('Config')).toEqual(['config', 'diagnostics', 'deployment']);
    expect(stale('ClusterOperator')).toEqual(['diagnostics']);
    expect(stale('Deployment')).toEqual(['diagnostics', 'deployment']);
    expect(stale('Pod')).toEqual(['pods', 'diagnostics', 'deployment']);
    expect(stale('Event')).toEqual(['diagnostics', 'deployment']);
    expect(stale('Secret')).toEqual([]);
  });
});
