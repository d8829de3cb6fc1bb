import { describe, expect, it } from 'vitest';
import { Kinds, PERMISSION_CHECKS, RegistryObjects } from '../../src/index.js';

describe('kind descriptors', () => {
  it('give the API paths a kube-apiserver serves', () => {
    expect(Kinds.Config.path()).toBe('/apis/imageregistry.operator.openshift.io/v1/configs');
    expect(Kinds.Config.path('instance')).toBe(
      '/apis/imageregistry.operator.openshift.io/v1/configs/instance',
    );
    expect(Kinds.ImagePruner.path(Kinds.ImagePruner.name)).toBe(
      '/apis/imageregistry.operator.openshift.io/v1/imagepruners/cluster',
    );
    expect(Kinds.Pod.path()).toBe('/api/v1/namespaces/openshift-image-registry/pods');
    expect(Kinds.Event.path(undefined, 'default')).toBe('/api/v1/namespaces/default/events');
    expect(Kinds.CronJob.path('image-pruner')).toBe(
      '/apis/batch/v1/namespaces/openshift-image-registry/cronjobs/image-pruner',
    );
    expect(Kinds.Node.path()).toBe('/api/v1/nodes');
    expect(RegistryObjects.pullSecret.path(RegistryObjects.pullSecret.name)).toBe(
      '/api/v1/namespaces/openshift-config/secrets/pull-secret',
    );
  });

  it('give apiVersion and client-node coordinates', () => {
    expect(Kinds.Secret.apiVersion).toBe('v1');
    expect(Kinds.Deployment.apiVersion).toBe('apps/v1');
    expect(Kinds.Route.coordinates).toEqual({ group: 'route.openshift.io', version: 'v1', plural: 'routes' });
  });

  it('name the object for object verbs, not for collection verbs', () => {
    expect(Kinds.ClusterOperator.access('get')).toEqual({
      verb: 'get',
      group: 'config.openshift.io',
      resource: 'clusteroperators',
      name: 'image-registry',
    });
    expect(RegistryObjects.userCredentials.access('create')).toEqual({
      verb: 'create',
      group: '',
      resource: 'secrets',
      namespace: 'openshift-image-registry',
    });
    expect(Kinds.Deployment.access('watch')).toEqual({
      verb: 'watch',
      group: 'apps',
      resource: 'deployments',
      namespace: 'openshift-image-registry',
    });
  });

  it('keep the access checks behind /api/v1/me as they were written out before', () => {
    expect(PERMISSION_CHECKS).toStrictEqual(WRITTEN_OUT);
  });
});

/** The table as it was spelled out by hand before the descriptors. */
const WRITTEN_OUT = {
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
};
