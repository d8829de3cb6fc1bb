import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import { toV2Schema } from '../../src/apiserver/openapi/v2-schema.js';
import { useTestSandbox } from '../cluster/harness.js';
import type { CustomResourceDefinition } from '../../src/validation/index.js';
import { decodeDocument } from './openapi-v2-decode.js';

/** `/openapi/v2` as kube-apiserver serves it: JSON or gnostic protobuf, one definition per kind. */
const PB = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
type Json = Record<string, unknown>;

const sb = useTestSandbox({ controllers: false });

function get(
  path: string,
  headers: Record<string, string>,
  token: string | null = sb.tokens.admin,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const all = token ? { ...headers, Authorization: `Bearer ${token}` } : headers;
  return new Promise((resolve, reject) => {
    const req = request(`${sb.url}${path}`, { headers: all, ca: sb.caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const jsonDoc = async (): Promise<{
  definitions: Record<string, Json>;
  paths: Record<string, Json>;
  swagger: string;
}> =>
  JSON.parse((await get('/openapi/v2', { Accept: 'application/json' })).body.toString('utf8')) as {
    definitions: Record<string, Json>;
    paths: Record<string, Json>;
    swagger: string;
  };

/** Every schema node of a document, with where it is. */
function* nodes(v: unknown, at = ''): Generator<[string, Json]> {
  if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* nodes(x, `${at}[${i}]`);
  else if (typeof v === 'object' && v !== null) {
    yield [at, v as Json];
    for (const [k, x] of Object.entries(v))
      if (!k.startsWith('x-') && k !== 'default' && k !== 'enum' && k !== 'example')
        yield* nodes(x, `${at}.${k}`);
  }
}

/** Protobuf (proto3) cannot tell a zero, false or empty string from an absent field: compare without them. */
function withoutZeros(v: unknown, key = ''): unknown {
  if (key.startsWith('x-') || key === 'default' || key === 'enum' || key === 'example') return v; // Any: carried as YAML, zeros included
  if (Array.isArray(v)) return v.map((x) => withoutZeros(x));
  if (typeof v !== 'object' || v === null) return v;
  const out: Json = {};
  for (const [k, x] of Object.entries(v))
    if ((x !== 0 && x !== false && x !== '') || k === 'default' || k === 'example')
      out[k] = withoutZeros(x, k);
  return out;
}

describe('/openapi/v2', () => {
  it('defines every served kind under its kube name, tagged with its group/version/kind', async () => {
    const doc = await jsonDoc();
    expect(doc.swagger).toBe('2.0');
    const gvkOf = (name: string): unknown => doc.definitions[name]?.['x-kubernetes-group-version-kind'];
    expect(gvkOf('io.k8s.api.apps.v1.Deployment')).toEqual([
      { group: 'apps', kind: 'Deployment', version: 'v1' },
    ]);
    expect(gvkOf('io.k8s.api.apps.v1.DeploymentList')).toEqual([
      { group: 'apps', kind: 'DeploymentList', version: 'v1' },
    ]);
    expect(gvkOf('io.k8s.api.core.v1.Secret')).toEqual([{ group: '', kind: 'Secret', version: 'v1' }]);
    expect(gvkOf('com.github.openshift.api.image.v1.ImageStream')).toEqual([
      { group: 'image.openshift.io', kind: 'ImageStream', version: 'v1' },
    ]);
    expect(gvkOf('io.openshift.operator.imageregistry.v1.Config')).toEqual([
      { group: 'imageregistry.operator.openshift.io', kind: 'Config', version: 'v1' },
    ]);
    // each GVK maps to exactly one definition, or kubectl would pick either
    const tagged = Object.values(doc.definitions)
      .flatMap((d) => (d['x-kubernetes-group-version-kind'] as Json[] | undefined) ?? [])
      .map((g) => JSON.stringify(g));
    expect(new Set(tagged).size).toBe(tagged.length);
    const deployment = doc.definitions['io.k8s.api.apps.v1.Deployment'] as {
      properties: Record<string, Json>;
    };
    // built-in structs are named definitions as kube publishes them; a CRD's stay inline
    expect(deployment.properties.spec?.$ref).toBe('#/definitions/io.k8s.api.apps.v1.DeploymentSpec');
    expect(doc.definitions['io.k8s.api.apps.v1.DeploymentSpec']?.required).toEqual(['selector', 'template']);
    expect(
      (
        doc.definitions['io.openshift.operator.imageregistry.v1.Config'] as {
          properties: Record<string, Json>;
        }
      ).properties.spec?.$ref,
    ).toBeUndefined();
    expect(deployment.properties.metadata).toEqual({
      $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
      description: "Standard object's metadata.",
      default: {},
    });
    const paths = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'] as Record<
      string,
      Json
    >;
    expect(paths.patch?.['x-kubernetes-group-version-kind']).toEqual({
      group: 'apps',
      kind: 'Deployment',
      version: 'v1',
    });
    expect(paths.patch?.operationId).toBe('patchAppsV1NamespacedDeployment');
  });

  it('is readable by kubectl: every $ref resolves, references carry no type, arrays have one item schema, no v3-only keyword is left', async () => {
    const doc = await jsonDoc();
    const problems: string[] = [];
    for (const [at, n] of nodes(doc)) {
      if (typeof n.$ref === 'string') {
        const name = n.$ref.replace('#/definitions/', '');
        if (!n.$ref.startsWith('#/definitions/') || !doc.definitions[name])
          problems.push(`${at}: dangling ${n.$ref}`);
        if (n.type !== undefined || n.properties !== undefined)
          problems.push(`${at}: reference with a type or properties`);
      }
      if (
        at.includes('.definitions.') &&
        n.type === 'array' &&
        (typeof n.items !== 'object' || Array.isArray(n.items))
      )
        problems.push(`${at}: array without one item schema`);
      for (const k of ['allOf', 'anyOf', 'oneOf', 'not', 'nullable'])
        if (k in n && at.includes('.definitions.')) problems.push(`${at}: ${k}`);
    }
    expect(problems).toEqual([]);
  });

  it('drops what v2 cannot express from CRD schemas as kube-apiserver does (nullable, preserved unknown fields)', async () => {
    const doc = await jsonDoc();
    const config = doc.definitions['io.openshift.operator.imageregistry.v1.Config'] as {
      properties: { spec: { properties: Record<string, Json> } };
    };
    // unsupportedConfigOverrides keeps unknown fields: kubectl must not check inside it
    const overrides = config.properties.spec.properties.unsupportedConfigOverrides;
    expect(overrides).toBeDefined();
    expect(overrides?.properties).toBeUndefined();
    const v2 = toV2Schema({
      type: 'object',
      required: ['a', 'b'],
      properties: {
        a: { type: 'string', nullable: true },
        b: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          properties: { c: { type: 'string' } },
        },
        d: { type: 'array', 'x-kubernetes-preserve-unknown-fields': true, items: { type: 'string' } },
        e: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
        f: {
          allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.PodSpec' }],
          description: 'spec',
          default: {},
        },
      },
    });
    expect(v2).toEqual({
      type: 'object',
      required: ['b'],
      properties: {
        a: {},
        b: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        d: { 'x-kubernetes-preserve-unknown-fields': true },
        e: { 'x-kubernetes-int-or-string': true },
        f: { $ref: '#/definitions/io.k8s.api.core.v1.PodSpec', description: 'spec', default: {} },
      },
    });
  });

  it('serves the same document as gnostic protobuf when asked, as client-go does', async () => {
    const json = await jsonDoc();
    const r = await get('/openapi/v2', { Accept: PB });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    const doc = decodeDocument(r.body);
    expect(doc.swagger).toBe('2.0');
    expect(doc.info).toEqual({ title: 'Kubernetes', version: 'v1.32.4' });
    expect(Object.keys(doc.definitions)).toEqual(Object.keys(json.definitions));
    for (const name of Object.keys(json.definitions))
      expect(doc.definitions[name], name).toEqual(withoutZeros(json.definitions[name]));
    const op = (d: { paths: Record<string, Json> }): unknown =>
      (d.paths['/api/v1/namespaces/{namespace}/secrets'] as Record<string, Json>).post;
    expect(op(doc)).toEqual({
      operationId: 'createCoreV1NamespacedSecret',
      'x-kubernetes-action': 'post',
      'x-kubernetes-group-version-kind': { group: '', kind: 'Secret', version: 'v1' },
    });
    expect(Object.keys(doc.paths)).toEqual(Object.keys(json.paths));
  });

  it('answers If-None-Match with 304 per representation and refuses media types it cannot produce', async () => {
    const j = await get('/openapi/v2', { Accept: 'application/json' });
    const p = await get('/openapi/v2', { Accept: PB });
    expect(j.headers.etag).toMatch(/^"[0-9A-F]{128}"$/);
    expect(p.headers.etag).not.toBe(j.headers.etag);
    expect(j.headers.vary).toBe('Accept');
    const again = await get('/openapi/v2', {
      Accept: 'application/json',
      'If-None-Match': j.headers.etag as string,
    });
    expect({ status: again.status, length: again.body.length }).toEqual({ status: 304, length: 0 });
    const stale = await get('/openapi/v2', { Accept: PB, 'If-None-Match': j.headers.etag as string });
    expect(stale.status).toBe(200);
    expect((await get('/openapi/v2', {})).headers['content-type']).toBe('application/json');
    expect((await get('/openapi/v2', { Accept: 'text/html' })).status).toBe(406);
  });

  it('follows the served kinds: a CRD installed later shows up with its schema converted', async () => {
    const before = (await get('/openapi/v2', { Accept: 'application/json' })).headers.etag;
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  spec: {
                    type: 'object',
                    required: ['size'],
                    properties: { size: { type: 'integer' }, note: { type: 'string', nullable: true } },
                  },
                },
              },
            },
          },
        ],
      },
    };
    // CRDs are installed in-process (the sandbox serves customresourcedefinitions read-only)
    sb.apiServer.installCrd(crd as unknown as CustomResourceDefinition);
    let widget: Json | undefined;
    for (let i = 0; i < 100 && !widget; i++) {
      widget = (await jsonDoc()).definitions['com.example.v1.Widget'];
      if (!widget) await new Promise((r) => setTimeout(r, 50));
    }
    expect(widget?.['x-kubernetes-group-version-kind']).toEqual([
      { group: 'example.com', kind: 'Widget', version: 'v1' },
    ]);
    expect((widget?.properties as Record<string, Json>).spec).toEqual({
      type: 'object',
      required: ['size'],
      properties: { size: { type: 'integer' }, note: {} },
    });
    expect((await get('/openapi/v2', { Accept: 'application/json' })).headers.etag).not.toBe(before);
  });

  it('is readable by every authenticated user and by nobody else', async () => {
    for (const token of [sb.tokens.viewer, sb.tokens.developer])
      expect((await get('/openapi/v2', { Accept: PB }, token)).status).toBe(200);
    expect((await get('/openapi/v2', { Accept: PB }, null)).status).toBe(401);
  });
});
