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
