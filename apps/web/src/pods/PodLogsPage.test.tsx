import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../platform/http.js';
import type { StreamTextOptions } from '../platform/platform.js';
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
  const view = renderPage(
    platform,
    [route('/pods/:namespace/:name/logs', <PodLogsPage />)],
    '/pods/openshift-image-registry/image-registry-abc-12345/logs',
  );
  return {
    platform,
    view,
    send: (text: string) => options!.onChunk(text),
    options: () => options,
    finish: () => finish(),
  };
}

describe('PodLogsPage', () => {
  it('asks for the log with timestamps and follow, and keeps only visible lines in the DOM', async () => {
    const { send, options } = setup();
    await waitFor(() => expect(options()).toBeDefined());
    expect(options()!.query).toMatchObject({
      container: 'registry',
      follow: true,
      timestamps: true,
      tailLines: 5000,
    });
    const lines = Array.from(
      { length: 200_000 },
      (_, i) => `2025-06-12T09:20:05.${String(i).padStart(9, '0')}Z level=info msg="line ${i}"`,
    );
    act(() => send(lines.join('\n') + '\n'));
    const log = await screen.findByRole('log', { name: 'Log lines' });
    await waitFor(() => expect(log.getAttribute('data-lines')).toBe('200000'));
    await waitFor(() => expect(log.querySelectorAll('[data-line]').length).toBeGreaterThan(0));
    expect(log.querySelectorAll('[data-line]').length).toBeLessThan(200);
    // Timestamps are hidden by default; the text is there.
    expect(log.textContent).not.toContain('2025-06-12T09:20:05');
  }, 30_000); // 200k lines through jsdom: seconds on a loaded CI machine

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

  it('pauses and resumes following, and says when the stream ended (then offers no Pause)', async () => {
    const { send, options, finish } = setup();
    await waitFor(() => expect(options()).toBeDefined());
    const pause = await screen.findByRole('button', { name: 'Pause' });
    fireEvent.click(pause);
    expect(screen.getByRole('button', { name: 'Follow' }).getAttribute('aria-pressed')).toBe('false');
    act(() => send('last line without newline'));
    await act(async () => finish());
    await screen.findByText('The log stream ended');
    expect(screen.getByText(/1 line loaded/)).toBeTruthy();
    // A finished log has nothing to pause or follow: only its end to go to.
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Follow' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Go to the end' })).toBeTruthy();
  });

  it('reconnects a broken stream from the last line shown, says so meanwhile, and repeats no line', async () => {
    const calls: { opts: StreamTextOptions; fail: (e: unknown) => void }[] = [];
    const platform = fakePlatform(
      (path) => (path === '/v1/pods' ? pods : path === '/v1/me' ? meResponse() : {}),
      (_path, opts) => new Promise<void>((_resolve, reject) => calls.push({ opts, fail: reject })),
    );
    renderPage(
      platform,
      [route('/pods/:namespace/:name/logs', <PodLogsPage />)],
      '/pods/openshift-image-registry/image-registry-abc-12345/logs',
    );
    const line = (i: number) =>
      `2026-11-25T21:00:00.${String(100 + Math.floor(i / 3)).padStart(3, '0')}000000Z msg="line ${i}"\n`;
    await waitFor(() => expect(calls).toHaveLength(1));
    act(() => calls[0]!.opts.onChunk([0, 1, 2, 3, 4].map(line).join('') + line(5).slice(0, 25)));
    await act(async () => calls[0]!.fail(new TypeError('network error')));
    await screen.findByText('Reconnecting to the log stream…');
    expect(screen.getByText(/reconnecting \(attempt 1\)/)).toBeTruthy();
    await waitFor(() => expect(calls).toHaveLength(2), { timeout: 3000 });
    // From the last line shown, not the original tail; lines 3 and 4 share its millisecond.
    expect(calls[1]!.opts.query).toMatchObject({
      sinceTime: '2026-11-25T21:00:00.101000000Z',
      follow: true,
      timestamps: true,
    });
    expect(calls[1]!.opts.query?.tailLines).toBeUndefined();
    act(() => calls[1]!.opts.onChunk([3, 4, 5, 6, 7].map(line).join('')));
    await screen.findByText('Resumed');
    const log = screen.getByRole('log', { name: 'Log lines' });
    await waitFor(() => expect(log.getAttribute('data-lines')).toBe('8'));
    // Rows are redrawn at most 10 times a second while streaming: wait for the next redraw.
    const shown = () => [...log.querySelectorAll('.irc-log__text')].map((el) => el.textContent);
    await waitFor(() => expect(shown()).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `msg="line ${i}"`)));
  });

  it('does not retry an answer that will not change (pod gone): the stream failed', async () => {
    const calls: StreamTextOptions[] = [];
    const platform = fakePlatform(
      (path) => (path === '/v1/pods' ? pods : path === '/v1/me' ? meResponse() : {}),
      (_path, opts) => {
        calls.push(opts);
        return Promise.reject(new ApiError(404, 'pods "image-registry-abc-12345" not found', undefined));
      },
    );
    renderPage(
      platform,
      [route('/pods/:namespace/:name/logs', <PodLogsPage />)],
      '/pods/openshift-image-registry/image-registry-abc-12345/logs',
    );
    await screen.findByText('The log stream failed');
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toHaveLength(1);
  });
  it('says when the node running the pod cannot be reached, and keeps trying', async () => {
    const calls: StreamTextOptions[] = [];
    const body = {
      statusCode: 502,
      reason: 'NodeUnreachable',
      message: 'the node running this pod cannot be reached',
    };
    const platform = fakePlatform(
      (path) => (path === '/v1/pods' ? pods : path === '/v1/me' ? meResponse() : {}),
      (_path, opts) => {
        calls.push(opts);
        return Promise.reject(new ApiError(502, body.message, body));
      },
    );
    renderPage(
      platform,
      [route('/pods/:namespace/:name/logs', <PodLogsPage />)],
      '/pods/openshift-image-registry/image-registry-abc-12345/logs',
    );
    const alert = await screen.findByText('The node running this pod cannot be reached');
    expect(alert.closest('.pf-v6-c-alert')?.textContent).toMatch(/kubelet does not answer/);
    expect(screen.queryByText(/The log stream broke/)).toBeNull();
    await waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(2), { timeout: 3000 });
  });
});
