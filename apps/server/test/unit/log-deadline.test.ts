/**
 * Issue 13 item 4: every upstream call has a deadline. A log read against an API that accepts
 * the connection and never answers hung for as long as the API did (25 s+ seen, holding a pooled
 * socket): the relay's request was bounded only by the browser going away. Now the answer's head
 * must come within the log route's budget (10 s, less when the call timeout is shorter): 504
 * with a clear message, and the upstream socket is closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { startHungApi, type HungApi } from '../helpers/hung-api.js';
import { kubeconfigFor } from '../helpers/kubeconfig.js';

describe('pod logs against a hung API', () => {
  let hung: HungApi;
  let app: FastifyInstance;

  beforeAll(async () => {
    hung = await startHungApi();
    app = await buildApp({
      kubeconfig: kubeconfigFor(hung.url),
      logLevel: false,
      watch: false,
      // the default per-call timeout: the log route's own budget (10 s) is what must end it
    });
  });
  afterAll(async () => {
    await app.close();
    await hung.stop();
  });

  it.each([
    ['a followed log', 'follow=true&tailLines=10'],
    ['a log tail', 'tailLines=10'],
  ])(
    '%s answers 504 with a clear message within the budget, and the upstream socket is closed',
    async (_what, query) => {
      const started = Date.now();
      const res = await Promise.race([
        app.inject(`/api/v1/pods/openshift-image-registry/image-registry-0/log?${query}`),
        new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 14_000)),
      ]);
      expect(res, 'the log read still waiting for the API after 14 s').not.toBe('hung');
      if (res === 'hung') return;
      expect(res.statusCode).toBe(504);
      expect(res.json()).toMatchObject({
        reason: 'Timeout',
        message: expect.stringMatching(/cluster API did not answer within 10 s/),
      });
      expect(Date.now() - started).toBeLessThan(12_000);
      await new Promise((r) => setTimeout(r, 200));
      expect(hung.openSockets).toBe(0);
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
  let hung: HungApi;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    hung = await startHungApi({ answerHead: true });
    app = await buildApp({ kubeconfig: kubeconfigFor(hung.url), logLevel: false, watch: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await hung.stop();
  });

  it('cuts a log tail after 10 s of silence and closes the upstream socket; a followed log stays open', async () => {
    const url = (query: string) =>
      `${base}/api/v1/pods/openshift-image-registry/image-registry-0/log?${query}`;
    const followed = new AbortController();
    const follow = await fetch(url('follow=true'), { signal: followed.signal });
    const started = Date.now();
    const tail = await fetch(url('tailLines=10'));
    expect(tail.status).toBe(200);
    const outcome = await Promise.race([
      tail.text().then(
        () => 'ended',
        () => 'aborted',
      ),
      new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 14_000)),
    ]);
    expect(outcome, 'the log tail still open after 14 s of silence').toBe('aborted');
    expect(Date.now() - started).toBeLessThan(13_000);
    await new Promise((r) => setTimeout(r, 200));
    // the followed log's upstream is the one socket left
    expect(hung.openSockets).toBe(1);
    expect(follow.status).toBe(200);
    followed.abort();
  }, 20_000);
});
