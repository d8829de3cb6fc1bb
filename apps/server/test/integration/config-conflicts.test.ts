import type { ConfigResponse, ConflictBody, PatchConfigResponse } from '@irc/shared';
import https from 'node:https';
import { describe, expect, it } from 'vitest';
import { registryHarness, spec } from './registry.js';

/**
 * The operator writes the Config's status every few seconds; each write bumps
 * resourceVersion but not metadata.generation. Only a changed spec is a conflict.
 */
describe('PATCH /api/v1/config conflicts follow the spec, not the resourceVersion', () => {
  const h = registryHarness();
  const CONFIG = 'configs.imageregistry.operator.openshift.io/cluster';

  const getConfig = async () => (await (await h.fetch('/api/v1/config')).json()) as ConfigResponse;
  const generation = (c: ConfigResponse) => c.config.metadata.generation;
  const kubectlJson = async () =>
    JSON.parse(await h.kubectl('get', CONFIG, '-o', 'json')) as {
      metadata: { resourceVersion: string; generation: number };
      spec: Record<string, unknown>;
    };
  const patch = (body: Record<string, unknown>) =>
    h.fetch('/api/v1/config', { method: 'PATCH', body: JSON.stringify(body) });

  /** A status-only write, as the operator makes them (a new readyReplicas each time, never a no-op). */
  let statusWrites = 0;
  async function writeStatus(): Promise<void> {
    statusWrites++;
    const status = await new Promise<number>((resolve, reject) => {
      const req = https.request(
        `${h.sandbox.url}/apis/imageregistry.operator.openshift.io/v1/configs/cluster/status`,
        {
          method: 'PATCH',
          ca: h.sandbox.caPem,
          headers: {
            authorization: `Bearer ${h.tokens.admin}`,
            'content-type': 'application/merge-patch+json',
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ status: { readyReplicas: 100 + (statusWrites % 50) } }));
    });
    expect(status).toBe(200);
  }

  it('a status-only change between GET and PATCH is applied, not refused', async () => {
    const seen = await getConfig();
    await h.kubectl(
      'patch',
      CONFIG,
      '--subresource=status',
      '--type',
      'merge',
      '-p',
      '{"status":{"readyReplicas":7}}',
    );
    const live = await kubectlJson();
    expect(live.metadata.resourceVersion).not.toBe(seen.resourceVersion);
    expect(live.metadata.generation).toBe(generation(seen));

    const res = await patch({ patch: { logLevel: 'Debug' }, resourceVersion: seen.resourceVersion });
    expect(res.status).toBe(200);
    expect(((await res.json()) as PatchConfigResponse).patch).toEqual({ spec: { logLevel: 'Debug' } });
    expect((await kubectlJson()).spec.logLevel).toBe('Debug');
  });

  it('a version this server never saw: 409 unless the body names the unchanged generation', async () => {
    // Another replica of the console (no watch, no GET yet) knows no resourceVersion at all.
    const other = await h.startServer({ watch: false });
    const seen = await getConfig();
    await writeStatus();
    const send = (body: Record<string, unknown>) =>
      h.fetch(`${other.baseUrl}/api/v1/config`, {
        method: 'PATCH',
        token: h.tokens.admin,
        body: JSON.stringify(body),
      });
    expect((await send({ patch: { logLevel: 'Trace' }, resourceVersion: seen.resourceVersion })).status).toBe(
      409,
    );
    expect(
      (
        await send({
          patch: { logLevel: 'Trace' },
          resourceVersion: seen.resourceVersion,
          generation: generation(seen),
        })
      ).status,
    ).toBe(200);
    const older = await send({
      patch: { logLevel: 'Normal' },
      resourceVersion: seen.resourceVersion,
      generation: (generation(seen) ?? 1) - 1,
    });
    expect(older.status).toBe(409);
    expect((await kubectlJson()).spec.logLevel).toBe('Trace');
  });

  it('a spec change by kubectl is a conflict, and the kubectl change survives', async () => {
    const seen = await getConfig();
    await h.kubectl('patch', CONFIG, '--type', 'merge', '-p', '{"spec":{"disableRedirect":true}}');
    await h.kubectl(
      'patch',
      CONFIG,
      '--subresource=status',
      '--type',
      'merge',
      '-p',
      '{"status":{"readyReplicas":3}}',
    );
    const res = await patch({
      patch: { disableRedirect: false },
      resourceVersion: seen.resourceVersion,
      generation: generation(seen),
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as ConflictBody;
    expect(spec(body.live).disableRedirect).toBe(true);
    expect(generation(body.live)).toBeGreaterThan(generation(seen) ?? 0);
    expect((await kubectlJson()).spec.disableRedirect).toBe(true);
  });

  it('status writes racing with the PATCH never cost the admin’s field', async () => {
    // A status writer far busier than the operator (every few seconds): one write per ~150 ms.
    // (Much faster and, on a loaded 2-core CI machine, a GET+PATCH round trip cannot fit between
    // two writes even once: that measures the machine, not the conflict rule.)
    let racing = true;
    const racer = (async () => {
      while (racing) {
        await writeStatus();
        await new Promise((r) => setTimeout(r, 150));
      }
    })();
    try {
      for (const replicas of [2, 3, 2, 3]) {
        const seen = await getConfig();
        await writeStatus(); // the version the admin saw is stale before the PATCH arrives
        const res = await patch({ patch: { replicas }, resourceVersion: seen.resourceVersion });
        expect(res.status).toBe(200);
        expect((await kubectlJson()).spec.replicas).toBe(replicas);
      }
    } finally {
      racing = false;
      await racer;
    }
    expect(statusWrites).toBeGreaterThan(4);
    // The operator keeps writing status afterwards: the admin's value stays.
    await writeStatus();
    expect((await kubectlJson()).spec.replicas).toBe(3);
  });
});
