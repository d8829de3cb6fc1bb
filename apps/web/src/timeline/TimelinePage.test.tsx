import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../api/contract.js';
import { fakePlatform, renderPage, route } from '../test/fakePlatform.js';
import { meResponse } from '../test/fixtures.js';
import TimelinePage from './TimelinePage.js';

const object = { kind: 'Config', name: 'cluster' };
/** Minutes before now: within the timeline's default range (the last 24 hours). */
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const unconfigured = { state: 'unconfigured', message: 'History is unavailable.' } as const;
const entries: TimelineEntry[] = [
  {
    id: 'e1',
    type: 'event',
    time: ago(8),
    object: { kind: 'Deployment', name: 'image-registry', namespace: 'openshift-image-registry' },
    event: {
      eventType: 'Normal',
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set image-registry-7b9 to 2',
      count: 1,
    },
  },
  {
    id: 'c1',
    type: 'condition',
    time: ago(9),
    object,
    condition: {
      type: 'Progressing',
      from: 'False',
      to: 'True',
      reason: 'DeploymentNotCompleted',
      message: 'The deployment has not completed',
    },
  },
  {
    id: 'c0',
    type: 'condition',
    time: ago(10),
    object,
    condition: {
      type: 'Available',
      from: null,
      to: 'True',
      reason: 'Ready',
      message: 'The registry is ready',
    },
  },
];

function setup(shown: TimelineEntry[] = entries) {
  const platform = fakePlatform((path, options) => {
    if (path === '/v1/timeline')
      return options.query?.start
        ? { entries: shown, total: shown.length, history: unconfigured, lanes: [] }
        : { entries: shown, total: shown.length };
    if (path === '/v1/history/traffic')
      return { history: unconfigured, start: ago(60), end: ago(0), series: [] };
    if (path === '/v1/me') return meResponse();
    throw new Error(path);
  });
  renderPage(platform, [route('/timeline', <TimelinePage />)], '/timeline');
  return platform;
}

const items = () => within(screen.getByRole('list', { name: 'Timeline entries' })).getAllByRole('listitem');

// The page renders its charts too: on a loaded two-core machine a test takes several seconds.
describe('TimelinePage', { timeout: 20_000 }, () => {
  it('shows entries newest first and adds streamed ones without reload', async () => {
    const platform = setup();
    await screen.findByRole('list', { name: 'Timeline entries' });
    expect(items().map((li) => li.getAttribute('data-kind'))).toEqual(['event', 'condition', 'condition']);
    act(() =>
      platform.eventStream.emit('timeline', {
        id: 'c2',
        type: 'condition',
        time: ago(7),
        object,
        condition: {
          type: 'Progressing',
          from: 'True',
          to: 'False',
          reason: 'Ready',
          message: 'The registry is ready',
        },
      }),
    );
    await waitFor(() => expect(items()).toHaveLength(4));
    expect(items()[0]!.textContent).toContain('True → False');
    // A replayed entry (same id) is not shown twice.
    act(() => platform.eventStream.emit('timeline', entries[0]));
    expect(items()).toHaveLength(4);
    expect(
      platform.requests.filter((r) => r.path === '/v1/timeline' && !r.options.query?.start),
    ).toHaveLength(1);
  });

  it('filters by kind and condition type, and switches to absolute times', async () => {
    setup();
    await screen.findByRole('list', { name: 'Timeline entries' });
    fireEvent.click(screen.getByRole('button', { name: 'Events' }));
    await waitFor(() =>
      expect(items().every((li) => li.getAttribute('data-kind') === 'condition')).toBe(true),
    );
    fireEvent.change(screen.getByRole('combobox', { name: 'Condition type' }), {
      target: { value: 'Available' },
    });
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0]!.textContent).toContain('Available');
    fireEvent.click(screen.getByRole('button', { name: 'Absolute' }));
    await waitFor(() => expect(items()[0]!.querySelector('time')!.textContent).toMatch(/\d{4}/));
  });

  it('reads a console change as one sentence, and a reason-only change as no transition', async () => {
    setup([
      {
        id: 'x1',
        type: 'change',
        time: ago(5),
        object,
        change: { user: 'admin', summary: 'changed managementState' },
      },
      {
        id: 'c3',
        type: 'condition',
        time: ago(6),
        object,
        condition: {
          type: 'Available',
          from: 'True',
          to: 'True',
          reason: 'MinimumAvailability',
          message: 'The registry has minimum availability',
        },
      },
    ]);
    await screen.findByRole('list', { name: 'Timeline entries' });
    expect(items()[0]!.textContent).toContain('admin changed managementState');
    expect(items()[0]!.textContent).not.toContain('changed changed');
    expect(items()[1]!.textContent).toContain('Available still True, new reason');
    expect(items()[1]!.textContent).not.toContain('True → True');
  });

  it('shows a long timeline a page at a time', async () => {
    const many: TimelineEntry[] = Array.from({ length: 120 }, (_, i) => ({
      id: `e${i}`,
      type: 'event',
      time: new Date(Date.now() - 60_000 - i * 1000).toISOString(),
      object: { kind: 'Pod', name: `pod-${i}`, namespace: 'openshift-image-registry' },
      event: { eventType: 'Normal', reason: 'Pulled', message: `entry ${i}`, count: 1 },
    }));
    setup(many);
    await screen.findByRole('list', { name: 'Timeline entries' });
    expect(items()).toHaveLength(50);
    expect(items()[0]!.textContent).toContain('entry 0');
    fireEvent.click(screen.getAllByRole('button', { name: 'Go to next page' })[0]!);
    await waitFor(() => expect(items()[0]!.textContent).toContain('entry 50'));
    expect(items()).toHaveLength(50);
    fireEvent.click(screen.getAllByRole('button', { name: 'Go to last page' })[0]!);
    await waitFor(() => expect(items()).toHaveLength(20));
  });

  it('says when live updates pause because the cluster API fails, and when they are back', async () => {
    const platform = setup();
    await screen.findByRole('list', { name: 'Timeline entries' });
    expect(screen.queryByText(/Live updates paused/)).toBeNull();
    act(() =>
      platform.eventStream.emit('state', {
        kind: 'Config',
        state: 'resyncing',
        message: 'the cluster is unreachable (ECONNREFUSED)',
      }),
    );
    expect(
      await screen.findByText('Live updates paused: the cluster API is not reachable. Retrying…'),
    ).toBeTruthy();
    expect(screen.getByText('the cluster is unreachable (ECONNREFUSED)')).toBeTruthy();
    act(() => platform.eventStream.emit('state', { kind: 'Config', state: 'synced' }));
    expect(await screen.findByText('Reconnected: live updates are on again.')).toBeTruthy();
    expect(screen.queryByText(/Live updates paused/)).toBeNull();
  });

  it('asks to sign in again when the session has expired', async () => {
    const platform = setup();
    await screen.findByRole('list', { name: 'Timeline entries' });
    act(() => platform.eventStream.setState('expired'));
    expect(await screen.findByText('Your session has expired: sign in again.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeTruthy();
  });
});
