/**
 * Every field of the real Kubernetes structs behind the sandbox's trimmed built-in schemas, per
 * `/openapi/v2` definition and inner path ('' = the definition itself, `a.b`, `list[]`, `map{}`).
 * Generated from @kubernetes/client-node's models (k8s.io/api) by
 * `UPDATE_BUILTIN_FIELDS=1 npx vitest run test/apiserver/openapi-v2-fields.test.ts`; that test
 * fails when the schemas and this table drift apart.
 */
export const BUILTIN_FIELDS: Record<string, Record<string, string[]>> = {
  'io.k8s.api.apps.v1.Deployment': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  },
  'io.k8s.api.apps.v1.DeploymentSpec': {
    '': ['minReadySeconds', 'paused', 'progressDeadlineSeconds', 'replicas', 'revisionHistoryLimit', 'selector', 'strategy', 'template'],
  },
  'io.k8s.api.apps.v1.DeploymentStatus': {
    '': ['availableReplicas', 'collisionCount', 'conditions', 'observedGeneration', 'readyReplicas', 'replicas', 'terminatingReplicas', 'unavailableReplicas', 'updatedReplicas'],
  },
  'io.k8s.api.apps.v1.DeploymentStrategy': {
    '': ['rollingUpdate', 'type'],
  },
  'io.k8s.api.apps.v1.RollingUpdateDeployment': {
    '': ['maxSurge', 'maxUnavailable'],
  },
  'io.k8s.api.core.v1.ConfigMap': {
    '': ['apiVersion', 'binaryData', 'data', 'immutable', 'kind', 'metadata'],
  },
  'io.k8s.api.core.v1.Container': {
    '': ['args', 'command', 'env', 'envFrom', 'image', 'imagePullPolicy', 'lifecycle', 'livenessProbe', 'name', 'ports', 'readinessProbe', 'resizePolicy', 'resources', 'restartPolicy', 'restartPolicyRules', 'securityContext', 'startupProbe', 'stdin', 'stdinOnce', 'terminationMessagePath', 'terminationMessagePolicy', 'tty', 'volumeDevices', 'volumeMounts', 'workingDir'],
    'lifecycle': ['postStart', 'preStop', 'stopSignal'],
  },
  'io.k8s.api.core.v1.ContainerPort': {
    '': ['containerPort', 'hostIP', 'hostPort', 'name', 'protocol'],
  },
  'io.k8s.api.core.v1.EnvFromSource': {
    '': ['configMapRef', 'prefix', 'secretRef'],
  },
  'io.k8s.api.core.v1.EnvVar': {
    '': ['name', 'value', 'valueFrom'],
    'valueFrom': ['configMapKeyRef', 'fieldRef', 'fileKeyRef', 'resourceFieldRef', 'secretKeyRef'],
    'valueFrom.configMapKeyRef': ['key', 'name', 'optional'],
    'valueFrom.fieldRef': ['apiVersion', 'fieldPath'],
    'valueFrom.secretKeyRef': ['key', 'name', 'optional'],
  },
  'io.k8s.api.core.v1.ExecAction': {
    '': ['command'],
  },
  'io.k8s.api.core.v1.HTTPGetAction': {
    '': ['host', 'httpHeaders', 'path', 'port', 'scheme'],
    'httpHeaders[]': ['name', 'value'],
  },
  'io.k8s.api.core.v1.LifecycleHandler': {
    '': ['exec', 'httpGet', 'sleep', 'tcpSocket'],
    'sleep': ['seconds'],
  },
  'io.k8s.api.core.v1.LocalObjectReference': {
    '': ['name', 'optional'],
  },
  'io.k8s.api.core.v1.Namespace': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  },
  'io.k8s.api.core.v1.NamespaceSpec': {
    '': ['finalizers'],
  },
  'io.k8s.api.core.v1.NamespaceStatus': {
    '': ['conditions', 'phase'],
  },
  'io.k8s.api.core.v1.PodSpec': {
    '': ['activeDeadlineSeconds', 'affinity', 'automountServiceAccountToken', 'containers', 'dnsConfig', 'dnsPolicy', 'enableServiceLinks', 'ephemeralContainers', 'hostAliases', 'hostIPC', 'hostNetwork', 'hostPID', 'hostUsers', 'hostname', 'hostnameOverride', 'imagePullSecrets', 'initContainers', 'nodeName', 'nodeSelector', 'os', 'overhead', 'preemptionPolicy', 'priority', 'priorityClassName', 'readinessGates', 'resourceClaims', 'resources', 'restartPolicy', 'runtimeClassName', 'schedulerName', 'schedulingGates', 'securityContext', 'serviceAccount', 'serviceAccountName', 'setHostnameAsFQDN', 'shareProcessNamespace', 'subdomain', 'terminationGracePeriodSeconds', 'tolerations', 'topologySpreadConstraints', 'volumes'],
    'securityContext': ['appArmorProfile', 'fsGroup', 'fsGroupChangePolicy', 'runAsGroup', 'runAsNonRoot', 'runAsUser', 'seLinuxChangePolicy', 'seLinuxOptions', 'seccompProfile', 'supplementalGroups', 'supplementalGroupsPolicy', 'sysctls', 'windowsOptions'],
  },
  'io.k8s.api.core.v1.PodTemplateSpec': {
    '': ['metadata', 'spec'],
  },
  'io.k8s.api.core.v1.Probe': {
    '': ['exec', 'failureThreshold', 'grpc', 'httpGet', 'initialDelaySeconds', 'periodSeconds', 'successThreshold', 'tcpSocket', 'terminationGracePeriodSeconds', 'timeoutSeconds'],
  },
  'io.k8s.api.core.v1.ResourceRequirements': {
    '': ['claims', 'limits', 'requests'],
  },
  'io.k8s.api.core.v1.SeccompProfile': {
    '': ['localhostProfile', 'type'],
  },
  'io.k8s.api.core.v1.Secret': {
    '': ['apiVersion', 'data', 'immutable', 'kind', 'metadata', 'stringData', 'type'],
  },
  'io.k8s.api.core.v1.SecurityContext': {
    '': ['allowPrivilegeEscalation', 'appArmorProfile', 'capabilities', 'privileged', 'procMount', 'readOnlyRootFilesystem', 'runAsGroup', 'runAsNonRoot', 'runAsUser', 'seLinuxOptions', 'seccompProfile', 'windowsOptions'],
    'capabilities': ['add', 'drop'],
  },
  'io.k8s.api.core.v1.Service': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  },
  'io.k8s.api.core.v1.ServiceAccount': {
    '': ['apiVersion', 'automountServiceAccountToken', 'imagePullSecrets', 'kind', 'metadata', 'secrets'],
  },
  'io.k8s.api.core.v1.ServicePort': {
    '': ['appProtocol', 'name', 'nodePort', 'port', 'protocol', 'targetPort'],
  },
  'io.k8s.api.core.v1.ServiceSpec': {
    '': ['allocateLoadBalancerNodePorts', 'clusterIP', 'clusterIPs', 'externalIPs', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'internalTrafficPolicy', 'ipFamilies', 'ipFamilyPolicy', 'loadBalancerClass', 'loadBalancerIP', 'loadBalancerSourceRanges', 'ports', 'publishNotReadyAddresses', 'selector', 'sessionAffinity', 'sessionAffinityConfig', 'trafficDistribution', 'type'],
  },
  'io.k8s.api.core.v1.ServiceStatus': {
    '': ['conditions', 'loadBalancer'],
  },
  'io.k8s.api.core.v1.TCPSocketAction': {
    '': ['host', 'port'],
  },
  'io.k8s.api.core.v1.Toleration': {
    '': ['effect', 'key', 'operator', 'tolerationSeconds', 'value'],
  },
  'io.k8s.api.core.v1.VolumeMount': {
    '': ['mountPath', 'mountPropagation', 'name', 'readOnly', 'recursiveReadOnly', 'subPath', 'subPathExpr'],
  },
  'io.k8s.api.networking.v1.NetworkPolicy': {
    '': ['apiVersion', 'kind', 'metadata', 'spec'],
  },
  'io.k8s.api.networking.v1.NetworkPolicySpec': {
    '': ['egress', 'ingress', 'podSelector', 'policyTypes'],
  },
  'io.k8s.api.policy.v1.PodDisruptionBudget': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  },
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec': {
    '': ['maxUnavailable', 'minAvailable', 'selector', 'unhealthyPodEvictionPolicy'],
  },
  'io.k8s.api.policy.v1.PodDisruptionBudgetStatus': {
    '': ['conditions', 'currentHealthy', 'desiredHealthy', 'disruptedPods', 'disruptionsAllowed', 'expectedPods', 'observedGeneration'],
  },
  'io.k8s.api.rbac.v1.PolicyRule': {
    '': ['apiGroups', 'nonResourceURLs', 'resourceNames', 'resources', 'verbs'],
  },
  'io.k8s.api.rbac.v1.RoleRef': {
    '': ['apiGroup', 'kind', 'name'],
  },
  'io.k8s.api.rbac.v1.Subject': {
    '': ['apiGroup', 'kind', 'name', 'namespace'],
  },
  'io.k8s.api.rbacauthorization.v1.ClusterRole': {
    '': ['aggregationRule', 'apiVersion', 'kind', 'metadata', 'rules'],
    'aggregationRule': ['clusterRoleSelectors'],
  },
  'io.k8s.api.rbacauthorization.v1.ClusterRoleBinding': {
    '': ['apiVersion', 'kind', 'metadata', 'roleRef', 'subjects'],
  },
  'io.k8s.api.rbacauthorization.v1.Role': {
    '': ['apiVersion', 'kind', 'metadata', 'rules'],
  },
  'io.k8s.api.rbacauthorization.v1.RoleBinding': {
    '': ['apiVersion', 'kind', 'metadata', 'roleRef', 'subjects'],
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector': {
    '': ['matchExpressions', 'matchLabels'],
    'matchExpressions[]': ['key', 'operator', 'values'],
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
    '': ['annotations', 'creationTimestamp', 'deletionGracePeriodSeconds', 'deletionTimestamp', 'finalizers', 'generateName', 'generation', 'labels', 'managedFields', 'name', 'namespace', 'ownerReferences', 'resourceVersion', 'selfLink', 'uid'],
    'ownerReferences[]': ['apiVersion', 'blockOwnerDeletion', 'controller', 'kind', 'name', 'uid'],
  },
};

/**
 * Built-in kinds the sandbox has no schema for (Pod, StatefulSet, Job, Event …): their top-level,
 * spec and status field names, published untyped so kubectl still refuses a typo at those levels.
 */
export const OPEN_KIND_FIELDS: Record<string, Record<string, string[]>> = {
  'io.k8s.api.apps.v1.DaemonSet': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    'spec': ['minReadySeconds', 'revisionHistoryLimit', 'selector', 'template', 'updateStrategy'],
    'status': ['collisionCount', 'conditions', 'currentNumberScheduled', 'desiredNumberScheduled', 'numberAvailable', 'numberMisscheduled', 'numberReady', 'numberUnavailable', 'observedGeneration', 'updatedNumberScheduled'],
  },
  'io.k8s.api.apps.v1.ReplicaSet': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    'spec': ['minReadySeconds', 'replicas', 'selector', 'template'],
    'status': ['availableReplicas', 'conditions', 'fullyLabeledReplicas', 'observedGeneration', 'readyReplicas', 'replicas', 'terminatingReplicas'],
  },
  'io.k8s.api.apps.v1.StatefulSet': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    'spec': ['minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy', 'podManagementPolicy', 'replicas', 'revisionHistoryLimit', 'selector', 'serviceName', 'template', 'updateStrategy', 'volumeClaimTemplates'],
    'status': ['availableReplicas', 'collisionCount', 'conditions', 'currentReplicas', 'currentRevision', 'observedGeneration', 'readyReplicas', 'replicas', 'updateRevision', 'updatedReplicas'],
  },
  'io.k8s.api.authentication.v1.SelfSubjectReview': {
    '': ['apiVersion', 'kind', 'metadata', 'status'],
    'status': ['userInfo'],
  },
  'io.k8s.api.authentication.v1.TokenReview': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    'spec': ['audiences', 'token'],
    'status': ['audiences', 'authenticated', 'error', 'user'],
  },
  'io.k8s.api.authorization.v1.SelfSubjectAccessReview': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    'spec': ['nonResourceAttributes', 'resourceAttributes'],
    'status': ['allowed', 'denied', 'evaluationError', 'reason'],
  },
  'io.k8s.api.authorization.v1.SelfSubjectRulesReview': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    'spec': ['namespace'],
    'status': ['evaluationError', 'incomplete', 'nonResourceRules', 'resourceRules'],
  },
  'io.k8s.api.authorization.v1.SubjectAccessReview': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    'spec': ['extra', 'groups', 'nonResourceAttributes', 'resourceAttributes', 'uid', 'user'],
    'status': ['allowed', 'denied', 'evaluationError', 'reason'],
  },
  'io.k8s.api.batch.v1.CronJob': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    'spec': ['concurrencyPolicy', 'failedJobsHistoryLimit', 'jobTemplate', 'schedule', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'suspend', 'timeZone'],
    'status': ['active', 'lastScheduleTime', 'lastSuccessfulTime'],
  },
  'io.k8s.api.batch.v1.Job': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    'spec': ['activeDeadlineSeconds', 'backoffLimit', 'backoffLimitPerIndex', 'completionMode', 'completions', 'managedBy', 'manualSelector', 'maxFailedIndexes', 'parallelism', 'podFailurePolicy', 'podReplacementPolicy', 'selector', 'successPolicy', 'suspend', 'template', 'ttlSecondsAfterFinished'],
    'status': ['active', 'completedIndexes', 'completionTime', 'conditions', 'failed', 'failedIndexes', 'ready', 'startTime', 'succeeded', 'terminating', 'uncountedTerminatedPods'],
  },
  'io.k8s.api.coordination.v1.Lease': {
    '': ['apiVersion', 'kind', 'metadata', 'spec'],
    'spec': ['acquireTime', 'holderIdentity', 'leaseDurationSeconds', 'leaseTransitions', 'preferredHolder', 'renewTime', 'strategy'],
  },
  'io.k8s.api.core.v1.Binding': {
    '': ['apiVersion', 'kind', 'metadata', 'target'],
  },
  'io.k8s.api.core.v1.Event': {
    '': ['action', 'apiVersion', 'count', 'eventTime', 'firstTimestamp', 'involvedObject', 'kind', 'lastTimestamp', 'message', 'metadata', 'reason', 'related', 'reportingComponent', 'reportingInstance', 'series', 'source', 'type'],
  },
  'io.k8s.api.core.v1.Node': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    'spec': ['configSource', 'externalID', 'podCIDR', 'podCIDRs', 'providerID', 'taints', 'unschedulable'],
    'status': ['addresses', 'allocatable', 'capacity', 'conditions', 'config', 'daemonEndpoints', 'features', 'images', 'nodeInfo', 'phase', 'runtimeHandlers', 'volumesAttached', 'volumesInUse'],
  },
  'io.k8s.api.core.v1.PersistentVolumeClaim': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    'spec': ['accessModes', 'dataSource', 'dataSourceRef', 'resources', 'selector', 'storageClassName', 'volumeAttributesClassName', 'volumeMode', 'volumeName'],
    'status': ['accessModes', 'allocatedResourceStatuses', 'allocatedResources', 'capacity', 'conditions', 'currentVolumeAttributesClassName', 'modifyVolumeStatus', 'phase'],
  },
  'io.k8s.api.core.v1.Pod': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    'spec': ['activeDeadlineSeconds', 'affinity', 'automountServiceAccountToken', 'containers', 'dnsConfig', 'dnsPolicy', 'enableServiceLinks', 'ephemeralContainers', 'hostAliases', 'hostIPC', 'hostNetwork', 'hostPID', 'hostUsers', 'hostname', 'hostnameOverride', 'imagePullSecrets', 'initContainers', 'nodeName', 'nodeSelector', 'os', 'overhead', 'preemptionPolicy', 'priority', 'priorityClassName', 'readinessGates', 'resourceClaims', 'resources', 'restartPolicy', 'runtimeClassName', 'schedulerName', 'schedulingGates', 'securityContext', 'serviceAccount', 'serviceAccountName', 'setHostnameAsFQDN', 'shareProcessNamespace', 'subdomain', 'terminationGracePeriodSeconds', 'tolerations', 'topologySpreadConstraints', 'volumes'],
    'status': ['conditions', 'containerStatuses', 'ephemeralContainerStatuses', 'extendedResourceClaimStatus', 'hostIP', 'hostIPs', 'initContainerStatuses', 'message', 'nominatedNodeName', 'observedGeneration', 'phase', 'podIP', 'podIPs', 'qosClass', 'reason', 'resize', 'resourceClaimStatuses', 'startTime'],
  },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition': {
    '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    'spec': ['conversion', 'group', 'names', 'preserveUnknownFields', 'scope', 'versions'],
    'status': ['acceptedNames', 'conditions', 'storedVersions'],
  },
};
