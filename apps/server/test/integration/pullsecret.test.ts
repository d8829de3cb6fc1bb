import type { ErrorBody, PullSecretStatus, PutPullSecretRegistryResponse } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { registryHarness } from './registry.js';

const USER = '12345678|irc-service-account';
const PASSWORD = 'eyJhbGciOiJSUzUxMiJ9.irc-Pull-Token-never-shown';
const TOKEN_USER = 'robot$irc';
const TOKEN_PASSWORD = 'Robot-T0ken-never-shown';
const TOKEN = Buffer.from(`${TOKEN_USER}:${TOKEN_PASSWORD}`).toString('base64');

interface DockerConfig {
  auths: Record<string, { auth?: string; email?: string }>;
}

describe('global pull secret (openshift-config/pull-secret): names only, one entry at a time', () => {
  const h = registryHarness();
  const seen: string[] = []; // every credential value seen in the cluster, for the scan

  const secret = async () =>
    JSON.parse(await h.kubectl('get', 'secret', 'pull-secret', '-n', 'openshift-config', '-o', 'json'));
  const doc = async (): Promise<DockerConfig> => {
    const s = await secret();
    const d = JSON.parse(Buffer.from(s.data['.dockerconfigjson'], 'base64').toString('utf8')) as DockerConfig;
    for (const e of Object.values(d.auths))
      if (e.auth) seen.push(e.auth, Buffer.from(e.auth, 'base64').toString('utf8').split(':')[1] ?? '');
    return d;
  };
  const put = (registry: string, body: unknown, init: { token?: string; csrf?: boolean } = {}) =>
    h.fetch(`/api/v1/pull-secret/registries/${registry}`, {
      method: 'PUT',
      body: JSON.stringify(body),
      ...init,
    });

  it('lists the registries with field presence, never a value', async () => {
    const before = await doc();
    const res = await h.fetch('/api/v1/pull-secret');
    expect(res.status).toBe(200);
    const text = await res.clone().text();
    const status = (await res.json()) as PullSecretStatus;
    expect(status).toMatchObject({
      namespace: 'openshift-config',
      secretName: 'pull-secret',
      exists: true,
      valid: true,
      problems: [],
    });
    expect(status.registries.map((r) => r.registry)).toEqual(Object.keys(before.auths).sort());
    expect(status.registries.find((r) => r.registry === 'registry.redhat.io')).toEqual({
      registry: 'registry.redhat.io',
      hasAuth: true,
      hasEmail: true,
      hasUsernamePassword: false,
      hasIdentityToken: false,
    });
    for (const e of Object.values(before.auths)) {
      expect(text).not.toContain(e.auth);
      expect(text).not.toContain(e.email);
    }
  });

  it('replacing registry.redhat.io keeps every other entry byte-identical', async () => {
    const before = await doc();
    const res = await put('registry.redhat.io', {
      username: USER,
      password: PASSWORD,
      email: 'ops@example.com',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as PutPullSecretRegistryResponse;
    expect(body).toMatchObject({ registry: 'registry.redhat.io', replaced: true, created: false });
    const after = await doc();
    expect(Object.keys(after.auths)).toEqual(Object.keys(before.auths));
    for (const name of Object.keys(before.auths).filter((n) => n !== 'registry.redhat.io')) {
      expect(JSON.stringify(after.auths[name])).toBe(JSON.stringify(before.auths[name]));
    }
    expect(after.auths['registry.redhat.io']).toEqual({
      auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64'),
      email: 'ops@example.com',
    });
    expect((await secret()).type).toBe('kubernetes.io/dockerconfigjson');
  });

  it('adds a registry from a token (the base64 auth of a downloaded pull secret)', async () => {
    const res = await put('registry.example.com:5000', { token: TOKEN });
    expect(res.status).toBe(200);
    const body = (await res.json()) as PutPullSecretRegistryResponse;
    expect(body.replaced).toBe(false);
    expect(body.status.registries.map((r) => r.registry)).toContain('registry.example.com:5000');
    expect((await doc()).auths['registry.example.com:5000']).toEqual({ auth: TOKEN });
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const rv = (await secret()).metadata.resourceVersion;
    const cases: [string, unknown, string][] = [
      ['registry.redhat.io', { token: 'not base64 user:pass!' }, 'token'],
      ['registry.redhat.io', { token: Buffer.from('no-colon').toString('base64') }, 'token'],
      ['registry.redhat.io', { username: 'a:b', password: 'x' }, 'username'],
      ['bad_host', { username: 'u', password: 'p' }, 'registry'],
    ];
    for (const [registry, body, path] of cases) {
      const res = await put(registry, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(((await res.json()) as ErrorBody).fieldErrors?.map((f) => f.path)).toContain(path);
    }
    expect((await put('registry.redhat.io', { username: 'u', password: 'p', token: TOKEN })).status).toBe(
      422,
    );
    expect((await secret()).metadata.resourceVersion).toBe(rv);
  });

  it('a stale resourceVersion → 409, nothing written', async () => {
    const s = await secret();
    await h.kubectl('label', 'secret', 'pull-secret', '-n', 'openshift-config', 'irc-test=moved');
    const res = await put('registry.redhat.io', {
      username: USER,
      password: 'other',
      resourceVersion: s.metadata.resourceVersion,
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).reason).toBe('Conflict');
    expect((await secret()).data).toEqual(s.data);
  });

  it('a malformed pull secret is reported and left untouched (422)', async () => {
    const original = (await secret()).data['.dockerconfigjson'];
    for (const bad of ['{"auths": ', '{"auths": {"quay.io": "x"}}', '{"other": {}}']) {
      await h.kubectl(
        'patch',
        'secret',
        'pull-secret',
        '-n',
        'openshift-config',
        '--type',
        'merge',
        '-p',
        JSON.stringify({ data: { '.dockerconfigjson': Buffer.from(bad).toString('base64') } }),
      );
      const before = await secret();
      const status = (await (await h.fetch('/api/v1/pull-secret')).json()) as PullSecretStatus;
      expect(status.valid).toBe(false);
      expect(status.problems[0]?.path).toMatch(/^data\[\.dockerconfigjson\]/);
      const res = await put('registry.redhat.io', { username: USER, password: PASSWORD });
      expect(res.status).toBe(422);
      const body = (await res.json()) as ErrorBody;
      expect(body.message).toMatch(/malformed and was left untouched/);
      const after = await secret();
      expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
      expect(after.data).toEqual(before.data);
    }
    await h.kubectl(
      'patch',
      'secret',
      'pull-secret',
      '-n',
      'openshift-config',
      '--type',
      'merge',
      '-p',
      JSON.stringify({ data: { '.dockerconfigjson': original } }),
    );
    expect(((await (await h.fetch('/api/v1/pull-secret')).json()) as PullSecretStatus).valid).toBe(true);
  });

  it('the viewer may neither read nor write it; mutations need CSRF', async () => {
    expect((await h.fetch('/api/v1/pull-secret', { token: h.tokens.viewer })).status).toBe(403);
    expect(
      (await put('registry.redhat.io', { username: 'u', password: 'p' }, { token: h.tokens.viewer })).status,
    ).toBe(403);
    expect((await put('registry.redhat.io', { username: 'u', password: 'p' }, { csrf: false })).status).toBe(
      403,
    );
  });

  it('no response body and no log line contains a credential', async () => {
    await doc();
    await h.fetch('/api/v1/timeline?type=change');
    await h.fetch('/api/v1/pull-secret');
    const needles = [
      PASSWORD,
      TOKEN,
      TOKEN_PASSWORD,
      Buffer.from(`${USER}:${PASSWORD}`).toString('base64'),
      ...seen,
    ].filter((s) => s.length >= 8);
    expect(needles.length).toBeGreaterThan(5);
    for (const text of [...h.bodies, ...h.logs]) {
      for (const needle of needles) expect(text).not.toContain(needle);
    }
    expect(h.bodies.join()).toContain('registry.redhat.io');
    expect(h.logs.join()).toContain('/api/v1/pull-secret');
  });
});
