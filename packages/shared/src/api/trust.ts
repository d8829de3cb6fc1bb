/**
 * `GET /api/v1/trust`, `PUT/DELETE /api/v1/trust/:registry`: additional trusted CAs for
 * registries — the ConfigMap in `openshift-config` named by
 * `images.config.openshift.io/cluster spec.additionalTrustedCA.name`, whose keys are registry
 * hostnames with a port written `host..port` (domain.md §6.12).
 */
import Type, { type Static } from 'typebox';

/** The ConfigMap created when the image config references none (the name OpenShift docs use). */
export const DEFAULT_TRUST_CONFIGMAP = 'registry-cas';

const LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
/** `hostname` or `hostname:port` (DNS labels, dot-separated; port 1–65535 checked separately). */
export const REGISTRY_HOST_PATTERN = `^${LABEL}(?:\\.${LABEL})*(?::[0-9]{1,5})?$`;
const HOST_RE = new RegExp(REGISTRY_HOST_PATTERN);

/** Why `registry` is not `hostname[:port]`, or undefined when it is. */
export function registryHostProblem(registry: string): string | undefined {
  if (registry.length === 0) return 'must not be empty';
  if (registry.length > 253 + 6) return 'must be at most 259 characters (hostname[:port])';
  if (!HOST_RE.test(registry))
    return `"${registry}" is not a hostname or hostname:port (letters, digits, "-" and "." only; no scheme, path or wildcard)`;
  const port = registry.split(':')[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
    return `port ${port} is not between 1 and 65535`;
  return undefined;
}

/**
 * Why pasted PEM text must not be sent: it holds a private key (a `BEGIN … PRIVATE KEY` line,
 * terminated or not). Checked in the browser so that the key never leaves it; the server
 * refuses every non-certificate block again on its own.
 */
export function pemPrivateKeyProblem(text: string): string | undefined {
  const label = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----/.exec(text)?.[1];
  return label
    ? `only certificates are accepted, found a PEM "${label}" block (never upload a private key)`
    : undefined;
}

/** `host:port` → ConfigMap key `host..port` (a key cannot hold ":"). Hostnames are case-insensitive. */
export function trustKeyOf(registry: string): string {
  return registry.toLowerCase().replace(':', '..');
}

/** ConfigMap key `host..port` → `host:port`. */
export function registryOfTrustKey(key: string): string {
  const i = key.lastIndexOf('..');
  return i > 0 && /^[0-9]+$/.test(key.slice(i + 2)) ? `${key.slice(0, i)}:${key.slice(i + 2)}` : key;
}

export const TrustedCertificateSchema = Type.Object({
  /** RFC 4514-like one-line form, e.g. `CN=Example CA, O=Example`. */
  subject: Type.String(),
  issuer: Type.String(),
  serialNumber: Type.String(),
  validFrom: Type.String({ format: 'date-time' }),
  validTo: Type.String({ format: 'date-time' }),
  /** SHA-256 fingerprint, colon-separated hex (as `openssl x509 -fingerprint -sha256`). */
  fingerprintSha256: Type.String(),
  /** basicConstraints CA:TRUE. */
  ca: Type.Boolean(),
  selfSigned: Type.Boolean(),
  expired: Type.Boolean(),
  notYetValid: Type.Boolean(),
});
export type TrustedCertificate = Static<typeof TrustedCertificateSchema>;

export const TrustedRegistrySchema = Type.Object({
  /** `host` or `host:port`. */
  registry: Type.String(),
  /** The ConfigMap key (`host..port`). */
  key: Type.String(),
  certificates: Type.Array(TrustedCertificateSchema),
  /** Expired, not yet valid, not a CA, or an unreadable value. Not errors: the operator copies the value as is. */
  warnings: Type.Array(Type.String()),
});
export type TrustedRegistry = Static<typeof TrustedRegistrySchema>;

export const TrustStatusSchema = Type.Object({
  namespace: Type.String(),
  /** The referenced ConfigMap, or the one a first PUT will create. */
  configMapName: Type.String(),
  /** The image config names a ConfigMap. */
  referenced: Type.Boolean(),
  /** The ConfigMap exists (referenced but missing degrades the operator's certificates controller). */
  exists: Type.Boolean(),
  registries: Type.Array(TrustedRegistrySchema),
  resourceVersion: Type.Optional(Type.String()),
});
export type TrustStatus = Static<typeof TrustStatusSchema>;

export const TrustRegistryParamsSchema = Type.Object({
  /** `hostname`, `hostname:port` or the key form `hostname..port`. */
  registry: Type.String({ minLength: 1, maxLength: 300 }),
});
export type TrustRegistryParams = Static<typeof TrustRegistryParamsSchema>;

export const PutTrustRequestSchema = Type.Object(
  {
    /** One or more PEM certificates (`-----BEGIN CERTIFICATE-----`). Replaces the registry's value. */
    pem: Type.String({ minLength: 1, maxLength: 262144 }),
  },
  { additionalProperties: false },
);
export type PutTrustRequest = Static<typeof PutTrustRequestSchema>;

export const PutTrustResponseSchema = Type.Object({
  trust: TrustStatusSchema,
  registry: TrustedRegistrySchema,
  /** Accepted, but worth a look (expired, not a CA …). */
  warnings: Type.Array(Type.String()),
  /** What changed besides the key: the ConfigMap created, the image config reference set. */
  created: Type.Boolean(),
  referenceSet: Type.Boolean(),
  /** False when the registry already had exactly this bundle (nothing was written). */
  changed: Type.Boolean(),
});
export type PutTrustResponse = Static<typeof PutTrustResponseSchema>;
