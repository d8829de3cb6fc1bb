import { isRecord, rec, str } from '../core/objects.js';

/**
 * The cluster's TLS security profiles (openshift/api config/v1 `TLSProfiles`, OpenSSL cipher
 * names) and how 4.23's config observer turns `apiservers.config.openshift.io/cluster`
 * spec.tlsSecurityProfile into `servingInfo` (library-go ObserveTLSSecurityProfile): no profile,
 * an unknown type or a Custom type without `custom` all mean Intermediate; ciphers are mapped to
 * the IANA names Go uses (library-go crypto.OpenSSLToIANACipherSuites) and unknown ones dropped.
 */
const TLS13 = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
const ECDHE_AEAD = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
];
const DHE_AEAD = ['DHE-RSA-AES128-GCM-SHA256', 'DHE-RSA-AES256-GCM-SHA384'];

interface TlsProfileSpec {
  ciphers: readonly string[];
  minTLSVersion: string;
}

const TLS_PROFILES: Record<'Old' | 'Intermediate' | 'Modern', TlsProfileSpec> = {
  Old: {
    ciphers: [
      ...TLS13,
      ...ECDHE_AEAD,
      ...DHE_AEAD,
      'DHE-RSA-CHACHA20-POLY1305',
      'ECDHE-ECDSA-AES128-SHA256',
      'ECDHE-RSA-AES128-SHA256',
      'ECDHE-ECDSA-AES128-SHA',
      'ECDHE-RSA-AES128-SHA',
      'ECDHE-ECDSA-AES256-SHA384',
      'ECDHE-RSA-AES256-SHA384',
      'ECDHE-ECDSA-AES256-SHA',
      'ECDHE-RSA-AES256-SHA',
      'DHE-RSA-AES128-SHA256',
      'DHE-RSA-AES256-SHA256',
      'AES128-GCM-SHA256',
      'AES256-GCM-SHA384',
      'AES128-SHA256',
      'AES256-SHA256',
      'AES128-SHA',
      'AES256-SHA',
      'DES-CBC3-SHA',
    ],
    minTLSVersion: 'VersionTLS10',
  },
  Intermediate: { ciphers: [...TLS13, ...ECDHE_AEAD, ...DHE_AEAD], minTLSVersion: 'VersionTLS12' },
  Modern: { ciphers: TLS13, minTLSVersion: 'VersionTLS13' },
};

const OPENSSL_TO_IANA: Record<string, string> = {
  ...Object.fromEntries(TLS13.map((c) => [c, c])),
  'ECDHE-ECDSA-AES128-GCM-SHA256': 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256': 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384': 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384': 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305': 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'ECDHE-RSA-CHACHA20-POLY1305': 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  'ECDHE-ECDSA-AES128-SHA256': 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  'ECDHE-RSA-AES128-SHA256': 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  'AES128-GCM-SHA256': 'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'AES256-GCM-SHA384': 'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'AES128-SHA256': 'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'ECDHE-ECDSA-AES128-SHA': 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'ECDHE-RSA-AES128-SHA': 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'ECDHE-ECDSA-AES256-SHA': 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'ECDHE-RSA-AES256-SHA': 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'AES128-SHA': 'TLS_RSA_WITH_AES_128_CBC_SHA',
  'AES256-SHA': 'TLS_RSA_WITH_AES_256_CBC_SHA',
  'DES-CBC3-SHA': 'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
};

/** What the observer writes into spec.observedConfig.servingInfo. */
export interface ObservedTls {
  minTLSVersion: string;
  cipherSuites: string[];
}

function toServingInfo(spec: TlsProfileSpec): ObservedTls {
  return {
    minTLSVersion: spec.minTLSVersion,
    cipherSuites: spec.ciphers.flatMap((c) => {
      const iana = OPENSSL_TO_IANA[c];
      return iana ? [iana] : [];
    }),
  };
}

/** The cluster default (no profile): Intermediate. */
export const DEFAULT_TLS_PROFILE: ObservedTls = toServingInfo(TLS_PROFILES.Intermediate);

/** servingInfo for an APIServer object's spec.tlsSecurityProfile (undefined: no APIServer). */
export function observedTlsProfile(apiServer: Record<string, unknown> | undefined): ObservedTls {
  const profile = rec(apiServer ?? {}, 'spec', 'tlsSecurityProfile');
  const type = str(profile.type);
  if (type === 'Custom') {
    // a Custom type without `custom` falls back to Intermediate, as profileSpec stays nil
    if (isRecord(profile.custom)) {
      const c = profile.custom;
      const ciphers = Array.isArray(c.ciphers) ? c.ciphers.filter((x) => typeof x === 'string') : [];
      return toServingInfo({ ciphers, minTLSVersion: str(c.minTLSVersion) ?? '' });
    }
  } else if (type === 'Old' || type === 'Intermediate' || type === 'Modern') {
    return toServingInfo(TLS_PROFILES[type]);
  }
  return DEFAULT_TLS_PROFILE;
}
