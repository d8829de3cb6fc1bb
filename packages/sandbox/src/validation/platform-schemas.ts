/**
 * `infrastructures.config.openshift.io`, `proxies.config.openshift.io` and
 * `apiservers.config.openshift.io` v1 (openshift/api config/v1 types_infrastructure.go,
 * types_proxy.go, types_apiserver.go + types_tlssecurityprofile.go): the cluster-scoped singletons
 * `cluster` the registry operator reads its platform facts, proxy fallback and TLS profile from. For
 * Infrastructure and Proxy only the fields a registry operator and an AWS install use are declared
 * (the rest is pruned as on a cluster whose CRD lacks them); APIServer's spec has every field of
 * the Default feature set's CRD (types_apiserver.go: servingCerts, clientCA,
 * additionalCORSAllowedOrigins, encryption, tlsSecurityProfile, audit), so an admin's settings
 * are kept. Feature-gated fields (encryption.kms, http01ChallengeProxy) are not.
 */
import { atomicList, mapList, nullable, obj, objectMeta, opt, str, stringEnum } from '@irc/shared';

const PLATFORM_TYPES = [
  '',
  'AWS',
  'Azure',
  'BareMetal',
  'GCP',
  'Libvirt',
  'OpenStack',
  'None',
  'VSphere',
  'oVirt',
  'IBMCloud',
  'KubeVirt',
  'EquinixMetal',
  'PowerVS',
  'AlibabaCloud',
  'Nutanix',
  'External',
] as const;
const platformType = (description: string) => stringEnum(PLATFORM_TYPES, { description });

const AwsServiceEndpoint = obj({
  name: opt(str({ pattern: '^[a-z0-9-]+$', description: 'The AWS service name, e.g. s3 or ec2.' })),
  url: opt(
    str({
      pattern: '^https://',
      description: 'The fully qualified URI (https scheme) that overrides the default endpoint.',
    }),
  ),
});
const endpoints = () =>
  opt(
    atomicList(AwsServiceEndpoint, {
      description: 'Custom endpoints which override the default service endpoints of AWS services.',
    }),
  );

const meta = {
  apiVersion: opt(
    str({ description: 'APIVersion defines the versioned schema of this representation of an object.' }),
  ),
  kind: opt(
    str({ description: 'Kind is a string value representing the REST resource this object represents.' }),
  ),
  metadata: opt(objectMeta()),
};

export const Infrastructure = obj({
  ...meta,
  spec: obj(
    {
      cloudConfig: opt(
        obj(
          { key: opt(str()), name: opt(str()) },
          { description: 'Reference to a ConfigMap holding the cloud provider configuration.' },
        ),
      ),
      platformSpec: opt(
        obj({
          type: opt(platformType('The underlying infrastructure provider for the cluster.')),
          aws: opt(obj({ serviceEndpoints: endpoints() })),
        }),
      ),
    },
    { description: 'spec holds user settable values for configuration' },
  ),
  status: opt(
    obj(
      {
        infrastructureName: opt(
          str({
            description:
              'Uniquely identifies a cluster with a human friendly name; used to tag and name cloud resources.',
          }),
        ),
        platform: opt(platformType('Deprecated: use platformStatus.type instead.')),
        platformStatus: opt(
          obj({
            type: opt(platformType('The underlying infrastructure provider for the cluster.')),
            aws: opt(
              obj({
                region: opt(
                  str({ description: 'The AWS region for new AWS resources created for the cluster.' }),
                ),
                serviceEndpoints: endpoints(),
                resourceTags: opt(
                  atomicList(
                    obj({
                      key: str({ minLength: 1, maxLength: 128 }),
                      value: str({ minLength: 1, maxLength: 256 }),
                    }),
                    { maxItems: 25 },
                  ),
                ),
              }),
            ),
          }),
        ),
        etcdDiscoveryDomain: opt(str()),
        apiServerURL: opt(str({ description: 'The URL of the external API server.' })),
        apiServerInternalURI: opt(str({ description: 'The URL of the internal API server.' })),
        controlPlaneTopology: opt(
          stringEnum(
            ['HighlyAvailable', 'HighlyAvailableArbiter', 'SingleReplica', 'DualReplica', 'External'],
            { default: 'HighlyAvailable' },
          ),
        ),
        infrastructureTopology: opt(
          stringEnum(['HighlyAvailable', 'SingleReplica'], { default: 'HighlyAvailable' }),
        ),
        cpuPartitioning: opt(stringEnum(['None', 'AllNodes'], { default: 'None' })),
      },
      { description: 'status holds observed values from the cluster. They may not be overridden.' },
    ),
  ),
});

const proxyFields = {
  httpProxy: opt(str({ description: 'The URL of the proxy for HTTP requests.' })),
  httpsProxy: opt(str({ description: 'The URL of the proxy for HTTPS requests.' })),
  noProxy: opt(
    str({
      description:
        'A comma-separated list of hostnames and/or CIDRs and/or IPs for which the proxy should not be used.',
    }),
  ),
};

export const Proxy = obj({
  ...meta,
  spec: obj(
    {
      ...proxyFields,
      readinessEndpoints: opt(
        atomicList(str(), { description: 'A list of endpoints used to verify readiness of the proxy.' }),
      ),
      trustedCA: opt(
        obj(
          {
            name: str({ description: 'The name of a ConfigMap in openshift-config holding ca-bundle.crt.' }),
          },
          { description: 'A reference to a ConfigMap containing a CA certificate bundle.' },
        ),
      ),
    },
    { description: 'Spec holds user-settable values for the proxy configuration' },
  ),
  status: opt(
    obj(proxyFields, {
      description: 'status holds observed values from the cluster. They may not be overridden.',
    }),
  ),
});

const TLS_VERSIONS = ['VersionTLS10', 'VersionTLS11', 'VersionTLS12', 'VersionTLS13'] as const;
/** The predefined profiles carry no fields (OldTLSProfile, IntermediateTLSProfile, ModernTLSProfile). */
const emptyProfile = (description: string) => opt(nullable(obj({}), { description }));

/** TLSSecurityProfile: a union discriminated by `type`; Custom carries ciphers + minTLSVersion. */
const TLSSecurityProfile = obj(
  {
    type: opt(
      stringEnum(['Old', 'Intermediate', 'Modern', 'Custom'], {
        description: 'type is one of Old, Intermediate, Modern or Custom.',
      }),
    ),
    old: emptyProfile("old is a TLS security profile based on Mozilla's Old backward compatibility."),
    intermediate: emptyProfile(
      "intermediate is a TLS security profile based on Mozilla's Intermediate compatibility.",
    ),
    modern: emptyProfile("modern is a TLS security profile based on Mozilla's Modern compatibility."),
    custom: opt(
      nullable(
        obj({
          ciphers: opt(
            atomicList(str(), {
              description:
                'ciphers is used to specify the cipher algorithms that are negotiated during the TLS handshake.',
            }),
          ),
          minTLSVersion: opt(
            stringEnum(TLS_VERSIONS, {
              description:
                'minTLSVersion is used to specify the minimal version of the TLS protocol that is negotiated during the TLS handshake.',
            }),
          ),
        }),
        { description: 'custom is a user-defined TLS security profile.' },
      ),
    ),
  },
  {
    description: 'tlsSecurityProfile specifies settings for TLS connections for externally exposed servers.',
  },
);

const auditProfile = (o: { default?: string } = {}) =>
  stringEnum(['Default', 'WriteRequestBodies', 'AllRequestBodies', 'None'], o);
/** ConfigMapNameReference / SecretNameReference: `name` is required. */
const secretOrConfigMapName = (what: string) =>
  obj({ name: str({ description: `name is the metadata.name of ${what}.` }) });

export const APIServer = obj({
  ...meta,
  spec: obj(
    {
      tlsSecurityProfile: opt(TLSSecurityProfile),
      audit: opt(
        obj(
          {
            profile: opt(auditProfile({ default: 'Default' })),
            customRules: opt(
              mapList(
                obj({
                  group: str({
                    minLength: 1,
                    description: 'group is a name of group a request user must be member of.',
                  }),
                  profile: auditProfile(),
                }),
                ['group'],
                { description: 'customRules specify profiles per group, evaluated from top to bottom.' },
              ),
            ),
          },
          { default: { profile: 'Default' } },
        ),
      ),
      additionalCORSAllowedOrigins: opt(atomicList(str())),
      servingCerts: opt(
        obj(
          {
            namedCertificates: opt(
              atomicList(
                obj({
                  names: opt(atomicList(str(), { maxItems: 64 })),
                  servingCertificate: opt(
                    secretOrConfigMapName('a kubernetes.io/tls Secret in openshift-config'),
                  ),
                }),
                { maxItems: 32 },
              ),
            ),
          },
          { description: 'servingCert is the TLS cert info for serving secure traffic.' },
        ),
      ),
      clientCA: opt(secretOrConfigMapName('a ConfigMap in openshift-config holding ca-bundle.crt')),
      encryption: opt(
        obj(
          {
            // the Default feature set's enum (KMS is behind the KMSEncryptionProvider gate)
            type: opt(
              stringEnum(['', 'identity', 'aescbc', 'aesgcm'], {
                description:
                  'type defines what encryption type should be used to encrypt resources at the datastore layer.',
              }),
            ),
          },
          {
            description:
              'encryption allows the configuration of encryption of resources at the datastore layer.',
          },
        ),
      ),
    },
    { description: 'spec holds user settable values for configuration' },
  ),
  status: opt(
    obj({}, { description: 'status holds observed values from the cluster. They may not be overridden.' }),
  ),
});
