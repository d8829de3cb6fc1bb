/**
 * Issue 13 item 3: the server caps live-update connections per browser session (20, one per
 * tab). A tab over the cap says so — "Live updates paused: you have too many console tabs open"
 * with the server's message — and is live again once a tab closes (it retries after the
 * server's Retry-After).
 */
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { e2ePorts } from '../support/env.js';

test('a tab over the per-session stream cap says live updates are paused, then goes live when a tab closes', async ({
  context,
}) => {
  test.setTimeout(90_000);
  // The session (CSRF cookie) exists before the first tab opens its stream, as after any first visit.
  await context.request.get('/api/v1/me');
  const first = await context.newPage();
  await first.goto('/timeline');
  await expect(first.locator('[data-test="connection-indicator"]')).toHaveAttribute('data-state', 'live');
  const session = (await context.cookies()).find((c) => c.name === 'csrf-token');
  expect(session).toBeDefined();

  // The other 19 "tabs" of this session, held from here.
  const held: http.ClientRequest[] = [];
  try {
    for (let i = 0; i < 19; i++) {
      const req = http.get(`http://127.0.0.1:${e2ePorts.admin}/api/v1/stream`, {
        headers: { accept: 'text/event-stream', cookie: `csrf-token=${session!.value}` },
      });
      req.on('error', () => undefined);
      held.push(req);
      expect(
        await new Promise<number>((resolve) =>
          req.on('response', (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          }),
        ),
      ).toBe(200);
    }

    const second = await context.newPage();
    await second.goto('/timeline');
    const banner = second.locator('[data-test="live-updates-banner"]');
    await expect(banner).toHaveAttribute('data-state', 'limited', { timeout: 20_000 });
    await expect(banner).toContainText('Live updates paused: you have too many console tabs open');
    await expect(banner).toContainText('close some console tabs');
    const badge = second.locator('[data-test="connection-indicator"]');
    await expect(badge).toHaveAttribute('data-state', 'paused');
    await expect(second.getByRole('status', { name: 'Live updates: Live updates paused' })).toBeVisible();
    await expectNoSeriousA11yViolations(second);

    await first.close();
    await expect(badge).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  } finally {
    for (const req of held) req.destroy();
  }
});
