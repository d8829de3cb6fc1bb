/**
 * Issue 13 item 4: `/readyz` has a real deadline. Against an API that accepts connections and
 * never answers, readiness must turn 503 within the probe's budget (5 s, under the pod's
 * readinessProbe timeoutSeconds: 6) — not hang as long as the API does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { startHungApi, type HungApi } from '../helpers/hung-api.js';
import { kubeconfigFor } from '../helpers/kubeconfig.js';

describe('/readyz against a hung API', () => {
  let hung: HungApi;
  let app: FastifyInstance;

  beforeAll(async () => {
    hung = await startHungApi();
    app = await buildApp({
      kubeconfig: kubeconfigFor(hung.url),
      logLevel: false,
      watch: false,
      // far beyond the probe's own deadline: only the probe's deadline can end it
      kubeTimeoutMs: 120_000,
    });
  });
  afterAll(async () => {
    await app.close();
    await hung.stop();
  });

  it('answers 503 within the probe deadline, and the upstream request is abandoned', async () => {
    const started = Date.now();
    const res = await Promise.race([
      app.inject('/readyz'),
      new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000)),
    ]);
    expect(res, '/readyz still waiting for the API after 15 s').not.toBe('hung');
    if (res === 'hung') return;
    expect(res.statusCode).toBe(503);
    expect(res.json().status).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(10_000);
    // the hung request's socket was closed by the abort, not left open
    await new Promise((r) => setTimeout(r, 200));
    expect(hung.openSockets).toBe(0);
  }, 20_000);
});
