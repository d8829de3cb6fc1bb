import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSandbox, type SandboxHandle } from '@irc/sandbox';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { PLUGIN_NAME, PROXY_ALIAS } from '../src/plugin.js';
import { pluginDir } from './dist.js';

const deployDir = join(pluginDir, '..', '..', 'deploy');
// The real CRD from openshift/api, in shared/reference/ beside the project root (absent → skipped).
const CRD_ORACLE =
  [
    join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'reference', '90_consoleplugins.crd.yaml'),
    '/work/shared/reference/90_consoleplugins.crd.yaml',
  ].find((p) => existsSync(p)) ?? 'shared/reference/90_consoleplugins.crd.yaml';

function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const kubectl = hasKubectl();
if (!kubectl)
  console.warn('deploy tests skipped: kubectl is not on PATH (it ships with the machine image and CI)');

interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
  rules?: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
}

function render(): KubeObject[] {
  const out = execFileSync('kubectl', ['kustomize', deployDir], { encoding: 'utf8' });
  return parseAllDocuments(out).map((d) => d.toJS() as KubeObject);
}

describe.runIf(kubectl)('deploy/ (kustomize base)', () => {
  const objects = kubectl ? render() : [];
  const find = (kind: string) => {
    const found = objects.find((o) => o.kind === kind);
    if (!found) throw new Error(`deploy/ renders no ${kind}`);
    return found;
  };
  const pod = () => (find('Deployment').spec as { template: { spec: PodSpec } }).template.spec;
  interface Container {
    env: { name: string; value: string }[];
    ports: { name: string; containerPort: number }[];
    securityContext: Record<string, unknown>;
    livenessProbe: { httpGet: { path: string; scheme: string } };
    readinessProbe: { httpGet: { path: string; scheme: string } };
    resources: { requests: Record<string, string>; limits: Record<string, string> };
    volumeMounts: { name: string; mountPath: string }[];
  }
  interface PodSpec {
    serviceAccountName: string;
    securityContext: Record<string, unknown>;
    containers: Container[];
    volumes: { name: string; secret?: { secretName: string } }[];
  }

  it('renders the namespace, identity, RBAC, workload, its disruption budget, service and console plugin', () => {
    expect(objects.map((o) => o.kind).sort()).toEqual(
      [
        'ClusterRole',
        'ClusterRoleBinding',
        'ClusterRoleBinding',
        'ConsolePlugin',
        'Deployment',
        'Namespace',
        'PodDisruptionBudget',
        'Role',
        'RoleBinding',
        'Service',
        'ServiceAccount',
      ].sort(),
    );
  });

  it('runs the server under the restricted profile with probes and resources', () => {
    const spec = pod();
    expect(spec.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    const [c] = spec.containers;
    expect(c?.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(c?.livenessProbe.httpGet).toMatchObject({ path: '/healthz', scheme: 'HTTPS' });
    expect(c?.readinessProbe.httpGet).toMatchObject({ path: '/readyz', scheme: 'HTTPS' });
    expect(c?.resources.requests).toHaveProperty('cpu');
    expect(c?.resources.limits).toHaveProperty('memory');
    expect(c?.env).toContainEqual({ name: 'AUTH_MODE', value: 'token' });
    expect(find('Namespace').metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('serves TLS with the certificate the service CA writes for the Service', () => {
    const secretName =
      find('Service').metadata.annotations?.['service.beta.openshift.io/serving-cert-secret-name'];
    expect(secretName).toBeTruthy();
    const spec = pod();
    const volume = spec.volumes.find((v) => v.secret?.secretName === secretName);
    expect(volume).toBeDefined();
    const mount = spec.containers[0]?.volumeMounts.find((m) => m.name === volume?.name);
    const env = Object.fromEntries(spec.containers[0]?.env.map((e) => [e.name, e.value]) ?? []);
    expect(env.TLS_CERT_FILE).toBe(`${mount?.mountPath}/tls.crt`);
    expect(env.TLS_KEY_FILE).toBe(`${mount?.mountPath}/tls.key`);
  });

  it('registers the plugin: assets from the Service, API through a UserToken proxy', () => {
    const plugin = find('ConsolePlugin');
    const service = find('Service');
    const port = (service.spec as { ports: { port: number }[] }).ports[0]?.port;
    const target = { name: service.metadata.name, namespace: service.metadata.namespace, port };
    expect(plugin.metadata.name).toBe(PLUGIN_NAME);
    expect(plugin.spec).toMatchObject({
      backend: { type: 'Service', service: { ...target, basePath: '/plugin/' } },
      proxy: [
        { alias: PROXY_ALIAS, authorization: 'UserToken', endpoint: { type: 'Service', service: target } },
      ],
    });
  });

  it('has the console preload its i18n catalogue (else every other console page logs "Missing i18n key" for the nav label)', () => {
    expect(find('ConsolePlugin').spec).toMatchObject({ i18n: { loadType: 'Preload' } });
  });

  it("gives the server's own identity read-only access to what it watches, and no secrets", () => {
    const rules = objects
      .filter((o) => o.kind === 'ClusterRole' || o.kind === 'Role')
      .flatMap((o) => o.rules ?? []);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.verbs.every((v) => ['get', 'list', 'watch'].includes(v))).toBe(true);
      expect(rule.resources).not.toContain('secrets');
      expect(rule.resources).not.toContain('*');
    }
    for (const binding of objects.filter((o) => o.kind.endsWith('Binding'))) {
      expect((binding as unknown as { subjects: { name: string }[] }).subjects).toEqual([
        expect.objectContaining({ kind: 'ServiceAccount', name: pod().serviceAccountName }),
      ]);
    }
  });

  it('lets the server review who may scrape /metrics, and names the hosts it answers to', () => {
    const delegator = objects.find(
      (o) =>
        o.kind === 'ClusterRoleBinding' &&
        (o as unknown as { roleRef: { name: string } }).roleRef.name === 'system:auth-delegator',
    );
    expect(delegator, 'a binding to system:auth-delegator (TokenReview + SubjectAccessReview)').toBeDefined();
    const service = find('Service');
    const env = (pod().containers[0]?.env ?? []) as unknown as {
      name: string;
      value?: string;
      valueFrom?: { fieldRef: { fieldPath: string } };
    }[];
    const byName = Object.fromEntries(env.map((e) => [e.name, e]));
    // the console's proxy sends Host <SERVICE_NAME>.<POD_NAMESPACE>.svc.cluster.local:<port>
    expect(byName.SERVICE_NAME?.value).toBe(service.metadata.name);
    expect(byName.POD_NAMESPACE?.valueFrom?.fieldRef.fieldPath).toBe('metadata.namespace');
    expect(byName.POD_IPS?.valueFrom?.fieldRef.fieldPath).toBe('status.podIPs');
  });

  it.runIf(existsSync(CRD_ORACLE))('ConsolePlugin validates against the real CRD (openshift/api)', () => {
    const [crd] = parseAllDocuments(readFileSync(CRD_ORACLE, 'utf8')).map(
      (d) => d.toJS() as { spec: { versions: { name: string; schema: { openAPIV3Schema: object } }[] } },
    );
    const schema = crd?.spec.versions.find((v) => v.name === 'v1')?.schema.openAPIV3Schema;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema ?? {});
    const plugin = find('ConsolePlugin');
    expect(validate(plugin), JSON.stringify(validate.errors)).toBe(true);
    // …and the oracle can fail: a proxy without its endpoint is refused.
    const broken = structuredClone(plugin) as unknown as { spec: { proxy: Record<string, unknown>[] } };
    delete broken.spec.proxy[0]?.endpoint;
    expect(validate(broken)).toBe(false);
  });
});

describe.runIf(kubectl)('kubectl apply --dry-run=server of deploy/ against the sandbox', () => {
  let sandbox: SandboxHandle;
  let dir: string;
  let kubeconfig: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'irc-deploy-'));
    kubeconfig = join(dir, 'kubeconfig');
    sandbox = await startSandbox({ port: 0, kubeconfigPath: kubeconfig, controllers: false, log: false });
  });
  afterAll(async () => {
    await sandbox?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Asynchronous: the sandbox answers from this very process.
  const run = async (args: string[]) =>
    (
      await promisify(execFile)('kubectl', ['--kubeconfig', kubeconfig, '--context', 'admin', ...args], {
        timeout: 60_000,
      })
    ).stdout;

  it('is accepted by the API server as is', async () => {
    // As on a real cluster, a server-side dry run creates no namespace: objects inside one need
    // it to exist (openshift-image-registry always does; ours is created by a first apply).
    await run(['create', 'namespace', 'image-registry-console']);
    await run(['create', 'namespace', 'openshift-image-registry']);
    const served = new Set(
      (await run(['api-resources', '--no-headers']))
        .split('\n')
        .map((line) => line.trim().split(/\s+/).at(-1)),
    );
    const docs = parseAllDocuments(execFileSync('kubectl', ['kustomize', deployDir], { encoding: 'utf8' }));
    const missing = docs.map((d) => (d.toJS() as KubeObject).kind).filter((kind) => !served.has(kind));
    if (missing.length > 0)
      console.warn(`deploy dry run: the sandbox serves no ${missing.join(', ')}; those objects are left out`);
    expect(missing).not.toContain('ConsolePlugin');
    expect(missing).not.toContain('Deployment');
    // One object at a time: kubectl validates each against the server's OpenAPI schema first;
    // where the sandbox publishes none for a kind, the server-side dry run still admits it.
    let out = '';
    const unvalidated: string[] = [];
    for (const [i, doc] of docs.filter((d) => served.has((d.toJS() as KubeObject).kind)).entries()) {
      const file = join(dir, `object-${i}.yaml`);
      writeFileSync(file, String(doc));
      try {
        out += await run(['apply', '--dry-run=server', '-f', file]);
      } catch (err) {
        if (!/error validating data: the server could not find the requested resource/.test(String(err)))
          throw err;
        unvalidated.push((doc.toJS() as KubeObject).kind);
        out += await run(['apply', '--dry-run=server', '--validate=false', '-f', file]);
      }
    }
    if (unvalidated.length > 0)
      console.warn(`deploy dry run: the sandbox publishes no OpenAPI schema for ${unvalidated.join(', ')}`);
    expect(out).toContain(`consoleplugin.console.openshift.io/${PLUGIN_NAME} created (server dry run)`);
    expect(out).toContain('deployment.apps/image-registry-console created (server dry run)');
    expect(out).toContain(
      'rolebinding.rbac.authorization.k8s.io/image-registry-console-watch created (server dry run)',
    );
  });

  it('is refused when the ConsolePlugin breaks the CRD (the dry run validates)', async () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(
      broken,
      readFileSync(join(deployDir, 'consoleplugin.yaml'), 'utf8').replace(
        'authorization: UserToken',
        'authorization: Cookie',
      ),
    );
    await expect(run(['apply', '--dry-run=server', '-f', broken])).rejects.toThrow(/authorization/);
  });
});
