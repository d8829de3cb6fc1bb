/**
 * The cluster's TLS profile: `apiservers.config.openshift.io/cluster` spec.tlsSecurityProfile, which
 * an install leaves unset (Intermediate). 4.23's config observer (library-go ObserveTLSSecurityProfile)
 * follows it into the Config's spec.observedConfig.servingInfo, and the registry's
 * REGISTRY_HTTP_TLS_MINVERSION / OPENSHIFT_REGISTRY_HTTP_TLS_CIPHERSUITES follow that, so an admin's
 * `kubectl patch apiserver cluster` rolls the registry with the new env.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/core/types.js';
import { observedTlsProfile } from '../../src/operator/tls-profiles.js';
import { config, events, rec, registryPods, registryReady, waitFor } from '../cluster/harness.js';
import { hasKubectl, useKubectlSandbox } from '../kubectl/kubectl.js';

const NS = 'openshift-image-registry';
const TLS13 = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
const INTERMEDIATE = [
  ...TLS13,
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
];

const tlsEnv = (podSpec: unknown): Record<string, string | undefined> => {
  const env =
    (rec(podSpec).containers as Array<{ env?: Array<{ name: string; value?: string }> }> | undefined)?.[0]
      ?.env ?? [];
  const get = (name: string) => env.find((e) => e.name === name)?.value;
  return {
    min: get('REGISTRY_HTTP_TLS_MINVERSION'),
    ciphers: get('OPENSHIFT_REGISTRY_HTTP_TLS_CIPHERSUITES'),
  };
};

describe('observing a profile (library-go getSecurityProfileCiphers + OpenSSLToIANACipherSuites)', () => {
  const profile = (tlsSecurityProfile: unknown) => observedTlsProfile({ spec: { tlsSecurityProfile } });

  it('no APIServer, no profile, an empty type or Custom without custom: Intermediate', () => {
    const intermediate = { minTLSVersion: 'VersionTLS12', cipherSuites: INTERMEDIATE };
    expect(observedTlsProfile(undefined)).toEqual(intermediate);
    expect(observedTlsProfile({ spec: {} })).toEqual(intermediate);
    expect(profile({ type: '' })).toEqual(intermediate);
    expect(profile({ type: 'Custom', custom: null })).toEqual(intermediate);
  });

  it('Modern is TLS 1.3 with its three suites; Old is TLS 1.0 without the suites library-go does not map (DHE, CBC-SHA384, AES256-SHA256)', () => {
    expect(profile({ type: 'Modern', modern: {} })).toEqual({
      minTLSVersion: 'VersionTLS13',
      cipherSuites: TLS13,
    });
    const old = profile({ type: 'Old', old: {} });
    expect(old.minTLSVersion).toBe('VersionTLS10');
    expect(old.cipherSuites).toHaveLength(21);
    expect(old.cipherSuites.slice(-3)).toEqual([
      'TLS_RSA_WITH_AES_128_CBC_SHA',
      'TLS_RSA_WITH_AES_256_CBC_SHA',
      'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
    ]);
    expect(old.cipherSuites.some((c) => c.includes('DHE_RSA') && !c.includes('ECDHE'))).toBe(false);
  });

  it('Custom maps its OpenSSL names in order and drops the ones Go cannot serve', () => {
    expect(
      profile({
        type: 'Custom',
        custom: {
          ciphers: ['ECDHE-RSA-CHACHA20-POLY1305', 'DHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES128-SHA'],
          minTLSVersion: 'VersionTLS11',
        },
      }),
    ).toEqual({
      minTLSVersion: 'VersionTLS11',
      cipherSuites: ['TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA'],
    });
  });
});

const suite = hasKubectl ? describe : describe.skip;
const kube = useKubectlSandbox();
const { k, ok } = kube;

suite('kubectl and apiservers.config.openshift.io/cluster', () => {
  it('is served cluster-scoped and seeded without a tlsSecurityProfile; the observer writes Intermediate', async () => {
    const out = await ok('api-resources', '--api-group=config.openshift.io', '--no-headers');
    expect(out).toMatch(/^apiservers\s+config\.openshift\.io\/v1\s+false\s+APIServer$/m);
    const apiserver = JSON.parse(await ok('get', 'apiserver', 'cluster', '-o', 'json')) as KubeObject;
    expect(rec(apiserver, 'spec')).toEqual({ audit: { profile: 'Default' } });
    const serving = await waitFor('observed', () => {
      const s = rec(config(kube.sb.api()), 'spec', 'observedConfig', 'servingInfo');
      return s.minTLSVersion ? s : undefined;
    });
    expect(serving).toEqual({ minTLSVersion: 'VersionTLS12', cipherSuites: INTERMEDIATE });
  });

  it('refuses a profile type or TLS version outside the enums, as the CRD schema does', async () => {
    const bad = await k(
      'patch',
      'apiserver',
      'cluster',
      '--type=merge',
      '-p',
      '{"spec":{"tlsSecurityProfile":{"type":"Newest"}}}',
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain(
      'spec.tlsSecurityProfile.type: Unsupported value: "Newest": supported values: "Old", "Intermediate", "Modern", "Custom"',
    );
    const version = await k(
      'patch',
      'apiserver',
      'cluster',
      '--type=merge',
      '-p',
      '{"spec":{"tlsSecurityProfile":{"type":"Custom","custom":{"ciphers":[],"minTLSVersion":"VersionTLS14"}}}}',
    );
    expect(version.code).not.toBe(0);
    expect(version.stderr).toContain(
      'spec.tlsSecurityProfile.custom.minTLSVersion: Unsupported value: "VersionTLS14"',
    );
  });

  it('switching the cluster to Modern updates observedConfig, records the events and rolls the registry with the new env', async () => {
    const api = kube.sb.api();
    await registryReady(kube.sb);
    const before = new Set(registryPods(api).map((p) => p.metadata.uid));
    await ok(
      'patch',
      'apiserver',
      'cluster',
      '--type=merge',
      '-p',
      '{"spec":{"tlsSecurityProfile":{"type":"Modern","modern":{}}}}',
    );
    const serving = await waitFor('Modern observed', () => {
      const s = rec(config(api), 'spec', 'observedConfig', 'servingInfo');
      return s.minTLSVersion === 'VersionTLS13' ? s : undefined;
    });
    expect(serving.cipherSuites).toEqual(TLS13);
    const messages = events(api)
      .filter((e) => (e as Record<string, unknown>).reason === 'ObserveTLSSecurityProfile')
      .map((e) => (e as Record<string, unknown>).message);
    expect(messages).toContain('minTLSVersion changed to VersionTLS13');
    expect(messages).toContain(`cipherSuites changed to [${TLS13.map((c) => `"${c}"`).join(' ')}]`);

    const deployment = api.get(
      { group: 'apps', version: 'v1', resource: 'deployments' },
      NS,
      'image-registry',
    );
    expect(tlsEnv(rec(deployment, 'spec', 'template', 'spec'))).toEqual({
      min: 'VersionTLS13',
      ciphers: TLS13.join(','),
    });
    await waitFor('rolled', () => {
      const pods = registryPods(api);
      return pods.length > 0 && pods.every((p) => !before.has(p.metadata.uid));
    });
    await registryReady(kube.sb);
    for (const pod of registryPods(api))
      expect(tlsEnv(rec(pod, 'spec'))).toEqual({ min: 'VersionTLS13', ciphers: TLS13.join(',') });
  });
});
