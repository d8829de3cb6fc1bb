import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError, badRequest, statusFailure } from '../../core/errors.js';
import { decodeProtobuf, isProtobuf } from '../protobuf/decode.js';
import { duplicateFields } from './duplicate-keys.js';

/** kube-apiserver's request body limit (3 MiB). */
const MAX_BODY = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY)
      throw new ApiError(
        statusFailure(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'),
      );
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Decodes a JSON (or YAML) request body; malformed input is a 400 worded like the Go decoder's. */
export function decodeBody(raw: Buffer, contentType: string | undefined): unknown {
  // kubectl's typed clients (create configmap/secret/namespace/deployment, auth can-i) send protobuf.
  if (isProtobuf(contentType)) return raw.length === 0 ? undefined : decodeProtobuf(raw);
  const text = raw.toString('utf8');
  if (text.trim() === '') return undefined;
  const yaml = (contentType ?? '').includes('yaml');
  try {
    return yaml ? (parseYaml(text) as unknown) : (JSON.parse(text) as unknown);
  } catch (e) {
    throw badRequest(
      `couldn't get version/kind; json parse error: ${goJsonError(e instanceof Error ? e.message : String(e))}`,
    );
  }
}

/**
 * A JSON request body with the keys it repeats (kube's strict decoder reports them as
 * `duplicate field "…"`: warnings by default, errors under fieldValidation=Strict). YAML and
 * protobuf bodies report none.
 */
export function decodeBodyReportingDuplicates(
  raw: Buffer,
  contentType: string | undefined,
): { value: unknown; duplicates: string[] } {
  const value = decodeBody(raw, contentType);
  const json = value !== undefined && !isProtobuf(contentType) && !(contentType ?? '').includes('yaml');
  return { value, duplicates: json ? duplicateFields(raw.toString('utf8')) : [] };
}

/** Go's encoding/json wording for the usual JSON.parse failures. */
function goJsonError(jsMessage: string): string {
  if (/Unexpected end of JSON input/.test(jsMessage)) return 'unexpected end of JSON input';
  const token = /Unexpected token '?(.)'?/.exec(jsMessage)?.[1];
  return token ? `invalid character '${token}' looking for beginning of value` : jsMessage;
}

export type PatchContent = 'merge' | 'json' | 'strategic' | 'apply';

/** Maps a PATCH Content-Type to its patch type (415 for anything else, as kube answers). */
export function patchTypeOf(contentType: string | undefined): PatchContent {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  switch (type) {
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/json-patch+json':
      return 'json';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    case 'application/apply-patch+yaml':
      return 'apply';
    default:
      throw new ApiError(
        statusFailure(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
        ),
      );
  }
}
