/**
 * Engine semantics on small synthetic schemas: defaulting, nulls, pruning and fieldValidation,
 * ratcheting, CEL options (messageExpression, reason, fieldPath, oldSelf), list types.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/core/types.js';
import { admitWithSchema, defaultOnRead, type JSONSchemaProps } from '../../src/validation/index.js';
import { crd, config } from './helpers.js';

const obj = (spec: unknown): KubeObject => ({
  apiVersion: 'x.io/v1',
  kind: 'X',
  metadata: { name: 'a' },
  spec,
});
const root = (spec: JSONSchemaProps): JSONSchemaProps => ({
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec,
  },
});

function run(
  spec: JSONSchemaProps,
  value: unknown,
  opts: { old?: unknown; fieldValidation?: 'Strict' | 'Warn' | 'Ignore' } = {},
) {
  const r = admitWithSchema({
    schema: root(spec),
    operation: opts.old === undefined ? 'CREATE' : 'UPDATE',
    object: obj(value),
    oldObject: opts.old === undefined ? undefined : obj(opts.old),
    fieldValidation: opts.fieldValidation ?? 'Warn',
  });
  return { ...r, lines: r.causes.map((c) => `${c.field}: ${c.message}`), spec: r.object.spec };
}

describe('defaulting', () => {
  const s: JSONSchemaProps = {
    type: 'object',
    properties: {
      mode: { type: 'string', default: 'A' },
      nested: { type: 'object', default: {}, properties: { level: { type: 'integer', default: 3 } } },
      list: {
        type: 'array',
        items: { type: 'object', properties: { w: { type: 'integer', default: 100 } } },
      },
      opt: { type: 'string', nullable: true, default: 'd' },
    },
  };
  it('fills absent fields at every level, defaults inside defaults included', () => {
    expect(run(s, { list: [{}, { w: 1 }] }).spec).toEqual({
      mode: 'A',
      nested: { level: 3 },
      list: [{ w: 100 }, { w: 1 }],
      opt: 'd',
    });
  });
  it('replaces null in a non-nullable defaulted field, keeps null where nullable', () => {
    expect(run(s, { mode: null, opt: null }).spec).toMatchObject({ mode: 'A', opt: null });
  });
  it('drops null in a non-nullable field without default instead of failing', () => {
    const r = run({ type: 'object', properties: { name: { type: 'string' } } }, { name: null });
    expect(r.spec).toEqual({});
    expect(r.causes).toEqual([]);
  });
  it('applies on read, e.g. to objects stored before a default existed', () => {
    const stored = config({ replicas: 1 });
    expect(defaultOnRead(crd('configs'), 'v1', stored).spec).toEqual({
      replicas: 1,
      logLevel: 'Normal',
      operatorLogLevel: 'Normal',
    });
    expect(stored.spec).toEqual({ replicas: 1 });
  });
});

describe('unknown fields', () => {
  const s: JSONSchemaProps = {
    type: 'object',
    properties: {
      a: { type: 'string' },
      free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    },
  };
  it('prunes them and warns by default (fieldValidation=Warn)', () => {
    const r = run(s, { a: 'x', b: 1, free: { anything: { goes: true } } });
    expect(r.spec).toEqual({ a: 'x', free: { anything: { goes: true } } });
    expect(r.warnings).toEqual(['unknown field "spec.b"']);
    expect(r.strictErrors).toEqual([]);
  });
  it('reports them as strict errors with Strict, and silently with Ignore', () => {
    expect(run(s, { b: 1 }, { fieldValidation: 'Strict' }).strictErrors).toEqual(['unknown field "spec.b"']);
    const ignored = run(s, { b: 1 }, { fieldValidation: 'Ignore' });
    expect([ignored.warnings, ignored.strictErrors, ignored.spec]).toEqual([[], [], {}]);
  });
});

describe('types and formats', () => {
  it('does not range-check int32: kube strips formats it does not validate', () => {
    expect(
      run({ type: 'object', properties: { n: { type: 'integer', format: 'int32' } } }, { n: 3_000_000_000 })
        .causes,
    ).toEqual([]);
  });
  it('validates the string formats kube supports', () => {
    const s: JSONSchemaProps = {
      type: 'object',
      properties: {
        t: { type: 'string', format: 'date-time' },
        ip: { type: 'string', format: 'ipv4' },
        u: { type: 'string', format: 'uuid' },
      },
    };
    expect(
      run(s, { t: '2026-11-25T19:00:00Z', ip: '10.0.0.1', u: '123e4567-e89b-12d3-a456-426614174000' }).causes,
    ).toEqual([]);
    expect(run(s, { t: '2026-02-30T00:00:00Z', ip: '10.0.0', u: 'x' }).lines).toEqual([
      'spec.ip: Invalid value: "10.0.0": spec.ip in body must be of type ipv4: "10.0.0"',
      'spec.t: Invalid value: "2026-02-30T00:00:00Z": spec.t in body must be of type date-time: "2026-02-30T00:00:00Z"',
      'spec.u: Invalid value: "x": spec.u in body must be of type uuid: "x"',
    ]);
  });
  it('accepts both Go and strfmt durations', () => {
    const s: JSONSchemaProps = { type: 'object', properties: { d: { type: 'string', format: 'duration' } } };
    for (const d of ['1h30m', '0', '1.5s', '300ms', '3 days']) expect(run(s, { d }).causes, d).toEqual([]);
    for (const d of ['', 'PT1M', '1y']) expect(run(s, { d }).causes.length, d).toBe(1);
  });
  it('reports maxItems, minItems and uniqueItems', () => {
    const s: JSONSchemaProps = {
      type: 'object',
      properties: {
        l: { type: 'array', maxItems: 2, minItems: 1, uniqueItems: true, items: { type: 'string' } },
      },
    };
    expect(run(s, { l: ['a', 'a', 'b'] }).lines).toEqual([
      'spec.l: Too many: 3: must have at most 2 items',
      'spec.l: Invalid value: "": spec.l in body shouldn\'t contain duplicates',
    ]);
    expect(run(s, { l: [] }).lines).toEqual([
      'spec.l: Invalid value: 0: spec.l in body should have at least 1 items',
    ]);
  });
});

describe('list types', () => {
  it('reports duplicates of a set and of a map with several keys', () => {
    const s: JSONSchemaProps = {
      type: 'object',
      properties: {
        set: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'integer' } },
        map: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name', 'kind'],
          items: { type: 'object', properties: { name: { type: 'string' }, kind: { type: 'string' } } },
        },
      },
    };
    expect(
      run(s, {
        set: [1, 2, 1, 1],
        map: [
          { name: 'a', kind: 'S' },
          { name: 'a', kind: 'T' },
          { name: 'a', kind: 'S' },
        ],
      }).lines,
    ).toEqual([
      'spec.map[2]: Duplicate value: map[string]interface {}{"kind":"S", "name":"a"}',
      'spec.set[2]: Duplicate value: 1',
    ]);
  });
});

describe('ratcheting on update', () => {
  const s: JSONSchemaProps = {
    type: 'object',
    properties: { a: { type: 'string', pattern: '^ok$' }, b: { type: 'integer' } },
  };
  it('lets an unchanged invalid value through while other fields change', () => {
    expect(run(s, { a: 'bad', b: 2 }, { old: { a: 'bad', b: 1 } }).causes).toEqual([]);
  });
  it('still rejects a changed or a new invalid value', () => {
    expect(run(s, { a: 'worse' }, { old: { a: 'bad' } }).causes).toHaveLength(1);
    expect(run(s, { a: 'bad' }, { old: {} }).causes).toHaveLength(1);
  });
});

describe('CEL options', () => {
  const rule = (r: Record<string, unknown>): JSONSchemaProps => ({
    type: 'object',
    properties: { x: { type: 'integer' }, y: { type: 'integer' } },
    'x-kubernetes-validations': [{ rule: 'self.x < self.y', ...r }],
  });
  it('uses messageExpression when it yields a string', () => {
    expect(
      run(rule({ messageExpression: "'x must be below ' + string(self.y)" }), { x: 5, y: 3 }).lines,
    ).toEqual(['spec: Invalid value: "object": x must be below 3']);
  });
  it('falls back to "failed rule" without a message', () => {
    expect(run(rule({}), { x: 5, y: 3 }).lines).toEqual([
      'spec: Invalid value: "object": failed rule: self.x < self.y',
    ]);
  });
  it('honours reason and fieldPath', () => {
    expect(
      run(rule({ message: 'nope', reason: 'FieldValueForbidden', fieldPath: '.x' }), { x: 5, y: 3 }).causes,
    ).toEqual([{ reason: 'FieldValueForbidden', field: 'spec.x', message: 'Forbidden: nope' }]);
    expect(run(rule({ message: 'nope', reason: 'FieldValueRequired' }), { x: 5, y: 3 }).lines).toEqual([
      'spec: Required value: nope',
    ]);
  });
  it('reports evaluation errors with the rule', () => {
    expect(run(rule({ message: 'm' }), { x: 5 }).lines).toEqual([
      'spec: Invalid value: "object": no such key: y evaluating rule: m',
    ]);
  });
  it('ratchets an unchanged value that breaks a rule, but not transition rules', () => {
    expect(run(rule({ message: 'm' }), { x: 5, y: 3 }, { old: { x: 5, y: 3 } }).causes).toEqual([]);
    const transition: JSONSchemaProps = {
      type: 'object',
      properties: {
        n: {
          type: 'integer',
          'x-kubernetes-validations': [{ rule: 'self >= oldSelf', message: 'must only increase' }],
        },
      },
    };
    expect(run(transition, { n: 1 }, { old: { n: 2 } }).lines).toEqual([
      'spec.n: Invalid value: "integer": must only increase',
    ]);
    expect(run(transition, { n: 1 }).causes).toEqual([]);
  });
});

describe('embedded resources', () => {
  it('keeps their apiVersion/kind/metadata and requires apiVersion and kind', () => {
    const s: JSONSchemaProps = {
      type: 'object',
      properties: {
        tpl: {
          type: 'object',
          'x-kubernetes-embedded-resource': true,
          properties: { spec: { type: 'object' } },
        },
      },
    };
    const r = run(s, { tpl: { metadata: { name: 'n', labels: { a: 'b' } }, spec: {} } });
    expect(r.spec).toEqual({ tpl: { metadata: { name: 'n', labels: { a: 'b' } }, spec: {} } });
    expect(r.lines).toEqual([
      'spec.tpl.apiVersion: Required value: must not be empty',
      'spec.tpl.kind: Required value: must not be empty',
    ]);
  });
});

describe('CEL property names', () => {
  it('escapes reserved words and dashes like kube (self.__namespace__, self.a__dash__b)', () => {
    const s: JSONSchemaProps = {
      type: 'object',
      properties: { namespace: { type: 'string' }, 'a-b': { type: 'integer' } },
      'x-kubernetes-validations': [
        { rule: "self.__namespace__ == 'ns' && self.a__dash__b == 1", message: 'm' },
      ],
    };
    expect(run(s, { namespace: 'ns', 'a-b': 1 }).causes).toEqual([]);
    expect(run(s, { namespace: 'x', 'a-b': 1 }).lines).toEqual(['spec: Invalid value: "object": m']);
  });
});

describe('robustness', () => {
  it('reports a non-object body as a root type error instead of throwing', () => {
    const r = admitWithSchema({
      schema: root({ type: 'object' }),
      operation: 'CREATE',
      object: 'nope',
      fieldValidation: 'Warn',
    });
    expect(r.causes.map((c) => `${c.field}: ${c.message}`)).toEqual([
      '<nil>: Invalid value: "string":  in body must be of type object: "string"',
    ]);
  });
});

describe('metadata', () => {
  it('drops unknown ObjectMeta fields with a warning, like kube decoding metadata', () => {
    const r = admitWithSchema({
      schema: root({ type: 'object' }),
      operation: 'CREATE',
      object: {
        apiVersion: 'x.io/v1',
        kind: 'X',
        metadata: { name: 'a', labels: { k: 'v' }, colour: 'red' },
        spec: {},
      },
      fieldValidation: 'Warn',
    });
    expect(r.object.metadata).toEqual({ name: 'a', labels: { k: 'v' } });
    expect(r.warnings).toEqual(['unknown field "metadata.colour"']);
  });
});
