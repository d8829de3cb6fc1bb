import { describe, expect, it } from 'vitest';
import { registryHostProblem, registryOfTrustKey, trustKeyOf } from '@irc/shared';
import { PemProblem, certificateWarnings, parseBundle } from '../../src/trust/certificates.js';
import { makeCertificates, opensslFingerprint } from '../helpers/trust-certs.js';

const certs = makeCertificates();

describe('trusted CA PEM parsing', () => {
  it('reads subject, issuer, validity, CA flag and the SHA-256 fingerprint openssl prints', () => {
    const [c] = parseBundle(certs.ca).certificates;
    expect(c?.subject).toBe('CN=IRC Test CA, O=Image Registry Console');
    expect(c?.issuer).toBe(c?.subject);
    expect(c?.ca).toBe(true);
    expect(c?.selfSigned).toBe(true);
    expect(c?.expired).toBe(false);
    expect(c?.fingerprintSha256).toBe(opensslFingerprint(certs.ca));
    expect(certificateWarnings(parseBundle(certs.ca).certificates)).toEqual([]);
  });

  it('a bundle holds several certificates; explanatory text around them is dropped', () => {
    const b = parseBundle(`my bundle\n${certs.ca}\n${certs.leaf}`);
    expect(b.certificates.map((c) => c.ca)).toEqual([true, false]);
    expect(b.certificates[1]?.issuer).toBe('CN=IRC Test CA, O=Image Registry Console');
    expect(b.pem).not.toContain('my bundle');
    expect(b.pem.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
  });

  it('warns on expired and non-CA certificates', () => {
    const expired = parseBundle(certs.expired).certificates;
    expect(expired[0]?.expired).toBe(true);
    expect(expired[0]?.validTo).toBe('2020-02-01T00:00:00.000Z');
    expect(certificateWarnings(expired).join()).toMatch(/expired on 2020-02-01/);
    expect(certificateWarnings(parseBundle(certs.leaf).certificates).join()).toMatch(/not a CA certificate/);
  });

  it('refuses what is not a PEM certificate', () => {
    expect(() => parseBundle('hello')).toThrow(PemProblem);
    expect(() => parseBundle(certs.key)).toThrow(/private key/);
    expect(() => parseBundle(certs.ca.replace(/\n[A-Za-z0-9+/]{20}/, '\n!!!!'))).toThrow(/not a valid X.509/);
    expect(() => parseBundle(certs.ca.replace('-----END CERTIFICATE-----', ''))).toThrow(/not terminated/);
  });

  it('registry hostnames map to ConfigMap keys with ".." for the port', () => {
    expect(trustKeyOf('Registry.Example.com:5000')).toBe('registry.example.com..5000');
    expect(registryOfTrustKey('registry.example.com..5000')).toBe('registry.example.com:5000');
    expect(registryOfTrustKey('quay.io')).toBe('quay.io');
    expect(registryHostProblem('quay.io')).toBeUndefined();
    expect(registryHostProblem('10.0.0.1:5000')).toBeUndefined();
    for (const bad of [
      'https://quay.io',
      'quay.io/ns',
      '*.example.com',
      'a_b.com',
      'host:0',
      'host:70000',
      '-bad.com',
      '',
    ]) {
      expect(registryHostProblem(bad), bad).toBeDefined();
    }
  });
});
