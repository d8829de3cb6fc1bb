/**
 * Names, labels and images of the image registry operator and its operand
 * (op:pkg/defaults/defaults.go, op:manifests/*). One place, so every generator agrees.
 */
export const NS = 'openshift-image-registry';
export const CONFIG_NAME = 'cluster';
export const FINALIZER = 'imageregistry.operator.openshift.io/finalizer';
export const OPERATOR_NAME = 'cluster-image-registry-operator';
export const OPERATOR_LABELS = { name: OPERATOR_NAME };
export const REGISTRY_NAME = 'image-registry';
export const REGISTRY_LABELS = { 'docker-registry': 'default' };
export const REGISTRY_CONTAINER = 'registry';
export const REGISTRY_SA = 'registry';
export const CLUSTER_ROLE = 'system:registry';
export const CLUSTER_ROLE_BINDING = 'registry-registry-role';
export const PRIVATE_CONFIG_SECRET = 'image-registry-private-configuration';
export const USER_CONFIG_SECRET = 'image-registry-private-configuration-user';
export const INSTALLER_CREDS_SECRET = 'installer-cloud-credentials';
export const PULL_SECRET_COPY = 'installation-pull-secrets';
export const TLS_SECRET = 'image-registry-tls';
export const CERTS_CONFIGMAP = 'image-registry-certificates';
export const TRUSTED_CA_CONFIGMAP = 'trusted-ca';
export const PDB_NAME = 'image-registry';
export const NETWORK_POLICY = 'image-registry-networkpolicy';
export const DEFAULT_ROUTE = 'default-route';
export const PVC_NAME = 'image-registry-storage';
export const NODE_CA = 'node-ca';
export const PRUNER_NAME = 'image-pruner';
export const CO_NAME = 'image-registry';
export const INTERNAL_HOSTNAME = 'image-registry.openshift-image-registry.svc:5000';
export const INGRESS_DOMAIN = 'apps.sandbox.example.com';
export const ROUTE_OWNER_ANNOTATION = 'imageregistry.openshift.io';
export const CHECKSUM_ANNOTATION = 'imageregistry.operator.openshift.io/checksum';
export const DEPS_CHECKSUM_ANNOTATION = 'imageregistry.operator.openshift.io/dependencies-checksum';
export const STORAGE_OWNER_ANNOTATION = 'imageregistry.openshift.io';
export const EVENT_COMPONENT = 'image-registry-operator';
export const SUPPLEMENTAL_GROUPS_ANNOTATION = 'openshift.io/sa.scc.supplemental-groups';

/** The release the sandbox imitates: 4.23 (NetworkPolicies, 120 s deadline, 5-minute inertia — none of it in 4.19). */
export const RELEASE_VERSION = '4.23.0';
export const OPERATOR_VERSION_STRING = '4.23.0-202611240915.p0.g7c2e4b1.assembly.stream.el9-7c2e4b1';
const ART = 'quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:';
export const IMAGES = {
  operator: `${ART}5b0c4a4f7d2a1e0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b`,
  registry: `${ART}9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b`,
  cli: `${ART}1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3`,
};

/** Progress deadline of the registry deployment (seconds), and the Degraded inertia (ms). */
export const PROGRESS_DEADLINE_SECONDS = 120;
export const DEGRADED_INERTIA_MS = 5 * 60_000;
