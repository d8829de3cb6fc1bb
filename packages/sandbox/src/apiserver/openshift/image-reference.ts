/**
 * Container image references as openshift/library-go's `reference.Parse` reads them (the grammar
 * of distribution/reference, without assuming docker.io): `[registry/]namespace/name[:tag][@digest]`.
 * The image API validates every DockerImage pull spec with it; the migration counts on the
 * registry part being split off exactly like `oc adm migrate image-references` does.
 */
export interface ImageReference {
  /** host[:port], '' when the reference names no registry (docker.io by client defaults) */
  registry: string;
  /** the repository path below the registry: `ns/name` or `library/nginx` */
  repository: string;
  tag: string;
  /** `sha256:…` */
  id: string;
}

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]*)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`;
export const TAG_PATTERN = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

const pathRe = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const domainRe = new RegExp(`^${DOMAIN}$`);
const tagRe = new RegExp(`^${TAG_PATTERN}$`);
const digestRe = new RegExp(`^${DIGEST}$`);
/** distribution/reference's NameTotalLengthMax */
export const NAME_TOTAL_LENGTH_MAX = 255;

export class ReferenceError extends Error {}

/** True when the first path element names a registry host (has a dot or port, or is localhost). */
function isRegistry(part: string): boolean {
  return part.includes('.') || part.includes(':') || part === 'localhost';
}

/** Parses a pull spec; throws {@link ReferenceError} with distribution's wording when it is not one. */
export function parseImageReference(spec: string): ImageReference {
  if (spec === '') throw new ReferenceError('repository name must have at least one component');
  let rest = spec;
  let id = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    id = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestRe.test(id)) throw new ReferenceError('invalid reference format');
  }
  let tag = '';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!tagRe.test(tag)) throw new ReferenceError('invalid reference format');
  }
  const parts = rest.split('/');
  let registry = '';
  if (parts.length > 1 && isRegistry(parts[0] ?? '')) {
    registry = parts.shift() ?? '';
    if (!domainRe.test(registry)) throw new ReferenceError('invalid reference format');
  }
  const repository = parts.join('/');
  if (repository === '') throw new ReferenceError('invalid reference format');
  if (!pathRe.test(repository)) {
    if (pathRe.test(repository.toLowerCase()))
      throw new ReferenceError('invalid reference format: repository name must be lowercase');
    throw new ReferenceError('invalid reference format');
  }
  if ((registry ? `${registry}/` : '').length + repository.length > NAME_TOTAL_LENGTH_MAX)
    throw new ReferenceError(`repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  return { registry, repository, tag, id };
}

/** The reference as a pull spec again (`Exact()`): registry/repository[:tag][@id]. */
export function formatImageReference(r: ImageReference): string {
  return `${r.registry ? `${r.registry}/` : ''}${r.repository}${r.tag ? `:${r.tag}` : ''}${r.id ? `@${r.id}` : ''}`;
}

export function isValidTagName(tag: string): boolean {
  return tagRe.test(tag);
}
