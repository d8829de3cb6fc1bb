import type { ResourceType } from '../resources/resource-type.js';
import { BUILTIN_KIND_FIELDS } from './builtin-schemas.js';
import { OPENSHIFT_KIND_FIELDS, isOpenShiftGroup } from './openshift-schemas.js';

/** Reverse-DNS schema names as kube-apiserver publishes them (io.k8s.api.apps.v1.Deployment). */
export function schemaName(t: ResourceType): string {
  if (t.crd) return `${t.group.split('.').reverse().join('.')}.${t.version}.${t.kind}`;
  // openshift-apiserver names its kinds by Go package: com.github.openshift.api.image.v1.ImageStream
  if (isOpenShiftGroup(t.group))
    return `com.github.openshift.api.${t.group.split('.')[0] ?? ''}.${t.version}.${t.kind}`;
  const pkg = t.group === '' ? 'core' : t.group.replace('.k8s.io', '').replace(/\./g, '');
  const base =
    t.group === 'apiextensions.k8s.io'
      ? 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions'
      : `io.k8s.api.${pkg}`;
  return `${base}.${t.version}.${t.kind}`;
}

export const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

const str = (description: string): object => ({ type: 'string', description });

/** ObjectMeta, trimmed to the fields clients use, with kube's descriptions shortened. */
export const objectMetaSchema = {
  description:
    'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
  type: 'object',
  properties: {
    name: str('Name must be unique within a namespace.'),
    generateName: str(
      'GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.',
    ),
    namespace: str('Namespace defines the space within which each name must be unique.'),
    uid: str('UID is the unique in time and space value for this object.'),
    selfLink: str(
      'Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.',
    ),
    resourceVersion: str('An opaque value that represents the internal version of this object.'),
    generation: {
      type: 'integer',
      format: 'int64',
      description: 'A sequence number representing a specific generation of the desired state.',
    },
    creationTimestamp: {
      type: 'string',
      format: 'date-time',
      description:
        'CreationTimestamp is a timestamp representing the server time when this object was created.',
    },
    deletionTimestamp: {
      type: 'string',
      format: 'date-time',
      description: 'DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted.',
    },
    deletionGracePeriodSeconds: {
      type: 'integer',
      format: 'int64',
      description: 'Number of seconds allowed for this object to gracefully terminate.',
    },
    labels: {
      type: 'object',
      additionalProperties: { type: 'string', default: '' },
      description: 'Map of string keys and values that can be used to organize and categorize objects.',
    },
    annotations: {
      type: 'object',
      additionalProperties: { type: 'string', default: '' },
      description: 'Annotations is an unstructured key value map stored with a resource.',
    },
    finalizers: {
      type: 'array',
      items: { type: 'string', default: '' },
      'x-kubernetes-list-type': 'set',
      'x-kubernetes-patch-strategy': 'merge',
      description: 'Must be empty before the object is deleted from the registry.',
    },
    ownerReferences: {
      type: 'array',
      items: {
        type: 'object',
        required: ['apiVersion', 'kind', 'name', 'uid'],
        properties: {
          apiVersion: str('API version of the referent.'),
          kind: str('Kind of the referent.'),
          name: str('Name of the referent.'),
          uid: str('UID of the referent.'),
          controller: { type: 'boolean' },
          blockOwnerDeletion: { type: 'boolean' },
        },
      },
      'x-kubernetes-patch-merge-key': 'uid',
      'x-kubernetes-patch-strategy': 'merge',
      description: 'List of objects depended by this object.',
    },
    managedFields: {
      type: 'array',
      items: { type: 'object' },
      description:
        'ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow.',
    },
  },
};

export const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';

export const listMetaSchema = {
  description:
    'ListMeta describes metadata that synthetic resources must have, including lists and various status objects.',
  type: 'object',
  properties: {
    continue: {
      type: 'string',
      description: 'continue may be set if the user set a limit on the number of items returned.',
    },
    remainingItemCount: {
      type: 'integer',
      format: 'int64',
      description:
        'remainingItemCount is the number of subsequent items in the list which are not included in this list response.',
    },
    resourceVersion: {
      type: 'string',
      description: "String that identifies the server's internal version of this object.",
    },
    selfLink: {
      type: 'string',
      description:
        'Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.',
    },
  },
};

/**
 * The List schema published next to a kind (the CRD OpenAPI builder's buildListSchema: required
 * items, ListMeta metadata, the list kind's GVK) — `…imageregistry.v1.ConfigList` on a real server.
 */
export function listSchema(t: ResourceType): Record<string, unknown> {
  return {
    description: `${t.listKind} is a list of ${t.kind}`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
      items: {
        description: `List of ${t.resource}. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md`,
        type: 'array',
        items: { $ref: `#/components/schemas/${schemaName(t)}` },
      },
      kind: str('Kind is a string value representing the REST resource this object represents.'),
      metadata: {
        description:
          'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        allOf: [{ $ref: `#/components/schemas/${LIST_META}` }],
      },
    },
    'x-kubernetes-group-version-kind': [{ group: t.group, kind: t.listKind, version: t.version }],
  };
}

function withMetaRef(schema: Record<string, unknown>): Record<string, unknown> {
  const props = { ...((schema.properties as Record<string, unknown> | undefined) ?? {}) };
  props.apiVersion = str('APIVersion defines the versioned schema of this representation of an object.');
  props.kind = str('Kind is a string value representing the REST resource this object represents.');
  props.metadata = {
    allOf: [{ $ref: `#/components/schemas/${OBJECT_META}` }],
    default: {},
    description: "Standard object's metadata.",
  };
  return { ...schema, properties: props };
}

/** Whether the kind's fields are known (a CRD schema or a built-in one), rather than left open. */
export function hasKindSchema(t: ResourceType): boolean {
  return Boolean(
    t.crd ??
    BUILTIN_KIND_FIELDS[`${t.group || 'core'}/${t.kind}`] ??
    OPENSHIFT_KIND_FIELDS[`${t.group}/${t.kind}`],
  );
}

/** The schema of a resource's kind: a CRD's openAPIV3Schema, the built-in schema, or an open object. */
export function kindSchema(t: ResourceType): Record<string, unknown> {
  const gvk = [{ group: t.group, kind: t.kind, version: t.version }];
  if (t.crd) {
    const v = t.crd.spec.versions.find((x) => x.name === t.version);
    const schema = structuredClone(v?.schema.openAPIV3Schema ?? { type: 'object' }) as Record<
      string,
      unknown
    >;
    return { ...withMetaRef(schema), 'x-kubernetes-group-version-kind': gvk };
  }
  const known =
    BUILTIN_KIND_FIELDS[`${t.group || 'core'}/${t.kind}`] ?? OPENSHIFT_KIND_FIELDS[`${t.group}/${t.kind}`];
  if (known) {
    const schema = {
      type: 'object',
      description: known.description,
      properties: known.properties,
      ...(known.required ? { required: known.required } : {}),
    };
    return { ...withMetaRef(schema), 'x-kubernetes-group-version-kind': gvk };
  }
  const open = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const props: Record<string, unknown> = {};
  for (const field of ['spec', 'status'])
    props[field] = {
      ...open,
      description: `${field === 'spec' ? 'Spec defines the desired' : 'Status is the observed'} state of the ${t.kind}.`,
    };
  return {
    ...withMetaRef({
      type: 'object',
      description: `${t.kind} (${t.group || 'core'}/${t.version}).`,
      properties: props,
    }),
    'x-kubernetes-group-version-kind': gvk,
  };
}
