/**
 * What a storage error text means, from the real texts: the operator's own errors
 * (op:pkg/storage/s3 — "does not contain required key", "unable to get cluster minted
 * credentials"), aws-sdk-go v1 errors as the operator and the registry's `s3aws` driver print
 * them (`Code: Message\n\tstatus code: …` — InvalidAccessKeyId, SignatureDoesNotMatch,
 * AccessDenied, NoSuchBucket, BucketRegionError / PermanentRedirect / AuthorizationHeaderMalformed,
 * RequestTimeTooSkewed; a HEAD has no body, so HeadBucket says only `Forbidden` / `NotFound`), Go's
 * net/http (`dial tcp …: i/o timeout`, `proxyconnect tcp: …`, a proxy refusing CONNECT gives the
 * bare status text, e.g. `: Service Unavailable`), and the GCS / Azure / Swift drivers.
 */
import type { DiagnosisCode, FixTarget, ObjectRef } from '@irc/shared';
import { RegistryNames } from '@irc/shared';
import { PATCH_CONFIG, ref } from '../objects.js';
import { matchesNoProxy, type EffectiveProxy } from './proxy.js';

export interface StorageContext {
  /** The configured backend key (`s3`, `gcs`, `azure`, `swift`, `ibmcos`, `pvc`, `emptyDir`). */
  backend?: string;
  bucket?: string;
  region?: string;
  regionEndpoint?: string;
  /** Whether the admin's credentials secret exists (else cluster-minted credentials are used). */
  userSecret: boolean;
  /** The proxy the failing client uses (registry: Config spec.proxy, else the cluster proxy). */
  proxy?: EffectiveProxy;
  /** Where the text came from: the node of that pod, for a clock that is off. */
  node?: string;
}

export interface StorageCause {
  code: DiagnosisCode;
  summary: string;
  object: ObjectRef;
  field?: string;
  nextStep: string;
  command: string;
  fix?: FixTarget;
}

const NS = RegistryNames.namespace;
const USER_SECRET = RegistryNames.userCredentialsSecret;
const CREDENTIAL_KEY: Record<string, { access: string; secret: string }> = {
  s3: { access: 'REGISTRY_STORAGE_S3_ACCESSKEY', secret: 'REGISTRY_STORAGE_S3_SECRETKEY' },
  gcs: { access: 'REGISTRY_STORAGE_GCS_KEYFILE', secret: 'REGISTRY_STORAGE_GCS_KEYFILE' },
  azure: { access: 'REGISTRY_STORAGE_AZURE_ACCOUNTKEY', secret: 'REGISTRY_STORAGE_AZURE_ACCOUNTKEY' },
  swift: { access: 'REGISTRY_STORAGE_SWIFT_USERNAME', secret: 'REGISTRY_STORAGE_SWIFT_PASSWORD' },
  ibmcos: { access: 'REGISTRY_STORAGE_IBMCOS_IAMAPIKEY', secret: 'REGISTRY_STORAGE_IBMCOS_IAMAPIKEY' },
};
const CONTAINER_FIELD: Record<string, string> = { azure: 'container', swift: 'container' };

const CONFIG_CMD = 'oc get configs.imageregistry.operator.openshift.io/cluster -o yaml';

function setKeyCommand(key: string): string {
  return `oc set data secret/${USER_SECRET} -n ${NS} ${key}=<value>`;
}

function credentialFix(key: string): FixTarget {
  return { section: 'storage', field: `credentials.${key}`, label: `Set ${key}` };
}

function patchConfig(spec: string): string {
  return `${PATCH_CONFIG} '${spec}'`;
}

/** The first `Get "https://host/…"` (or Head/Put/…) in an error text, its host. */
export function endpointHost(text: string, ctx: StorageContext): string | undefined {
  const m = /\b(?:Get|Head|Put|Post|Delete) "https?:\/\/([^/":]+)/.exec(text);
  if (m?.[1]) return m[1];
  if (ctx.regionEndpoint) {
    try {
      return new URL(ctx.regionEndpoint).hostname;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function credentialsCause(ctx: StorageContext, which: 'access' | 'secret', why: string): StorageCause {
  const backend = ctx.backend ?? 's3';
  const key = CREDENTIAL_KEY[backend]?.[which] ?? CREDENTIAL_KEY.s3![which];
  const secret = ctx.userSecret ? USER_SECRET : 'installer-cloud-credentials';
  return {
    code: 'storage-credentials-invalid',
    summary: `${why}: the ${which === 'access' ? 'access key' : 'secret key'} in secret ${secret} is wrong`,
    object: ref.secret(secret),
    field: `data.${key}`,
    nextStep: ctx.userSecret
      ? `Enter the correct ${key} in the storage credentials form; the operator re-checks the bucket and the registry pods roll.`
      : `The cluster-minted credentials are rejected: set your own keys in the storage credentials form (secret ${USER_SECRET}).`,
    command: setKeyCommand(key),
    fix: credentialFix(key),
  };
}

function storageField(ctx: StorageContext, name: 'bucket' | 'region' | 'regionEndpoint'): string {
  const backend = ctx.backend ?? 's3';
  const field = name === 'bucket' ? (CONTAINER_FIELD[backend] ?? 'bucket') : name;
  return `spec.storage.${backend}.${field}`;
}

function networkCause(text: string, ctx: StorageContext): StorageCause {
  const host = endpointHost(text, ctx) ?? 'the storage endpoint';
  const proxy = ctx.proxy;
  const viaProxy = proxy?.url && !matchesNoProxy(host, proxy.noProxy);
  const custom = !!ctx.regionEndpoint && !/\.amazonaws\.com$/.test(host);
  if (/proxyconnect tcp/.test(text) && proxy) {
    return {
      code: 'storage-proxy-unreachable',
      summary: `The proxy ${proxy.display} cannot be reached`,
      object: proxy.source === 'config' ? ref.config() : ref.proxy(),
      field: proxy.source === 'config' ? 'spec.proxy.https' : 'status.httpsProxy',
      nextStep: `Requests to ${host} go through the proxy ${proxy.display}, which does not answer: correct the proxy address, or add ${host} to noProxy if the storage is reachable directly.`,
      command: proxy.source === 'config' ? CONFIG_CMD : 'oc get proxy/cluster -o yaml',
      fix: { section: 'proxy', field: 'spec.proxy.https', label: 'Change the HTTPS proxy' },
    };
  }
  if (viaProxy && custom && proxy) {
    return {
      code: 'storage-proxy-no-bypass',
      summary: `${host} is not in noProxy: the registry asks the proxy ${proxy.display} for it, and the proxy cannot reach it`,
      object: proxy.source === 'config' ? ref.config() : ref.proxy(),
      field: proxy.source === 'config' ? 'spec.proxy.noProxy' : 'spec.noProxy',
      nextStep: `Add ${host} to noProxy (comma-separated) so that the registry connects to the storage endpoint directly.`,
      command:
        proxy.source === 'config'
          ? patchConfig(`{"spec":{"proxy":{"noProxy":"${[proxy.noProxy, host].filter(Boolean).join(',')}"}}}`)
          : `oc patch proxy/cluster --type merge -p '{"spec":{"noProxy":"${[proxy.noProxy, host].filter(Boolean).join(',')}"}}'`,
      fix: { section: 'proxy', field: 'spec.proxy.noProxy', label: 'Change noProxy' },
    };
  }
  if (ctx.regionEndpoint) {
    return {
      code: 'storage-endpoint-unreachable',
      summary: `The storage endpoint ${host} cannot be reached${viaProxy ? ` through the proxy ${proxy?.display}` : ''}`,
      object: ref.config(),
      field: storageField(ctx, 'regionEndpoint'),
      nextStep: `Check regionEndpoint (${ctx.regionEndpoint}), that ${host} resolves and accepts connections from the cluster (egress firewall, security groups)${viaProxy ? ', and that the proxy can reach it' : ''}.`,
      command: `oc rsh -n ${NS} deployment/image-registry curl -sSv ${ctx.regionEndpoint}`,
      fix: { section: 'storage', field: storageField(ctx, 'regionEndpoint'), label: 'Change the endpoint' },
    };
  }
  return {
    code: 'storage-endpoint-unreachable',
    summary: `The storage endpoint ${host} cannot be reached from the cluster${viaProxy ? ` through the proxy ${proxy?.display}` : ''}`,
    object: proxy?.source === 'cluster' ? ref.proxy() : ref.config(),
    field: proxy?.source === 'cluster' ? 'status.httpsProxy' : 'spec.proxy.https',
    nextStep: viaProxy
      ? `The proxy ${proxy?.display} does not get through to ${host}: check the proxy's allow-list and its egress.`
      : `Nothing answers from ${host}: the cluster has no route out (egress firewall, NAT gateway, security groups, DNS). If egress must go through a proxy, set it in the proxy form.`,
    command: `oc rsh -n ${NS} deployment/image-registry curl -sSv https://${host}/`,
    fix: { section: 'proxy', field: 'spec.proxy.https', label: 'Set an HTTPS proxy' },
  };
}

/** The bucket's real region, when the error tells it. */
function hintedRegion(text: string): string | undefined {
  return (
    /bucket is in '([a-z0-9-]+)' region/.exec(text)?.[1] ??
    /expecting '([a-z0-9-]+)'/.exec(text)?.[1] ??
    /<Region>([a-z0-9-]+)<\/Region>/.exec(text)?.[1]
  );
}

/**
 * The cause a storage error text names, or undefined when it names none this knows. First
 * match wins, most specific first (an invalid key is also a 403).
 */
export function storageCause(text: string, ctx: StorageContext): StorageCause | undefined {
  const key = /does not contain required key "([A-Z0-9_]+)"/.exec(text)?.[1];
  if (key) {
    return {
      code: 'storage-credentials-key-missing',
      summary: `Secret ${USER_SECRET} has no ${key}`,
      object: ref.secret(USER_SECRET),
      field: `data.${key}`,
      nextStep: `Set ${key} in the storage credentials form (or delete the secret to fall back to cluster-minted credentials).`,
      command: setKeyCommand(key),
      fix: credentialFix(key),
    };
  }
  if (/unable to get cluster minted credentials/.test(text)) {
    const access = CREDENTIAL_KEY[ctx.backend ?? 's3']?.access ?? CREDENTIAL_KEY.s3!.access;
    return {
      code: 'storage-credentials-missing',
      summary: `No storage credentials: neither ${USER_SECRET} nor installer-cloud-credentials exists`,
      object: ref.secret('installer-cloud-credentials'),
      nextStep:
        'The cloud credential operator has not minted credentials (manual mode?): enter an access key and a secret key in the storage credentials form.',
      command: `oc create secret generic ${USER_SECRET} -n ${NS} --from-literal=REGISTRY_STORAGE_S3_ACCESSKEY=<key> --from-literal=REGISTRY_STORAGE_S3_SECRETKEY=<secret>`,
      fix: credentialFix(access),
    };
  }
  if (/InvalidAccessKeyId/.test(text))
    return credentialsCause(ctx, 'access', 'S3 does not know the access key (InvalidAccessKeyId)');
  if (/SignatureDoesNotMatch/.test(text))
    return credentialsCause(ctx, 'secret', 'S3 rejects the request signature (SignatureDoesNotMatch)');
  if (/AuthenticationFailed|invalid_grant|Authentication failed|\bUnauthorized\b/.test(text))
    return credentialsCause(ctx, 'secret', 'The storage service rejects the credentials');
  if (/RequestTimeTooSkewed/.test(text)) {
    return {
      code: 'storage-clock-skew',
      summary: `The clock of ${ctx.node ? `node ${ctx.node}` : 'the node'} is more than 15 minutes off (RequestTimeTooSkewed)`,
      object: ctx.node ? ref.node(ctx.node) : ref.config(),
      ...(ctx.node ? { field: 'status (node time)' } : {}),
      nextStep:
        'S3 refuses requests signed at a time more than 15 minutes away from its own: fix time synchronisation (chrony) on the node; nothing in the registry configuration is wrong.',
      command: `oc debug node/${ctx.node ?? '<node>'} -- chroot /host chronyc tracking`,
    };
  }
  if (/proxyconnect tcp/.test(text)) return networkCause(text, ctx);
  if (
    /BucketRegionError|PermanentRedirect|AuthorizationHeaderMalformed|IllegalLocationConstraintException/.test(
      text,
    )
  ) {
    const region = hintedRegion(text);
    return {
      code: 'storage-bucket-wrong-region',
      summary: `${ctx.bucket ? `Bucket ${ctx.bucket}` : 'The bucket'} is not in region ${ctx.region ?? '(unset)'}${region ? `: it is in ${region}` : ''}`,
      object: ref.config(),
      field: storageField(ctx, 'region'),
      nextStep: region
        ? `Set the region to ${region}, where the bucket is.`
        : 'Set the region the bucket was created in (S3 console, or `aws s3api get-bucket-location`).',
      command: patchConfig(
        `{"spec":{"storage":{"${ctx.backend ?? 's3'}":{"region":"${region ?? '<region>'}"}}}}`,
      ),
      fix: { section: 'storage', field: storageField(ctx, 'region'), label: 'Change the region' },
    };
  }
  if (
    /NoSuchBucket|ContainerNotFound|googleapi: Error 404|NotFound: Not Found|bucket doesn't exist/.test(text)
  ) {
    return {
      code: 'storage-bucket-missing',
      summary: `${ctx.backend === 'azure' || ctx.backend === 'swift' ? 'Container' : 'Bucket'} ${ctx.bucket ?? '(unnamed)'} does not exist`,
      object: ref.config(),
      field: storageField(ctx, 'bucket'),
      nextStep:
        'Create it, correct the name, or clear the field and set storage management to Managed so that the operator creates one.',
      command: CONFIG_CMD,
      fix: { section: 'storage', field: storageField(ctx, 'bucket'), label: 'Change the bucket' },
    };
  }
  if (
    /AccessDenied|AuthorizationFailure|googleapi: Error 403|Forbidden: Forbidden|\(Forbidden\)/.test(text)
  ) {
    const access = CREDENTIAL_KEY[ctx.backend ?? 's3']?.access ?? CREDENTIAL_KEY.s3!.access;
    return {
      code: 'storage-access-denied',
      summary: `The credentials are valid but not allowed to use ${ctx.bucket ? `bucket ${ctx.bucket}` : 'the bucket'} (AccessDenied)`,
      object: ref.secret(ctx.userSecret ? USER_SECRET : 'installer-cloud-credentials'),
      field: `data.${access}`,
      nextStep:
        'Grant the IAM user of these keys the registry permissions on the bucket (s3:ListBucket, s3:GetObject, s3:PutObject, s3:DeleteObject, multipart uploads), or use keys of the account that owns the bucket.',
      command: setKeyCommand(access),
      fix: credentialFix(access),
    };
  }
  if (
    /dial tcp|i\/o timeout|no such host|connection refused|no route to host|Client\.Timeout exceeded|context deadline exceeded|TLS handshake timeout|"https?:\/\/[^"]+": (Forbidden|Service Unavailable|Bad Gateway|Gateway Timeout)\b/.test(
      text,
    )
  )
    return networkCause(text, ctx);
  return undefined;
}
