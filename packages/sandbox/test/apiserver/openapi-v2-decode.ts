import { parse } from 'yaml';
import { readFields, type WireField } from '../../src/apiserver/protobuf/wire.js';

/**
 * An independent reader of gnostic's openapi.v2.Document protobuf (field numbers from
 * gnostic-models openapiv2/OpenAPIv2.proto), written from the .proto rather than from the
 * encoder, so a wrong field number on either side shows up as a mismatch with the JSON form.
 */
type Json = Record<string, unknown>;

const text = (f: WireField): string => (f.v.wire === 2 ? Buffer.from(f.v.bytes).toString('utf8') : '');
const sub = (f: WireField): WireField[] => (f.v.wire === 2 ? readFields(f.v.bytes) : []);
const flag = (f: WireField): boolean => f.v.wire === 0 && f.v.value !== 0n;
const dbl = (f: WireField): number => (f.v.wire === 1 ? Buffer.from(f.v.bytes).readDoubleLE(0) : NaN);
const int = (f: WireField): number => (f.v.wire === 0 ? Number(f.v.value) : NaN);
/** Any { yaml = 2 } */
const anyValue = (f: WireField): unknown =>
  parse(
    sub(f)
      .filter((x) => x.no === 2)
      .map(text)
      .join(''),
  );

function named(f: WireField, value: (f: WireField) => unknown): [string, unknown] {
  const parts = sub(f);
  const name = parts.find((p) => p.no === 1);
  const v = parts.find((p) => p.no === 2);
  return [name ? text(name) : '', v ? value(v) : undefined];
}

const SCALARS: Record<number, [string, (f: WireField) => unknown]> = {
  1: ['$ref', text],
  2: ['format', text],
  3: ['title', text],
  4: ['description', text],
  5: ['default', anyValue],
  6: ['multipleOf', dbl],
  7: ['maximum', dbl],
  8: ['exclusiveMaximum', flag],
  9: ['minimum', dbl],
  10: ['exclusiveMinimum', flag],
  11: ['maxLength', int],
  12: ['minLength', int],
  13: ['pattern', text],
  14: ['maxItems', int],
  15: ['minItems', int],
  16: ['uniqueItems', flag],
  17: ['maxProperties', int],
  18: ['minProperties', int],
  26: ['discriminator', text],
  27: ['readOnly', flag],
  30: ['example', anyValue],
};

export function decodeSchema(bytes: Uint8Array): Json {
  const out: Json = {};
  const push = (k: string, v: unknown): void =>
    void (out[k] = [...((out[k] as unknown[] | undefined) ?? []), v]);
  for (const f of readFields(bytes)) {
    const scalar = SCALARS[f.no];
    if (scalar) out[scalar[0]] = scalar[1](f);
    else if (f.no === 19) push('required', text(f));
    else if (f.no === 20) push('enum', anyValue(f));
    else if (f.no === 21) {
      const inner = sub(f)[0];
      if (inner)
        out.additionalProperties =
          inner.no === 1 && inner.v.wire === 2 ? decodeSchema(inner.v.bytes) : flag(inner);
    } else if (f.no === 22) {
      const types = sub(f).map(text);
      out.type = types.length === 1 ? types[0] : types;
    } else if (f.no === 23) {
      const items = sub(f).map((i) => decodeSchema(i.v.wire === 2 ? i.v.bytes : new Uint8Array()));
      out.items = items.length === 1 ? items[0] : items;
    } else if (f.no === 24) push('allOf', decodeSchema(f.v.wire === 2 ? f.v.bytes : new Uint8Array()));
    else if (f.no === 25)
      out.properties = Object.fromEntries(
        sub(f).map((p) => named(p, (v) => decodeSchema(v.v.wire === 2 ? v.v.bytes : new Uint8Array()))),
      );
    else if (f.no === 31) {
      const [name, value] = named(f, anyValue);
      out[name] = value;
    } else throw new Error(`unexpected Schema field ${f.no}`);
  }
  return out;
}

/** swagger, info.title/version, the operation of every path by verb (operationId and gvk), and the definitions. */
export function decodeDocument(bytes: Uint8Array): {
  swagger: string;
  info: Json;
  paths: Record<string, Json>;
  definitions: Record<string, Json>;
} {
  const doc = {
    swagger: '',
    info: {} as Json,
    paths: {} as Record<string, Json>,
    definitions: {} as Record<string, Json>,
  };
  const VERBS: Record<number, string> = { 2: 'get', 3: 'put', 4: 'post', 5: 'delete', 8: 'patch' };
  for (const f of readFields(bytes)) {
    if (f.no === 1) doc.swagger = text(f);
    else if (f.no === 2)
      for (const i of sub(f))
        doc.info[i.no === 1 ? 'title' : i.no === 2 ? 'version' : String(i.no)] = text(i);
    else if (f.no === 8)
      for (const p of sub(f).filter((x) => x.no === 2)) {
        const [path, item] = named(p, (v) => {
          const ops: Json = {};
          for (const o of sub(v)) {
            const verb = VERBS[o.no];
            if (!verb) continue;
            const op: Json = {};
            for (const x of sub(o)) {
              if (x.no === 5) op.operationId = text(x);
              if (x.no === 13) {
                const [name, value] = named(x, anyValue);
                op[name] = value;
              }
            }
            ops[verb] = op;
          }
          return ops;
        });
        doc.paths[path] = item as Json;
      }
    else if (f.no === 9)
      for (const d of sub(f)) {
        const [name, schema] = named(d, (v) => decodeSchema(v.v.wire === 2 ? v.v.bytes : new Uint8Array()));
        doc.definitions[name] = schema as Json;
      }
  }
  return doc;
}
