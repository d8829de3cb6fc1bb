import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { stringify } from 'yaml';

/**
 * Encodes a Swagger 2.0 document (JSON form) as gnostic's `openapi.v2.Document` protobuf
 * (github.com/google/gnostic-models openapiv2/OpenAPIv2.proto), the form client-go's
 * `OpenAPISchema()` asks `/openapi/v2` for and kubectl's client-side validation reads.
 * Only the messages a kube document uses are written: Info, Paths/PathItem/Operation with
 * their parameters and responses, Definitions and Schema; vendor extensions become NamedAny
 * with the value as YAML (kube-openapi reads them back with yaml.Unmarshal).
 */
type Json = Record<string, unknown>;
type Write = (w: BinaryWriter, v: Json) => void;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(w: BinaryWriter, no: number, v: unknown): void {
  if (typeof v === 'string' && v !== '') w.tag(no, WireType.LengthDelimited).string(v);
}
function strs(w: BinaryWriter, no: number, v: unknown): void {
  if (Array.isArray(v))
    for (const s of v) if (typeof s === 'string') w.tag(no, WireType.LengthDelimited).string(s);
}
function bool(w: BinaryWriter, no: number, v: unknown): void {
  if (v === true) w.tag(no, WireType.Varint).bool(true);
}
function double(w: BinaryWriter, no: number, v: unknown): void {
  if (typeof v === 'number' && v !== 0) w.tag(no, WireType.Bit64).double(v);
}
function int64(w: BinaryWriter, no: number, v: unknown): void {
  if (typeof v === 'number' && v !== 0) w.tag(no, WireType.Varint).int64(v);
}
function msg(w: BinaryWriter, no: number, v: Json, write: Write): void {
  w.tag(no, WireType.LengthDelimited).fork();
  write(w, v);
  w.join();
}
/** `Any { string yaml = 2; }` */
function any(w: BinaryWriter, no: number, v: unknown): void {
  if (v === undefined) return;
  w.tag(no, WireType.LengthDelimited).fork();
  w.tag(2, WireType.LengthDelimited).string(stringify(v));
  w.join();
}
/** A JSON map as repeated `Named* { string name = 1; <value> value = 2; }`. */
function named(w: BinaryWriter, no: number, v: unknown, write: Write): void {
  if (!isObject(v)) return;
  for (const [name, value] of Object.entries(v)) {
    if (!isObject(value)) continue;
    w.tag(no, WireType.LengthDelimited).fork();
    w.tag(1, WireType.LengthDelimited).string(name);
    msg(w, 2, value, write);
    w.join();
  }
}
/** `x-…` keys as repeated NamedAny. */
function extensions(w: BinaryWriter, no: number, v: Json): void {
  for (const [name, value] of Object.entries(v)) {
    if (!name.startsWith('x-')) continue;
    w.tag(no, WireType.LengthDelimited).fork();
    w.tag(1, WireType.LengthDelimited).string(name);
    any(w, 2, value);
    w.join();
  }
}

const schema: Write = (w, s) => {
  str(w, 1, s.$ref);
  str(w, 2, s.format);
  str(w, 3, s.title);
  str(w, 4, s.description);
  any(w, 5, s.default);
  double(w, 6, s.multipleOf);
  double(w, 7, s.maximum);
  bool(w, 8, s.exclusiveMaximum);
  double(w, 9, s.minimum);
  bool(w, 10, s.exclusiveMinimum);
  int64(w, 11, s.maxLength);
  int64(w, 12, s.minLength);
  str(w, 13, s.pattern);
  int64(w, 14, s.maxItems);
  int64(w, 15, s.minItems);
  bool(w, 16, s.uniqueItems);
  int64(w, 17, s.maxProperties);
  int64(w, 18, s.minProperties);
  strs(w, 19, s.required);
  if (Array.isArray(s.enum)) for (const e of s.enum) any(w, 20, e);
  // AdditionalPropertiesItem: oneof { Schema schema = 1; bool boolean = 2; }
  if (isObject(s.additionalProperties)) msg(w, 21, s.additionalProperties, (w2, a) => msg(w2, 1, a, schema));
  else if (typeof s.additionalProperties === 'boolean') {
    const flag = s.additionalProperties;
    msg(w, 21, {}, (w2) => w2.tag(2, WireType.Varint).bool(flag));
  }
  // TypeItem { repeated string value = 1; }
  const types = typeof s.type === 'string' ? [s.type] : s.type;
  if (Array.isArray(types)) msg(w, 22, {}, (w2) => strs(w2, 1, types));
  // ItemsItem { repeated Schema schema = 1; }
  const items = isObject(s.items) ? [s.items] : s.items;
  if (Array.isArray(items))
    msg(w, 23, {}, (w2) => items.filter(isObject).forEach((i) => msg(w2, 1, i, schema)));
  if (Array.isArray(s.allOf)) for (const a of s.allOf) if (isObject(a)) msg(w, 24, a, schema);
  // Properties { repeated NamedSchema additional_properties = 1; }
  if (isObject(s.properties)) msg(w, 25, s.properties, (w2, p) => named(w2, 1, p, schema));
  str(w, 26, s.discriminator);
  bool(w, 27, s.readOnly);
  any(w, 30, s.example);
  extensions(w, 31, s);
};

/** Parameter sub-schemas share their first four fields; query and formData ones then have allow_empty_value = 5, shifting the rest by one. */
const nonBody =
  (query: boolean): Write =>
  (w, p) => {
    bool(w, 1, p.required);
    str(w, 2, p.in);
    str(w, 3, p.description);
    str(w, 4, p.name);
    const o = query ? 1 : 0; // QueryParameterSubSchema has allow_empty_value = 5
    if (query) bool(w, 5, p.allowEmptyValue);
    str(w, 5 + o, p.type);
    str(w, 6 + o, p.format);
    bool(w, 19 + o, p.uniqueItems);
    extensions(w, 22 + o, p);
  };

const parametersItem: Write = (w, p) => {
  if (typeof p.$ref === 'string') return msg(w, 2, p, (w2, r) => str(w2, 1, r.$ref)); // JsonReference
  msg(w, 1, p, (w2, param) => {
    if (param.in === 'body')
      return msg(w2, 1, param, (w3, b) => {
        str(w3, 1, b.description);
        str(w3, 2, b.name);
        str(w3, 3, b.in);
        bool(w3, 4, b.required);
        if (isObject(b.schema)) msg(w3, 5, b.schema, schema);
        extensions(w3, 6, b);
      });
    // NonBodyParameter: oneof { header = 1; form_data = 2; query = 3; path = 4; }
    const slot = param.in === 'path' ? 4 : param.in === 'header' ? 1 : param.in === 'formData' ? 2 : 3;
    msg(w2, 2, param, (w3, nb) => msg(w3, slot, nb, nonBody(slot === 2 || slot === 3)));
  });
};

const parameters = (w: BinaryWriter, no: number, v: unknown): void => {
  if (Array.isArray(v)) for (const p of v) if (isObject(p)) msg(w, no, p, parametersItem);
};

const operation: Write = (w, o) => {
  strs(w, 1, o.tags);
  str(w, 2, o.summary);
  str(w, 3, o.description);
  str(w, 5, o.operationId);
  strs(w, 6, o.produces);
  strs(w, 7, o.consumes);
  parameters(w, 8, o.parameters);
  // Responses { repeated NamedResponseValue response_code = 1; } → ResponseValue { Response response = 1; }
  if (isObject(o.responses))
    msg(w, 9, o.responses, (w2, rs) =>
      named(w2, 1, rs, (w3, r) =>
        msg(w3, 1, r, (w4, resp) => {
          str(w4, 1, resp.description);
          if (isObject(resp.schema)) msg(w4, 2, resp.schema, (w5, sc) => msg(w5, 1, sc, schema)); // SchemaItem.schema
        }),
      ),
    );
  strs(w, 10, o.schemes);
  bool(w, 11, o.deprecated);
  extensions(w, 13, o);
};

const PATH_OPS: Array<[string, number]> = [
  ['get', 2],
  ['put', 3],
  ['post', 4],
  ['delete', 5],
  ['options', 6],
  ['head', 7],
  ['patch', 8],
];

const pathItem: Write = (w, p) => {
  str(w, 1, p.$ref);
  for (const [verb, no] of PATH_OPS) {
    const op = p[verb];
    if (isObject(op)) msg(w, no, op, operation);
  }
  parameters(w, 9, p.parameters);
  extensions(w, 10, p);
};

const document: Write = (w, d) => {
  str(w, 1, d.swagger);
  if (isObject(d.info))
    msg(w, 2, d.info, (w2, i) => {
      str(w2, 1, i.title);
      str(w2, 2, i.version);
      str(w2, 3, i.description);
      extensions(w2, 7, i);
    });
  str(w, 3, d.host);
  str(w, 4, d.basePath);
  strs(w, 5, d.schemes);
  strs(w, 6, d.consumes);
  strs(w, 7, d.produces);
  if (isObject(d.paths)) msg(w, 8, d.paths, (w2, ps) => named(w2, 2, ps, pathItem)); // Paths.path = 2
  if (isObject(d.definitions)) msg(w, 9, d.definitions, (w2, ds) => named(w2, 1, ds, schema));
  extensions(w, 16, d);
};

/** The protobuf bytes of a Swagger 2.0 document (no Kubernetes `k8s\0` envelope: gnostic reads plain bytes). */
export function encodeOpenApiV2(doc: Record<string, unknown>): Uint8Array {
  const w = new BinaryWriter();
  document(w, doc);
  return w.finish();
}
