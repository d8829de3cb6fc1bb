import type { KubeObject, StatusCause } from '../../core/types.js';
import { invalidValue, notSupported, required, duplicate } from '../admission/field-errors.js';
import { deepEqual } from '../patch/json-value.js';
import { def } from '../resources/builtin.js';
import type { ResourceType } from '../resources/resource-type.js';
import {
  NAME_TOTAL_LENGTH_MAX,
  ReferenceError,
  TAG_PATTERN,
  isValidTagName,
  parseImageReference,
} from './image-reference.js';
import { isObj, type Json } from './json.js';

/**
 * `image.openshift.io/v1` ImageStream, served the way openshift-apiserver serves it (an
 * aggregated API, not a CRD): its validation (pkg/image/apis/image/validation), v1 defaults,
 * the strategy's spec-tag generations, and the Decorator that fills status.dockerImageRepository
 * and status.publicDockerImageRepository from the registry's current hostnames on every read.
 */

/** Where the integrated registry is reachable, as images.config.openshift.io/cluster status says. */
export interface RegistryHostnames {
  /** `image-registry.openshift-image-registry.svc:5000`; '' when the registry is Removed */
  internal: string;
  /** the first external hostname (the default route when it is on) */
  external?: string;
}

const REPOSITORY_NAME_COMPONENT = '[a-z0-9]+(?:[._-][a-z0-9]+)*';
const repositoryComponentRe = new RegExp(`^${REPOSITORY_NAME_COMPONENT}$`);
const FROM_KINDS = ['DockerImage', 'ImageStreamImage', 'ImageStreamTag'];
const REFERENCE_POLICIES = ['Source', 'Local'];
const IMPORT_MODES = ['Legacy', 'PreserveOriginal'];

const tagsOf = (parent: unknown): Json[] =>
  isObj(parent) && Array.isArray(parent.tags) ? parent.tags.filter(isObj) : [];

function referenceError(e: unknown): string {
  if (e instanceof ReferenceError) return e.message;
  throw e;
}

/** ValidateImageStreamTagReference: from (kind, name, pull spec) and the reference policy. */
function validateTagReference(tag: Json, at: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const importPolicy = isObj(tag.importPolicy) ? tag.importPolicy : {};
  if (tag.from !== undefined && tag.from !== null) {
    const from = isObj(tag.from) ? tag.from : {};
    const name = typeof from.name === 'string' ? from.name : '';
    if (name === '') causes.push(required(`${at}.from.name`));
    switch (from.kind) {
      case 'DockerImage':
        if (name !== '') {
          try {
            parseImageReference(name);
          } catch (e) {
            causes.push(invalidValue(`${at}.from.name`, name, referenceError(e)));
          }
        }
        break;
      case 'ImageStreamImage':
      case 'ImageStreamTag':
        if (importPolicy.scheduled === true)
          causes.push(
            invalidValue(
              `${at}.importPolicy.scheduled`,
              true,
              'only tags pointing to Docker repositories may be scheduled for background import',
            ),
          );
        break;
      default:
        causes.push(
          required(`${at}.from.kind`, `valid values are ${FROM_KINDS.map((k) => `'${k}'`).join(', ')}`),
        );
    }
  }
  const policy = isObj(tag.referencePolicy) ? tag.referencePolicy.type : undefined;
  if (!REFERENCE_POLICIES.includes(String(policy)))
    causes.push(
      invalidValue(
        `${at}.referencePolicy.type`,
        policy ?? '',
        `valid values are ${REFERENCE_POLICIES.map((p) => JSON.stringify(p)).join(', ')}`,
      ),
    );
  if (importPolicy.importMode !== undefined && !IMPORT_MODES.includes(String(importPolicy.importMode)))
    causes.push(notSupported(`${at}.importPolicy.importMode`, importPolicy.importMode, IMPORT_MODES));
  return causes;
}

/**
 * Spec tags are a list in v1 but a map keyed by name inside the server, so a tag needs a name
 * that can be an image tag and no two tags may share one (the map would silently drop one).
 */
function validateSpecTags(spec: Json): StatusCause[] {
  if (spec.tags === undefined || spec.tags === null) return [];
  if (!Array.isArray(spec.tags)) return [invalidValue('spec.tags', spec.tags, 'must be a list')];
  const causes: StatusCause[] = [];
  const seen = new Set<string>();
  spec.tags.forEach((tag: unknown, i: number) => {
    if (!isObj(tag)) return void causes.push(invalidValue(`spec.tags[${i}]`, tag, 'must be an object'));
    const name = typeof tag.name === 'string' ? tag.name : '';
    if (name === '') return void causes.push(required(`spec.tags[${i}].name`));
    if (!isValidTagName(name))
      causes.push(invalidValue(`spec.tags[${i}].name`, name, `must match "${TAG_PATTERN}"`));
    if (seen.has(name)) causes.push(duplicate(`spec.tags[${i}].name`, name));
    seen.add(name);
    causes.push(...validateTagReference(tag, `spec.tags[${name}]`));
  });
  return causes;
}

function validateStatusTags(status: unknown): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const list of tagsOf(status)) {
    const tag = String(list.tag ?? '');
    if (tag === '') causes.push(required('status.tags.tag'));
    const items = Array.isArray(list.items) ? list.items : [];
    items.forEach((item: unknown, i: number) => {
      const at = `status.tags[${tag}].items[${i}].dockerImageReference`;
      const ref =
        isObj(item) && typeof item.dockerImageReference === 'string' ? item.dockerImageReference : '';
      if (ref === '') return void causes.push(required(at));
      try {
        parseImageReference(ref);
      } catch (e) {
        causes.push(invalidValue(at, ref, referenceError(e)));
      }
    });
  }
  return causes;
}

export function validateImageStream(o: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const name = o.metadata.name ?? '';
  if (name && !repositoryComponentRe.test(name))
    causes.push(invalidValue('metadata.name', name, `must match "${REPOSITORY_NAME_COMPONENT}"`));
  if (`${o.metadata.namespace ?? ''}/${name}`.length > NAME_TOTAL_LENGTH_MAX)
    causes.push(
      invalidValue(
        'metadata.name',
        name,
        `'namespace/name' cannot be longer than ${NAME_TOTAL_LENGTH_MAX} characters`,
      ),
    );
  if (o.spec !== undefined && !isObj(o.spec))
    return [...causes, invalidValue('spec', o.spec, 'must be an object')];
  const spec = isObj(o.spec) ? o.spec : {};
  const repo = spec.dockerImageRepository;
  if (typeof repo === 'string' && repo !== '') {
    try {
      const ref = parseImageReference(repo);
      if (ref.tag)
        causes.push(
          invalidValue('spec.dockerImageRepository', repo, 'the repository name may not contain a tag'),
        );
      if (ref.id)
        causes.push(
          invalidValue('spec.dockerImageRepository', repo, 'the repository name may not contain an ID'),
        );
    } catch (e) {
      causes.push(invalidValue('spec.dockerImageRepository', repo, referenceError(e)));
    }
  }
  return [...causes, ...validateSpecTags(spec), ...validateStatusTags(o.status)];
}

/**
 * image/v1 SetDefaults: tag reference policy Source, import mode Legacy, lookupPolicy.local
 * false (serialized without omitempty). Tags keep the order they were written in (openshift-apiserver
 * keeps them as a map and lists them by name). The repositories in status are not stored: the
 * Decorator computes them on read.
 */
export function defaultImageStream(o: KubeObject): void {
  const spec: Json = isObj(o.spec) ? o.spec : {};
  o.spec = spec;
  spec.lookupPolicy = { local: false, ...(isObj(spec.lookupPolicy) ? spec.lookupPolicy : {}) };
  for (const tag of tagsOf(spec)) {
    tag.annotations ??= null;
    const policy: Json = isObj(tag.referencePolicy) ? tag.referencePolicy : {};
    if (policy.type === undefined || policy.type === '') policy.type = 'Source';
    tag.referencePolicy = policy;
    const importPolicy: Json = isObj(tag.importPolicy) ? tag.importPolicy : {};
    if (importPolicy.importMode === undefined || importPolicy.importMode === '')
      importPolicy.importMode = 'Legacy';
    tag.importPolicy = importPolicy;
  }
  const status: Json = isObj(o.status) ? o.status : {};
  delete status.dockerImageRepository;
  delete status.publicDockerImageRepository;
  o.status = status;
}

const withoutGeneration = (t: Json): Json => {
  const { generation: _g, ...rest } = t;
  return rest;
};

/**
 * The strategy's tag generations: a new or changed spec tag (or one sent with generation 0, the
 * "import again" request) takes the stream's generation; one sent without a generation keeps
 * the generation it had.
 */
export function prepareImageStream(o: KubeObject, old: KubeObject | undefined): void {
  const generation = o.metadata.generation ?? 1;
  const before = new Map(tagsOf(old?.spec).map((t) => [String(t.name), t]));
  for (const tag of tagsOf(o.spec)) {
    const prev = before.get(String(tag.name));
    const changed =
      !prev ||
      !deepEqual(
        JSON.parse(JSON.stringify(withoutGeneration(tag))),
        JSON.parse(JSON.stringify(withoutGeneration(prev))),
      );
    if (changed || tag.generation === 0) tag.generation = generation;
    else if (tag.generation === undefined || tag.generation === null)
      tag.generation = prev.generation ?? generation;
  }
}

/** The Decorator: where this stream can be pulled from, given the registry's hostnames now. */
export function decorateImageStream(o: KubeObject, hosts: RegistryHostnames): KubeObject {
  const path = `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
  const {
    dockerImageRepository: _d,
    publicDockerImageRepository: _p,
    ...rest
  } = isObj(o.status) ? o.status : {};
  const status: Json = { dockerImageRepository: hosts.internal ? `${hosts.internal}/${path}` : '' };
  if (hosts.external) status.publicDockerImageRepository = `${hosts.external}/${path}`;
  return { ...o, status: { ...status, ...rest } };
}

export function imageStreamType(hostnames: () => RegistryHostnames): ResourceType {
  return def({
    group: 'image.openshift.io',
    version: 'v1',
    resource: 'imagestreams',
    kind: 'ImageStream',
    shortNames: ['is'],
    categories: ['all'],
    hasStatus: true,
    generation: true,
    returnDeletedObject: false,
    nameRule: 'path',
    validate: validateImageStream,
    applyDefaults: defaultImageStream,
    prepareForStorage: prepareImageStream,
    decorate: (o) => decorateImageStream(o, hostnames()),
  });
}
