/** `consoleplugins.console.openshift.io` v1 ConsolePlugin: registers a dynamic console plugin. */
import type { Static } from 'typebox';
import { objectMeta } from './core.js';
import { atomicList, int32, mapList, obj, opt, str, stringEnum } from './keywords.js';

const NAME = { maxLength: 128, minLength: 1 } as const;

export const ConsolePluginService = obj({
  basePath: opt(
    str({ default: '/', maxLength: 256, minLength: 1, pattern: "^[a-zA-Z0-9.\\-_~!$&'()*+,;=:@\\/]*$" }),
  ),
  name: str(NAME),
  namespace: str(NAME),
  port: int32({ minimum: 1, maximum: 65535 }),
});

const ProxyService = obj({
  name: str(NAME),
  namespace: str(NAME),
  port: int32({ minimum: 1, maximum: 65535 }),
});

const CSP_VALUE_RULES = [
  { message: 'CSP directive value cannot contain a quote', rule: `!self.contains("'")` },
  { message: 'CSP directive value cannot contain a whitespace', rule: String.raw`!self.matches('\\s')` },
  { message: 'CSP directive value cannot contain a comma', rule: "!self.contains(',')" },
  { message: 'CSP directive value cannot contain a semi-colon', rule: "!self.contains(';')" },
  { message: 'CSP directive value cannot be a wildcard', rule: "self != '*'" },
];

export const ConsolePluginCSP = obj({
  directive: stringEnum(['DefaultSrc', 'ScriptSrc', 'StyleSrc', 'ImgSrc', 'FontSrc', 'ConnectSrc']),
  values: atomicList(str({ maxLength: 1024, minLength: 1, 'x-kubernetes-validations': CSP_VALUE_RULES }), {
    maxItems: 16,
    minItems: 1,
    'x-kubernetes-validations': [
      { message: 'each CSP directive value must be unique', rule: 'self.all(x, self.exists_one(y, x == y))' },
    ],
  }),
});

export type ConsolePluginCSP = Static<typeof ConsolePluginCSP>;

export const ConsolePluginSpec = obj({
  backend: obj({ service: opt(ConsolePluginService), type: stringEnum(['Service']) }),
  contentSecurityPolicy: opt(
    mapList(ConsolePluginCSP, ['directive'], {
      maxItems: 5,
      'x-kubernetes-validations': [
        {
          message: 'the total combined size of values of all directives must not exceed 8192 (8kb)',
          rule: 'self.map(x, x.values.map(y, y.size()).sum()).sum() < 8192',
        },
      ],
    }),
  ),
  displayName: str({ ...NAME, description: 'The plugin name shown in the console.' }),
  i18n: opt(obj({ loadType: stringEnum(['Preload', 'Lazy', '']) })),
  proxy: opt(
    atomicList(
      obj({
        alias: str({ ...NAME, pattern: '^[A-Za-z0-9-_]+$' }),
        authorization: opt(stringEnum(['UserToken', 'None'], { default: 'None' })),
        caCertificate: opt(
          str({ pattern: '^-----BEGIN CERTIFICATE-----([\\s\\S]*)-----END CERTIFICATE-----\\s?$' }),
        ),
        endpoint: obj({ service: opt(ProxyService), type: stringEnum(['Service']) }),
      }),
    ),
  ),
});
export type ConsolePluginSpec = Static<typeof ConsolePluginSpec>;

export const ConsolePlugin = obj({
  apiVersion: opt(str()),
  kind: opt(str()),
  metadata: objectMeta(),
  spec: ConsolePluginSpec,
});
export type ConsolePlugin = Static<typeof ConsolePlugin>;
