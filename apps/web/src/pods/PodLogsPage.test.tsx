import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StreamTextOptions } from '../shell/platform.js';
import { fakePlatform, renderPage, route } from '../test/fakePlatform.js';
import { meResponse, podSummary } from '../test/fixtures.js';
import PodLogsPage from './PodLogsPage.js';

const pods = { namespace: 'openshift-image-registry', pods: [podSummary('image-registry-abc-12345')] };

function setup() {
  let options: StreamTextOptions | undefined;
  let finish: () => void = () => {};
  const platform = fakePlatform(
    (path) => (path === '/v1/pods' ? pods : path === '/v1/me' ? meResponse() : {}),
    (_path, opts) => {
      options = opts;
      return new Promise<void>((resolve) => (finish = resolve));
    },
  );
  const view = renderPage(platform, [route('/pods/:namespace/:name/logs', <PodLogsPage />)], '/pods/openshift-image-registry/image-registry-abc-12345/logs');
  return { platform, view, send: (text: string) => options!.onChunk(text), options: () => options, finish: () => finish() };
}

describe('PodLogsPage', () => {
  it('asks for the log with timestamps and follow, and keeps only visible lines in the DOM', async () => {
    const { send, options } = setup();
    await waitFor(() => expect(options()).toBeDefined());
    expect(options()!.query).toMatchObject({ container: 'registry', follow: true, timestamps: true, tailLines: 5000 });
    const lines = Array.from({ length: 200_000 }, (_, i) => `2025-06-12T09:20:05.${String(i).padStart(9, '0')}Z level=info msg="line ${i}"`);
    act(() => send(lines.join('\n') + '\n'));
    const log = await screen.findByRole('log', { name: 'Log lines' });
    await waitFor(() => expect(log.getAttribute('data-lines')).toBe('200000'));
    const rendered = log.querySelectorAll('[data-line]');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(200);
    // Timestamps are hidden by default; the text is there.
    expect(log.textContent).not.toContain('2025-06-12T09:20:05');
  });

  it('searches with highlight and a match counter, and steps to the next match', async () => {
    const { send, options } = setup();
    await waitFor(() => expect(options()).toBeDefined());
    act(() => send('alpha\nbeta error one\ngamma\ndelta error two\n'));
    const search = screen.getByRole('textbox', { name: 'Search the log' });
    fireEvent.change(search, { target: { value: 'ERROR' } });
    await waitFor(() => expect(screen.getByText('1 / 2')).toBeTruthy());
    const marks = document.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['error', 'error']);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByText('2 / 2')).toBeTruthy());
    expect(document.querySelector('.irc-log__line--current')?.textContent).toContain('delta error two');
  });

  it('pauses and resumes following, and says when the stream ended', async () => {
    const { send, options, finish } = setup();
    await waitFor(() => expect(options()).toBeDefined());
    const pause = await screen.findByRole('button', { name: 'Pause' });
    fireEvent.click(pause);
    expect(screen.getByRole('button', { name: 'Follow' }).getAttribute('aria-pressed')).toBe('false');
    act(() => send('last line without newline'));
    await act(async () => finish());
    await screen.findByText('The log stream ended');
    expect(screen.getByText(/1 lines loaded/)).toBeTruthy();
  });
});
