import { ApiError, badRequest, statusFailure } from '../../core/errors.js';
import { readFields, type WireField } from './wire.js';
import { KINDS, type FieldSpec, type Schema } from './schemas.js';

/** `k8s\0` — the envelope prefix of Kubernetes protobuf bodies. */
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** Integer fields that are pointers in Go (an explicit 0 means something); other zeros are omitted like omitempty. */
const POINTER_INTS = new Set([
  'replicas',
  'terminationGracePeriodSeconds',
  'revisionHistoryLimit',
  'progressDeadlineSeconds',
  'backoffLimit',
  'parallelism',
  'completions',
  'activeDeadlineSeconds',
  'ttlSecondsAfterFinished',
  'startingDeadlineSeconds',
  'successfulJobsHistoryLimit',
  'failedJobsHistoryLimit',
]);

function text(b: Uint8Array): string {
  return Buffer.from(b).toString('utf8');
}

function mapEntries(fields: WireField[], value: (f: WireField) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of fields) {
    if (e.v.wire !== 2) continue;
    const entry = readFields(e.v.bytes);
    const k = entry.find((x) => x.no === 1);
    const v = entry.find((x) => x.no === 2);
    if (k?.v.wire === 2) out[text(k.v.bytes)] = v ? value(v) : '';
  }
  return out;
}

function scalar(spec: FieldSpec, fld: WireField): unknown {
  const v = fld.v;
  switch (spec.type) {
    case 'string':
      return v.wire === 2 ? text(v.bytes) : undefined;
    case 'int':
      return v.wire === 0 ? Number(BigInt.asIntN(64, v.value)) : undefined;
    case 'bool':
      return v.wire === 0 ? v.value !== 0n : undefined;
    case 'bytes':
      return v.wire === 2 ? Buffer.from(v.bytes).toString('base64') : undefined;
    case 'intorstring': {
      if (v.wire !== 2) return undefined;
      const parts = readFields(v.bytes);
      const get = (n: number) => parts.find((x) => x.no === n)?.v;
      const kind = get(1);
      const s = get(3);
      const i = get(2);
      if (kind?.wire === 0 && kind.value === 1n) return s?.wire === 2 ? text(s.bytes) : '';
      return i?.wire === 0 ? Number(BigInt.asIntN(64, i.value)) : 0;
    }
    case 'time': {
      if (v.wire !== 2) return undefined;
      const secs = readFields(v.bytes).find((x) => x.no === 1);
      return secs?.v.wire === 0 && secs.v.value !== 0n
        ? new Date(Number(secs.v.value) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
        : undefined;
    }
    default:
      return v.wire === 2 && typeof spec.type === 'object' ? message(v.bytes, spec.type) : undefined;
  }
}

/**
 * Decodes one message into the JSON the same object would have: proto2 zero values that the Go
 * JSON encoder would omit (empty strings, false, empty messages) are left out, so defaulting
 * still applies to them.
 */
function message(buf: Uint8Array, schema: Schema): Record<string, unknown> {
  const fields = readFields(buf);
  const out: Record<string, unknown> = {};
  const byNo = new Map<number, WireField[]>();
  for (const fld of fields) byNo.set(fld.no, [...(byNo.get(fld.no) ?? []), fld]);
  for (const [no, list] of byNo) {
    const spec = schema[no];
    if (!spec) {
      // proto2 sends every non-pointer field, zero or not; only a field with content we cannot read is an error.
      if (list.some((x) => !isZero(x))) throw unreadable(no);
      continue;
    }
    let value: unknown;
    if (spec.type === 'map') value = mapEntries(list, (x) => (x.v.wire === 2 ? text(x.v.bytes) : ''));
    else if (spec.type === 'bytesmap')
      value = mapEntries(list, (x) => (x.v.wire === 2 ? Buffer.from(x.v.bytes).toString('base64') : ''));
    else if (spec.type === 'quantitymap')
      value = mapEntries(list, (x) =>
        x.v.wire === 2
          ? text(
              (readFields(x.v.bytes).find((q) => q.no === 1)?.v as { bytes: Uint8Array } | undefined)
                ?.bytes ?? new Uint8Array(),
            )
          : '',
      );
    else if (spec.repeated) value = list.map((x) => scalar(spec, x)).filter((x) => x !== undefined);
    else value = scalar(spec, list[list.length - 1] as WireField);
    const empty =
      value === undefined ||
      value === '' ||
      value === false ||
      (value === 0 && !POINTER_INTS.has(spec.name)) ||
      (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
    if (!empty) out[spec.name] = value;
  }
  return out;
}

function isZero(fld: WireField): boolean {
  if (fld.v.wire === 0) return fld.v.value === 0n;
  if (fld.v.wire !== 2) return fld.v.bytes.every((b) => b === 0);
  if (fld.v.bytes.length === 0) return true;
  try {
    return readFields(fld.v.bytes).every(isZero);
  } catch {
    return false;
  }
}

function unreadable(no: number): ApiError {
  return new ApiError(
    statusFailure(
      415,
      'UnsupportedMediaType',
      `the sandbox cannot read field ${no} of this protobuf object: send it as JSON (Content-Type: application/json; kubectl: apply -f a manifest)`,
    ),
  );
}

/** True when a body is a Kubernetes protobuf envelope. */
export function isProtobuf(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim() === 'application/vnd.kubernetes.protobuf';
}

/** Decodes a `k8s\0` + runtime.Unknown envelope into a JSON object (415 for kinds this server cannot read as protobuf). */
export function decodeProtobuf(body: Buffer): Record<string, unknown> {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC))
    throw badRequest('provided input is not a protobuf-encoded Kubernetes object (missing k8s magic prefix)');
  const unknown = readFields(body.subarray(4));
  const typeMeta = unknown.find((x) => x.no === 1);
  const raw = unknown.find((x) => x.no === 2);
  const tm = typeMeta?.v.wire === 2 ? readFields(typeMeta.v.bytes) : [];
  const str = (no: number): string => {
    const x = tm.find((y) => y.no === no);
    return x?.v.wire === 2 ? text(x.v.bytes) : '';
  };
  const apiVersion = str(1);
  const kind = str(2);
  const schema = KINDS[kind];
  if (!schema)
    throw new ApiError(
      statusFailure(
        415,
        'UnsupportedMediaType',
        `the sandbox reads ${kind || 'this object'} only as JSON: send Content-Type application/json (kubectl: use -f with a manifest)`,
      ),
    );
  const obj = raw?.v.wire === 2 ? message(raw.v.bytes, schema) : {};
  return { apiVersion, kind, ...obj, metadata: (obj.metadata as Record<string, unknown> | undefined) ?? {} };
}
