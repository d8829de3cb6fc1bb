import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodeOpenApiV2 } from '../protobuf/openapi-v2.js';
import type { ResourceRegistry } from '../resources/registry.js';
import { openApiV2Document } from './v2.js';

/**
 * The protobuf media type kube-openapi answers with, and the `@` spelling client-go's
 * OpenAPISchema() asks for (accepted, never sent back: Go's mime parser rejects the `@`).
 */
const PROTOBUF_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';
const PROTOBUF_TYPES = [PROTOBUF_TYPE, 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf'];
const JSON_TYPES = ['application/json', 'application/*', '*/*'];

interface Rendered {
  body: Buffer;
  etag: string;
}

const etagOf = (body: Uint8Array): string =>
  `"${createHash('sha512').update(body).digest('hex').toUpperCase()}"`;

/** The media type to answer with, or undefined when the Accept header allows neither form (406). */
function negotiate(accept: string | undefined): 'json' | 'protobuf' | undefined {
  if (!accept) return 'json';
  const wanted = accept.split(',').map((part) => (part.split(';')[0] ?? '').trim().toLowerCase());
  for (const type of wanted) {
    if (PROTOBUF_TYPES.includes(type)) return 'protobuf';
    if (JSON_TYPES.includes(type)) return 'json';
  }
  return undefined;
}

/**
 * Serves `/openapi/v2` like kube-openapi's handler: JSON by default, gnostic protobuf when asked,
 * a strong ETag per representation, 304 on a matching If-None-Match. The document follows the
 * registry (CRDs come and go), so it is rebuilt per request; the encodings are cached by its text.
 */
export function openApiV2Handler(
  registry: ResourceRegistry,
): (req: IncomingMessage, res: ServerResponse) => void {
  let cached: { text: string; json: Rendered; protobuf?: Rendered } | undefined;
  return (req, res) => {
    const form = negotiate(req.headers.accept);
    if (!form) {
      res.writeHead(406, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`406 Not Acceptable: supported media types are application/json and ${PROTOBUF_TYPE}\n`);
      return;
    }
    const doc = openApiV2Document(registry);
    const text = JSON.stringify(doc);
    if (cached?.text !== text) {
      const body = Buffer.from(text);
      cached = { text, json: { body, etag: etagOf(body) } };
    }
    if (form === 'protobuf' && !cached.protobuf) {
      const body = Buffer.from(encodeOpenApiV2(doc));
      cached.protobuf = { body, etag: etagOf(body) };
    }
    const out = form === 'protobuf' ? (cached.protobuf as Rendered) : cached.json;
    const headers = { ETag: out.etag, Vary: 'Accept' };
    const match = req.headers['if-none-match'];
    if (match && match.split(',').some((tag) => tag.trim() === out.etag || tag.trim() === '*')) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': form === 'protobuf' ? PROTOBUF_TYPE : 'application/json',
      'Content-Length': out.body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : out.body);
  };
}
