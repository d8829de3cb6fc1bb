/** kube's RequestInfo: what a URL path + method asks for. */
export interface RequestInfo {
  isResourceRequest: boolean;
  path: string;
  verb: string;
  group: string;
  version: string;
  namespace?: string;
  resource?: string;
  name?: string;
  subresource?: string;
  /** Discovery documents: `/api`, `/api/v1`, `/apis`, `/apis/g`, `/apis/g/v` */
  discovery?: { group?: string; version?: string; legacy: boolean };
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function isTrue(v: string | null): boolean {
  return v === 'true' || v === '1';
}

/**
 * Parses a request the way k8s.io/apiserver's RequestInfoFactory does (namespaces/{ns}/...,
 * the legacy /watch/ prefix, subresources, GET on a collection = list, DELETE on one = deletecollection).
 */
export function parseRequestInfo(method: string, url: URL): RequestInfo {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean);
  const lower = method.toLowerCase();
  const base: RequestInfo = {
    isResourceRequest: false,
    path,
    verb: lower === 'head' ? 'get' : lower,
    group: '',
    version: '',
  };
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length === 1) return { ...base, discovery: { legacy: true } };
    base.version = parts[1] as string;
    if (parts.length === 2) return { ...base, discovery: { legacy: true, version: base.version } };
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { ...base, discovery: { legacy: false } };
    base.group = parts[1] as string;
    if (parts.length === 2) return { ...base, discovery: { legacy: false, group: base.group } };
    base.version = parts[2] as string;
    if (parts.length === 3)
      return { ...base, discovery: { legacy: false, group: base.group, version: base.version } };
    rest = parts.slice(3);
  } else return base;

  const info: RequestInfo = { ...base, isResourceRequest: true };
  let watchPath = false;
  if (rest[0] === 'watch') {
    watchPath = true;
    rest = rest.slice(1);
  }
  if (rest[0] === 'namespaces' && rest.length > 1) {
    info.namespace = rest[1];
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2] as string)) rest = rest.slice(2);
  }
  info.resource = rest[0];
  info.name = rest[1];
  info.subresource = rest[2];
  const watch = watchPath || isTrue(url.searchParams.get('watch'));
  switch (lower) {
    case 'get':
    case 'head':
      info.verb = watch ? 'watch' : info.name ? 'get' : 'list';
      break;
    case 'post':
      info.verb = 'create';
      break;
    case 'put':
      info.verb = 'update';
      break;
    case 'patch':
      info.verb = 'patch';
      break;
    case 'delete':
      info.verb = info.name ? 'delete' : 'deletecollection';
      break;
  }
  return info;
}
