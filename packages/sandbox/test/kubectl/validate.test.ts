import { describe, expect, it } from 'vitest';
import { hasKubectl, useKubectlSandbox } from './kubectl.js';

/**
 * kubectl's default validation (--validate=strict: server-side when the OpenAPI v3 document
 * advertises fieldValidation, client-side otherwise) must accept the built-in kinds a deploy/
 * directory holds and refuse unknown fields, and `kubectl explain` must describe their fields.
 */
const suite = hasKubectl ? describe : describe.skip;
if (!hasKubectl) console.warn('SKIPPED: /usr/bin/kubectl not found — kubectl validation needs kubectl v1.32');

const kube = useKubectlSandbox({ controllers: false });
const { k, kin } = kube;

const MANIFESTS = `apiVersion: v1
kind: Namespace
metadata: {name: console}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: console, namespace: console}
---
apiVersion: v1
kind: Service
metadata: {name: console, namespace: console, annotations: {service.beta.openshift.io/serving-cert-secret-name: console-tls}}
spec:
  selector: {app: console}
  ports: [{name: https, port: 9443, targetPort: 9443, protocol: TCP}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: console, namespace: console, labels: {app: console}}
spec:
  replicas: 2
  selector: {matchLabels: {app: console}}
  strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1, maxSurge: 25%}}
  template:
    metadata: {labels: {app: console}}
    spec:
      serviceAccountName: console
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
      - name: console
        image: quay.io/example/console:1.0
        ports: [{containerPort: 9443, protocol: TCP}]
        env: [{name: PORT, value: "9443"}, {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
        resources: {requests: {cpu: 10m, memory: 50Mi}, limits: {memory: 200Mi}}
        readinessProbe: {httpGet: {path: /healthz, port: 9443, scheme: HTTPS}, periodSeconds: 5}
        securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
        volumeMounts: [{name: tls, mountPath: /var/cert, readOnly: true}]
      volumes: [{name: tls, secret: {secretName: console-tls, defaultMode: 420}}]
      nodeSelector: {kubernetes.io/os: linux}
      tolerations: [{key: node-role.kubernetes.io/master, operator: Exists, effect: NoSchedule}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: console-reader}
rules:
- apiGroups: [imageregistry.operator.openshift.io]
  resources: [configs]
  verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: console-reader}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: console-reader}
subjects: [{kind: ServiceAccount, name: console, namespace: console}]
`;

suite('kubectl client-side validation of built-in kinds', () => {
  it('kubectl apply -f accepts Namespace, ServiceAccount, Service, Deployment, ClusterRole and ClusterRoleBinding', async () => {
    const r = await kin(MANIFESTS, 'apply', '-f', '-');
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout.trim().split('\n')).toEqual([
      'namespace/console created',
      'serviceaccount/console created',
      'service/console created',
      'deployment.apps/console created',
      'clusterrole.rbac.authorization.k8s.io/console-reader created',
      'clusterrolebinding.rbac.authorization.k8s.io/console-reader created',
    ]);
  });

  it('the default strict validation refuses a misspelt top-level field', async () => {
    const bad = MANIFESTS.split('---\n')[2]?.replace('spec:', 'sepc:') ?? '';
    const r = await kin(bad, 'apply', '-f', '-');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unknown field "sepc"/);
  });

  it('kubectl explain describes built-in fields', async () => {
    const r = await k('explain', 'deployment.spec.strategy');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/KIND:\s+Deployment/);
    expect(r.stdout).toMatch(/rollingUpdate\s+<RollingUpdateDeployment>/);
    const svc = await k('explain', 'service.spec.ports.targetPort');
    expect(svc.stdout).toMatch(/FIELD:\s+targetPort <\w+>/);
    expect(svc.stdout).toContain('Number or name of the port to access on the pods targeted by the service.');
    const c = await k('explain', 'deployment.spec.template.spec.containers.readinessProbe.periodSeconds');
    expect(c.stdout).toMatch(/FIELD:\s+periodSeconds <integer>/);
  });
});
