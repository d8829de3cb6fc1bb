/**
 * Issue 13 item 5: no API message reaches the browser unredacted. The strict-patch 422 of a real
 * kube-apiserver (kube-apiserver-facts.md) quotes the whole stored object after `Invalid value:`.
 */
import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { KubeError, toKubeError } from '../../src/kube/errors.js';
import {
  LAST_APPLIED_ANNOTATION,
  REDACTED,
  knownSecrets,
  noteDockerAuth,
  omitQuotedObjects,
  redactUpstreamText,
} from '../../src/kube/redact.js';
import { forBrowser } from '../../src/kube/resources.js';

const HTTP_SECRET = 'f0e1d2c3b4a5968778695a4b3c2d1e0f'.repeat(4);
const stored = {
  apiVersion: 'imageregistry.operator.openshift.io/v1',
  kind: 'Config',
  metadata: { name: 'cluster', resourceVersion: '413', generation: 2 },
  spec: {
    managementState: 'Managed',
    httpSecret: HTTP_SECRET,
    storage: { s3: { bucket: 'b', region: 'us-east-1', notAField: true } },
  },
};
/** `Invalid value: %q` of the patched object, as kube-apiserver words the strict-decoding failure. */
const strictCause = `Invalid value: ${JSON.stringify(JSON.stringify(stored))}: strict decoding error: unknown field "spec.storage.s3.notAField"`;
const strictStatus = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: ` "" is invalid: patch: ${strictCause}`,
  reason: 'Invalid',
  details: { causes: [{ reason: 'FieldValueInvalid', message: strictCause, field: 'patch' }] },
  code: 422,
};

describe('API messages are redacted on their way out', () => {
  it('the strict-patch 422 keeps what went wrong and omits the quoted object (httpSecret and all)', () => {
    const e = toKubeError(new ApiException(422, 'x', JSON.stringify(strictStatus), {}));
    const shown = JSON.stringify({ message: e.message, fieldErrors: e.fieldErrors });
    expect(shown).not.toContain(HTTP_SECRET);
    expect(shown).not.toContain('apiVersion');
    expect(e.message).toBe(
      ' "" is invalid: patch: Invalid value: "<object omitted>": strict decoding error: unknown field "spec.storage.s3.notAField"',
    );
    expect(e.fieldErrors).toEqual([
      {
        path: 'patch',
        message:
          'Invalid value: "<object omitted>": strict decoding error: unknown field "spec.storage.s3.notAField"',
      },
    ]);
  });

  it('omits Go maps (strategic merge), lists, long and cut-off values; keeps short scalars', () => {
    expect(omitQuotedObjects(`patch: Invalid value: "map[spec:map[httpSecret:${HTTP_SECRET}]]": x`)).toBe(
      'patch: Invalid value: "<object omitted>": x',
    );
    expect(omitQuotedObjects('f: Invalid value: map[string]string{"k":"v"}: y')).toBe(
      'f: Invalid value: "<object omitted>": y',
    );
    expect(omitQuotedObjects('f: Invalid value: []string{"a"}: y')).toBe(
      'f: Invalid value: "<object omitted>": y',
    );
    expect(omitQuotedObjects('f: Unsupported value: ["a","b"]: y')).toBe(
      'f: Unsupported value: "<object omitted>": y',
    );
    expect(omitQuotedObjects(`data[k]: Invalid value: "${'x'.repeat(300)}": too long`)).toBe(
      'data[k]: Invalid value: "<300 characters omitted>": too long',
    );
    // a body cut at 64 KiB: the quote never closes
    expect(
      omitQuotedObjects(
        `patch: Invalid value: "{\\"spec\\":{\\"httpSecret\\":\\"${HTTP_SECRET.slice(0, 20)}`,
      ),
    ).toBe('patch: Invalid value: "<object omitted>"');
    expect(omitQuotedObjects('spec.replicas: Invalid value: "string": must be integer')).toBe(
      'spec.replicas: Invalid value: "string": must be integer',
    );
    expect(omitQuotedObjects('spec.replicas: Invalid value: -1: must be >= 0')).toBe(
      'spec.replicas: Invalid value: -1: must be >= 0',
    );
  });

  it('withholds a message quoting an object some other way', () => {
    expect(redactUpstreamText(`error: {"apiVersion":"v1","kind":"Secret","data":{"k":"dmFsdWU="}}`)).toMatch(
      /^\(message withheld/,
    );
    expect(redactUpstreamText('unknown field "spec.x"')).toBe('unknown field "spec.x"');
  });

  it('scrubs known secret values — raw, JSON-escaped, base64 — from any text, and from KubeErrors built by hand', () => {
    const value = 'irc/S3+"quoted"-secret-value';
    knownSecrets.note(value);
    noteDockerAuth({ auth: Buffer.from('robot:Pull-Pa55-word').toString('base64') });
    for (const text of [
      `x ${value} y`,
      `x ${JSON.stringify(value)} y`,
      `x ${Buffer.from(value).toString('base64')} y`,
      'password Pull-Pa55-word rejected',
    ]) {
      const out = redactUpstreamText(text);
      expect(out).toContain(REDACTED);
      expect(out).not.toContain('Pa55');
      expect(out).not.toContain('secret-value');
    }
    // a watch ERROR event becomes a KubeError directly (watch/watcher.ts): redacted all the same
    const e = new KubeError(500, 'InternalError', `failed: ${value}`, [{ message: `quoted ${value}` }]);
    expect(`${e.message} ${e.causes[0]?.message}`).not.toContain(value);
  });
});

describe('forBrowser: the one exit of cluster objects', () => {
  const applied = { ...stored, metadata: { name: 'cluster' } };

  it('withholds the last-applied-configuration copy whole, drops managedFields, scrubs a known value from other annotations', () => {
    forBrowser(stored); // seen: its httpSecret is now a known value
    const out = forBrowser({
      ...stored,
      metadata: {
        ...stored.metadata,
        managedFields: [{ manager: 'kubectl' }],
        annotations: {
          [LAST_APPLIED_ANNOTATION]: `${JSON.stringify(applied)}\n`,
          other: 'plain',
          copied: JSON.stringify({ note: `secret ${HTTP_SECRET}` }),
        },
      },
    });
    expect(JSON.stringify(out)).not.toContain(HTTP_SECRET);
    expect(out.metadata?.managedFields).toBeUndefined();
    expect(out.metadata?.annotations?.[LAST_APPLIED_ANNOTATION]).toBe(REDACTED);
    expect(out.metadata?.annotations?.other).toBe('plain');
    expect(out.metadata?.annotations?.copied).toBe(JSON.stringify({ note: `secret ${REDACTED}` }));
    expect((out.spec as { httpSecret: string }).httpSecret).toBe(REDACTED);
  });

  it('Secret values never go out; known values are scrubbed from messages', () => {
    const secret = forBrowser({
      kind: 'Secret',
      metadata: { name: 's' },
      data: { k: 'dmFsdWU=' },
      stringData: { j: 'v' },
    });
    expect(secret).toMatchObject({ data: { k: REDACTED }, stringData: { j: REDACTED } });
    forBrowser(stored); // seen: now known
    const event = forBrowser({
      kind: 'Event',
      metadata: { name: 'e' },
      message: `registry started with secret ${HTTP_SECRET}`,
    });
    expect(event.message).toBe(`registry started with secret ${REDACTED}`);
    expect(stored.spec.httpSecret).toBe(HTTP_SECRET);
  });
});
