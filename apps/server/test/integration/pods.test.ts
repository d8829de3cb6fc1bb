import http from 'node:http';
import type { DiagnosticsResponse, PodsResponse } from '@irc/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { until } from './harness.js';
import { registryHarness } from './registry.js';

describe('pods, logs and diagnostics', () => {
  const h = registryHarness();
  let pods: PodsResponse;
  beforeAll(async () => {
    pods = await until(
      async () => {
        const p = (await (await h.fetch('/api/v1/pods')).json()) as PodsResponse;
        return p.pods.some((x) => x.component === 'registry' && x.phase === 'Running') &&
          p.pods.some((x) => x.component === 'operator' && x.phase === 'Running')
          ? p
          : undefined;
      },
      'running registry and operator pods',
      30_000,
      250,
    );
  }, 60_000);

  it('lists registry and operator pods with their containers', () => {
    const registry = pods.pods.find((p) => p.component === 'registry')!;
    expect(registry.namespace).toBe('openshift-image-registry');
    expect(registry.containers.map((c) => c.name)).toContain('registry');
    expect(registry.node).toBeTruthy();
    expect(registry.ageSeconds).toBeGreaterThanOrEqual(0);
  });

  it('reads a log tail', async () => {
    const op = pods.pods.find((p) => p.component === 'operator')!;
    const res = await h.fetch(`/api/v1/pods/${op.namespace}/${op.name}/log?tailLines=20&timestamps=true`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const lines = (await res.text()).split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(20);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('maps upstream errors: an unknown container → 400 with the API message, unknown pod → 404', async () => {
    const op = pods.pods.find((p) => p.component === 'operator')!;
    const bad = await h.fetch(`/api/v1/pods/${op.namespace}/${op.name}/log?container=nope`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('nope');
    const missing = await h.fetch('/api/v1/pods/openshift-image-registry/no-such-pod/log');
    expect(missing.status).toBe(404);
  });

  it('a followed log streams and ends cleanly, upstream included, when the client goes away', async () => {
    const reg = pods.pods.find((p) => p.component === 'registry' && p.phase === 'Running')!;
    const url = `${h.baseUrl}/api/v1/pods/${reg.namespace}/${reg.name}/log?follow=true&tailLines=5&container=registry`;
    let received = '';
    const req = http.get(url);
    const response = await new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
    expect(response.statusCode).toBe(200);
    response.setEncoding('utf8');
    response.on('data', (c: string) => (received += c));
    response.on('error', () => undefined);
    await until(() => received.length > 0, 'the first log bytes', 10_000);
    await until(
      async () => (await (await h.fetch('/metrics')).text()).includes('irc_log_streams_active 1'),
      'the relay to count as open',
    );
    req.destroy();
    await until(
      async () => (await (await h.fetch('/metrics')).text()).includes('irc_log_streams_active 0'),
      'the relay to close after the disconnect',
      5000,
    );
  });

  it('diagnostics computes the checklist live, with links to pod logs', async () => {
    const d = (await (await h.fetch('/api/v1/diagnostics')).json()) as DiagnosticsResponse;
    expect(d.steps.map((s) => s.id)).toEqual([
      'cluster-operator',
      'config',
      'registry-deployment',
      'registry-pods',
      'operator',
      'storage-credentials',
      'routes',
      'pruner',
      'node-ca',
      'events',
    ]);
    for (const s of d.steps) {
      expect(['ok', 'info', 'unknown', 'warning', 'failing']).toContain(s.verdict);
      expect(s.evidence.length).toBeGreaterThan(0);
      expect(s.command).toMatch(/^oc /);
    }
    const podsStep = d.steps.find((s) => s.id === 'registry-pods')!;
    expect(podsStep.links.some((l) => l.kind === 'log' && l.container === 'registry')).toBe(true);
  });

  it('diagnostics turns a broken credentials secret into a failing step with the operator message', async () => {
    const put = await h.fetch('/api/v1/storage/credentials', {
      method: 'PUT',
      body: JSON.stringify({ values: { REGISTRY_STORAGE_S3_ACCESSKEY: 'AKIAONLYACCESS' } }),
    });
    expect(put.status).toBe(200);
    const c = (await (await h.fetch('/api/v1/config')).json()) as {
      config: { spec: { storage: Record<string, unknown> } };
    };
    expect(Object.keys(c.config.spec.storage)).toContain('s3'); // the sandbox runs on "AWS"
    const d = (await (await h.fetch('/api/v1/diagnostics')).json()) as DiagnosticsResponse;
    const step = d.steps.find((s) => s.id === 'storage-credentials')!;
    expect(step.verdict).toBe('failing');
    expect(step.findings[0]?.evidence.join('\n')).toContain(
      'does not contain required key "REGISTRY_STORAGE_S3_SECRETKEY"',
    );
    expect(step.findings[0]?.fix?.field).toBe('credentials.REGISTRY_STORAGE_S3_SECRETKEY');
    // the operator fails its sync on the same secret: found in its log through the log API
    const operator = await until(
      async () => {
        const now = (await (await h.fetch('/api/v1/diagnostics')).json()) as DiagnosticsResponse;
        const op = now.steps.find((s) => s.id === 'operator')!;
        return op.findings.some((f) => f.evidence.some((l) => l.includes('unable to sync'))) ? op : undefined;
      },
      'the operator step to show "unable to sync"',
      20_000,
      500,
    );
    expect(operator.verdict).toBe('failing');
  });
});
