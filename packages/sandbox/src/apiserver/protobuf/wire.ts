/** Protocol-buffers wire format: just enough to read the request bodies kubectl's typed clients send. */
export type WireValue =
  { wire: 0; value: bigint } | { wire: 2; bytes: Uint8Array } | { wire: 1 | 5; bytes: Uint8Array };

export interface WireField {
  no: number;
  v: WireValue;
}

function varint(buf: Uint8Array, pos: { i: number }): bigint {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    if (pos.i >= buf.length) throw new Error('truncated varint');
    const b = buf[pos.i++] as number;
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return result;
    shift += 7n;
  }
}

/** Splits one message into its fields (repeated fields appear several times, in order). */
export function readFields(buf: Uint8Array): WireField[] {
  const out: WireField[] = [];
  const pos = { i: 0 };
  while (pos.i < buf.length) {
    const key = Number(varint(buf, pos));
    const no = key >>> 3;
    const wire = key & 7;
    if (wire === 0) out.push({ no, v: { wire: 0, value: varint(buf, pos) } });
    else if (wire === 2) {
      const len = Number(varint(buf, pos));
      out.push({ no, v: { wire: 2, bytes: buf.subarray(pos.i, pos.i + len) } });
      pos.i += len;
    } else if (wire === 1 || wire === 5) {
      const len = wire === 1 ? 8 : 4;
      out.push({ no, v: { wire, bytes: buf.subarray(pos.i, pos.i + len) } });
      pos.i += len;
    } else throw new Error(`unsupported wire type ${wire}`);
  }
  return out;
}

/** Debug view: nested messages guessed where bytes parse as a message. */
export function dump(buf: Uint8Array, depth = 0): unknown {
  return readFields(buf).map((f) => {
    if (f.v.wire !== 2)
      return [f.no, f.v.wire === 0 ? String(f.v.value) : Buffer.from(f.v.bytes).toString('hex')];
    const text = Buffer.from(f.v.bytes).toString('utf8');
    if (depth < 6) {
      try {
        const inner = dump(f.v.bytes, depth + 1);
        if (Array.isArray(inner) && inner.length > 0 && !/^[\x20-\x7e]*$/.test(text)) return [f.no, inner];
      } catch {
        /* not a message */
      }
    }
    return [f.no, text];
  });
}
