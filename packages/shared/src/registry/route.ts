/**
 * `routes.route.openshift.io` v1 Route. On OpenShift the openshift-apiserver serves it; the CRD
 * form (openshift/api PR #1228, MicroShift) carries the same validation, which the sandbox uses.
 */
import Type, { type Static } from 'typebox';
import { objectMeta } from './core.js';
import { atomicList, dateTime, int32, mapList, obj, opt, str, stringEnum } from './keywords.js';

const DNS_NAME = {
  maxLength: 253,
  pattern:
    '^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])(\\.([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9]))*$',
} as const;

export const RouteTargetReference = obj({
  kind: stringEnum(['Service', ''], { default: 'Service' }),
  name: str({ minLength: 1, description: 'Name of the service the route points to.' }),
  weight: opt(int32({ default: 100, minimum: 0, maximum: 256 })),
});
export type RouteTargetReference = Static<typeof RouteTargetReference>;

/** HAProxy format strings allowed in header values; `fetcher` is req.hdr or res.hdr. */
const headerValueRule = (fetcher: 'req' | 'res') => ({
  message:
    "Either the header value provided is not in correct format or the sample fetcher/converter specified is not allowed. The dynamic header value will be interpreted as an HAProxy format string as defined in http://cbonte.github.io/haproxy-dconv/2.6/configuration.html#8.2.6 and may use HAProxy's %[] syntax and otherwise must be a valid HTTP header value as defined in https://datatracker.ietf.org/doc/html/rfc7230#section-3.2. " +
    `Sample fetchers allowed are ${fetcher}.hdr, ssl_c_der. Converters allowed are lower, base64.`,
  rule:
    String.raw`self.all(key, key.action.type == "Delete" || (has(key.action.set) && key.action.set.value.matches('^(?:%(?:%|(?:\\{[-+]?[QXE](?:,[-+]?[QXE])*\\})?\\[(?:` +
    fetcher +
    String.raw`\\.hdr\\([0-9A-Za-z-]+\\)|ssl_c_der)(?:,(?:lower|base64))*\\])|[^%[:cntrl:]])+$')))`,
});

const forbiddenHeader = (name: string) => ({
  message: `${name} header may not be modified via header actions`,
  rule: `self.lowerAscii() != '${name}'`,
});

const RouteHTTPHeader = obj({
  action: obj(
    {
      set: opt(obj({ value: str({ maxLength: 16384, minLength: 1 }) })),
      type: stringEnum(['Set', 'Delete']),
    },
    {
      'x-kubernetes-validations': [
        {
          message: 'set is required when type is Set, and forbidden otherwise',
          rule: "has(self.type) && self.type == 'Set' ?  has(self.set) : !has(self.set)",
        },
      ],
    },
  ),
  name: str({
    maxLength: 255,
    minLength: 1,
    pattern: "^[-!#$%&'*+.0-9A-Z^_`a-z|~]+$",
    'x-kubernetes-validations': ['strict-transport-security', 'proxy', 'cookie', 'set-cookie'].map(
      forbiddenHeader,
    ),
  }),
});

const headerActions = (fetcher: 'req' | 'res') =>
  mapList(RouteHTTPHeader, ['name'], {
    maxItems: 20,
    'x-kubernetes-validations': [headerValueRule(fetcher)],
  });

export const TLSConfig = obj(
  {
    caCertificate: opt(str()),
    certificate: opt(str()),
    destinationCACertificate: opt(str()),
    externalCertificate: opt(obj({ name: opt(str()) }, { 'x-kubernetes-map-type': 'atomic' })),
    insecureEdgeTerminationPolicy: opt(stringEnum(['Allow', 'None', 'Redirect', ''])),
    key: opt(str()),
    termination: stringEnum(['edge', 'reencrypt', 'passthrough']),
  },
  {
    allOf: [
      {
        anyOf: [
          {
            properties: {
              caCertificate: { maxLength: 0 },
              certificate: { maxLength: 0 },
              destinationCACertificate: { maxLength: 0 },
              key: { maxLength: 0 },
            },
          },
          { not: { properties: { termination: { enum: ['passthrough'] } } } },
        ],
      },
      {
        anyOf: [
          { properties: { destinationCACertificate: { maxLength: 0 } } },
          { not: { properties: { termination: { enum: ['edge'] } } } },
        ],
      },
    ],
    'x-kubernetes-validations': [
      {
        message:
          'cannot have both spec.tls.termination: passthrough and spec.tls.insecureEdgeTerminationPolicy: Allow',
        rule: "has(self.termination) && has(self.insecureEdgeTerminationPolicy) ? !((self.termination=='passthrough') && (self.insecureEdgeTerminationPolicy=='Allow')) : true",
      },
      {
        message: 'cannot have both spec.tls.certificate and spec.tls.externalCertificate',
        rule: '!(has(self.certificate) && has(self.externalCertificate))',
      },
    ],
  },
);
export type TLSConfig = Static<typeof TLSConfig>;

/** targetPort: a port number or name, never 0 or "". */
const targetPort = Type.Unsafe<number | string>({
  'x-kubernetes-int-or-string': true,
  allOf: [{ not: { enum: [0] } }, { not: { enum: [''] } }],
});

export const RouteSpec = obj(
  {
    alternateBackends: opt(mapList(RouteTargetReference, ['name', 'kind'], { maxItems: 3 })),
    host: opt(str({ ...DNS_NAME, description: 'The public host name of the route.' })),
    httpHeaders: opt(
      obj({ actions: opt(obj({ request: opt(headerActions('req')), response: opt(headerActions('res')) })) }),
    ),
    path: opt(str({ pattern: '^/' })),
    port: opt(obj({ targetPort })),
    subdomain: opt(str(DNS_NAME)),
    tls: opt(TLSConfig),
    to: RouteTargetReference,
    wildcardPolicy: opt(stringEnum(['None', 'Subdomain', ''], { default: 'None' })),
  },
  {
    allOf: [
      {
        anyOf: [
          { properties: { path: { maxLength: 0 } } },
          { properties: { tls: { enum: [null] } } },
          { not: { properties: { tls: { properties: { termination: { enum: ['passthrough'] } } } } } },
        ],
      },
      {
        anyOf: [
          { not: { properties: { host: { maxLength: 0 } } } },
          { not: { properties: { wildcardPolicy: { enum: ['Subdomain'] } } } },
        ],
      },
    ],
    'x-kubernetes-validations': [
      {
        message: 'header actions are not permitted when tls termination is passthrough.',
        rule: "!has(self.tls) || self.tls.termination != 'passthrough' || !has(self.httpHeaders)",
      },
    ],
  },
);
export type RouteSpec = Static<typeof RouteSpec>;

export const RouteIngressCondition = obj({
  lastTransitionTime: opt(dateTime()),
  message: opt(str()),
  reason: opt(str()),
  status: str(),
  type: str({ description: 'Admitted' }),
});

export const RouteIngress = obj({
  conditions: opt(mapList(RouteIngressCondition, ['type'])),
  host: opt(str()),
  routerCanonicalHostname: opt(str()),
  routerName: opt(str()),
  wildcardPolicy: opt(str()),
});
export type RouteIngress = Static<typeof RouteIngress>;

export const Route = obj({
  apiVersion: opt(str()),
  kind: opt(str()),
  metadata: opt(objectMeta()),
  spec: RouteSpec,
  status: opt(obj({ ingress: opt(atomicList(RouteIngress)) })),
});
export type Route = Static<typeof Route>;
