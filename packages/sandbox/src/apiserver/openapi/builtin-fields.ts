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
