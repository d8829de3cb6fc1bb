import type { ConfigResponse, ErrorBody, PutTrustResponse, TrustStatus } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { makeCertificates, opensslFingerprint } from '../helpers/trust-certs.js';
import { until } from './harness.js';
import { registryHarness } from './registry.js';

const certs = makeCertificates();
const REGISTRY = 'registry.example.com:5000';
const KEY = 'registry.example.com..5000';

describe('additional trusted CAs (images.config.openshift.io additionalTrustedCA)', () => {
  const h = registryHarness();

  const imageConfig = async () =>
    JSON.parse(
      await h.kubectl('get', 'images.config.openshift.io', 'cluster', '-o', 'json', '--show-managed-fields'),
    );
  const configMap = async (name = 'registry-cas') => {
    try {
      return JSON.parse(await h.kubectl('get', 'configmap', name, '-n', 'openshift-config', '-o', 'json'));
    } catch {
      return undefined;
    }
  };
  const put = (registry: string, pem: string, init: { token?: string; csrf?: boolean } = {}) =>
    h.fetch(`/api/v1/trust/${registry}`, { method: 'PUT', body: JSON.stringify({ pem }), ...init });
  const certsDegraded = async () => {
    const c = (await (await h.fetch('/api/v1/config')).json()) as ConfigResponse;
    const conds =
      (
        c.config as unknown as {
          status?: { conditions?: { type: string; status: string; message?: string }[] };
        }
      ).status?.conditions ?? [];
    return conds.find((x) => x.type === 'ImageRegistryCertificatesControllerDegraded');
  };

  it('starts with no reference and no ConfigMap', async () => {
    const res = await h.fetch('/api/v1/trust');
    expect(res.status).toBe(200);
    const t = (await res.json()) as TrustStatus;
    expect(t).toMatchObject({
      namespace: 'openshift-config',
      configMapName: 'registry-cas',
      referenced: false,
      exists: false,
      registries: [],
    });
  });

  it('scenario trusted-ca-missing: a dangling reference is reported (referenced, not existing) and degrades the operator', async () => {
    await h.scenario('trusted-ca-missing', true);
    try {
      await until(
        async () => (await certsDegraded())?.status === 'True',
        'ImageRegistryCertificatesControllerDegraded=True',
      );
      expect((await certsDegraded())?.message).toContain('configmap "registry-cas" not found');
      const t = (await (await h.fetch('/api/v1/trust')).json()) as TrustStatus;
      expect(t).toMatchObject({
        configMapName: 'registry-cas',
        referenced: true,
        exists: false,
        registries: [],
      });
    } finally {
      await h.scenario('trusted-ca-missing', false);
    }
    await until(
      async () => (await certsDegraded())?.status === 'False',
      'ImageRegistryCertificatesControllerDegraded=False',
    );
    expect((await imageConfig()).spec.additionalTrustedCA).toBeUndefined();
  });

  it('bad PEM → 422 on the pem field; nothing is created', async () => {
    for (const pem of ['not a certificate', certs.key, certs.ca.replace(/\n[A-Za-z0-9+/]{16}/, '\n%%%%')]) {
      const res = await put(REGISTRY, pem);
      expect(res.status).toBe(422);
      const body = (await res.json()) as ErrorBody;
      expect(body.fieldErrors?.[0]?.path).toBe('pem');
      expect(body.message).toMatch(/certificate|private key/);
    }
    expect(await configMap()).toBeUndefined();
    expect((await imageConfig()).spec.additionalTrustedCA).toBeUndefined();
  });

  it('a hostname that is not hostname[:port] → 422 on registry', async () => {
    const res = await put('bad_host.example.com', certs.ca);
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).fieldErrors?.[0]?.path).toBe('registry');
  });

  it('mutations need the CSRF pair; the viewer may not write', async () => {
    expect((await put(REGISTRY, certs.ca, { csrf: false })).status).toBe(403);
    expect((await put(REGISTRY, certs.ca, { token: h.tokens.viewer })).status).toBe(403);
    expect(await configMap()).toBeUndefined();
  });

  it('adding the first CA creates the ConfigMap and sets the image config reference', async () => {
    const res = await put(REGISTRY, certs.ca);
    expect(res.status).toBe(200);
    const body = (await res.json()) as PutTrustResponse;
    expect(body).toMatchObject({ created: true, referenceSet: true, changed: true, warnings: [] });
    expect(body.registry).toMatchObject({ registry: REGISTRY, key: KEY });
    expect(body.registry.certificates[0]).toMatchObject({
      subject: 'CN=IRC Test CA, O=Image Registry Console',
      ca: true,
      expired: false,
      fingerprintSha256: opensslFingerprint(certs.ca),
    });

    const img = await imageConfig();
    expect(img.spec.additionalTrustedCA).toEqual({ name: 'registry-cas' });
    expect(JSON.stringify(img.metadata.managedFields)).toContain('image-registry-console');
    const cm = await configMap();
    expect(Object.keys(cm.data)).toEqual([KEY]);
    expect(opensslFingerprint(cm.data[KEY])).toBe(opensslFingerprint(certs.ca));

    // The operator picks it up: copied into image-registry-certificates.
    await until(async () => {
      const copy = JSON.parse(
        await h.kubectl(
          'get',
          'configmap',
          'image-registry-certificates',
          '-n',
          'openshift-image-registry',
          '-o',
          'json',
        ),
      );
      return copy.data?.[KEY] === cm.data[KEY];
    }, 'the operator to copy the CA into image-registry-certificates');
  });

  it('lists registries with subject, issuer, validity and fingerprint; a bundle shows every certificate', async () => {
    expect((await put('quay.io', `${certs.ca}\n${certs.leaf}`)).status).toBe(200);
    const t = (await (await h.fetch('/api/v1/trust')).json()) as TrustStatus;
    expect(t).toMatchObject({ referenced: true, exists: true, configMapName: 'registry-cas' });
    expect(t.registries.map((r) => r.registry)).toEqual(['quay.io', REGISTRY]);
    const quay = t.registries[0];
    expect(quay?.certificates).toHaveLength(2);
    expect(quay?.certificates[1]).toMatchObject({
      subject: 'CN=registry.example.com',
      issuer: 'CN=IRC Test CA, O=Image Registry Console',
      ca: false,
      selfSigned: false,
      fingerprintSha256: opensslFingerprint(certs.leaf),
    });
    expect(Date.parse(quay?.certificates[1]?.validTo ?? '')).toBeGreaterThan(Date.now());
    expect(quay?.warnings.join()).toMatch(/not a CA certificate/);
  });

  it('replacing with a non-CA certificate is accepted with a warning', async () => {
    const res = await put(KEY, certs.leaf); // the key form names the same registry
    expect(res.status).toBe(200);
    const body = (await res.json()) as PutTrustResponse;
    expect(body).toMatchObject({ created: false, referenceSet: false, changed: true });
    expect(body.warnings.join()).toMatch(/not a CA certificate/);
    const rv = (await configMap()).metadata.resourceVersion;
    const again = (await (await put(REGISTRY, certs.leaf)).json()) as PutTrustResponse;
    expect(again.changed).toBe(false);
    expect((await configMap()).metadata.resourceVersion).toBe(rv);
    expect(opensslFingerprint((await configMap()).data[KEY])).toBe(opensslFingerprint(certs.leaf));
  });

  it('an expired certificate is accepted with a warning', async () => {
    const res = await put('expired.example.com', certs.expired);
    expect(res.status).toBe(200);
    const body = (await res.json()) as PutTrustResponse;
    expect(body.registry.certificates[0]).toMatchObject({
      expired: true,
      ca: true,
      validTo: '2020-02-01T00:00:00.000Z',
    });
    expect(body.warnings.join()).toMatch(/expired on 2020-02-01/);
  });

  it('bad PEM on an existing registry → 422 and the ConfigMap unchanged', async () => {
    const before = await configMap();
    const res = await put(REGISTRY, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    expect(res.status).toBe(422);
    const after = await configMap();
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    expect(after.data).toEqual(before.data);
  });

  it('removing a CA deletes its key only; removing it again → 404', async () => {
    const res = await h.fetch(`/api/v1/trust/${REGISTRY}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as TrustStatus).registries.map((r) => r.registry)).toEqual([
      'expired.example.com',
      'quay.io',
    ]);
    expect(Object.keys((await configMap()).data).sort()).toEqual(['expired.example.com', 'quay.io']);
    expect((await h.fetch(`/api/v1/trust/${REGISTRY}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('a referenced ConfigMap that is missing degrades the operator; adding a CA recreates it', async () => {
    await h.kubectl('delete', 'configmap', 'registry-cas', '-n', 'openshift-config');
    await until(
      async () => (await certsDegraded())?.status === 'True',
      'ImageRegistryCertificatesControllerDegraded=True',
    );
    expect((await (await h.fetch('/api/v1/trust')).json()) as TrustStatus).toMatchObject({
      referenced: true,
      exists: false,
    });
    const res = await put(REGISTRY, certs.ca);
    expect(await res.json()).toMatchObject({ created: true, referenceSet: false });
    await until(
      async () => (await certsDegraded())?.status === 'False',
      'ImageRegistryCertificatesControllerDegraded=False',
    );
  });

  it('the routes are in the OpenAPI document', async () => {
    const doc = (await (await h.fetch('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/v1/trust'] ?? {})).toContain('get');
    expect(Object.keys(doc.paths['/api/v1/trust/{registry}'] ?? {}).sort()).toEqual(['delete', 'put']);
  });
});
