/**
 * Image references and registry auth keys, rewritten the way `oc adm migrate image-references`
 * does (openshift/oc pkg/cli/admin/migrate/images, library-go image/reference):
 *
 *  - a reference splits into registry (the first path segment when it has a "." or ":" or is
 *    `localhost`), repository path, tag and digest; a reference that does not parse is left alone;
 *  - a reference without a registry is on Docker Hub, so the source registry `docker.io` matches it;
 *  - the first mapping whose registry and whole repository path match wins: no prefix or partial
 *    host matches (`registry:5000` is not `registry` and not `registry:50001`);
 *  - tag and digest are kept as they are.
 */
import type { ImageReferenceMapping } from '@irc/shared';

export interface ImageReference {
  /** '' when the reference names none (Docker Hub). */
  registry: string;
  /** The repository path below the registry: `namespace/name`, `name`, or deeper. */
  path: string;
  tag?: string;
  digest?: string;
}

const DOCKER_HUB = 'docker.io';
const DOMAIN =
  /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

export function parseImageReference(input: string): ImageReference | undefined {
  if (input === '' || input.length > 4096 || input !== input.trim()) return undefined;
  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  if (rest.length === 0 || rest.length > 255) return undefined;
  let registry = '';
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost') {
      if (!DOMAIN.test(first)) return undefined;
      registry = first;
      path = rest.slice(slash + 1);
    }
  }
  if (!path.split('/').every((c) => PATH_COMPONENT.test(c))) return undefined;
  return {
    registry,
    path,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

export function formatImageReference(ref: ImageReference): string {
  return `${ref.registry ? `${ref.registry}/` : ''}${ref.path}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

function matches(m: ImageReferenceMapping, registry: string, path: string): boolean {
  if (m.fromRegistry !== undefined && m.fromRegistry !== registry.toLowerCase()) return false;
  return m.fromName === undefined || m.fromName === path;
}

/** The reference rewritten by the first matching mapping, or `input` itself. */
export function mapImageReference(mappings: readonly ImageReferenceMapping[], input: string): string {
  const ref = parseImageReference(input);
  if (!ref) return input;
  const registry = ref.registry || DOCKER_HUB;
  const m = mappings.find((x) => matches(x, registry, ref.path));
  if (!m) return input;
  return formatImageReference({ ...ref, registry: m.toRegistry ?? ref.registry, path: m.toName ?? ref.path });
}

const DEFAULT_V1_REGISTRY = 'https://index.docker.io/v1/';

/**
 * A docker config key (`host`, `host:port`, `host/path`, `https://host/v1/`) rewritten by the
 * first matching mapping — the result is `host[/path]` without scheme, as oc writes it — or
 * `key` itself. The path plays the role of the repository name (`/v1/`, `/v2/` prefixes dropped,
 * as the docker client treats them as the bare host).
 */
export function mapDockerAuthKey(mappings: readonly ImageReferenceMapping[], key: string): string {
  let value = key === '' ? DEFAULT_V1_REGISTRY : key;
  if (!/^https?:\/\//.test(value)) value = `https://${value}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return key;
  }
  let registry = url.host;
  let name = url.pathname;
  if (name === '/') name = '';
  else if (name.startsWith('/v1/') || name.startsWith('/v2/')) name = name.slice(4);
  else if (name.startsWith('/')) name = name.slice(1);
  const m = mappings.find((x) => matches(x, registry, name));
  if (!m) return key;
  if (m.toRegistry !== undefined) registry = m.toRegistry;
  if (m.toName !== undefined) name = m.toName;
  return name ? `${registry}/${name}` : registry;
}
