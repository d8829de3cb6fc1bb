import { badRequest } from '../../core/errors.js';
import type { KubeObject } from '../../core/types.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Index of the first byte Go's base64.StdEncoding rejects, or -1 when the value decodes. */
function illegalBase64At(value: string): number {
  for (let i = 0; i < value.length; i++) if (!/[A-Za-z0-9+/=]/.test(value[i] as string)) return i;
  if (!BASE64.test(value)) return value.indexOf('=');
  if (value.length % 4 !== 0) return value.length - (value.length % 4);
  return -1;
}

/**
 * Decoding a Secret: `data` values must be base64 (a 400 before validation, as the JSON decoder
 * rejects them), and `stringData` is folded into `data` (write-only, never stored or served).
 */
export function normalizeSecret(obj: KubeObject): void {
  const data = (obj.data ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    if (value === null) continue;
    const at = typeof value === 'string' ? illegalBase64At(value) : 0;
    if (at >= 0)
      throw badRequest(
        `Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte ${at}`,
      );
    void key;
  }
  const stringData = obj.stringData as Record<string, unknown> | undefined;
  if (stringData && typeof stringData === 'object') {
    for (const [key, value] of Object.entries(stringData))
      data[key] = Buffer.from(String(value), 'utf8').toString('base64');
    delete obj.stringData;
  }
  if (Object.keys(data).length > 0) obj.data = data;
}
