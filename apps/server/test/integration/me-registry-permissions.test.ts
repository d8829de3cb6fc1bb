/** /me says up front who may change the trusted registry CAs and the global pull secret. */
import type { MeResponse, Permission } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { registryHarness } from './registry.js';

const REGISTRY_IDS = [
  'trust.configmaps.patch',
  'trust.configmaps.create',
  'trust.imageconfig.patch',
  'pullsecret.get',
  'pullsecret.patch',
  'pullsecret.create',
];

describe('/me permissions for trusted registries and registry credentials', () => {
  let tokenServer = '';
  const h = registryHarness({}, async (started) => {
    tokenServer = (await started.startServer({ authMode: 'token', context: 'admin', watch: false })).baseUrl;
  });

  async function permissionsOf(token: string): Promise<Record<string, Permission>> {
    const res = await h.fetch(`${tokenServer}/api/v1/me`, { token });
    expect(res.status).toBe(200);
    const me = (await res.json()) as MeResponse;
    return Object.fromEntries(me.permissions.map((p) => [p.id, p]));
  }

  it('the admin may change both', async () => {
    const byId = await permissionsOf(h.tokens.admin);
    for (const id of REGISTRY_IDS) expect(byId[id], id).toMatchObject({ allowed: true });
  });

  it('the viewer may not, and each denial says what is missing', async () => {
    const byId = await permissionsOf(h.tokens.viewer);
    for (const id of REGISTRY_IDS) expect(byId[id], id).toMatchObject({ allowed: false });
    expect(byId['trust.configmaps.patch']?.reason).toMatch(
      /^viewer may not patch configmaps in namespace openshift-config/,
    );
    expect(byId['trust.configmaps.create']?.reason).toMatch(
      /^viewer may not create configmaps in namespace openshift-config/,
    );
    expect(byId['trust.imageconfig.patch']?.reason).toMatch(
      /^viewer may not patch images\.config\.openshift\.io "cluster"/,
    );
    expect(byId['pullsecret.get']?.reason).toMatch(
      /^viewer may not get secrets "pull-secret" in namespace openshift-config/,
    );
    expect(byId['pullsecret.patch']?.reason).toMatch(
      /^viewer may not patch secrets "pull-secret" in namespace openshift-config/,
    );
    expect(byId['pullsecret.create']?.reason).toMatch(
      /^viewer may not create secrets in namespace openshift-config/,
    );
  });

  it('the checks agree with the API: the viewer reads the trusted CAs but is refused the pull secret', async () => {
    const trust = await h.fetch(`${tokenServer}/api/v1/trust`, { token: h.tokens.viewer });
    expect(trust.status).toBe(200);
    const pullSecret = await h.fetch(`${tokenServer}/api/v1/pull-secret`, { token: h.tokens.viewer });
    expect(pullSecret.status).toBe(403);
  });
});
