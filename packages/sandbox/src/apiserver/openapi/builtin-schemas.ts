/**
 * OpenAPI v3 component schemas of the built-in kinds deploy manifests hold (Namespace,
 * ServiceAccount, Service, Deployment with its pod template, ClusterRole/Role and bindings,
 * PodDisruptionBudget, NetworkPolicy), named and shaped as kube-apiserver publishes them, with
 * kube's descriptions shortened: enough for kubectl's client-side checks and `kubectl explain`.
 * Fields not listed here are absent from the schema (kubectl explain says "does not exist").
 */
export type Schema = Record<string, unknown>;

export const CORE = 'io.k8s.api.core.v1';
const APPS = 'io.k8s.api.apps.v1';
const RBAC = 'io.k8s.api.rbac.v1';
export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

export const str = (description: string, extra: Schema = {}): Schema => ({
  type: 'string',
  description,
  ...extra,
});
export const int = (description: string, format = 'int32'): Schema => ({
  type: 'integer',
  format,
  description,
});
export const bool = (description: string): Schema => ({ type: 'boolean', description });
export const strMap = (description: string): Schema => ({
  type: 'object',
  additionalProperties: { type: 'string', default: '' },
  description,
});
export const strList = (description: string, extra: Schema = {}): Schema => ({
  type: 'array',
  items: { type: 'string', default: '' },
  description,
  ...extra,
});
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const intOrString = (description: string): Schema => ({
  allOf: [{ $ref: `#/components/schemas/${INT_OR_STRING}` }],
  description,
});
/** A field holding another named schema, as kube's v3 documents reference them. */
export const ref = (name: string, description: string, extra: Schema = {}): Schema => ({
  allOf: [{ $ref: `#/components/schemas/${name}` }],
  default: {},
  description,
  ...extra,
});
export const refList = (name: string, description: string, extra: Schema = {}): Schema => ({
  type: 'array',
  items: { allOf: [{ $ref: `#/components/schemas/${name}` }], default: {} },
  description,
  ...extra,
});
const mapList = (name: string, description: string, keys: string[]): Schema =>
  refList(name, description, {
    'x-kubernetes-list-type': 'map',
    'x-kubernetes-list-map-keys': keys,
    'x-kubernetes-patch-merge-key': keys[0],
    'x-kubernetes-patch-strategy': 'merge',
  });
export const object = (
  description: string,
  properties: Record<string, Schema>,
  required: string[] = [],
): Schema => ({ type: 'object', description, properties, ...(required.length ? { required } : {}) });

const labelSelector = (description: string): Schema => ref(`${META}.LabelSelector`, description);
const quantityMap = (description: string): Schema => ({
  type: 'object',
  additionalProperties: {
    allOf: [{ $ref: `#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity` }],
  },
  description,
});

const probe = (): Schema =>
  object(
    'Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic.',
    {
      exec: ref(`${CORE}.ExecAction`, 'Exec specifies a command to execute in the container.'),
      httpGet: ref(`${CORE}.HTTPGetAction`, 'HTTPGet specifies an HTTP GET request to perform.'),
      tcpSocket: ref(`${CORE}.TCPSocketAction`, 'TCPSocket specifies a connection to a TCP port.'),
      initialDelaySeconds: int(
        'Number of seconds after the container has started before liveness probes are initiated.',
      ),
      timeoutSeconds: int(
        'Number of seconds after which the probe times out. Defaults to 1 second. Minimum value is 1.',
      ),
      periodSeconds: int(
        'How often (in seconds) to perform the probe. Default to 10 seconds. Minimum value is 1.',
      ),
      successThreshold: int(
        'Minimum consecutive successes for the probe to be considered successful after having failed. Defaults to 1.',
      ),
      failureThreshold: int(
        'Minimum consecutive failures for the probe to be considered failed after having succeeded. Defaults to 3.',
      ),
      terminationGracePeriodSeconds: int(
        'Optional duration in seconds the pod needs to terminate gracefully upon probe failure.',
        'int64',
      ),
    },
  );

const handler = (description: string): Schema =>
  object(description, {
    exec: ref(`${CORE}.ExecAction`, 'Exec specifies a command to execute in the container.'),
    httpGet: ref(`${CORE}.HTTPGetAction`, 'HTTPGet specifies an HTTP GET request to perform.'),
    sleep: object(
      'Sleep represents a duration that the container should sleep.',
      { seconds: int('Seconds is the number of seconds to sleep.', 'int64') },
      ['seconds'],
    ),
    tcpSocket: ref(
      `${CORE}.TCPSocketAction`,
      'Deprecated. TCPSocket is NOT supported as a LifecycleHandler.',
    ),
  });

const CONTAINER: Schema = object(
  'A single application container that you want to run within a pod.',
  {
    name: str(
      'Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name. Cannot be updated.',
      { default: '' },
    ),
    image: str('Container image name.'),
    imagePullPolicy: str(
      'Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.',
      { enum: ['Always', 'IfNotPresent', 'Never'] },
    ),
    command: strList('Entrypoint array. Not executed within a shell.', {
      'x-kubernetes-list-type': 'atomic',
    }),
    args: strList('Arguments to the entrypoint.', { 'x-kubernetes-list-type': 'atomic' }),
    workingDir: str("Container's working directory."),
    ports: mapList(`${CORE}.ContainerPort`, 'List of ports to expose from the container.', [
      'containerPort',
      'protocol',
    ]),
    env: mapList(
      `${CORE}.EnvVar`,
      'List of environment variables to set in the container. Cannot be updated.',
      ['name'],
    ),
    envFrom: refList(
      `${CORE}.EnvFromSource`,
      'List of sources to populate environment variables in the container.',
    ),
    resources: ref(
      `${CORE}.ResourceRequirements`,
      'Compute Resources required by this container. Cannot be updated.',
    ),
    volumeMounts: mapList(
      `${CORE}.VolumeMount`,
      "Pod volumes to mount into the container's filesystem. Cannot be updated.",
      ['mountPath'],
    ),
    livenessProbe: ref(
      `${CORE}.Probe`,
      'Periodic probe of container liveness. Container will be restarted if the probe fails.',
    ),
    readinessProbe: ref(
      `${CORE}.Probe`,
      'Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails.',
    ),
    startupProbe: ref(`${CORE}.Probe`, 'StartupProbe indicates that the Pod has successfully initialized.'),
    lifecycle: object(
      'Actions that the management system should take in response to container lifecycle events.',
      {
        postStart: ref(
          `${CORE}.LifecycleHandler`,
          'PostStart is called immediately after a container is created.',
        ),
        preStop: ref(
          `${CORE}.LifecycleHandler`,
          'PreStop is called immediately before a container is terminated.',
        ),
      },
    ),
    terminationMessagePath: str(
      "Path at which the file to which the container's termination message will be written is mounted. Defaults to /dev/termination-log.",
    ),
    terminationMessagePolicy: str(
      'Indicate how the termination message should be populated. File or FallbackToLogsOnError. Defaults to File.',
      { enum: ['FallbackToLogsOnError', 'File'] },
    ),
    securityContext: ref(
      `${CORE}.SecurityContext`,
      'SecurityContext defines the security options the container should be run with.',
    ),
    stdin: bool('Whether this container should allocate a buffer for stdin in the container runtime.'),
    tty: bool('Whether this container should allocate a TTY for itself.'),
  },
  ['name'],
);

const POD_SPEC: Schema = object(
  'PodSpec is a description of a pod.',
  {
    containers: mapList(
      `${CORE}.Container`,
      'List of containers belonging to the pod. There must be at least one container in a Pod.',
      ['name'],
    ),
    initContainers: mapList(`${CORE}.Container`, 'List of initialization containers belonging to the pod.', [
      'name',
    ]),
    volumes: mapList(
      `${CORE}.Volume`,
      'List of volumes that can be mounted by containers belonging to the pod.',
      ['name'],
    ),
    restartPolicy: str(
      'Restart policy for all containers within the pod. One of Always, OnFailure, Never. Default to Always.',
      { enum: ['Always', 'Never', 'OnFailure'] },
    ),
    terminationGracePeriodSeconds: int(
      'Optional duration in seconds the pod needs to terminate gracefully. Defaults to 30 seconds.',
      'int64',
    ),
    activeDeadlineSeconds: int(
      'Optional duration in seconds the pod may be active on the node relative to StartTime.',
      'int64',
    ),
    dnsPolicy: str("Set DNS policy for the pod. Defaults to 'ClusterFirst'.", {
      enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
    }),
    nodeSelector: strMap('NodeSelector is a selector which must be true for the pod to fit on a node.'),
    serviceAccountName: str('ServiceAccountName is the name of the ServiceAccount to use to run this pod.'),
    serviceAccount: str('DeprecatedServiceAccount is a deprecated alias for ServiceAccountName.'),
    automountServiceAccountToken: bool(
      'AutomountServiceAccountToken indicates whether a service account token should be automatically mounted.',
    ),
    nodeName: str('NodeName indicates in which node this pod is scheduled.'),
    hostNetwork: bool('Host networking requested for this pod. Default to false.'),
    securityContext: object(
      'SecurityContext holds pod-level security attributes and common container settings.',
      {
        runAsUser: int('The UID to run the entrypoint of the container process.', 'int64'),
        runAsGroup: int('The GID to run the entrypoint of the container process.', 'int64'),
        runAsNonRoot: bool('Indicates that the container must run as a non-root user.'),
        fsGroup: int('A special supplemental group that applies to all containers in a pod.', 'int64'),
        seccompProfile: ref(
          `${CORE}.SeccompProfile`,
          'The seccomp options to use by the containers in this pod.',
        ),
      },
    ),
    imagePullSecrets: mapList(
      `${CORE}.LocalObjectReference`,
      'ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images.',
      ['name'],
    ),
    affinity: {
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
      description: "If specified, the pod's scheduling constraints",
    },
    schedulerName: str('If specified, the pod will be dispatched by specified scheduler.'),
    tolerations: refList(`${CORE}.Toleration`, "If specified, the pod's tolerations.", {
      'x-kubernetes-list-type': 'atomic',
    }),
    priorityClassName: str("If specified, indicates the pod's priority."),
    priority: int('The priority value.'),
    topologySpreadConstraints: {
      type: 'array',
      items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      description:
        'TopologySpreadConstraints describes how a group of pods ought to spread across topology domains.',
    },
    enableServiceLinks: bool(
      "EnableServiceLinks indicates whether information about services should be injected into pod's environment variables.",
    ),
    preemptionPolicy: str('PreemptionPolicy is the Policy for preempting pods with lower priority.'),
  },
  ['containers'],
);

const POLICY_RULE = object(
  'PolicyRule holds information that describes a policy rule, but does not contain information about who the rule applies to or which namespace the rule applies to.',
  {
    apiGroups: strList('APIGroups is the name of the APIGroup that contains the resources.', {
      'x-kubernetes-list-type': 'atomic',
    }),
    resources: strList('Resources is a list of resources this rule applies to.', {
      'x-kubernetes-list-type': 'atomic',
    }),
    resourceNames: strList('ResourceNames is an optional white list of names that the rule applies to.', {
      'x-kubernetes-list-type': 'atomic',
    }),
    verbs: strList(
      "Verbs is a list of Verbs that apply to ALL the ResourceKinds contained in this rule. '*' represents all verbs.",
      { 'x-kubernetes-list-type': 'atomic' },
    ),
    nonResourceURLs: strList('NonResourceURLs is a set of partial urls that a user should have access to.', {
      'x-kubernetes-list-type': 'atomic',
    }),
  },
  ['verbs'],
);

const binding = (what: string): Record<string, Schema> => ({
  subjects: refList(`${RBAC}.Subject`, 'Subjects holds references to the objects the role applies to.', {
    'x-kubernetes-list-type': 'atomic',
  }),
  roleRef: ref(`${RBAC}.RoleRef`, `RoleRef can reference ${what}. This field is immutable.`),
});

/** Named component schemas (besides ObjectMeta) the built-in kinds reference. */
export const BUILTIN_COMPONENTS: Record<string, Schema> = {
  [`${META}.LabelSelector`]: object('A label selector is a label query over a set of resources.', {
    matchLabels: strMap('matchLabels is a map of {key,value} pairs.'),
    matchExpressions: {
      type: 'array',
      items: object(
        'A label selector requirement.',
        {
          key: str('key is the label key that the selector applies to.', { default: '' }),
          operator: str(
            "operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists and DoesNotExist.",
            { default: '' },
          ),
          values: strList('values is an array of string values.'),
        },
        ['key', 'operator'],
      ),
      description: 'matchExpressions is a list of label selector requirements. The requirements are ANDed.',
    },
  }),
  [INT_OR_STRING]: {
    type: 'string',
    format: 'int-or-string',
    description: 'IntOrString is a type that can hold an int32 or a string.',
  },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': {
    type: 'string',
    description: 'Quantity is a fixed-point representation of a number, e.g. 100m, 64Mi, 1Gi.',
  },
  [`${CORE}.Container`]: CONTAINER,
  [`${CORE}.PodSpec`]: POD_SPEC,
  [`${CORE}.PodTemplateSpec`]: object(
    'PodTemplateSpec describes the data a pod should have when created from a template',
    {
      metadata: ref(`${META}.ObjectMeta`, "Standard object's metadata."),
      spec: ref(`${CORE}.PodSpec`, 'Specification of the desired behavior of the pod.'),
    },
  ),
  [`${CORE}.Probe`]: probe(),
  [`${CORE}.LifecycleHandler`]: handler(
    'LifecycleHandler defines a specific action that should be taken in a lifecycle hook.',
  ),
  [`${CORE}.ExecAction`]: object('ExecAction describes a "run in container" action.', {
    command: strList('Command is the command line to execute inside the container.', {
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  [`${CORE}.HTTPGetAction`]: object(
    'HTTPGetAction describes an action based on HTTP Get requests.',
    {
      path: str('Path to access on the HTTP server.'),
      port: intOrString('Name or number of the port to access on the container.'),
      host: str('Host name to connect to, defaults to the pod IP.'),
      scheme: str('Scheme to use for connecting to the host. Defaults to HTTP.', { enum: ['HTTP', 'HTTPS'] }),
      httpHeaders: {
        type: 'array',
        items: object(
          'HTTPHeader describes a custom header to be used in HTTP probes',
          {
            name: str('The header field name.', { default: '' }),
            value: str('The header field value', { default: '' }),
          },
          ['name', 'value'],
        ),
        description: 'Custom headers to set in the request.',
      },
    },
    ['port'],
  ),
  [`${CORE}.TCPSocketAction`]: object(
    'TCPSocketAction describes an action based on opening a socket',
    {
      port: intOrString('Number or name of the port to access on the container.'),
      host: str('Optional: Host name to connect to, defaults to the pod IP.'),
    },
    ['port'],
  ),
  [`${CORE}.ContainerPort`]: object(
    'ContainerPort represents a network port in a single container.',
    {
      name: str('If specified, this must be an IANA_SVC_NAME and unique within the pod.'),
      containerPort: int("Number of port to expose on the pod's IP address."),
      protocol: str('Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".', {
        default: 'TCP',
        enum: ['SCTP', 'TCP', 'UDP'],
      }),
      hostPort: int('Number of port to expose on the host.'),
    },
    ['containerPort'],
  ),
  [`${CORE}.EnvVar`]: object(
    'EnvVar represents an environment variable present in a Container.',
    {
      name: str('Name of the environment variable.', { default: '' }),
      value: str(
        'Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container.',
      ),
      valueFrom: object("Source for the environment variable's value.", {
        fieldRef: object(
          'Selects a field of the pod.',
          {
            apiVersion: str('Version of the schema the FieldPath is written in terms of, defaults to "v1".'),
            fieldPath: str('Path of the field to select in the specified API version.', { default: '' }),
          },
          ['fieldPath'],
        ),
        secretKeyRef: object(
          "Selects a key of a secret in the pod's namespace",
          {
            name: str('Name of the referent.'),
            key: str('The key of the secret to select from.', { default: '' }),
            optional: bool('Specify whether the Secret or its key must be defined'),
          },
          ['key'],
        ),
        configMapKeyRef: object(
          'Selects a key of a ConfigMap.',
          {
            name: str('Name of the referent.'),
            key: str('The key to select.', { default: '' }),
            optional: bool('Specify whether the ConfigMap or its key must be defined'),
          },
          ['key'],
        ),
        resourceFieldRef: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          description: 'Selects a resource of the container.',
        },
      }),
    },
    ['name'],
  ),
  [`${CORE}.EnvFromSource`]: object('EnvFromSource represents the source of a set of ConfigMaps or Secrets', {
    prefix: str('Optional text to prepend to the name of each environment variable.'),
    configMapRef: ref(`${CORE}.LocalObjectReference`, 'The ConfigMap to select from'),
    secretRef: ref(`${CORE}.LocalObjectReference`, 'The Secret to select from'),
  }),
  [`${CORE}.LocalObjectReference`]: object(
    'LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.',
    { name: str('Name of the referent.', { default: '' }) },
  ),
  [`${CORE}.ResourceRequirements`]: object(
    'ResourceRequirements describes the compute resource requirements.',
    {
      limits: quantityMap('Limits describes the maximum amount of compute resources allowed.'),
      requests: quantityMap('Requests describes the minimum amount of compute resources required.'),
    },
  ),
  [`${CORE}.VolumeMount`]: object(
    'VolumeMount describes a mounting of a Volume within a container.',
    {
      name: str('This must match the Name of a Volume.', { default: '' }),
      mountPath: str('Path within the container at which the volume should be mounted.', { default: '' }),
      subPath: str("Path within the volume from which the container's volume should be mounted."),
      readOnly: bool('Mounted read-only if true, read-write otherwise (false or unspecified).'),
    },
    ['name', 'mountPath'],
  ),
  [`${CORE}.Volume`]: {
    ...object(
      'Volume represents a named volume in a pod that may be accessed by any container in the pod.',
      { name: str('name of the volume. Must be a DNS_LABEL and unique within the pod.', { default: '' }) },
      ['name'],
    ),
    // the many volume sources (secret, configMap, emptyDir, projected, persistentVolumeClaim, …) are not spelled out
    'x-kubernetes-preserve-unknown-fields': true,
  },
  [`${CORE}.SecurityContext`]: object(
    'SecurityContext holds security configuration that will be applied to a container.',
    {
      allowPrivilegeEscalation: bool(
        'AllowPrivilegeEscalation controls whether a process can gain more privileges than its parent process.',
      ),
      capabilities: object('The capabilities to add/drop when running containers.', {
        add: strList('Added capabilities'),
        drop: strList('Removed capabilities'),
      }),
      privileged: bool('Run container in privileged mode.'),
      readOnlyRootFilesystem: bool('Whether this container has a read-only root filesystem.'),
      runAsNonRoot: bool('Indicates that the container must run as a non-root user.'),
      runAsUser: int('The UID to run the entrypoint of the container process.', 'int64'),
      runAsGroup: int('The GID to run the entrypoint of the container process.', 'int64'),
      seccompProfile: ref(`${CORE}.SeccompProfile`, 'The seccomp options to use by this container.'),
    },
  ),
  [`${CORE}.SeccompProfile`]: object(
    "SeccompProfile defines a pod/container's seccomp profile settings.",
    {
      type: str(
        'type indicates which kind of seccomp profile will be applied. Localhost, RuntimeDefault or Unconfined.',
        { default: '', enum: ['Localhost', 'RuntimeDefault', 'Unconfined'] },
      ),
      localhostProfile: str(
        'localhostProfile indicates a profile defined in a file on the node should be used.',
      ),
    },
    ['type'],
  ),
  [`${CORE}.Toleration`]: object(
    'The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect>.',
    {
      key: str('Key is the taint key that the toleration applies to.'),
      operator: str(
        "Operator represents a key's relationship to the value. Exists or Equal. Defaults to Equal.",
        { enum: ['Equal', 'Exists'] },
      ),
      value: str('Value is the taint value the toleration matches to.'),
      effect: str('Effect indicates the taint effect to match. NoSchedule, PreferNoSchedule or NoExecute.', {
        enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
      }),
      tolerationSeconds: int(
        'TolerationSeconds represents the period of time the toleration tolerates the taint (NoExecute only).',
        'int64',
      ),
    },
  ),
  [`${CORE}.ServicePort`]: object(
    "ServicePort contains information on service's port.",
    {
      name: str(
        'The name of this port within the service. Must be a DNS_LABEL; required when there is more than one port.',
      ),
      protocol: str('The IP protocol for this port. Supports "TCP", "UDP", and "SCTP". Default is TCP.', {
        default: 'TCP',
        enum: ['SCTP', 'TCP', 'UDP'],
      }),
      appProtocol: str('The application protocol for this port.'),
      port: int('The port that will be exposed by this service.'),
      targetPort: intOrString(
        "Number or name of the port to access on the pods targeted by the service. Defaults to the value of the 'port' field.",
      ),
      nodePort: int(
        'The port on each node on which this service is exposed when type is NodePort or LoadBalancer.',
      ),
    },
    ['port'],
  ),
  [`${RBAC}.PolicyRule`]: POLICY_RULE,
  [`${RBAC}.Subject`]: object(
    'Subject contains a reference to the object or user identities a role binding applies to.',
    {
      kind: str(
        'Kind of object being referenced. Values defined by this API group are "User", "Group", and "ServiceAccount".',
        { default: '' },
      ),
      apiGroup: str(
        'APIGroup holds the API group of the referenced subject. Defaults to "" for ServiceAccount subjects, "rbac.authorization.k8s.io" for User and Group subjects.',
      ),
      name: str('Name of the object being referenced.', { default: '' }),
      namespace: str('Namespace of the referenced object.'),
    },
    ['kind', 'name'],
  ),
  [`${RBAC}.RoleRef`]: object(
    'RoleRef contains information that points to the role being used',
    {
      apiGroup: str('APIGroup is the group for the resource being referenced', { default: '' }),
      kind: str('Kind is the type of resource being referenced', { default: '' }),
      name: str('Name is the name of resource being referenced', { default: '' }),
    },
    ['apiGroup', 'kind', 'name'],
  ),
};

/** spec/status (or the top-level fields) per built-in kind; kinds absent here stay open objects. */
export const BUILTIN_KIND_FIELDS: Record<
  string,
  { description: string; properties: Record<string, Schema>; required?: string[] }
> = {
  'core/Namespace': {
    description: 'Namespace provides a scope for Names. Use of multiple namespaces is optional.',
    properties: {
      spec: object('NamespaceSpec describes the attributes on a Namespace.', {
        finalizers: strList(
          'Finalizers is an opaque list of values that must be empty to permanently remove object from storage.',
          { 'x-kubernetes-list-type': 'atomic' },
        ),
      }),
      status: object('NamespaceStatus is information about the current status of a Namespace.', {
        phase: str('Phase is the current lifecycle phase of the namespace.', {
          enum: ['Active', 'Terminating'],
        }),
        conditions: {
          type: 'array',
          items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          description: "Represents the latest available observations of a namespace's current state.",
        },
      }),
    },
  },
  'core/Secret': {
    description:
      'Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.',
    properties: {
      data: {
        type: 'object',
        additionalProperties: { type: 'string', format: 'byte' },
        description:
          "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string.",
      },
      stringData: strMap(
        'stringData allows specifying non-binary secret data in string form. It is provided as a write-only input field for convenience.',
      ),
      type: str('Used to facilitate programmatic handling of secret data.'),
      immutable: bool(
        'Immutable, if set to true, ensures that data stored in the Secret cannot be updated (only object metadata can be modified).',
      ),
    },
  },
  'core/ConfigMap': {
    description: 'ConfigMap holds configuration data for pods to consume.',
    properties: {
      data: strMap(
        "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'.",
      ),
      binaryData: {
        type: 'object',
        additionalProperties: { type: 'string', format: 'byte' },
        description:
          "BinaryData contains the binary data. Each key must consist of alphanumeric characters, '-', '_' or '.'.",
      },
      immutable: bool(
        'Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified).',
      ),
    },
  },
  'core/ServiceAccount': {
    description:
      'ServiceAccount binds together: a name, understood by users, and perhaps by peripheral systems, for an identity; a principal that can be authenticated and authorized; a set of secrets.',
    properties: {
      automountServiceAccountToken: bool(
        'AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted.',
      ),
      imagePullSecrets: refList(
        `${CORE}.LocalObjectReference`,
        'ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling any images in pods that reference this ServiceAccount.',
        { 'x-kubernetes-list-type': 'atomic' },
      ),
      secrets: {
        type: 'array',
        items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        description:
          'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
      },
    },
  },
  'core/Service': {
    description:
      'Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.',
    properties: {
      spec: object('ServiceSpec describes the attributes that a user creates on a service.', {
        ports: mapList(`${CORE}.ServicePort`, 'The list of ports that are exposed by this service.', [
          'port',
          'protocol',
        ]),
        selector: strMap('Route service traffic to pods with label keys and values matching this selector.'),
        type: str('type determines how the Service is exposed. Defaults to ClusterIP.', {
          enum: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
        }),
        clusterIP: str('clusterIP is the IP address of the service and is usually assigned randomly.'),
        clusterIPs: strList('ClusterIPs is a list of IP addresses assigned to this service.', {
          'x-kubernetes-list-type': 'atomic',
        }),
        externalName: str(
          'externalName is the external reference that discovery mechanisms will return as an alias for this service.',
        ),
        sessionAffinity: str('Supports "ClientIP" and "None". Defaults to None.', {
          enum: ['ClientIP', 'None'],
        }),
        ipFamilies: strList(
          'IPFamilies is a list of IP families (e.g. IPv4, IPv6) assigned to this service.',
          { 'x-kubernetes-list-type': 'atomic' },
        ),
        ipFamilyPolicy: str(
          'IPFamilyPolicy represents the dual-stack-ness requested or required by this Service.',
          { enum: ['PreferDualStack', 'RequireDualStack', 'SingleStack'] },
        ),
        internalTrafficPolicy: str(
          'InternalTrafficPolicy describes how nodes distribute service traffic they receive on the ClusterIP.',
          { enum: ['Cluster', 'Local'] },
        ),
      }),
      status: object('ServiceStatus represents the current status of a service.', {
        loadBalancer: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          description: 'LoadBalancer contains the current status of the load-balancer, if one is present.',
        },
      }),
    },
  },
  'apps/Deployment': {
    description: 'Deployment enables declarative updates for Pods and ReplicaSets.',
    properties: {
      spec: object(
        'DeploymentSpec is the specification of the desired behavior of the Deployment.',
        {
          replicas: int('Number of desired pods. Defaults to 1.'),
          selector: labelSelector("Label selector for pods. It must match the pod template's labels."),
          template: ref(`${CORE}.PodTemplateSpec`, 'Template describes the pods that will be created.'),
          strategy: ref(
            `${APPS}.DeploymentStrategy`,
            'The deployment strategy to use to replace existing pods with new ones.',
            { 'x-kubernetes-patch-strategy': 'retainKeys' },
          ),
          minReadySeconds: int(
            'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0.',
          ),
          revisionHistoryLimit: int(
            'The number of old ReplicaSets to retain to allow rollback. Defaults to 10.',
          ),
          paused: bool('Indicates that the deployment is paused.'),
          progressDeadlineSeconds: int(
            'The maximum time in seconds for a deployment to make progress before it is considered to be failed. Defaults to 600s.',
          ),
        },
        ['selector', 'template'],
      ),
      status: object('DeploymentStatus is the most recently observed status of the Deployment.', {
        observedGeneration: int('The generation observed by the deployment controller.', 'int64'),
        replicas: int(
          'Total number of non-terminated pods targeted by this deployment (their labels match the selector).',
        ),
        updatedReplicas: int(
          'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
        ),
        readyReplicas: int(
          'readyReplicas is the number of pods targeted by this Deployment with a Ready Condition.',
        ),
        availableReplicas: int(
          'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
        ),
        unavailableReplicas: int('Total number of unavailable pods targeted by this deployment.'),
        conditions: {
          type: 'array',
          items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          description: "Represents the latest available observations of a deployment's current state.",
        },
        collisionCount: int('Count of hash collisions for the Deployment.'),
      }),
    },
  },
  'rbac.authorization.k8s.io/ClusterRole': {
    description:
      'ClusterRole is a cluster level, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding or ClusterRoleBinding.',
    properties: {
      rules: refList(`${RBAC}.PolicyRule`, 'Rules holds all the PolicyRules for this ClusterRole', {
        'x-kubernetes-list-type': 'atomic',
      }),
      aggregationRule: object(
        'AggregationRule describes how to locate ClusterRoles to aggregate into the ClusterRole',
        {
          clusterRoleSelectors: {
            type: 'array',
            items: { allOf: [{ $ref: `#/components/schemas/${META}.LabelSelector` }], default: {} },
            description:
              'ClusterRoleSelectors holds a list of selectors which will be used to find ClusterRoles and create the rules.',
          },
        },
      ),
    },
  },
  'rbac.authorization.k8s.io/Role': {
    description:
      'Role is a namespaced, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding.',
    properties: {
      rules: refList(`${RBAC}.PolicyRule`, 'Rules holds all the PolicyRules for this Role', {
        'x-kubernetes-list-type': 'atomic',
      }),
    },
  },
  'rbac.authorization.k8s.io/ClusterRoleBinding': {
    description:
      'ClusterRoleBinding references a ClusterRole, but not contain it. It can reference a ClusterRole in the global namespace, and adds who information via Subject.',
    properties: binding('a ClusterRole in the global namespace'),
    required: ['roleRef'],
  },
  'rbac.authorization.k8s.io/RoleBinding': {
    description:
      'RoleBinding references a role, but does not contain it. It can reference a Role in the same namespace or a ClusterRole in the global namespace.',
    properties: binding('a Role in the current namespace or a ClusterRole in the global namespace'),
    required: ['roleRef'],
  },
  'policy/PodDisruptionBudget': {
    description:
      'PodDisruptionBudget is an object to define the max disruption that can be caused to a collection of pods',
    properties: {
      spec: object('PodDisruptionBudgetSpec is a description of a PodDisruptionBudget.', {
        minAvailable: intOrString(
          'An eviction is allowed if at least "minAvailable" pods selected by "selector" will still be available after the eviction.',
        ),
        maxUnavailable: intOrString(
          'An eviction is allowed if at most "maxUnavailable" pods selected by "selector" are unavailable after the eviction.',
        ),
        selector: labelSelector(
          'Label query over pods whose evictions are managed by the disruption budget.',
        ),
        unhealthyPodEvictionPolicy: str(
          'UnhealthyPodEvictionPolicy defines the criteria for when unhealthy pods should be considered for eviction. IfHealthyBudget or AlwaysAllow.',
          { enum: ['AlwaysAllow', 'IfHealthyBudget'] },
        ),
      }),
      status: object(
        'PodDisruptionBudgetStatus represents information about the status of a PodDisruptionBudget.',
        {
          observedGeneration: int('Most recent generation observed when updating this PDB status.', 'int64'),
          disruptionsAllowed: int('Number of pod disruptions that are currently allowed.'),
          currentHealthy: int('current number of healthy pods'),
          desiredHealthy: int('minimum desired number of healthy pods'),
          expectedPods: int('total number of pods counted by this disruption budget'),
          conditions: {
            type: 'array',
            items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            description: 'Conditions contain conditions for PDB (DisruptionAllowed).',
          },
        },
        ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods'],
      ),
    },
  },
  'networking.k8s.io/NetworkPolicy': {
    description: 'NetworkPolicy describes what network traffic is allowed for a set of Pods',
    properties: {
      spec: object('NetworkPolicySpec provides the specification of a NetworkPolicy', {
        podSelector: labelSelector(
          'podSelector selects the pods to which this NetworkPolicy object applies. An empty selector selects all pods in the namespace.',
        ),
        policyTypes: strList(
          'policyTypes is a list of rule types that the NetworkPolicy relates to. Valid options are ["Ingress"], ["Egress"], or ["Ingress", "Egress"].',
          { 'x-kubernetes-list-type': 'atomic' },
        ),
        ingress: {
          type: 'array',
          items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          description: 'ingress is a list of ingress rules to be applied to the selected pods.',
        },
        egress: {
          type: 'array',
          items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          description: 'egress is a list of egress rules to be applied to the selected pods.',
        },
      }),
    },
  },
};

/** DeploymentStrategy and RollingUpdateDeployment (apps/v1). */
BUILTIN_COMPONENTS[`${APPS}.DeploymentStrategy`] = object(
  'DeploymentStrategy describes how to replace existing pods with new ones.',
  {
    type: str('Type of deployment. Can be "Recreate" or "RollingUpdate". Default is RollingUpdate.', {
      enum: ['Recreate', 'RollingUpdate'],
    }),
    rollingUpdate: ref(
      `${APPS}.RollingUpdateDeployment`,
      'Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate.',
    ),
  },
);
BUILTIN_COMPONENTS[`${APPS}.RollingUpdateDeployment`] = object(
  'Spec to control the desired behavior of rolling update.',
  {
    maxUnavailable: intOrString(
      'The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Defaults to 25%.',
    ),
    maxSurge: intOrString(
      'The maximum number of pods that can be scheduled above the desired number of pods. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Defaults to 25%.',
    ),
  },
);
