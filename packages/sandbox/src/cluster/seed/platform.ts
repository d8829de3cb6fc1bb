import type { ApiClient } from '../../core/types.js';
import { R } from '../../core/refs.js';
import { randomSuffix, randomHex } from '../../core/names.js';
import { ensure } from './ensure.js';
import {
  INTERNAL_HOSTNAME,
  NS,
  INSTALLER_CREDS_SECRET,
  TRUSTED_CA_CONFIGMAP,
} from '../../operator/defaults.js';
import { isNotFound, tryGet, str, rec } from '../../core/objects.js';

/** The cloud facts an AWS IPI install records in `infrastructures.config.openshift.io/cluster`. */
export interface PlatformFacts {
  infraName: string;
  platform: string;
  region: string;
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

/** Reads the platform facts back (they survive restarts in the store); defaults when unserved. */
export function readPlatform(api: ApiClient): PlatformFacts | undefined {
  try {
    const infra = tryGet(api, R.infrastructures, undefined, 'cluster');
    if (!infra) return undefined;
    const status = rec(infra, 'status');
    return {
      infraName: str(status.infrastructureName) ?? 'sandbox',
      platform: str(rec(status, 'platformStatus').type) ?? str(status.platform) ?? 'AWS',
      region: str(rec(status, 'platformStatus', 'aws').region) ?? 'us-east-1',
    };
  } catch {
    return undefined;
  }
}

export function seedPlatform(api: ApiClient): PlatformFacts {
  const existing = readPlatform(api);
  const facts: PlatformFacts = existing ?? {
    infraName: `sandbox-${randomSuffix(5)}`,
    platform: 'AWS',
    region: 'us-east-1',
  };
  tolerate(() =>
    ensure(
      api,
      R.infrastructures,
      {
        apiVersion: 'config.openshift.io/v1',
        kind: 'Infrastructure',
        metadata: { name: 'cluster' },
        spec: { cloudConfig: { name: '' }, platformSpec: { type: 'AWS', aws: {} } },
      },
      {
        infrastructureName: facts.infraName,
        platform: 'AWS',
        platformStatus: { type: 'AWS', aws: { region: facts.region } },
        apiServerURL: 'https://api.sandbox.example.com:6443',
        apiServerInternalURI: 'https://api-int.sandbox.example.com:6443',
        etcdDiscoveryDomain: '',
        controlPlaneTopology: 'HighlyAvailable',
        infrastructureTopology: 'HighlyAvailable',
        cpuPartitioning: 'None',
      },
    ),
  );
  tolerate(() =>
    ensure(
      api,
      R.proxies,
      {
        apiVersion: 'config.openshift.io/v1',
        kind: 'Proxy',
        metadata: { name: 'cluster' },
        spec: { trustedCA: { name: '' } },
      },
      {},
    ),
  );
  tolerate(() =>
    ensure(
      api,
      R.imageConfigs,
      {
        apiVersion: 'config.openshift.io/v1',
        kind: 'Image',
        metadata: {
          name: 'cluster',
          annotations: {
            'include.release.openshift.io/self-managed-high-availability': 'true',
            'release.openshift.io/create-only': 'true',
          },
        },
        spec: {},
      },
      { internalRegistryHostname: INTERNAL_HOSTNAME },
    ),
  );
  // An install leaves the APIServer config with no tlsSecurityProfile: the Intermediate profile.
  tolerate(() =>
    ensure(api, R.apiServers, {
      apiVersion: 'config.openshift.io/v1',
      kind: 'APIServer',
      metadata: {
        name: 'cluster',
        annotations: {
          'include.release.openshift.io/self-managed-high-availability': 'true',
          'release.openshift.io/create-only': 'true',
        },
      },
      spec: { audit: { profile: 'Default' } },
    }),
  );
  seedSecrets(api);
  return facts;
}

function seedSecrets(api: ApiClient): void {
  // Sample, fake credentials: the shape of a real pull secret, no real token anywhere.
  const auth = (user: string) => ({
    auth: b64(`${user}:${randomHex(24)}`),
    email: 'admin@sandbox.example.com',
  });
  const dockerconfig = {
    auths: {
      'cloud.openshift.com': auth('sandbox+ocm_access'),
      'quay.io': auth('sandbox+ocm_access'),
      'registry.connect.redhat.com': auth('|uhc-sandbox'),
      'registry.redhat.io': auth('|uhc-sandbox'),
    },
  };
  ensure(api, R.secrets, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'pull-secret', namespace: 'openshift-config' },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': b64(JSON.stringify(dockerconfig)) },
  });
  // What the cloud-credential-operator mints for the registry's CredentialsRequest.
  const keyId = `AKIA${randomHex(8).toUpperCase()}`;
  const secretKey = randomHex(20);
  ensure(api, R.secrets, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: INSTALLER_CREDS_SECRET,
      namespace: NS,
      annotations: {
        'cloudcredential.openshift.io/credentials-request':
          'openshift-cloud-credential-operator/openshift-image-registry',
      },
    },
    type: 'Opaque',
    data: {
      aws_access_key_id: b64(keyId),
      aws_secret_access_key: b64(secretKey),
      credentials: b64(`[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secretKey}\n`),
    },
  });
  // The cluster-network-operator injects the proxy trust bundle into this labelled ConfigMap.
  ensure(api, R.configMaps, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: TRUSTED_CA_CONFIGMAP,
      namespace: NS,
      labels: { 'config.openshift.io/inject-trusted-cabundle': 'true' },
    },
    data: { 'ca-bundle.crt': SAMPLE_CA },
  });
}

/** A syntactically valid, self-signed sample CA (not secret: public certificate). */
export const SAMPLE_CA = `-----BEGIN CERTIFICATE-----
MIIBszCCAVmgAwIBAgIUYmFzZWxpbmUtc2FuZGJveC1jYTAKBggqhkjOPQQDAjAf
MR0wGwYDVQQDDBRzYW5kYm94LWluZ3Jlc3MtY2EwHhcNMjUwMTAxMDAwMDAwWhcN
MzUwMTAxMDAwMDAwWjAfMR0wGwYDVQQDDBRzYW5kYm94LWluZ3Jlc3MtY2EwWTAT
BgcqhkjOPQIBBggqhkjOPQMBBwNCAAQ7c2FuZGJveC1zYW1wbGUtcHVibGljLWtl
eS1vbmx5LW5vdC1hLXNlY3JldC1zYW5kYm94LXNhbXBsZaNTMFEwHQYDVR0OBBYE
FHNhbmRib3gtc2FtcGxlLWNhLWtleTAfBgNVHSMEGDAWgBRzYW5kYm94LXNhbXBs
ZS1jYS1rZXkwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiEAs2Fu
ZGJveC1zYW1wbGUtc2lnbmF0dXJlLXBhcnQtb25lAiBzYW5kYm94LXNhbXBsZS1z
aWduYXR1cmUtcGFydC10d28=
-----END CERTIFICATE-----
`;

/** Seeding of optional kinds (served only when their CRD is installed) must not stop the rest. */
export function tolerate(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    // the kind is not served by this sandbox: nothing to seed (anything else is a seeding bug)
    if (!isNotFound(e)) throw e;
  }
}
