/**
 * Issue 13 item 4: every upstream call has a deadline. A log read against an API that accepts
 * the connection and never answers hung for as long as the API did (25 s+ seen, holding a pooled
 * socket): the relay's request was bounded only by the browser going away. Now the answer's head
 * must come within the log route's budget (10 s, less when the call timeout is shorter): 504
 * with a clear message, and the upstream socket is closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appOnHungApi, orHung, type AppOnHungApi } from '../helpers/hung-api.js';
import { until } from '../helpers/until.js';

describe('pod logs against a hung API', () => {
  let rig: AppOnHungApi;

  // the default per-call timeout: the log route's own budget (10 s) is what must end it
  beforeAll(async () => {
    rig = await appOnHungApi();
  });
  afterAll(() => rig.close());

  it.each([
    ['a followed log', 'follow=true&tailLines=10'],
    ['a log tail', 'tailLines=10'],
  ])(
    '%s answers 504 with a clear message within the budget, and the upstream socket is closed',
    async (_what, query) => {
      const started = Date.now();
      const res = await orHung(
        rig.app.inject(`/api/v1/pods/openshift-image-registry/image-registry-0/log?${query}`),
        14_000,
      );
      expect(res, 'the log read still waiting for the API after 14 s').not.toBe('hung');
      if (res === 'hung') return;
      expect(res.statusCode).toBe(504);
      expect(res.json()).toMatchObject({
        reason: 'Timeout',
        message: expect.stringMatching(/cluster API did not answer within 10 s/),
      });
      expect(Date.now() - started).toBeLessThan(12_000);
      await until(() => rig.hung.openSockets === 0, 'the upstream socket to close', 2_000);
    },
    20_000,
  );
});

/**
 * The same for an API that starts answering and then goes silent half-way (a hung kubelet): a
 * log read that is not followed is cut after LOG_BODY_IDLE_MS of silence — the browser's response
 * is aborted, not ended, so it is not taken for the whole log — and the upstream socket closes.
 * A followed log may be quiet for as long as its container is, and stays open.
 */
describe('pod logs from an API that goes silent half-way', () => {
  let rig: AppOnHungApi;
  let base: string;

  beforeAll(async () => {
    rig = await appOnHungApi({ answerHead: true });
    base = await rig.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => rig.close());

  it('cuts a log tail after 10 s of silence and closes the upstream socket; a followed log stays open', async () => {
    const url = (query: string) =>
      `${base}/api/v1/pods/openshift-image-registry/image-registry-0/log?${query}`;
    const followed = new AbortController();
    const follow = await fetch(url('follow=true'), { signal: followed.signal });
    const started = Date.now();
    const tail = await fetch(url('tailLines=10'));
    expect(tail.status).toBe(200);
    const outcome = await orHung(
      tail.text().then(
        () => 'ended',
        () => 'aborted',
      ),
      14_000,
    );
    expect(outcome, 'the log tail still open after 14 s of silence').toBe('aborted');
    expect(Date.now() - started).toBeLessThan(13_000);
    // the followed log's upstream is the one socket left
    await until(() => rig.hung.openSockets === 1, 'the upstream socket of the log tail to close', 2_000);
    expect(follow.status).toBe(200);
    followed.abort();
  }, 20_000);
});
