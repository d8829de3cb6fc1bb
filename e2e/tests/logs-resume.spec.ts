import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

declare global {
  interface Window {
    __breakLogStreams(): number;
  }
}

/**
 * Chromium's offline mode stops new requests but leaves an open response streaming, so the page
 * gets a way to break its open log streams as a dropped connection does: the body errors with
 * fetch's TypeError, and the connection is closed.
 */
function breakableLogStreams() {
  const open = new Set<{
    controller: ReadableStreamDefaultController<Uint8Array>;
    reader: ReadableStreamDefaultReader<Uint8Array>;
  }>();
  const fetchFirst = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const res = await fetchFirst(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/\/pods\/[^/]+\/[^/]+\/log\b/.test(url) || !res.body) return res;
    const reader = res.body.getReader();
    let entry: { controller: ReadableStreamDefaultController<Uint8Array>; reader: typeof reader } | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        entry = { controller, reader };
        open.add(entry);
      },
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          open.delete(entry!);
          controller.close();
        } else controller.enqueue(value);
      },
      cancel(reason) {
        open.delete(entry!);
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  window.__breakLogStreams = () => {
    const n = open.size;
    for (const e of open) {
      e.controller.error(new TypeError('network error'));
      void e.reader.cancel();
    }
    open.clear();
    return n;
  };
}

/**
 * Issue 8: a followed log whose stream breaks says so, reconnects by itself once the network is
 * back, and resumes after the last line shown — no line twice, none out of order. (The API
 * restarting under the server is covered by apps/server's pods-log-resume integration test.)
 */
test('a broken log stream says it is reconnecting, then resumes without repeating lines', async ({
  page,
  context,
}) => {
  await page.addInitScript(breakableLogStreams);
  await page.goto('/pods');
  const pods = page.getByRole('grid', { name: 'Pods' }).or(page.getByRole('table', { name: 'Pods' }));
  await pods
    .getByRole('link', { name: /^image-registry-/ })
    .first()
    .click();
  const status = page.locator('[data-test="log-status"]');
  await expect(status.getByText('Streaming')).toBeVisible();
  const lines = page.getByRole('log', { name: 'Log lines' });
  await expect(lines.getByText(/level=info/).first()).toBeVisible();
  const countBefore = Number(await lines.getAttribute('data-lines'));

  // The network goes away under the open stream: the page says what it is doing.
  await context.setOffline(true);
  expect(await page.evaluate(() => window.__breakLogStreams())).toBe(1);
  await expect(status.getByText('Reconnecting to the log stream…')).toBeVisible();
  await expect(page.locator('[data-test="log-reconnecting"]')).toContainText(/reconnecting \(attempt \d+\)/);
  // It keeps trying while the network is down, and the lines shown stay.
  await page.waitForTimeout(1500);
  expect(Number(await lines.getAttribute('data-lines'))).toBeGreaterThanOrEqual(countBefore);

  await context.setOffline(false);
  // The registry logs every few seconds (probes, requests): once a line arrives it has resumed.
  await expect(status.getByText(/^(Resumed|Streaming)$/)).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('[data-test="log-reconnecting"]')).toHaveCount(0);

  // Every line once, in time order, across the break: read them all back through the download.
  await page.locator('label[for="irc-log-timestamps"]').click();
  await expect(page.locator('#irc-log-timestamps')).toBeChecked();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the loaded lines' }).click();
  const text = readFileSync(await (await download).path(), 'utf8');
  const all = text.split('\n').filter(Boolean);
  expect(all.length).toBeGreaterThanOrEqual(countBefore);
  const stamps = all.map((l) => l.slice(0, l.indexOf(' ')));
  for (let i = 1; i < stamps.length; i++)
    expect(stamps[i]! >= stamps[i - 1]!, `line ${i + 1} is older than line ${i}`).toBe(true);
  expect(new Set(all).size, 'a line shown twice').toBe(all.length);
});
