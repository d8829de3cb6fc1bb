/**
 * `GET /api/v1/me`: who the caller is (SelfSubjectReview) and what they may do
 * (SelfSubjectAccessReviews), so the UI can disable controls and say why.
 */
import Type, { type Static } from 'typebox';
import { Kinds, RegistryObjects, type AccessAttributes } from '../registry/kinds.js';

/** The capabilities the UI gates, and the access check behind each. */
export const PERMISSION_CHECKS = {
  'config.get': Kinds.Config.access('get'),
  'config.patch': Kinds.Config.access('patch'),
  'clusteroperator.get': Kinds.ClusterOperator.access('get'),
  'credentials.get': RegistryObjects.userCredentials.access('get'),
  'credentials.update': RegistryObjects.userCredentials.access('update'),
  'credentials.create': RegistryObjects.userCredentials.access('create'),
  'pods.list': Kinds.Pod.access('list'),
  'pods.log': Kinds.Pod.access('get', { subresource: 'log' }),
  'events.list': Kinds.Event.access('list'),
  'deployments.list': Kinds.Deployment.access('list'),
  // Trusted registries: the CA ConfigMap in openshift-config (its name comes from the image config,
  // so the check is namespace-wide), and images.config.openshift.io/cluster that references it.
  'trust.configmaps.patch': RegistryObjects.trustedCAs.access('patch'),
  'trust.configmaps.create': RegistryObjects.trustedCAs.access('create'),
  'trust.imageconfig.patch': Kinds.Image.access('patch'),
  // Registry credentials: the global pull secret openshift-config/pull-secret.
  'pullsecret.get': RegistryObjects.pullSecret.access('get'),
  'pullsecret.patch': RegistryObjects.pullSecret.access('patch'),
  'pullsecret.create': RegistryObjects.pullSecret.access('create'),
} as const satisfies Record<string, AccessAttributes>;
export type PermissionId = keyof typeof PERMISSION_CHECKS;

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
