import type { ConfigResponse, ErrorBody, MeResponse } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { openStream, until } from './harness.js';
import { registryHarness } from './registry.js';

describe('acting as the user (token mode and per-request tokens)', () => {
  let tokenServer = '';
  const h = registryHarness({}, async (started) => {
    // Deployed behind the console proxy: every request must carry the user's token.
    tokenServer = (await started.startServer({ authMode: 'token', context: 'admin', watch: false })).baseUrl;
  });

  it('token mode refuses a request without a token', async () => {
    const res = await h.fetch(`${tokenServer}/api/v1/config`);
    expect(res.status).toBe(401);
  });

  it('the viewer may read but not patch: 403 from the cluster, nothing changed', async () => {
    const viewer = h.tokens.viewer;
    const get = await h.fetch(`${tokenServer}/api/v1/config`, { token: viewer });
    expect(get.status).toBe(200);
    const current = (await get.json()) as ConfigResponse;
    const res = await h.fetch(`${tokenServer}/api/v1/config`, {
      method: 'PATCH',
      token: viewer,
      body: JSON.stringify({ patch: { readOnly: true }, resourceVersion: current.resourceVersion }),
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as ErrorBody;
    expect(body.reason).toBe('Forbidden');
    expect(body.message).toContain('viewer');
    // Nothing the console could have written changed. (Not the resourceVersion: the operator may
    // write the Config's status at any moment, which bumps it.)
    const after = (await (
      await h.fetch(`${tokenServer}/api/v1/config`, { token: viewer })
    ).json()) as ConfigResponse;
    expect(after.config.metadata.generation).toBe(current.config.metadata.generation);
    const specOf = (r: ConfigResponse) => (r.config as { spec?: { readOnly?: boolean } }).spec;
    expect(specOf(after)).toEqual(specOf(current));
    expect(specOf(after)?.readOnly).not.toBe(true);
  });

  it('/me tells the viewer who they are and why the controls are disabled', async () => {
    const me = (await (
      await h.fetch(`${tokenServer}/api/v1/me`, { token: h.tokens.viewer })
    ).json()) as MeResponse;
    expect(me.user.username).toBe('viewer');
    expect(me.authMode).toBe('token');
    const byId = Object.fromEntries(me.permissions.map((p) => [p.id, p]));
    expect(byId['config.get']?.allowed).toBe(true);
    expect(byId['config.patch']?.allowed).toBe(false);
    expect(byId['config.patch']?.reason).toMatch(
      /viewer may not patch configs\.imageregistry\.operator\.openshift\.io/,
    );
    expect(byId['credentials.get']?.allowed).toBe(false);
  });

  it('/me for the admin allows everything', async () => {
    const me = (await (
      await h.fetch(`${tokenServer}/api/v1/me`, { token: h.tokens.admin })
    ).json()) as MeResponse;
    expect(me.user.username).toBe('admin');
    expect(me.permissions.every((p) => p.allowed)).toBe(true);
  });

  it('kubeconfig mode uses the kubeconfig identity, but a bearer token still wins', async () => {
    const asServer = (await (await h.fetch('/api/v1/me')).json()) as MeResponse;
    expect(asServer.authMode).toBe('kubeconfig');
    expect(asServer.user.username).toBe('admin');
    const asViewer = (await (await h.fetch('/api/v1/me', { token: h.tokens.viewer })).json()) as MeResponse;
    expect(asViewer.user.username).toBe('viewer');
  });

  it('a bad token gets 401, not the server identity', async () => {
    const res = await h.fetch('/api/v1/config', { token: 'not-a-token' });
    expect(res.status).toBe(401);
  });

  it('the developer may not watch: the stream refuses every kind', async () => {
    const res = await h.fetch(`${tokenServer}/api/v1/stream`, { token: h.tokens.developer });
    expect(res.status).toBe(403);
  });

  it('a server run with the viewer context streams as the viewer and says so in /me', async () => {
    const viewerServer = (await h.startServer({ context: 'viewer' })).baseUrl;
    const me = (await (await h.fetch(`${viewerServer}/api/v1/me`)).json()) as MeResponse;
    expect(me.user.username).toBe('viewer');
    expect(me.authMode).toBe('kubeconfig');
    expect(me.permissions.find((p) => p.id === 'config.patch')?.allowed).toBe(false);
    const s = openStream(`${viewerServer}/api/v1/stream`);
    await s.ready;
    const config = await until(
      () =>
        s.messages.find(
          (m) =>
            (m.event === 'change' || m.event === 'snapshot') &&
            m.data.includes('"kind":"Config"') &&
            m.data.includes('"name":"cluster"'),
        ),
      'the viewer hub to deliver the Config',
    );
    expect(config).toBeDefined();
    s.close();
  });
});
