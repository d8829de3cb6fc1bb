import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startQueryFront, type QueryFront } from '../../src/index.js';
import { R } from '../../src/core/refs.js';
import { useTestSandbox } from '../cluster/harness.js';

/** One request to the front: status and body, or the socket error when the connection is closed. */
function ask(
  url: string,
  token?: string,
  method = 'POST',
): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(
      `${url}/api/v1/query_range`,
      {
        method,
        agent: false,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', (e) => resolve({ error: e.message }));
    req.end(method === 'POST' ? 'query=up' : undefined);
  });
}

describe('the monitoring query front (kube-rbac-proxy stand-in)', () => {
  const sb = useTestSandbox();
  let upstream: Server;
  let front: QueryFront;
  const seen: Array<{ method?: string; headers: IncomingHttpHeaders; body: string }> = [];
  let down = false;

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString() });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"status":"success","data":{"resultType":"matrix","result":[]}}');
      });
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    front = await startQueryFront({
      port: 0,
      upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      apiUrl: sb.url,
      caPem: sb.caPem,
      token: sb.tokens.admin,
      refused: () => down,
    });
  });
  afterAll(async () => {
    await front?.stop();
    await new Promise((r) => upstream?.close(r));
  });

  test('no token: 401; a user without the monitoring API (the viewer): 403, and nothing reaches Prometheus', async () => {
    expect(await ask(front.url)).toMatchObject({ status: 401 });
    expect(await ask(front.url, 'not-a-token')).toMatchObject({ status: 401 });
    expect(await ask(front.url, sb.tokens.viewer)).toEqual({
      status: 403,
      body: 'Forbidden (user=viewer, verb=create, resource=prometheuses, subresource=api)',
    });
    expect(await ask(front.url, sb.tokens.viewer, 'GET')).toMatchObject({
      status: 403,
      body: expect.stringContaining('verb=get'),
    });
    expect(seen).toEqual([]);
  });

  test('an allowed user is proxied, without their token', async () => {
    expect(await ask(front.url, sb.tokens.admin)).toMatchObject({
      status: 200,
      body: expect.stringContaining('"success"'),
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', body: 'query=up' });
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  test('cluster-monitoring-view is what allows it', async () => {
    expect(await ask(front.url, sb.tokens.developer, 'GET')).toMatchObject({ status: 403 });
    sb.api().create(R.clusterRoleBindings, undefined, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'developer-monitoring' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'cluster-monitoring-view',
      },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'developer' }],
    });
    // a denial is remembered for 30 s (as kube-rbac-proxy's delegating authorizer); POST is not yet asked
    expect(await ask(front.url, sb.tokens.developer, 'POST')).toMatchObject({ status: 200 });
  });

  test('while the query endpoint is down, connections are closed; then it answers again', async () => {
    down = true;
    expect(await ask(front.url, sb.tokens.admin)).toHaveProperty('error');
    down = false;
    expect(await ask(front.url, sb.tokens.admin)).toMatchObject({ status: 200 });
  });

  test('the monitoring-unreachable scenario is what takes it down in `pnpm start`', async () => {
    expect(sb.monitoring?.queriesRefused()).toBe(false);
    await sb.scenarios.activate('monitoring-unreachable');
    expect(sb.monitoring?.queriesRefused()).toBe(true);
    await sb.scenarios.clear('monitoring-unreachable');
    expect(sb.monitoring?.queriesRefused()).toBe(false);
  });
});
