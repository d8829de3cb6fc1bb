import type { KubeObject, StatusCause } from '../../core/types.js';
import type { CustomResourceDefinition } from '../../validation/index.js';

/** A field a fieldSelector may name for this resource, and how to read it from an object. */
export type FieldGetter = (obj: KubeObject) => string | undefined;

/** How names of this resource are validated (kube's ValidateObjectMeta name functions). */
export type NameRule = 'subdomain' | 'label' | 'dns1035' | 'path' | 'none';

/**
 * Everything the API machinery knows about one resource type: identity (group/version/resource,
 * kind), discovery facts, and the per-type strategy bits kube-apiserver keeps in its registry
 * (status subresource, generation, graceful deletion, validation).
 */
export interface ResourceType {
  group: string;
  version: string;
  resource: string;
  kind: string;
  listKind: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Subresources served (discovery lists them as `<resource>/<sub>`). */
  subresources: string[];
  /** True when `status` is a subresource: spec writes ignore status and vice versa. */
  hasStatus: boolean;
  /** metadata.generation maintained (bumped on changes outside metadata/status). */
  generation: boolean;
  /** Strategic merge patch is accepted (built-in types only). */
  strategicMerge: boolean;
  /** DELETE answers the deleted object (true) or a Success Status (false). */
  returnDeletedObject: boolean;
  nameRule: NameRule;
  /** Extra fieldSelector fields beyond metadata.name/metadata.namespace. */
  fields: Record<string, FieldGetter>;
  /** Built-in structural validation; returns causes for a 422. */
  validate?: (obj: KubeObject, old: KubeObject | undefined) => StatusCause[];
  /** Server-side defaulting on create/update (kube's SetDefaults_*). */
  applyDefaults?: (obj: KubeObject) => void;
  /**
   * The strategy step that needs the object's final metadata.generation (PrepareForCreate /
   * PrepareForUpdate after the generation moved): e.g. image stream spec tags take the stream's
   * generation when they change. `old` is undefined on create.
   */
  prepareForStorage?: (obj: KubeObject, old: KubeObject | undefined) => void;
  /**
   * Fields computed on every read rather than stored (an aggregated API's Decorator): e.g. an
   * image stream's status.dockerImageRepository follows the registry's current hostname.
   * Returns a new object; must not mutate the stored one.
   */
  decorate?: (obj: KubeObject) => KubeObject;
  /** Set for custom resources. */
  crd?: CustomResourceDefinition;
}

export function apiVersionOf(t: Pick<ResourceType, 'group' | 'version'>): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
