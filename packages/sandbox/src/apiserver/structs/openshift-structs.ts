/**
 * The JSON fields of the OpenShift kinds the sandbox serves as built-ins, from openshift/api
 * (image/v1, apps/v1, build/v1 types.go, inline structs flattened), in builtin-structs.ts's format:
 * `field` is a leaf, `field:Ref` a struct, `[]Struct` or `{}Struct`. Structs are named like their
 * /openapi/v2 definitions; core types they embed (V1PodTemplateSpec, V1EnvVar …) come from
 * BUILTIN_STRUCTS. openshift-apiserver decodes these kinds strictly at every depth, like kube.
 *
 * Source, checked field by field against the json tags of openshift/api on 2026-12-07:
 * - image/v1/types.go @ 107168faa19663f076022efe16c1dbd74888500d (ImageStream … TagEventCondition;
 *   TagEvent gained `platforms`, which this table lacked)
 * - apps/v1/types.go @ fc7deb0d5735b431e91425bbf5b56b5d1c874459 (DeploymentConfig … DeploymentCondition)
 * - build/v1/types.go, the stored snapshot (BuildConfig … ImageStreamTagReference; CommonSpec and
 *   ProxyConfig are inlined there, so their fields sit in BuildConfigSpec and GitBuildSource)
 */
const IMAGE = 'com.github.openshift.api.image.v1';
const APPS = 'com.github.openshift.api.apps.v1';
const BUILD = 'com.github.openshift.api.build.v1';
const KIND = 'apiVersion kind metadata:V1ObjectMeta';
const REF = 'V1ObjectReference';
const LOCAL = 'V1LocalObjectReference';
const STRATEGY_COMMON = `from:${REF} pullSecret:${LOCAL} env:[]V1EnvVar forcePull`;
const WEBHOOK = `secret allowEnv secretReference:${BUILD}.SecretLocalReference`;

export const OPENSHIFT_KIND_STRUCTS: Record<string, string> = {
  ImageStream: `${IMAGE}.ImageStream`,
  DeploymentConfig: `${APPS}.DeploymentConfig`,
  BuildConfig: `${BUILD}.BuildConfig`,
};

export const OPENSHIFT_STRUCTS: Record<string, string> = {
  [`${IMAGE}.ImageStream`]: `${KIND} spec:${IMAGE}.ImageStreamSpec status:${IMAGE}.ImageStreamStatus`,
  [`${IMAGE}.ImageStreamSpec`]: `lookupPolicy:${IMAGE}.ImageLookupPolicy dockerImageRepository tags:[]${IMAGE}.TagReference`,
  [`${IMAGE}.ImageLookupPolicy`]: 'local',
  [`${IMAGE}.TagReference`]: `name annotations from:${REF} reference generation importPolicy:${IMAGE}.TagImportPolicy referencePolicy:${IMAGE}.TagReferencePolicy`,
  [`${IMAGE}.TagImportPolicy`]: 'insecure scheduled importMode',
  [`${IMAGE}.TagReferencePolicy`]: 'type',
  [`${IMAGE}.ImageStreamStatus`]: `dockerImageRepository publicDockerImageRepository tags:[]${IMAGE}.NamedTagEventList`,
  [`${IMAGE}.NamedTagEventList`]: `tag items:[]${IMAGE}.TagEvent conditions:[]${IMAGE}.TagEventCondition`,
  [`${IMAGE}.TagEvent`]: 'created dockerImageReference image generation platforms',
  [`${IMAGE}.TagEventCondition`]: 'type status lastTransitionTime reason message generation',

  [`${APPS}.DeploymentConfig`]: `${KIND} spec:${APPS}.DeploymentConfigSpec status:${APPS}.DeploymentConfigStatus`,
  [`${APPS}.DeploymentConfigSpec`]: `strategy:${APPS}.DeploymentStrategy minReadySeconds triggers:[]${APPS}.DeploymentTriggerPolicy replicas revisionHistoryLimit test paused selector template:V1PodTemplateSpec`,
  [`${APPS}.DeploymentStrategy`]: `type customParams:${APPS}.CustomDeploymentStrategyParams recreateParams:${APPS}.RecreateDeploymentStrategyParams rollingParams:${APPS}.RollingDeploymentStrategyParams resources:V1ResourceRequirements labels annotations activeDeadlineSeconds`,
  [`${APPS}.CustomDeploymentStrategyParams`]: 'image environment:[]V1EnvVar command',
  [`${APPS}.RecreateDeploymentStrategyParams`]: `timeoutSeconds pre:${APPS}.LifecycleHook mid:${APPS}.LifecycleHook post:${APPS}.LifecycleHook`,
  [`${APPS}.RollingDeploymentStrategyParams`]: `updatePeriodSeconds intervalSeconds timeoutSeconds maxUnavailable maxSurge pre:${APPS}.LifecycleHook post:${APPS}.LifecycleHook`,
  [`${APPS}.LifecycleHook`]: `failurePolicy execNewPod:${APPS}.ExecNewPodHook tagImages:[]${APPS}.TagImageHook`,
  [`${APPS}.ExecNewPodHook`]: 'command env:[]V1EnvVar containerName volumes',
  [`${APPS}.TagImageHook`]: `containerName to:${REF}`,
  [`${APPS}.DeploymentTriggerPolicy`]: `type imageChangeParams:${APPS}.DeploymentTriggerImageChangeParams`,
  [`${APPS}.DeploymentTriggerImageChangeParams`]: `automatic containerNames from:${REF} lastTriggeredImage`,
  [`${APPS}.DeploymentConfigStatus`]: `latestVersion observedGeneration replicas updatedReplicas availableReplicas unavailableReplicas details:${APPS}.DeploymentDetails conditions:[]${APPS}.DeploymentCondition readyReplicas`,
  [`${APPS}.DeploymentDetails`]: `message causes:[]${APPS}.DeploymentCause`,
  [`${APPS}.DeploymentCause`]: `type imageTrigger:${APPS}.DeploymentCauseImageTrigger`,
  [`${APPS}.DeploymentCauseImageTrigger`]: `from:${REF}`,
  [`${APPS}.DeploymentCondition`]: 'type status lastUpdateTime lastTransitionTime reason message',

  [`${BUILD}.BuildConfig`]: `${KIND} spec:${BUILD}.BuildConfigSpec status:${BUILD}.BuildConfigStatus`,
  // CommonSpec is inlined into BuildConfigSpec.
  [`${BUILD}.BuildConfigSpec`]: `triggers:[]${BUILD}.BuildTriggerPolicy runPolicy serviceAccount source:${BUILD}.BuildSource revision:${BUILD}.SourceRevision strategy:${BUILD}.BuildStrategy output:${BUILD}.BuildOutput resources:V1ResourceRequirements postCommit:${BUILD}.BuildPostCommitSpec completionDeadlineSeconds nodeSelector mountTrustedCA successfulBuildsHistoryLimit failedBuildsHistoryLimit`,
  [`${BUILD}.BuildTriggerPolicy`]: `type github:${BUILD}.WebHookTrigger generic:${BUILD}.WebHookTrigger imageChange:${BUILD}.ImageChangeTrigger gitlab:${BUILD}.WebHookTrigger bitbucket:${BUILD}.WebHookTrigger`,
  [`${BUILD}.WebHookTrigger`]: WEBHOOK,
  [`${BUILD}.SecretLocalReference`]: 'name',
  [`${BUILD}.ImageChangeTrigger`]: `lastTriggeredImageID from:${REF} paused`,
  [`${BUILD}.BuildSource`]: `type binary:${BUILD}.BinaryBuildSource dockerfile git:${BUILD}.GitBuildSource images:[]${BUILD}.ImageSource contextDir sourceSecret:${LOCAL} secrets:[]${BUILD}.SecretBuildSource configMaps:[]${BUILD}.ConfigMapBuildSource`,
  [`${BUILD}.BinaryBuildSource`]: 'asFile',
  // ProxyConfig is inlined into GitBuildSource.
  [`${BUILD}.GitBuildSource`]: 'uri ref httpProxy httpsProxy noProxy',
  [`${BUILD}.ImageSource`]: `from:${REF} as paths:[]${BUILD}.ImageSourcePath pullSecret:${LOCAL}`,
  [`${BUILD}.ImageSourcePath`]: 'sourcePath destinationDir',
  [`${BUILD}.SecretBuildSource`]: `secret:${LOCAL} destinationDir`,
  [`${BUILD}.ConfigMapBuildSource`]: `configMap:${LOCAL} destinationDir`,
  [`${BUILD}.SourceRevision`]: `type git:${BUILD}.GitSourceRevision`,
  [`${BUILD}.GitSourceRevision`]: `commit author:${BUILD}.SourceControlUser committer:${BUILD}.SourceControlUser message`,
  [`${BUILD}.SourceControlUser`]: 'name email',
  [`${BUILD}.BuildStrategy`]: `type dockerStrategy:${BUILD}.DockerBuildStrategy sourceStrategy:${BUILD}.SourceBuildStrategy customStrategy:${BUILD}.CustomBuildStrategy jenkinsPipelineStrategy:${BUILD}.JenkinsPipelineBuildStrategy`,
  [`${BUILD}.DockerBuildStrategy`]: `${STRATEGY_COMMON} noCache dockerfilePath buildArgs:[]V1EnvVar imageOptimizationPolicy volumes:[]${BUILD}.BuildVolume`,
  [`${BUILD}.SourceBuildStrategy`]: `${STRATEGY_COMMON} scripts incremental volumes:[]${BUILD}.BuildVolume`,
  [`${BUILD}.CustomBuildStrategy`]: `${STRATEGY_COMMON} exposeDockerSocket secrets:[]${BUILD}.SecretSpec buildAPIVersion`,
  [`${BUILD}.SecretSpec`]: `secretSource:${LOCAL} mountPath`,
  [`${BUILD}.JenkinsPipelineBuildStrategy`]: 'jenkinsfilePath jenkinsfile env:[]V1EnvVar',
  [`${BUILD}.BuildVolume`]: `name source:${BUILD}.BuildVolumeSource mounts:[]${BUILD}.BuildVolumeMount`,
  [`${BUILD}.BuildVolumeSource`]:
    'type secret:V1SecretVolumeSource configMap:V1ConfigMapVolumeSource csi:V1CSIVolumeSource',
  [`${BUILD}.BuildVolumeMount`]: 'destinationPath',
  [`${BUILD}.BuildOutput`]: `to:${REF} pushSecret:${LOCAL} imageLabels:[]${BUILD}.ImageLabel`,
  [`${BUILD}.ImageLabel`]: 'name value',
  [`${BUILD}.BuildPostCommitSpec`]: 'command args script',
  [`${BUILD}.BuildConfigStatus`]: `lastVersion imageChangeTriggers:[]${BUILD}.ImageChangeTriggerStatus`,
  [`${BUILD}.ImageChangeTriggerStatus`]: `lastTriggeredImageID from:${BUILD}.ImageStreamTagReference lastTriggerTime`,
  [`${BUILD}.ImageStreamTagReference`]: 'namespace name',
};
