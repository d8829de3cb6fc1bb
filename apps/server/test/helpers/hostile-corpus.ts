/**
 * A generated corpus of malformed and hostile requests, derived from the server's OpenAPI
 * document so a new route is covered without touching the test. Every case says which
 * statuses are right for it and, where one applies, the field path its error must name.
 */

interface Schema {
  type?: string | string[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Partial<Record<string, Operation>>>;
}

export interface Route {
  method: string;
  /** OpenAPI form: `/api/v1/trust/{registry}`. */
  template: string;
  op: Operation;
}

export interface HostileCase {
  route: string;
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  expect: number[];
  /** A fieldErrors[].path (or the message) must mention this. */
  field?: string;
}

const METHODS = ['get', 'put', 'patch', 'post', 'delete'];
const MUTATING = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);
const POLLUTED = 'polluted';

export function routesOf(doc: OpenApiDoc): Route[] {
  const routes: Route[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const m of METHODS) {
      const op = ops[m];
      if (op) routes.push({ method: m.toUpperCase(), template, op });
    }
  }
  return routes;
}

/** Harmless values for path params (a name that cannot exist, in the namespace logs allow). */
function samplePath(template: string): string {
  return template
    .replace(/\{namespace\}/g, 'openshift-image-registry')
    .replace(/\{[^}]+\}/g, 'no-such-name.example.com');
}

const HOSTILE_SEGMENTS = [
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '%2e%2e',
  '..',
  '%00',
  'a%00b',
  '%0d%0aSet-Cookie:%20x=1',
  'x'.repeat(4000),
  encodeURIComponent('ünïcødé-😀'),
  encodeURIComponent('‮evil'),
  '%ff%fe',
  '%',
  encodeURIComponent('<script>alert(1)</script>'),
  encodeURIComponent("'; DROP TABLE x; --"),
  '__proto__',
  'constructor',
  encodeURIComponent('*.example.com'),
  encodeURIComponent('https://evil.example.com/'),
  encodeURIComponent('host:99999'),
];

const HOSTILE_HEADERS: Record<string, string>[] = [
  { authorization: 'Bearer not-a-token' },
  { authorization: `Bearer ${'x'.repeat(8000)}` },
  { authorization: 'Basic YWRtaW46YWRtaW4=' },
  { authorization: 'Bearer ' },
  { authorization: 'Bearer \u00e9\u00e9' },
  { 'last-event-id': 'x'.repeat(5000) },
  { 'last-event-id': '__proto__' },
  { accept: 'application/xml' },
  { 'x-forwarded-host': 'evil.example.com', 'x-forwarded-for': '1.2.3.4, ::1' },
  { cookie: '__proto__=1; constructor=2; csrf-token=' },
  { 'accept-encoding': 'gzip;q=abc, *;q=-1' },
];

/**
 * Odd values a parameter may legitimately take or refuse (any string for a string param; '-0'
 * is a decimal integer): asserted only not to fail the server.
 */
const LENIENT_QUERY_VALUES = ['', ' 1 ', 'x'.repeat(5000), '-0', '1e2'];

/**
 * Values the validator's conversion would read as another number ('0x10' → 16, '1.5' → 1,
 * '' → 0, '1e2' → 100, 'true' → 1): an integer parameter takes decimal digits only.
 */
const NOT_DECIMAL = ['0x10', '1.5', '', ' 1 ', '1e2', 'true', '0b11', '+5', '1 ', '٣', '9007199254740993'];

/** Bad values for a query parameter of the given schema (each must be refused with 400). */
function badQueryValues(schema: Schema): string[] {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer' || type === 'number') {
    const out = [
      'abc',
      '1.5e',
      'NaN',
      '1;2',
      '%00',
      '1,2',
      'Infinity',
      ...(type === 'integer' ? NOT_DECIMAL : []),
    ];
    if (schema.minimum !== undefined) out.push(String(schema.minimum - 1), '-1e9');
    if (schema.maximum !== undefined) out.push(String(schema.maximum + 1));
    out.push('1e400');
    return out;
  }
  if (type === 'boolean') return ['yes', '2', 'truee', '%00', '[]'];
  return [];
}

/** A value of every JSON type the schema does NOT accept. */
function wrongTypes(schema: Schema): unknown[] {
  const allowed = new Set<string>();
  const collect = (s: Schema) => {
    if (s.anyOf) s.anyOf.forEach(collect);
    if (s.oneOf) s.oneOf.forEach(collect);
    for (const t of [s.type ?? []].flat()) allowed.add(t);
    if (s.nullable) allowed.add('null');
  };
  collect(schema);
  if (allowed.size === 0) return []; // unconstrained
  const candidates: [string, unknown][] = [
    ['string', 'a string'],
    ['number', 12.5],
    ['integer', 7],
    ['boolean', true],
    ['array', [1, 'two', null]],
    ['object', { nested: { deeper: 1 } }],
    ['null', null],
  ];
  return candidates
    .filter(([t]) => !allowed.has(t) && !(t === 'integer' && allowed.has('number')))
    .map(([, v]) => v);
}

function deepArray(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

function deepObject(levels: number): string {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

/** Bodies that are not JSON at all, or JSON the parser must refuse. */
const INVALID_JSON = [
  '{',
  '{"a":}',
  "{'a':1}",
  '{"a":1,}',
  '{"a":1}garbage',
  'undefined',
  '\u0000',
  '{"a":"\ud800"',
  'NaN',
  '{"a":1}{"b":2}',
  '[1,2',
  '"unterminated',
];

/** Bodies that are JSON but the wrong shape, whatever the route's schema. */
const WRONG_SHAPE = ['null', '[]', '"a string"', '42', 'true', '[{}]'];

export interface CorpusOptions {
  csrf: string;
  bodyLimitBytes: number;
}

export function buildCorpus(doc: OpenApiDoc, opts: CorpusOptions): HostileCase[] {
  const withCsrf = { cookie: `csrf-token=${opts.csrf}`, 'x-csrftoken': opts.csrf };
  const json = { ...withCsrf, 'content-type': 'application/json' };
  const cases: HostileCase[] = [];
  const routes = routesOf(doc);
  const known = new Set(routes.map((r) => `${r.method} ${r.template}`));

  for (const r of routes) {
    const route = `${r.method} ${r.template}`;
    const path = samplePath(r.template);
    const mutating = MUTATING.has(r.method);
    const add = (
      c: Omit<HostileCase, 'route' | 'method' | 'headers'> & {
        method?: string;
        headers?: Record<string, string>;
      },
    ) => cases.push({ route, method: r.method, headers: mutating ? { ...withCsrf } : {}, ...c });
    const bodySchema = r.op.requestBody?.content?.['application/json']?.schema;
    // a JSON content type without a body is its own 400: only routes that take a body get one
    const sendHeaders = !mutating ? {} : bodySchema ? json : withCsrf;

    // Path parameters: traversal, encodings, NUL, very long, unicode — refused, never 5xx.
    const pathParams = (r.op.parameters ?? []).filter((p) => p.in === 'path');
    for (const p of pathParams) {
      for (const seg of HOSTILE_SEGMENTS) {
        const hostile = r.template.replace(`{${p.name}}`, seg);
        add({
          kind: 'path-param',
          path: samplePath(hostile),
          headers: sendHeaders,
          body: bodySchema ? JSON.stringify(harmlessBody(bodySchema)) : undefined,
          expect: [400, 403, 404, 414, 422],
        });
      }
    }

    // Query parameters: wrong types and out-of-range numbers → 400 naming the parameter.
    for (const p of (r.op.parameters ?? []).filter((q) => q.in === 'query')) {
      for (const v of badQueryValues(p.schema ?? {})) {
        const statuses = p.schema?.type === 'string' ? [400, 403, 404] : [400];
        add({
          kind: 'query-value',
          path: `${path}?${p.name}=${encodeURIComponent(v)}`,
          expect: statuses,
          field: p.schema?.type === 'string' ? undefined : p.name,
        });
      }
      const strict = new Set(badQueryValues(p.schema ?? {}));
      for (const v of LENIENT_QUERY_VALUES.filter((x) => !strict.has(x)))
        add({
          kind: 'query-lenient',
          path: `${path}?${p.name}=${encodeURIComponent(v)}`,
          expect: [200, 400, 403, 404, 409, 422],
        });
      add({
        kind: 'query-repeated',
        path: `${path}?${p.name}=1&${p.name}=2`,
        expect: [200, 400, 403, 404, 409, 422],
      });
    }
    // Prototype-pollution keys in the query string: never 5xx, never polluting.
    for (const q of [
      `__proto__[${POLLUTED}]=1`,
      `__proto__.${POLLUTED}=1`,
      `constructor[prototype][${POLLUTED}]=1`,
      `__proto__=1`,
      `constructor=1`,
      `${'k'.repeat(3000)}=1`,
      '%00=%00',
      'a=%zz',
    ]) {
      add({
        kind: 'query-pollution',
        path: `${path}?${q}`,
        headers: sendHeaders,
        body: bodySchema ? '{}' : undefined,
        expect: [200, 400, 403, 404, 422, 409],
      });
    }

    // Odd headers: forged or garbage credentials, huge ids, wrong Accept — refused or ignored, never 5xx.
    for (const headers of HOSTILE_HEADERS) {
      add({
        kind: 'header',
        path,
        headers: { ...sendHeaders, ...headers },
        body: bodySchema ? '{}' : undefined,
        expect: [200, 400, 401, 403, 404, 406, 409, 422],
      });
    }

    if (!mutating) continue;

    // The same mutation without the CSRF pair: refused before anything is parsed.
    const csrfless: Record<string, string>[] = [
      { 'content-type': 'application/json' },
      { 'content-type': 'application/json', 'x-csrftoken': opts.csrf },
      { 'content-type': 'application/json', cookie: `csrf-token=${opts.csrf}`, 'x-csrftoken': 'other' },
      { 'content-type': 'application/json', ...withCsrf, origin: 'https://evil.example.com' },
    ];
    for (const headers of csrfless) {
      add({ kind: 'csrf', path, headers, body: '{}', expect: [403] });
    }

    if (!bodySchema) continue;
    const props = bodySchema.properties ?? {};

    // Body-level problems, each sent twice: with the CSRF pair (validation answers) and without (403).
    const bodyCases: {
      kind: string;
      body: string | Buffer;
      headers: Record<string, string>;
      expect: number[];
      field?: string;
    }[] = [];
    for (const b of INVALID_JSON)
      bodyCases.push({ kind: 'invalid-json', body: b, headers: json, expect: [400] });
    bodyCases.push({ kind: 'empty-json', body: '', headers: json, expect: [400] });
    for (const b of WRONG_SHAPE)
      bodyCases.push({ kind: 'wrong-shape', body: b, headers: json, expect: [400, 422] });
    bodyCases.push({
      kind: 'unknown-field',
      body: JSON.stringify({ ...harmlessBody(bodySchema), unexpectedField: 1 }),
      headers: json,
      expect: [400, 422],
      field: 'unexpectedField',
    });
    for (const [name, schema] of Object.entries(props)) {
      for (const v of wrongTypes(schema)) {
        bodyCases.push({
          kind: 'wrong-type',
          body: JSON.stringify({ ...harmlessBody(bodySchema), [name]: v }),
          headers: json,
          expect: [400, 422],
          field: name === 'patch' ? 'spec' : name,
        });
      }
      bodyCases.push({
        kind: 'deep-nesting',
        body: `{"${name}":${deepArray(10_000)}}`,
        headers: json,
        expect: [400, 413, 422],
      });
      bodyCases.push({
        kind: 'deep-nesting',
        body: `{"${name}":${deepObject(10_000)}}`,
        headers: json,
        expect: [400, 413, 422],
      });
      bodyCases.push({
        kind: 'proto-pollution',
        body: `{"${name}":{"__proto__":{"${POLLUTED}":1}}}`,
        headers: json,
        expect: [400, 422],
      });
    }
    bodyCases.push({ kind: 'deep-nesting', body: deepArray(10_000), headers: json, expect: [400, 413, 422] });
    bodyCases.push({
      kind: 'deep-nesting',
      body: deepObject(10_000),
      headers: json,
      expect: [400, 413, 422],
    });
    bodyCases.push({
      kind: 'proto-pollution',
      body: `{"__proto__":{"${POLLUTED}":1}}`,
      headers: json,
      expect: [400, 422],
    });
    bodyCases.push({
      kind: 'proto-pollution',
      body: `{"constructor":{"prototype":{"${POLLUTED}":1}}}`,
      headers: json,
      expect: [400, 422],
    });
    bodyCases.push({
      kind: 'proto-pollution',
      body: `{"a":[{"__proto__":{"${POLLUTED}":1}}]}`,
      headers: json,
      expect: [400, 422],
    });
    bodyCases.push({
      kind: 'oversize',
      body: Buffer.alloc(opts.bodyLimitBytes * 2, 'a'),
      headers: json,
      expect: [413],
    });
    bodyCases.push({
      kind: 'oversize',
      body: JSON.stringify({ pad: 'x'.repeat(opts.bodyLimitBytes + 10) }),
      headers: json,
      expect: [413],
    });
    const valid = JSON.stringify(harmlessBody(bodySchema));
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/json-patch+json',
      'text/json',
      'application/jsonx',
    ]) {
      bodyCases.push({
        kind: 'content-type',
        body: valid,
        headers: { ...withCsrf, 'content-type': type },
        expect: [415],
      });
    }
    bodyCases.push({ kind: 'content-type', body: valid, headers: { ...withCsrf }, expect: [415] });
    bodyCases.push({
      kind: 'content-type',
      body: 'a=1&__proto__[polluted]=1',
      headers: { ...withCsrf, 'content-type': 'application/x-www-form-urlencoded' },
      expect: [415],
    });
    bodyCases.push({
      kind: 'content-type',
      body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
      headers: { ...withCsrf, 'content-type': 'multipart/form-data; boundary=x' },
      expect: [415],
    });
    for (const c of bodyCases) {
      add({ ...c, path });
      const { cookie: _c, 'x-csrftoken': _x, ...noCsrf } = c.headers;
      add({ kind: `${c.kind} (no csrf)`, path, body: c.body, headers: noCsrf, expect: [403] });
    }
  }

  // Wrong methods on known paths: Fastify answers 404 (or 405).
  for (const template of new Set(routes.map((r) => r.template))) {
    for (const m of ['GET', 'PUT', 'PATCH', 'POST', 'DELETE']) {
      if (known.has(`${m} ${template}`)) continue;
      cases.push({
        route: '(wrong method)',
        kind: 'wrong-method',
        method: m,
        path: samplePath(template),
        headers: m === 'GET' ? {} : json,
        body: m === 'GET' ? undefined : '{}',
        expect: [404, 405],
      });
    }
  }

  // Unknown paths, sent as written (no client normalisation).
  const unknown = [
    '/api/v1/nope',
    '/api/v2/config',
    '/api/v1/config/extra',
    '/api/v1/../../etc/passwd',
    '/api/v1/%2e%2e/%2e%2e/etc/passwd',
    '/api/v1/..%2f..%2fetc%2fpasswd',
    '/../../../../etc/passwd',
    '/api/v1/config%00',
    '/api/v1/%00',
    `/api/v1/${'x'.repeat(6000)}`,
    `/api/v1/${encodeURIComponent('ünï😀')}`,
    '/api/v1/__proto__',
    '/api/v1/constructor/prototype',
    '/api/%ff',
    '/plugin/../../../../etc/passwd',
    '/plugin/%2e%2e/%2e%2e/etc/passwd',
    '//etc/passwd',
    '/api/v1/config/..%5c..%5cwindows',
  ];
  for (const p of unknown) {
    for (const m of ['GET', 'POST']) {
      cases.push({
        route: '(unknown path)',
        kind: 'unknown-path',
        method: m,
        path: p,
        headers: m === 'GET' ? {} : json,
        body: m === 'GET' ? undefined : '{}',
        expect: [400, 404],
      });
    }
  }
  return cases;
}

/**
 * A body that passes nothing but the schema's shape (every field a type-correct placeholder
 * that no route would accept as a real change: the validation layer is what answers).
 */
function harmlessBody(schema: Schema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(schema.properties ?? {})) {
    const t = [s.type ?? []].flat()[0];
    if (t === 'string') out[name] = 'not-a-valid-value';
  }
  return out;
}

export { MUTATING, POLLUTED };
