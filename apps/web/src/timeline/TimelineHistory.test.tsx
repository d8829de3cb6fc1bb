import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HistoryStatus, TimelineEntry, TrafficSeries } from '../api/contract.js';
import { fakePlatform, renderPage, route } from '../test/fakePlatform.js';
import { meResponse } from '../test/fixtures.js';
import TimelinePage from './TimelinePage.js';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const ok: HistoryStatus = {
  state: 'ok',
  message: 'Condition history from cluster monitoring.',
  stepSeconds: 4,
};
const entry: TimelineEntry = {
  id: 'e1',
  type: 'event',
  time: ago(3),
  object: { kind: 'Deployment', name: 'image-registry', namespace: 'openshift-image-registry' },
  event: { eventType: 'Warning', reason: 'StorageError', message: 'the bucket is gone', count: 1 },
};
const lanes = [
  {
    condition: 'Degraded',
    segments: [
      { start: ago(50), end: ago(20), status: 'False' as const, reason: 'AsExpected' },
      { start: ago(20), end: ago(1), status: 'True' as const, reason: 'StorageError' },
    ],
  },
];
const series: TrafficSeries[] = [
  {
    name: 'storageErrors',
    unit: 'per_second',
    query: 'sum(rate(imageregistry_storage_errors_total[8s]))',
    points: [
      [Math.floor(Date.now() / 1000) - 600, 0],
      [Math.floor(Date.now() / 1000) - 300, 2.5],
    ],
  },
];

function setup(
  history: HistoryStatus,
  path = '/timeline?range=1h',
  metrics?: (q: readonly string[]) => string,
) {
  const platform = fakePlatform((p, options) => {
    if (p === '/v1/timeline')
      return options.query?.start
        ? { entries: [entry], total: 1, history, lanes: history.state === 'ok' ? lanes : [] }
        : { entries: [entry], total: 1 };
    if (p === '/v1/history/traffic')
      return { history, start: ago(60), end: ago(0), series: history.state === 'ok' ? series : [] };
    if (p === '/v1/me') return meResponse();
    throw new Error(p);
  });
  if (metrics) platform.links.metrics = metrics;
  renderPage(platform, [route('/timeline', <TimelinePage />)], path);
  return platform;
}

describe('the timeline over a range', { timeout: 20_000 }, () => {
  it('asks the server for the range in the URL', async () => {
    const platform = setup(ok, '/timeline?range=7d');
    await screen.findByRole('img', { name: /Condition lanes/ });
    const asked = platform.requests.find((r) => r.path === '/v1/timeline' && r.options.query?.start);
    const { start, end } = asked!.options.query as { start: string; end: string };
    expect(Date.parse(end) - Date.parse(start)).toBe(7 * 24 * 3600_000);
    expect(screen.getByRole('button', { name: 'Last 7 days' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('without monitoring rights says why and still lists the live entries — no error page', async () => {
    setup({
      state: 'forbidden',
      message: 'History is unavailable: you may not read cluster monitoring data.',
    });
    expect(
      await screen.findByText(
        "You may not read the cluster's monitoring data (ask for cluster-monitoring-view); showing live changes only.",
      ),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Timeline entries' })).getAllByRole('listitem'),
    ).toHaveLength(1);
    expect(screen.queryByText('Could not load the timeline')).toBeNull();
  });

  it('says monitoring is unreachable in its own sentence', async () => {
    setup({ state: 'unavailable', message: 'History is unavailable: cluster monitoring cannot be reached.' });
    expect(
      await screen.findByText(/Cluster monitoring cannot be reached right now; showing live changes only/),
    ).toBeTruthy();
  });

  it('draws each stretch of a lane, and the warning events, on the time axis', async () => {
    setup(ok);
    const chart = await screen.findByRole('img', { name: /Condition lanes/ });
    await waitFor(() =>
      expect(
        chart.getAttribute('aria-describedby') &&
          document.getElementById(chart.getAttribute('aria-describedby')!)?.textContent,
      ).toMatch(/Degraded: 2 stretches, last True \(StorageError\)/),
    );
    const stretches = [...chart.querySelectorAll('rect')];
    expect(stretches.map((r) => r.querySelector('title')?.textContent?.split('\n')[0])).toEqual([
      'Degraded False (AsExpected)',
      'Degraded True (StorageError)',
    ]);
    // one after the other, the second reaching the right end of the plot
    const [a, b] = stretches.map((r) => ({
      x: Number(r.getAttribute('x')),
      w: Number(r.getAttribute('width')),
    }));
    expect(a!.x + a!.w).toBeCloseTo(b!.x, 5);
    expect([...chart.querySelectorAll('text')].map((t) => t.textContent)).toContain('Warning events');
    expect(chart.querySelector('circle title')?.textContent).toContain('StorageError: the bucket is gone');
  });

  it('shows the lanes and the traffic as tables with "View as table"', async () => {
    setup(ok);
    await screen.findByRole('img', { name: /Condition lanes/ });
    fireEvent.click(screen.getByRole('switch', { name: 'View as table' }));
    const intervals = await screen.findByRole('grid', { name: 'Condition intervals' });
    const rows = within(intervals)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(
      rows.some((r) => r?.includes('Degraded') && r.includes('True') && r.includes('StorageError')),
    ).toBe(true);
    const traffic = screen.getByRole('grid', { name: 'Registry traffic' });
    expect(
      within(traffic)
        .getAllByRole('row')
        .map((r) => r.textContent)
        .join('|'),
    ).toContain('2.5/s');
  });

  it('refuses a custom range whose end is before its start, next to the field', async () => {
    const platform = setup(ok);
    await screen.findByRole('img', { name: /Condition lanes/ });
    fireEvent.click(screen.getByRole('button', { name: 'Custom range' }));
    fireEvent.change(screen.getByLabelText('Start'), { target: { value: '2026-12-05T10:00' } });
    fireEvent.change(screen.getByLabelText('End'), { target: { value: '2026-12-04T10:00' } });
    const before = platform.requests.length;
    fireEvent.click(screen.getByRole('button', { name: 'Show this range' }));
    expect(await screen.findByText('The end must be after the start.')).toBeTruthy();
    expect(screen.getByLabelText('End').getAttribute('aria-invalid')).toBe('true');
    expect(platform.requests.slice(before).filter((r) => r.options.query?.start)).toEqual([]);
    fireEvent.change(screen.getByLabelText('End'), { target: { value: '2026-12-05T16:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show this range' }));
    await waitFor(() =>
      expect(
        platform.requests.some((r) => r.options.query?.start === new Date(2026, 11, 5, 10).toISOString()),
      ).toBe(true),
    );
  });

  it('links the traffic queries to Observe → Metrics where the host has it', async () => {
    setup(ok, '/timeline?range=1h', (q) => `/monitoring/query-browser?query0=${encodeURIComponent(q[0]!)}`);
    const link = await screen.findByRole('link', {
      name: 'Open Storage operation errors in Observe → Metrics',
    });
    expect(link.getAttribute('href')).toBe(
      `/monitoring/query-browser?query0=${encodeURIComponent('sum(rate(imageregistry_storage_errors_total[8s]))')}`,
    );
  });
});
