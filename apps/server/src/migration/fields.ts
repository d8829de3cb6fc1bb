/**
 * Where each kind keeps image references (the fields `oc adm migrate image-references` rewrites):
 *
 *  - pod-template kinds: every container's `image` — oc rewrites `containers` only; init
 *    containers are rewritten here too, since a pod whose init container still pulls from the
 *    retired registry does not start;
 *  - ImageStream: `spec.dockerImageRepository` and `spec.tags[].from.name` of kind DockerImage,
 *    and the tag history `status.tags[].items[].dockerImageReference` (oc writes it through the
 *    status subresource, before the spec, so that nothing resolves a tag to the old registry);
 *  - BuildConfig: `spec.output.to`, `spec.source.images[].from` and the custom, docker and
 *    source strategies' `from` — only where the reference's kind is DockerImage (an
 *    ImageStreamTag is a name inside the cluster, not a registry reference).
 */
import { isPlainObject as isObj, type MigrationKind } from '@irc/shared';

export interface ImageField {
  /** Kubernetes field path, as shown: `spec.template.spec.containers[0].image`. */
  field: string;
  /** RFC 6901 pointer for the JSON patch. */
  pointer: string;
  value: string;
}

/** Walks `path` (keys and indexes) from `root`; undefined when any step is missing. */
function at(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let cur: unknown = root;
  for (const step of path) {
    if (typeof step === 'number') cur = Array.isArray(cur) ? cur[step] : undefined;
    else cur = isObj(cur) ? cur[step] : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

function display(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

function pointer(path: ReadonlyArray<string | number>): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function stringField(obj: unknown, path: Array<string | number>, out: ImageField[]): void {
  const value = at(obj, path);
  if (typeof value === 'string' && value !== '')
    out.push({ field: display(path), pointer: pointer(path), value });
}

/** `from`-style ObjectReferences: only `kind: DockerImage` names a registry. */
function dockerImageRef(obj: unknown, refPath: Array<string | number>, out: ImageField[]): void {
  const ref = at(obj, refPath);
  if (isObj(ref) && ref.kind === 'DockerImage') stringField(obj, [...refPath, 'name'], out);
}

function podSpecImages(obj: unknown, specPath: Array<string | number>, out: ImageField[]): void {
  for (const list of ['initContainers', 'containers']) {
    const containers = at(obj, [...specPath, list]);
    if (!Array.isArray(containers)) continue;
    containers.forEach((_c, i) => stringField(obj, [...specPath, list, i, 'image'], out));
  }
}

const POD_SPEC_PATH: Partial<Record<MigrationKind, string[]>> = {
  deployments: ['spec', 'template', 'spec'],
  deploymentconfigs: ['spec', 'template', 'spec'],
  statefulsets: ['spec', 'template', 'spec'],
  daemonsets: ['spec', 'template', 'spec'],
  jobs: ['spec', 'template', 'spec'],
  cronjobs: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** ImageStream tag history: written through the `status` subresource. */
export function imageStreamStatusFields(obj: unknown): ImageField[] {
  const out: ImageField[] = [];
  const tags = at(obj, ['status', 'tags']);
  if (!Array.isArray(tags)) return out;
  tags.forEach((_t, i) => {
    const items = at(obj, ['status', 'tags', i, 'items']);
    if (Array.isArray(items))
      items.forEach((_x, j) =>
        stringField(obj, ['status', 'tags', i, 'items', j, 'dockerImageReference'], out),
      );
  });
  return out;
}

/** The image references of one object's spec (secrets are handled by dockerconfig.ts). */
export function imageFields(kind: MigrationKind, obj: unknown): ImageField[] {
  const out: ImageField[] = [];
  const podSpec = POD_SPEC_PATH[kind];
  if (podSpec) {
    podSpecImages(obj, podSpec, out);
  } else if (kind === 'imagestreams') {
    stringField(obj, ['spec', 'dockerImageRepository'], out);
    const tags = at(obj, ['spec', 'tags']);
    if (Array.isArray(tags)) tags.forEach((_t, i) => dockerImageRef(obj, ['spec', 'tags', i, 'from'], out));
  } else if (kind === 'buildconfigs') {
    dockerImageRef(obj, ['spec', 'output', 'to'], out);
    const images = at(obj, ['spec', 'source', 'images']);
    if (Array.isArray(images))
      images.forEach((_x, i) => dockerImageRef(obj, ['spec', 'source', 'images', i, 'from'], out));
    for (const strategy of ['customStrategy', 'dockerStrategy', 'sourceStrategy'])
      dockerImageRef(obj, ['spec', 'strategy', strategy, 'from'], out);
  }
  return out;
}
