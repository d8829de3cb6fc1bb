import type { CredentialsStatus } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { openStream, until } from './harness.js';
import { registryHarness } from './registry.js';

const ACCESS = 'AKIAIRCTESTACCESS0001';
const SECRET = 'irc-Sup3rS3cret/S3+key-never-shown';

describe('storage credentials: write-only, never echoed or logged', () => {
  const h = registryHarness();

  it('PUT creates the user secret; GET reports presence, never values', async () => {
    const put = await h.fetch('/api/v1/storage/credentials', {
      method: 'PUT',
      body: JSON.stringify({
        values: { REGISTRY_STORAGE_S3_ACCESSKEY: ACCESS, REGISTRY_STORAGE_S3_SECRETKEY: SECRET },
      }),
    });
    expect(put.status).toBe(200);
    const status = (await put.json()) as CredentialsStatus;
    expect(status.exists).toBe(true);
    const s3 = status.keys.filter((k) => k.backend === 's3');
    expect(s3.every((k) => k.present && k.changedAt)).toBe(true);
    const secret = JSON.parse(
      await h.kubectl(
        'get',
        'secret',
        'image-registry-private-configuration-user',
        '-n',
        'openshift-image-registry',
        '-o',
        'json',
      ),
    );
    expect(Buffer.from(secret.data.REGISTRY_STORAGE_S3_SECRETKEY, 'base64').toString()).toBe(SECRET);
  });

  it('PUT updates one key and keeps the others; null removes a key', async () => {
    const res = await h.fetch('/api/v1/storage/credentials', {
      method: 'PUT',
      body: JSON.stringify({ values: { REGISTRY_STORAGE_GCS_KEYFILE: '{"type":"service_account"}' } }),
    });
    expect(res.status).toBe(200);
    let status = (await res.json()) as CredentialsStatus;
    expect(
      status.keys
        .filter((k) => k.present)
        .map((k) => k.key)
        .sort(),
    ).toEqual([
      'REGISTRY_STORAGE_GCS_KEYFILE',
      'REGISTRY_STORAGE_S3_ACCESSKEY',
      'REGISTRY_STORAGE_S3_SECRETKEY',
    ]);
    status = (await (
      await h.fetch('/api/v1/storage/credentials', {
        method: 'PUT',
        body: JSON.stringify({ values: { REGISTRY_STORAGE_GCS_KEYFILE: null } }),
      })
    ).json()) as CredentialsStatus;
    expect(status.keys.find((k) => k.key === 'REGISTRY_STORAGE_GCS_KEYFILE')?.present).toBe(false);
  });

  it('unknown keys are refused (422)', async () => {
    const res = await h.fetch('/api/v1/storage/credentials', {
      method: 'PUT',
      body: JSON.stringify({ values: { AWS_SECRET: 'x' } }),
    });
    expect(res.status).toBe(422);
  });

  it('the viewer may not read the credentials status', async () => {
    const res = await h.fetch('/api/v1/storage/credentials', { token: h.tokens.viewer });
    expect(res.status).toBe(403);
  });

  it('no response and no log line ever contains the secret key', async () => {
    // touch every route once more after the secret exists
    for (const path of [
      '/api/v1/config',
      '/api/v1/storage/credentials',
      '/api/v1/timeline',
      '/api/v1/pods',
      '/api/v1/diagnostics',
      '/api/v1/me',
      '/api/openapi.json',
      '/metrics',
      '/readyz',
      '/healthz',
    ]) {
      await h.fetch(path);
    }
    const stream = openStream(`${h.baseUrl}/api/v1/stream`);
    await stream.ready;
    await until(
      () => stream.messages.some((m) => m.event === 'snapshot' && m.data.includes('"Event"')),
      'the stream snapshots',
    );
    stream.close();
    h.bodies.push(...stream.messages.map((m) => m.data));
    const timeline = await (await h.fetch('/api/v1/timeline?type=change')).text();
    expect(timeline).toContain('REGISTRY_STORAGE_S3_SECRETKEY');
    for (const text of [...h.bodies, ...h.logs]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(Buffer.from(SECRET).toString('base64'));
      expect(text).not.toContain(h.tokens.admin);
    }
    expect(h.bodies.length).toBeGreaterThan(10);
    expect(h.logs.length).toBeGreaterThan(10);
  });

  it('the registry httpSecret the operator generated never reaches the browser', async () => {
    const httpSecret = await h.kubectl(
      'get',
      'configs.imageregistry.operator.openshift.io',
      'cluster',
      '-o',
      'jsonpath={.spec.httpSecret}',
    );
    expect(httpSecret.length).toBeGreaterThan(32);
    const config = (await (await h.fetch('/api/v1/config')).json()) as {
      config: { spec: { httpSecret?: string } };
    };
    expect(config.config.spec.httpSecret).toBe('<REDACTED>');
    const stream = openStream(`${h.baseUrl}/api/v1/stream`);
    await stream.ready;
    await until(
      () => stream.messages.some((m) => m.event === 'snapshot' && m.data.includes('"Config"')),
      'the Config snapshot',
    );
    stream.close();
    for (const text of [...h.bodies, ...stream.messages.map((m) => m.data), ...h.logs])
      expect(text).not.toContain(httpSecret);
  });
});
