import { CORE, bool, int, object, ref, refList, str, strMap, type Schema } from './builtin-schemas.js';

/**
 * OpenAPI v3 schemas of the openshift kinds served as built-ins (ImageStream, DeploymentConfig,
 * BuildConfig), named as openshift-apiserver publishes them (com.github.openshift.api.<group>.v1),
 * with openshift/api's descriptions shortened. DeploymentConfig and BuildConfig carry the fields
 * image references live in; the rest of their specs stay open.
 */
const IMAGE = 'com.github.openshift.api.image.v1';

const open = (description: string): Schema => ({
  type: 'object',
  'x-kubernetes-preserve-unknown-fields': true,
  description,
});
const mergeByName = { 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' };
const objectReference = (description: string): Schema => ref(`${CORE}.ObjectReference`, description);

export const OPENSHIFT_COMPONENTS: Record<string, Schema> = {
  [`${CORE}.ObjectReference`]: object(
    'ObjectReference contains enough information to let you inspect or modify the referred object.',
    {
      kind: str('Kind of the referent.'),
      namespace: str('Namespace of the referent.'),
      name: str('Name of the referent.'),
      uid: str('UID of the referent.'),
      apiVersion: str('API version of the referent.'),
      resourceVersion: str('Specific resourceVersion to which this reference is made, if any.'),
      fieldPath: str(
        'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement.',
      ),
    },
  ),
  [`${IMAGE}.TagReference`]: object(
    'TagReference specifies optional annotations for images using this tag and an optional reference to an ImageStreamTag, ImageStreamImage, or DockerImage this tag should track.',
    {
      name: str('Name of the tag', { default: '' }),
      annotations: strMap(
        'Optional; if specified, annotations that are applied to images retrieved via ImageStreamTags.',
      ),
      from: objectReference(
        'Optional; if specified, a reference to another image that this tag should point to. Valid values are ImageStreamTag, ImageStreamImage, and DockerImage.',
      ),
      reference: bool(
        'Reference states if the tag will be imported. Default value is false, which means the tag will be imported.',
      ),
      generation: int(
        'Generation is a counter that tracks mutations to the spec tag (user intent).',
        'int64',
      ),
      importPolicy: object('TagImportPolicy controls how images related to this tag will be imported.', {
        insecure: bool(
          'Insecure is true if the server may bypass certificate verification or connect directly over HTTP during image import.',
        ),
        scheduled: bool(
          'Scheduled indicates to the server that this tag should be periodically checked to ensure it is up to date, and imported',
        ),
        importMode: str('ImportMode describes how to import an image manifest.', {
          enum: ['Legacy', 'PreserveOriginal'],
        }),
      }),
      referencePolicy: object(
        'TagReferencePolicy describes how pull-specs for images in this image stream tag are generated when image change triggers in deployment configs or builds are resolved.',
        {
          type: str(
            'Type determines how the image pull spec should be transformed when the image stream tag is used in deployment config triggers or new builds. The default value is `Source`.',
            { default: '', enum: ['Local', 'Source'] },
          ),
        },
        ['type'],
      ),
    },
    ['name'],
  ),
  [`${IMAGE}.NamedTagEventList`]: object(
    'NamedTagEventList relates a tag to its image history.',
    {
      tag: str('Tag is the tag for which the history is recorded', { default: '' }),
      items: refList(`${IMAGE}.TagEvent`, "Standard object's metadata."),
      conditions: {
        type: 'array',
        items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        description: 'Conditions is an array of conditions that apply to the tag event list.',
      },
    },
    ['tag', 'items'],
  ),
  [`${IMAGE}.TagEvent`]: object(
    'TagEvent is used by ImageStreamStatus to keep a historical record of images associated with a tag.',
    {
      created: {
        type: 'string',
        format: 'date-time',
        description: 'Created holds the time the TagEvent was created',
      },
      dockerImageReference: str('DockerImageReference is the string that can be used to pull this image', {
        default: '',
      }),
      image: str('Image is the image', { default: '' }),
      generation: int(
        'Generation is the spec tag generation that resulted in this tag being updated',
        'int64',
      ),
    },
    ['created', 'dockerImageReference', 'image', 'generation'],
  ),
};

const buildRef = (description: string): Schema => objectReference(description);

export const OPENSHIFT_KIND_FIELDS: Record<
  string,
  { description: string; properties: Record<string, Schema>; required?: string[] }
> = {
  'image.openshift.io/ImageStream': {
    description:
      'An ImageStream stores a mapping of tags to images, metadata overrides that are applied when images are tagged in a stream, and an optional reference to a container image repository on a registry.',
    properties: {
      spec: object('ImageStreamSpec represents options for ImageStreams.', {
        lookupPolicy: object(
          'ImageLookupPolicy describes how an image stream can be used to override the image references used by pods, builds, and other resources in a namespace.',
          {
            local: bool(
              'local will change the docker short image references (like "mysql" or "php:latest") on objects in this namespace to the image ID whenever they match this image stream.',
            ),
          },
          ['local'],
        ),
        dockerImageRepository: str(
          'dockerImageRepository is optional, if specified this stream is backed by a container repository on this server. Deprecated.',
        ),
        tags: refList(
          `${IMAGE}.TagReference`,
          'tags map arbitrary string values to specific image locators',
          mergeByName,
        ),
      }),
      status: object(
        'ImageStreamStatus contains information about the state of this image stream.',
        {
          dockerImageRepository: str(
            'DockerImageRepository represents the effective location this stream may be accessed at.',
            { default: '' },
          ),
          publicDockerImageRepository: str(
            'PublicDockerImageRepository represents the public location from where the image can be pulled outside the cluster.',
          ),
          tags: refList(
            `${IMAGE}.NamedTagEventList`,
            'Tags are a historical record of images associated with each tag. The first entry in the TagEvent array is the currently tagged image.',
            { 'x-kubernetes-patch-merge-key': 'tag', 'x-kubernetes-patch-strategy': 'merge' },
          ),
        },
        ['dockerImageRepository'],
      ),
    },
  },
  'apps.openshift.io/DeploymentConfig': {
    description:
      'Deployment Configs define the template for a pod and manages deploying new images or configuration changes. Deprecated: use Deployments.',
    properties: {
      spec: object('DeploymentConfigSpec represents the desired state of the deployment.', {
        strategy: open('Strategy describes how a deployment is executed.'),
        minReadySeconds: int(
          'MinReadySeconds is the minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available.',
        ),
        triggers: {
          type: 'array',
          items: open(
            'DeploymentTriggerPolicy describes a policy for a single trigger that results in a new deployment.',
          ),
          description: 'Triggers determine how updates to a DeploymentConfig result in new deployments.',
        },
        replicas: int('Replicas is the number of desired replicas.'),
        revisionHistoryLimit: int(
          'RevisionHistoryLimit is the number of old ReplicationControllers to retain to allow for rollbacks.',
        ),
        test: bool(
          'Test ensures that this deployment config will have zero replicas except while a deployment is running.',
        ),
        paused: bool(
          'Paused indicates that the deployment config is paused resulting in no new deployments on template changes or changes in the template caused by other triggers.',
        ),
        selector: strMap('Selector is a label query over pods that should match the Replicas count.'),
        template: ref(
          `${CORE}.PodTemplateSpec`,
          'Template is the object that describes the pod that will be created if insufficient replicas are detected.',
        ),
      }),
      status: open('DeploymentConfigStatus represents the current deployment state.'),
    },
  },
  'build.openshift.io/BuildConfig': {
    description: 'Build configurations define a build process for new container images.',
    properties: {
      spec: object(
        'BuildConfigSpec describes when and how builds are created',
        {
          triggers: {
            type: 'array',
            items: open(
              'BuildTriggerPolicy describes a policy for a single trigger that results in a new Build.',
            ),
            description: 'triggers determine how new Builds can be launched from a BuildConfig.',
          },
          runPolicy: str(
            'RunPolicy describes how the new build created from this build configuration will be scheduled for execution.',
          ),
          serviceAccount: str(
            'serviceAccount is the name of the ServiceAccount to use to run the pod created by this build.',
          ),
          source: object('BuildSource is the SCM used for the build.', {
            type: str('type of build input to accept'),
            git: open('git contains optional information about git build source'),
            dockerfile: str('dockerfile is the raw contents of a Dockerfile which should be built.'),
            binary: open('binary builds accept a binary as their input.'),
            images: {
              type: 'array',
              items: object(
                'ImageSource is used to describe build source that will be extracted from an image or used during a multi stage build.',
                {
                  from: buildRef(
                    'from is a reference to an ImageStreamTag, ImageStreamImage, or DockerImage to copy source from.',
                  ),
                  paths: {
                    type: 'array',
                    items: open(
                      'ImageSourcePath describes a path to be copied from a source image and its destination within the build directory.',
                    ),
                    description: 'paths is a list of source and destination paths to copy from the image.',
                  },
                },
              ),
              description: 'images describes a set of images to be used to provide source for the build',
            },
            contextDir: str(
              'contextDir specifies the sub-directory where the source code for the application exists.',
            ),
          }),
          strategy: object('BuildStrategy contains the details of how to perform a build.', {
            type: str('type is the kind of build strategy.'),
            dockerStrategy: object(
              'DockerBuildStrategy defines input parameters specific to container image build.',
              {
                from: buildRef(
                  'from is a reference to an DockerImage, ImageStreamTag, or ImageStreamImage which overrides the FROM image in the Dockerfile for the build.',
                ),
                dockerfilePath: str(
                  'dockerfilePath is the path of the Dockerfile that will be used to build the container image.',
                ),
              },
            ),
            sourceStrategy: object(
              'SourceBuildStrategy defines input parameters specific to an Source build.',
              {
                from: buildRef(
                  'from is reference to an DockerImage, ImageStreamTag, or ImageStreamImage from which the container image should be pulled',
                ),
                incremental: bool(
                  'incremental flag forces the Source build to do incremental builds if true.',
                ),
              },
              ['from'],
            ),
            customStrategy: object(
              'CustomBuildStrategy defines input parameters specific to Custom build.',
              {
                from: buildRef(
                  'from is reference to an DockerImage, ImageStreamTag, or ImageStreamImage from which the container image should be pulled',
                ),
              },
              ['from'],
            ),
            jenkinsPipelineStrategy: open(
              'JenkinsPipelineBuildStrategy holds parameters specific to a Jenkins Pipeline build. Deprecated.',
            ),
          }),
          output: object(
            'BuildOutput is input to a build strategy and describes the container image that the strategy should produce.',
            {
              to: buildRef(
                "to defines an optional location to push the output of this build to. Kind must be one of 'ImageStreamTag' or 'DockerImage'.",
              ),
              pushSecret: ref(
                `${CORE}.LocalObjectReference`,
                'PushSecret is the name of a Secret that would be used for setting up the authentication for executing the Docker push to authentication enabled Docker Registry.',
              ),
              imageLabels: {
                type: 'array',
                items: open('ImageLabel represents a label applied to the resulting image.'),
                description: 'imageLabels define a list of labels that are applied to the resulting image.',
              },
            },
          ),
          postCommit: open(
            'postCommit is a build hook executed after the build output image is committed, before it is pushed to a registry.',
          ),
          resources: open('resources computes resource requirements to execute the build.'),
          nodeSelector: strMap(
            'nodeSelector is a selector which must be true for the build pod to fit on a node.',
          ),
          successfulBuildsHistoryLimit: int(
            'successfulBuildsHistoryLimit is the number of old successful builds to retain.',
          ),
          failedBuildsHistoryLimit: int(
            'failedBuildsHistoryLimit is the number of old failed builds to retain.',
          ),
        },
        ['strategy'],
      ),
      status: object(
        'BuildConfigStatus contains current state of the build config object.',
        { lastVersion: int('lastVersion is used to inform about number of last triggered build.', 'int64') },
        ['lastVersion'],
      ),
    },
  },
};

export function isOpenShiftGroup(group: string): boolean {
  return group.endsWith('.openshift.io');
}
