import type { ConfigResponse, ConflictBody, ErrorBody } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { kubectlPatchConfig, patchFresh, registryHarness, spec } from './registry.js';

describe('config routes on the sandbox', () => {
  const h = registryHarness();

  const getConfig = async () => (await (await h.fetch('/api/v1/config')).json()) as ConfigResponse;

  it('GET finds the singleton', async () => {
    const c = await getConfig();
    expect(c.config.metadata.name).toBe('cluster');
    expect(c.resourceVersion).toMatch(/^\d+$/);
  });

  it('dry run validates and stores nothing', async () => {
    const before = spec(await getConfig()).logLevel;
    const { status, body } = await patchFresh(
      h,
      { logLevel: before === 'Trace' ? 'Debug' : 'Trace' },
      { dryRun: true },
    );
    expect(status).toBe(200);
    expect(body.dryRun).toBe(true);
    expect(spec(await getConfig()).logLevel).toBe(before);
  });

  it('PATCH applies a merge patch and returns the patch and the oc command', async () => {
    const { status, body } = await patchFresh(h, {
      logLevel: 'Debug',
      nodeSelector: { 'node-role.kubernetes.io/infra': '' },
    });
    expect(status).toBe(200);
    expect(body.patch).toMatchObject({ spec: { logLevel: 'Debug' } });
    expect(body.ocCommand).toMatch(
      /^oc patch configs\.imageregistry\.operator\.openshift\.io\/cluster --type merge --patch '\{"spec":/,
    );
    const out = JSON.parse(
      await h.kubectl('get', 'configs.imageregistry.operator.openshift.io', 'cluster', '-o', 'json'),
    );
    expect(out.spec.logLevel).toBe('Debug');
    expect(out.spec.nodeSelector).toEqual({ 'node-role.kubernetes.io/infra': '' });
  });

  it('a stale resourceVersion → 409 with the live config, and the other writer’s change is kept', async () => {
    const stale = await getConfig();
    await kubectlPatchConfig(h, { disableRedirect: true });
    const res = await h.fetch('/api/v1/config', {
      method: 'PATCH',
      body: JSON.stringify({
        patch: { disableRedirect: false, readOnly: true },
        resourceVersion: stale.resourceVersion,
      }),
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as ConflictBody;
    expect(body.reason).toBe('Conflict');
    expect(Number(body.live.resourceVersion)).toBeGreaterThan(Number(stale.resourceVersion));
    expect(spec(body.live).disableRedirect).toBe(true);
    const now = spec(await getConfig());
    expect(now.disableRedirect).toBe(true);
    expect(now.readOnly).not.toBe(true);
  });

  it('bad input by the shared rules → 422 with field paths, nothing changed', async () => {
    const before = await getConfig();
    const { status, body } = await patchFresh(h, {
      routes: [{ name: 'a' }, { name: 'a' }, { name: 'default-route' }],
    });
    expect(status).toBe(422);
    const err = body as unknown as ErrorBody;
    expect(err.fieldErrors?.map((f) => f.path)).toEqual(['spec.routes[1].name', 'spec.routes[2].name']);
    expect(spec(await getConfig()).routes).toEqual(spec(before).routes);
  });

  it('bad input caught by the API server (CRD schema) → 422 with its causes, nothing changed', async () => {
    const before = JSON.stringify(spec(await getConfig()).storage);
    const { status, body } = await patchFresh(h, {
      storage: { s3: { bucket: 'b', trustedCA: { name: 'Not_A_DNS_Name' } } },
    });
    expect(status).toBe(422);
    const err = body as unknown as ErrorBody;
    expect(err.reason).toBe('Invalid');
    expect(err.fieldErrors?.some((f) => f.path.includes('spec.storage.s3.trustedCA.name'))).toBe(true);
    expect(JSON.stringify(spec(await getConfig()).storage)).toBe(before);
  });

  it('switching storage backend nulls the old key', async () => {
    const { status, body } = await patchFresh(h, { storage: { pvc: { claim: '' } } }, { dryRun: true });
    expect(status).toBe(200);
    const storage = (body.patch as { spec: { storage: Record<string, unknown> } }).spec.storage;
    const before = Object.keys(storage).filter((k) => storage[k] === null);
    expect(before.length).toBeGreaterThan(0);
    expect(storage.pvc).toEqual({ claim: '' });
  });
});
