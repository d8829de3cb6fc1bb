/**
 * kube-apiserver-facts.md, "Writes": each test states the real server's answer (kube-apiserver
 * v1.32, OpenShift's fork, the project's CRDs) — status, reason, causes, details with the keys
 * it leaves out, headers — and checks that the sandbox gives the same one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../http-client.js';
import {
  CMS,
  CONFIGS,
  CONFIG_REF,
  GROUP,
  MERGE,
  PRUNERS,
  ROUTES,
  configObject,
  failure,
  goJson,
  prunerObject,
  statusOf,
  useSandbox,
} from './support.js';

const sandbox = useSandbox();

beforeAll(async () => {
  const sb = sandbox();
  sb.api().create(CONFIG_REF, undefined, configObject());
  expect((await call(sb, 'POST', PRUNERS, { body: prunerObject() })).status).toBe(201);
});

describe('kube-apiserver facts: writes', () => {
  it('fact: a body kind that does not match the URL (ImagePruner POSTed to configs) is 422 Invalid with one `kind` cause', async () => {
    const r = await call(sandbox(), 'POST', CONFIGS, {
      body: { ...prunerObject('wrong-kind'), apiVersion: `${GROUP}/v1` },
    });
    expect(r.status).toBe(422);
    expect(statusOf(r)).toEqual(
      failure(
        422,
        'Invalid',
        `ImagePruner.${GROUP} "wrong-kind" is invalid: kind: Invalid value: "ImagePruner": must be Config`,
        {
          name: 'wrong-kind',
          group: GROUP,
          kind: 'ImagePruner',
          causes: [
            {
              reason: 'FieldValueInvalid',
              message: 'Invalid value: "ImagePruner": must be Config',
              field: 'kind',
            },
          ],
        },
      ),
    );
  });

  it('fact: dryRun=Bogus on create is 422 Invalid CreateOptions with a dryRun FieldValueNotSupported cause, no name key', async () => {
    const r = await call(sandbox(), 'POST', `${CMS}?dryRun=Bogus`, {
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dry' } },
    });
    expect(r.status).toBe(422);
    expect(statusOf(r)).toEqual(
      failure(
        422,
        'Invalid',
        'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Bogus"}: supported values: "All"',
        {
          group: 'meta.k8s.io',
          kind: 'CreateOptions',
          causes: [
            {
              reason: 'FieldValueNotSupported',
              message: 'Unsupported value: []string{"Bogus"}: supported values: "All"',
              field: 'dryRun',
            },
          ],
        },
      ),
    );
    expect((await call(sandbox(), 'GET', `${CMS}/dry`)).status).toBe(404);
  });

  it('fact: a PUT of a custom resource without metadata.resourceVersion is 422, details.kind the plural', async () => {
    const sb = sandbox();
    const live = (await call(sb, 'GET', `${CONFIGS}/cluster`)).json as { metadata: Record<string, unknown> };
    const { resourceVersion: _rv, ...metadata } = live.metadata;
    const r = await call(sb, 'PUT', `${CONFIGS}/cluster`, { body: { ...live, metadata } });
    expect(r.status).toBe(422);
    expect(statusOf(r)).toEqual(
      failure(
        422,
        'Invalid',
        `configs.${GROUP} "cluster" is invalid: metadata.resourceVersion: Invalid value: 0: must be specified for an update`,
        {
          name: 'cluster',
          group: GROUP,
          kind: 'configs',
          causes: [
            {
              reason: 'FieldValueInvalid',
              message: 'Invalid value: 0: must be specified for an update',
              field: 'metadata.resourceVersion',
            },
          ],
        },
      ),
    );
    // built-ins allow an unconditional update
    await call(sb, 'POST', CMS, {
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'uncond' } },
    });
    const put = await call(sb, 'PUT', `${CMS}/uncond`, {
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'uncond' }, data: { a: 'b' } },
    });
    expect(put.status).toBe(200);
  });

  it('fact: Strict merge patch with an unknown field on a CR is 422 with one `patch` cause quoting the whole patched object; details has no kind or name', async () => {
    const sb = sandbox();
    const live = (await call(sb, 'GET', `${CONFIGS}/cluster`)).json as Record<string, unknown> & {
      spec: Record<string, unknown>;
    };
    const patch = { spec: { bogusField: 'x' } };
    const r = await call(sb, 'PATCH', `${CONFIGS}/cluster?fieldValidation=Strict`, {
      body: patch,
      contentType: MERGE,
    });
    expect(r.status).toBe(422);
    const patched = { ...live, spec: { ...live.spec, bogusField: 'x' } };
    const shown = JSON.stringify(goJson(patched));
    const message = `Invalid value: ${shown}: strict decoding error: unknown field "spec.bogusField"`;
    expect(statusOf(r)).toEqual(
      failure(422, 'Invalid', ` "" is invalid: patch: ${message}`, {
        causes: [{ reason: 'FieldValueInvalid', message, field: 'patch' }],
      }),
    );
    // the stored object, secrets in the spec included, is in the message: a client must redact it
    expect(statusOf(r).message).toContain('a-registry-http-secret-never-shown');
  });

  it('fact: a JSON body that repeats a key is accepted, the last value wins, and a duplicate-field Warning is sent', async () => {
    const sb = sandbox();
    const r = await call(sb, 'PATCH', `${CONFIGS}/cluster`, {
      body: '{"spec":{"replicas":2,"replicas":3}}',
      contentType: MERGE,
    });
    expect(r.status).toBe(200);
    expect((r.json as { spec: { replicas: number } }).spec.replicas).toBe(3);
    expect(r.headers.warning).toBe('299 - "duplicate field \\"spec.replicas\\""');
    const created = await call(sb, 'POST', CMS, {
      body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dup"},"data":{"a":"1","a":"2"}}',
    });
    expect(created.status).toBe(201);
    expect((created.json as { data: Record<string, string> }).data).toEqual({ a: '2' });
    expect(created.headers.warning).toBe('299 - "duplicate field \\"data.a\\""');
    const strict = await call(sb, 'POST', `${CMS}?fieldValidation=Strict`, {
      body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dup2","name":"dup3"}}',
    });
    expect([strict.status, statusOf(strict).message]).toEqual([
      400,
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: duplicate field "metadata.name"',
    ]);
  });

  it('fact: a label value with spaces (merge patch) is 422 with three identical metadata.labels causes, the message saying it once', async () => {
    const r = await call(sandbox(), 'PATCH', `${CONFIGS}/cluster`, {
      body: { metadata: { labels: { a: 'has spaces' } } },
      contentType: MERGE,
    });
    expect(r.status).toBe(422);
    const detail =
      "Invalid value: \"has spaces\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
    const cause = { reason: 'FieldValueInvalid', message: detail, field: 'metadata.labels' };
    expect(statusOf(r)).toEqual(
      failure(422, 'Invalid', `Config.${GROUP} "cluster" is invalid: metadata.labels: ${detail}`, {
        name: 'cluster',
        group: GROUP,
        kind: 'Config',
        causes: [cause, cause, cause],
      }),
    );
  });

  describe('fact: Route CEL rules report only the rule’s cause', () => {
    const route = (name: string, spec: Record<string, unknown>) => ({
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: { name },
      spec: { to: { kind: 'Service', name: 'web' }, ...spec },
    });
    /** A CEL rule's cause: the object at `field` as the value "object", the rule's message. */
    const celCause = (field: string, message: string) => ({
      reason: 'FieldValueInvalid',
      message: `Invalid value: "object": ${message}`,
      field,
    });
    const causesOf = async (name: string, spec: Record<string, unknown>) => {
      const r = await call(sandbox(), 'POST', ROUTES, { body: route(name, spec) });
      expect(r.status).toBe(422);
      return statusOf(r);
    };

    it('passthrough + insecureEdgeTerminationPolicy Allow: one spec.tls cause', async () => {
      const s = await causesOf('pt-allow', {
        tls: { termination: 'passthrough', insecureEdgeTerminationPolicy: 'Allow' },
      });
      const message =
        'Invalid value: "object": cannot have both spec.tls.termination: passthrough and spec.tls.insecureEdgeTerminationPolicy: Allow';
      expect(s.details?.causes).toEqual([{ reason: 'FieldValueInvalid', message, field: 'spec.tls' }]);
      expect(s.message).toBe(`Route.route.openshift.io "pt-allow" is invalid: spec.tls: ${message}`);
    });

    it('passthrough + httpHeaders actions: one spec cause', async () => {
      const s = await causesOf('pt-headers', {
        tls: { termination: 'passthrough' },
        httpHeaders: {
          actions: { request: [{ name: 'X-A', action: { type: 'Set', set: { value: 'b' } } }] },
        },
      });
      expect(s.details?.causes).toEqual([
        celCause('spec', 'header actions are not permitted when tls termination is passthrough.'),
      ]);
    });

    it('certificate + externalCertificate: one spec.tls cause', async () => {
      const s = await causesOf('both-certs', {
        tls: {
          termination: 'edge',
          certificate: 'CERT',
          key: 'KEY',
          externalCertificate: { name: 'cert-secret' },
        },
      });
      expect(s.details?.causes).toEqual([
        celCause('spec.tls', 'cannot have both spec.tls.certificate and spec.tls.externalCertificate'),
      ]);
    });

    it('an unsupported tls.termination (the structural schema fails): the NotSupported cause and the <nil> "rules not checked" cause', async () => {
      const s = await causesOf('bad-term', { tls: { termination: 'bogus' } });
      expect(s.details?.causes).toEqual([
        {
          reason: 'FieldValueNotSupported',
          message: 'Unsupported value: "bogus": supported values: "edge", "reencrypt", "passthrough"',
          field: 'spec.tls.termination',
        },
        {
          reason: 'FieldValueInvalid',
          message:
            'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
          field: '<nil>',
        },
      ]);
    });
  });

  it('fact: list with resourceVersionMatch=Exact and no resourceVersion is 422 Invalid ListOptions', async () => {
    const r = await call(sandbox(), 'GET', `${CMS}?resourceVersionMatch=Exact`);
    expect(r.status).toBe(422);
    expect(statusOf(r)).toEqual(
      failure(
        422,
        'Invalid',
        'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
        {
          group: 'meta.k8s.io',
          kind: 'ListOptions',
          causes: [
            {
              reason: 'FieldValueForbidden',
              message: 'Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
              field: 'resourceVersionMatch',
            },
          ],
        },
      ),
    );
  });

  it('fact: GET consoleplugins/NAME/status (no status subresource) is 404 NotFound naming the plugin', async () => {
    const r = await call(sandbox(), 'GET', '/apis/console.openshift.io/v1/consoleplugins/irc/status');
    expect(r.status).toBe(404);
    expect(statusOf(r)).toEqual(
      failure(404, 'NotFound', 'consoleplugins.console.openshift.io "irc" not found', {
        name: 'irc',
        group: 'console.openshift.io',
        kind: 'consoleplugins',
      }),
    );
  });

  it('fact: a delete precondition failure is 409 Conflict whose details.kind is the Kind', async () => {
    const r = await call(sandbox(), 'DELETE', `${PRUNERS}/cluster`, {
      body: { apiVersion: 'v1', kind: 'DeleteOptions', preconditions: { uid: 'not-the-uid' } },
    });
    expect(r.status).toBe(409);
    const s = statusOf(r);
    expect(s.reason).toBe('Conflict');
    expect(s.details).toEqual({ name: 'cluster', group: GROUP, kind: 'ImagePruner' });
    expect(s.message).toMatch(
      new RegExp(
        `^Operation cannot be fulfilled on ImagePruner\\.${GROUP.replace(/\./g, '\\.')} "cluster": the UID in the precondition \\(not-the-uid\\) does not match the UID in record \\([0-9a-f-]{36}\\)\\. The object might have been deleted and then recreated$`,
      ),
    );
    expect((await call(sandbox(), 'GET', `${PRUNERS}/cluster`)).status).toBe(200);
  });
});
