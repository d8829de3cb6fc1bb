/**
 * Issue 13 item 4: `/readyz` has a real deadline. Against an API that accepts connections and
 * never answers, readiness must turn 503 within the probe's budget (5 s, under the pod's
 * readinessProbe timeoutSeconds: 6) — not hang as long as the API does.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { kubeconfigFor } from '../helpers/kubeconfig.js';

describe('/readyz against a hung API', () => {
  let hung: net.Server;
  const sockets = new Set<net.Socket>();
  let app: FastifyInstance;

  beforeAll(async () => {
    // Accepts every connection, reads the request, never answers.
    hung = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.resume();
    });
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const { port } = hung.address() as AddressInfo;
    app = await buildApp({
      kubeconfig: kubeconfigFor(`http://127.0.0.1:${port}`),
      logLevel: false,
      watch: false,
      // far beyond the probe's own deadline: only the probe's deadline can end it
      kubeTimeoutMs: 120_000,
    });
  });
  afterAll(async () => {
    await app.close();
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => hung.close(() => resolve()));
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
    expect(sockets.size).toBe(0);
  }, 20_000);
});
