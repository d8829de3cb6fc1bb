import { createHash } from 'node:crypto';
import { parseImageReference } from '../apiserver/openshift/image-reference.js';

/**
 * What importing a pull spec yields in the sandbox, where no registry is ever contacted: the
 * image's digest is a stable function of its repository and tag (so the same image reads the
 * same through any registry host — a migrated reference still names the same image), and the
 * import fails for in-cluster service hosts that do not exist on this cluster.
 */

export interface ImportedImage {
  /** `registry/repository@sha256:…`, as the importer records a tag event */
  dockerImageReference: string;
  /** `sha256:…` */
  image: string;
}

/** The digest of `repository:tag` (a digest reference is its own digest). */
export function imageDigest(repository: string, tagOrId: string): string {
  if (tagOrId.startsWith('sha256:')) return tagOrId;
  return `sha256:${createHash('sha256')
    .update(`${repository}:${tagOrId || 'latest'}`)
    .digest('hex')}`;
}

export function importedImage(pullSpec: string): ImportedImage {
  const ref = parseImageReference(pullSpec);
  const image = imageDigest(ref.repository, ref.id || ref.tag);
  return {
    dockerImageReference: `${ref.registry ? `${ref.registry}/` : ''}${ref.repository}@${image}`,
    image,
  };
}

/** The cluster DNS service, as a resolver error names it. */
const CLUSTER_DNS = '172.30.0.10:53';

/**
 * Why importing `pullSpec` fails, or undefined when it succeeds: a `*.svc` host other than the
 * integrated registry's current service (e.g. the 3.x `docker-registry.default.svc:5000`) does not
 * resolve, and the integrated registry itself refuses while it is Removed.
 */
export function importFailure(pullSpec: string, internalHostname: string): string | undefined {
  const { registry } = parseImageReference(pullSpec);
  const host = registry.replace(/:\d+$/, '');
  if (!/\.svc(\.cluster\.local)?$/.test(host)) return undefined;
  const probe = `Get "https://${registry}/v2/"`;
  if (registry === internalHostname) return undefined;
  if (host === 'image-registry.openshift-image-registry.svc')
    return `Internal error occurred: ${pullSpec}: ${probe}: dial tcp 172.30.48.227:5000: connect: connection refused`;
  return `Internal error occurred: ${pullSpec}: ${probe}: dial tcp: lookup ${host} on ${CLUSTER_DNS}: no such host`;
}
