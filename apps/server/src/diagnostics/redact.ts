/**
 * Evidence is quoted from the cluster (condition messages, events, log lines) and goes to the
 * browser: anything that may carry a secret value is masked first — URL user info (a proxy
 * password), AWS secret keys in an ini dump, REGISTRY_HTTP_SECRET / httpSecret values, bearer
 * tokens and pull-secret auths. Long lines are cut.
 */
import { REDACTED } from '../kube/resources.js';

const MAX_LINE = 600;

const RULES: [RegExp, string][] = [
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@"']+@/gi, `$1${REDACTED}@`],
  [/(aws_secret_access_key\s*=\s*)\S+/gi, `$1${REDACTED}`],
  [
    /((?:REGISTRY_HTTP_SECRET|httpSecret|REGISTRY_STORAGE_[A-Z_]*(?:SECRETKEY|ACCOUNTKEY|PASSWORD|KEYFILE|IAMAPIKEY))["']?\s*[=:]\s*["']?)[^\s"',}]+/g,
    `$1${REDACTED}`,
  ],
  [/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, `$1${REDACTED}`],
  [/("auth"\s*:\s*")[^"]*"/g, `$1${REDACTED}"`],
];

export function redact(text: string): string {
  let out = text;
  for (const [re, to] of RULES) out = out.replace(re, to);
  out = out.split('\n').join(' | ').replace(/\t/g, ' ');
  return out.length > MAX_LINE ? `${out.slice(0, MAX_LINE)}…` : out;
}
