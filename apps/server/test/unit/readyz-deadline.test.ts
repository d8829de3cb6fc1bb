/**
 * Issue 13 item 4: `/readyz` has a real deadline. Against an API that accepts connections and
 * never answers, readiness must turn 503 within the probe's budget (5 s, under the pod's
 * readinessProbe timeoutSeconds: 6) — not hang as long as the API does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appOnHungApi, orHung, type AppOnHungApi } from '../helpers/hung-api.js';
import { until } from '../helpers/until.js';

describe('/readyz against a hung API', () => {
  let rig: AppOnHungApi;

  beforeAll(async () => {
    // far beyond the probe's own deadline: only the probe's deadline can end it
    rig = await appOnHungApi({ app: { kubeTimeoutMs: 120_000 } });
  });
  afterAll(() => rig.close());

  it('answers 503 within the probe deadline, and the upstream request is abandoned', async () => {
    const started = Date.now();
    const res = await orHung(rig.app.inject('/readyz'), 15_000);
    expect(res, '/readyz still waiting for the API after 15 s').not.toBe('hung');
    if (res === 'hung') return;
    expect(res.statusCode).toBe(503);
    expect(res.json().status).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(10_000);
    // the hung request's socket was closed by the abort, not left open
    await until(() => rig.hung.openSockets === 0, 'the upstream socket to close', 2_000);
  }, 20_000);
});
