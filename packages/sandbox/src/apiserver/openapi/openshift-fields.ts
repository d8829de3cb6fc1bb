/**
 * Every field of the openshift/api structs behind the trimmed ImageStream, DeploymentConfig and
 * BuildConfig schemas (build/v1, apps/v1, image/v1 types.go), per `/openapi/v2` definition and
 * inner path, like BUILTIN_FIELDS: fields the sandbox does not describe are accepted untyped.
 */
const BUILD = 'com.github.openshift.api.build.v1';
const STRATEGY_COMMON = ['from', 'pullSecret', 'env', 'forcePull'];

export const OPENSHIFT_FIELDS: Record<string, Record<string, string[]>> = {
  [`${BUILD}.BuildConfigSpec`]: {
    '': [
      'triggers',
      'runPolicy',
      'serviceAccount',
      'source',
      'revision',
      'strategy',
      'output',
      'resources',
      'postCommit',
      'completionDeadlineSeconds',
      'nodeSelector',
      'mountTrustedCA',
      'successfulBuildsHistoryLimit',
      'failedBuildsHistoryLimit',
    ],
    source: [
      'type',
      'binary',
      'dockerfile',
      'git',
      'images',
      'contextDir',
      'sourceSecret',
      'secrets',
      'configMaps',
    ],
    'source.images[]': ['from', 'as', 'paths', 'pullSecret'],
    strategy: ['type', 'dockerStrategy', 'sourceStrategy', 'customStrategy', 'jenkinsPipelineStrategy'],
    'strategy.dockerStrategy': [
      ...STRATEGY_COMMON,
      'noCache',
      'dockerfilePath',
      'buildArgs',
      'imageOptimizationPolicy',
      'volumes',
    ],
    'strategy.sourceStrategy': [...STRATEGY_COMMON, 'scripts', 'incremental', 'volumes'],
    'strategy.customStrategy': [...STRATEGY_COMMON, 'exposeDockerSocket', 'secrets', 'buildAPIVersion'],
    output: ['to', 'pushSecret', 'imageLabels'],
  },
  [`${BUILD}.BuildConfigStatus`]: { '': ['lastVersion', 'imageChangeTriggers'] },
  'com.github.openshift.api.apps.v1.DeploymentConfigSpec': {
    '': [
      'strategy',
      'minReadySeconds',
      'triggers',
      'replicas',
      'revisionHistoryLimit',
      'test',
      'paused',
      'selector',
      'template',
    ],
  },
  'com.github.openshift.api.image.v1.ImageStreamSpec': {
    '': ['lookupPolicy', 'dockerImageRepository', 'tags'],
    lookupPolicy: ['local'],
  },
  'com.github.openshift.api.image.v1.ImageStreamStatus': {
    '': ['dockerImageRepository', 'publicDockerImageRepository', 'tags'],
  },
  'com.github.openshift.api.image.v1.TagReference': {
    '': ['name', 'annotations', 'from', 'reference', 'generation', 'importPolicy', 'referencePolicy'],
    importPolicy: ['insecure', 'scheduled', 'importMode'],
    referencePolicy: ['type'],
  },
};
