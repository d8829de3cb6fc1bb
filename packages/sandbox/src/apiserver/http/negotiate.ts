import { ApiError, statusFailure } from '../../core/errors.js';

export type Rendering = 'json' | 'table' | 'partial';

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

function parseAccept(header: string | undefined): MediaRange[] {
  if (!header) return [];
  return header.split(',').map((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim());
    return {
      type: (type ?? '').toLowerCase(),
      params: Object.fromEntries(params.map((p) => p.split('=').map((s) => s.trim()) as [string, string])),
    };
  });
}

/**
 * Content negotiation as kube-apiserver does it for JSON: the first acceptable range wins;
 * `as=Table;g=meta.k8s.io` asks for a Table, `as=PartialObjectMetadata(List)` for metadata only;
 * protobuf-only clients get 406 (this server speaks JSON).
 */
export function negotiate(accept: string | undefined): Rendering {
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return 'json';
  for (const r of ranges) {
    const json = r.type === 'application/json' || r.type === '*/*' || r.type === 'application/*';
    if (!json) continue;
    const as = r.params.as;
    if (as === undefined) return 'json';
    if (r.params.g === 'meta.k8s.io' && (r.params.v === 'v1' || r.params.v === 'v1beta1')) {
      if (as === 'Table') return 'table';
      if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') return 'partial';
    }
  }
  throw new ApiError(
    statusFailure(
      406,
      'NotAcceptable',
      `only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf`,
    ),
  );
}
