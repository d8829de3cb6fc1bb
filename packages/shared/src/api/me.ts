/**
 * `GET /api/v1/me`: who the caller is (SelfSubjectReview) and what they may do
 * (SelfSubjectAccessReviews), so the UI can disable controls and say why.
 */
import Type, { type Static } from 'typebox';

/** The capabilities the UI gates, and the access check behind each. */
export const PERMISSION_CHECKS = {
  'config.get': { verb: 'get', group: 'imageregistry.operator.openshift.io', resource: 'configs' },
  'config.patch': { verb: 'patch', group: 'imageregistry.operator.openshift.io', resource: 'configs' },
  'clusteroperator.get': {
    verb: 'get',
    group: 'config.openshift.io',
    resource: 'clusteroperators',
    name: 'image-registry',
  },
  'credentials.get': {
    verb: 'get',
    group: '',
    resource: 'secrets',
    namespace: 'openshift-image-registry',
    name: 'image-registry-private-configuration-user',
  },
  'credentials.update': {
    verb: 'update',
    group: '',
    resource: 'secrets',
    namespace: 'openshift-image-registry',
    name: 'image-registry-private-configuration-user',
  },
  'credentials.create': {
    verb: 'create',
    group: '',
    resource: 'secrets',
    namespace: 'openshift-image-registry',
  },
  'pods.list': { verb: 'list', group: '', resource: 'pods', namespace: 'openshift-image-registry' },
  'pods.log': {
    verb: 'get',
    group: '',
    resource: 'pods',
    subresource: 'log',
    namespace: 'openshift-image-registry',
  },
  'events.list': { verb: 'list', group: '', resource: 'events', namespace: 'openshift-image-registry' },
  'deployments.list': {
    verb: 'list',
    group: 'apps',
    resource: 'deployments',
    namespace: 'openshift-image-registry',
  },
  // Trusted registries: the CA ConfigMap in openshift-config (its name comes from the image config,
  // so the check is namespace-wide), and images.config.openshift.io/cluster that references it.
  'trust.configmaps.patch': {
    verb: 'patch',
    group: '',
    resource: 'configmaps',
    namespace: 'openshift-config',
  },
  'trust.configmaps.create': {
    verb: 'create',
    group: '',
    resource: 'configmaps',
    namespace: 'openshift-config',
  },
  'trust.imageconfig.patch': {
    verb: 'patch',
    group: 'config.openshift.io',
    resource: 'images',
    name: 'cluster',
  },
  // Registry credentials: the global pull secret openshift-config/pull-secret.
  'pullsecret.get': {
    verb: 'get',
    group: '',
    resource: 'secrets',
    namespace: 'openshift-config',
    name: 'pull-secret',
  },
  'pullsecret.patch': {
    verb: 'patch',
    group: '',
    resource: 'secrets',
    namespace: 'openshift-config',
    name: 'pull-secret',
  },
  'pullsecret.create': { verb: 'create', group: '', resource: 'secrets', namespace: 'openshift-config' },
} as const satisfies Record<string, AccessCheck>;
export type PermissionId = keyof typeof PERMISSION_CHECKS;

export interface AccessCheck {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export const PermissionSchema = Type.Object({
  id: Type.String(),
  verb: Type.String(),
  group: Type.String(),
  resource: Type.String(),
  subresource: Type.Optional(Type.String()),
  namespace: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  allowed: Type.Boolean(),
  /** The authorizer's reason, or a sentence the UI can show when denied. */
  reason: Type.String(),
});
export type Permission = Static<typeof PermissionSchema>;

export const MeResponseSchema = Type.Object({
  user: Type.Object({
    username: Type.String(),
    uid: Type.Optional(Type.String()),
    groups: Type.Array(Type.String()),
  }),
  /** kubeconfig: the server's own identity (standalone); token: the caller's bearer token. */
  authMode: Type.Union([Type.Literal('kubeconfig'), Type.Literal('token')]),
  permissions: Type.Array(PermissionSchema),
});
export type MeResponse = Static<typeof MeResponseSchema>;
