/**
 * apiservers.config.openshift.io as the Default feature set's CRD serves it (openshift/api
 * config/v1 types_apiserver.go): every spec field an admin sets is kept — servingCerts, clientCA,
 * additionalCORSAllowedOrigins, encryption, tlsSecurityProfile, audit with customRules — and the
 * schema's enums, lengths and required names answer 422 as kube-apiserver does for a CRD.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../apiserver/http-client.js';
import { MERGE, statusOf, useSandbox } from '../apiserver/real-server-facts/support.js';

const sandbox = useSandbox();
const PATH = '/apis/config.openshift.io/v1/apiservers';

const spec = {
  servingCerts: {
    namedCertificates: [
      { names: ['api.example.com', '*.api.example.com'], servingCertificate: { name: 'api-cert' } },
    ],
  },
  clientCA: { name: 'client-ca' },
  additionalCORSAllowedOrigins: ['(?i)//my\\.example\\.com(:|\\z)'],
  encryption: { type: 'aescbc' },
  tlsSecurityProfile: { type: 'Old', old: {} },
  audit: {
    profile: 'WriteRequestBodies',
    customRules: [{ group: 'system:authenticated:oauth', profile: 'None' }],
  },
};

async function ensureCluster(): Promise<void> {
  const r = await call(sandbox(), 'GET', `${PATH}/cluster`);
  if (r.status === 404)
    expect(
      (
        await call(sandbox(), 'POST', PATH, {
          body: {
            apiVersion: 'config.openshift.io/v1',
            kind: 'APIServer',
            metadata: { name: 'cluster' },
            spec: {},
          },
        })
      ).status,
    ).toBe(201);
}

describe('apiservers.config.openshift.io/cluster', () => {
  it('keeps every spec field of the Default feature set (none pruned); unknown ones are still dropped', async () => {
    await ensureCluster();
    const r = await call(sandbox(), 'PATCH', `${PATH}/cluster`, {
      body: { spec: { ...spec, notAField: true } },
      contentType: MERGE,
    });
    expect(r.status).toBe(200);
    expect(r.headers.warning).toBe('299 - "unknown field \\"spec.notAField\\""');
    const stored = (await call(sandbox(), 'GET', `${PATH}/cluster`)).json as { spec: unknown };
    expect(stored.spec).toEqual(spec);
  });

  it('answers the CRD schema’s 422s: encryption type, audit profile, an empty custom rule group, a missing secret name', async () => {
    await ensureCluster();
    const r = await call(sandbox(), 'PATCH', `${PATH}/cluster`, {
      body: {
        spec: {
          encryption: { type: 'KMS' },
          audit: { profile: 'Default', customRules: [{ group: '', profile: 'Verbose' }] },
          servingCerts: { namedCertificates: [{ names: ['a.example.com'], servingCertificate: {} }] },
        },
      },
      contentType: MERGE,
    });
    expect(r.status).toBe(422);
    const causes = statusOf(r).details?.causes ?? [];
    expect(causes).toEqual(
      expect.arrayContaining([
        {
          reason: 'FieldValueNotSupported',
          message: 'Unsupported value: "KMS": supported values: "", "identity", "aescbc", "aesgcm"',
          field: 'spec.encryption.type',
        },
        {
          reason: 'FieldValueNotSupported',
          message:
            'Unsupported value: "Verbose": supported values: "Default", "WriteRequestBodies", "AllRequestBodies", "None"',
          field: 'spec.audit.customRules[0].profile',
        },
        {
          reason: 'FieldValueInvalid',
          message:
            'Invalid value: "": spec.audit.customRules[0].group in body should be at least 1 chars long',
          field: 'spec.audit.customRules[0].group',
        },
        {
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'spec.servingCerts.namedCertificates[0].servingCertificate.name',
        },
      ]),
    );
    expect(causes).toHaveLength(4);
  });
});
