/**
 * What CRI-O answers when a kubelet pulls an image its node does not have. On OpenShift the
 * node's pull credentials are the cluster pull secret (openshift-config/pull-secret, which the
 * machine-config operator writes to every node's /var/lib/kubelet/config.json): without an entry
 * for the image's registry, quay.io answers the manifest request with 401 and CRI-O reports it as
 * containers/image prints it.
 */
import type { ApiClient, KubeObject } from '../core/types.js';
import type { PullResult } from '../cluster/container-runtime.js';
import type { SimWorld } from '../cluster/cloud.js';
import { R } from '../core/refs.js';
import { rec, str, tryGet } from '../core/objects.js';

/** The registry host of an image reference (Docker Hub when the first part is not a host). */
function registryHost(image: string): string {
  const first = image.split('/')[0] ?? '';
  return image.includes('/') && /[.:]|^localhost$/.test(first) ? first : 'docker.io';
}

function pullSecretHosts(api: ApiClient): Set<string> {
  const secret = tryGet(api, R.secrets, 'openshift-config', 'pull-secret');
  const raw = str(rec(secret, 'data')['.dockerconfigjson']);
  try {
    const parsed = JSON.parse(Buffer.from(raw ?? '', 'base64').toString('utf8')) as { auths?: object };
    return new Set(Object.keys(parsed.auths ?? {}));
  } catch {
    return new Set();
  }
}

/** `reading manifest <digest or tag> in <repository>`, as containers/image names the request. */
function manifestRef(image: string): { ref: string; repo: string } {
  const at = image.indexOf('@');
  if (at >= 0) return { ref: image.slice(at + 1), repo: image.slice(0, at) };
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/')
    ? { ref: image.slice(colon + 1), repo: image.slice(0, colon) }
    : { ref: 'latest', repo: image };
}

export function pullImage(
  api: ApiClient,
  world: SimWorld,
  pod: KubeObject,
  image: string,
): PullResult | undefined {
  const node = str(rec(pod, 'spec').nodeName) ?? '';
  const pulled = world.faults.coldImageNodes.get(node);
  if (!pulled || pulled.has(image)) return undefined;
  if (!pullSecretHosts(api).has(registryHost(image))) {
    const { ref, repo } = manifestRef(image);
    return {
      ok: false,
      message: `rpc error: code = Unknown desc = reading manifest ${ref} in ${repo}: unauthorized: access to the requested resource is not authorized`,
    };
  }
  pulled.add(image);
  return { ok: true, sizeBytes: 412_345_678 };
}
