/** Secret data values that hold a JSON document (`.dockerconfigjson`, `.dockercfg`): base64 of UTF-8 JSON. */
export type DecodedJson = { ok: true; value: unknown } | { ok: false };

/** Never throws and never echoes the value: callers report "is not valid JSON" on the field. */
export function decodeJsonSecretValue(base64: string): DecodedJson {
  try {
    return { ok: true, value: JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) };
  } catch {
    return { ok: false };
  }
}
