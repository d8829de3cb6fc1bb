import { describe, expect, it } from 'vitest';
import { hasKubectl, kubectlBackground, useKubectlSandbox } from './kubectl.js';

/**
 * A scripted kubectl 1.32 session against the sandbox: every command must behave as against
 * kube-apiserver, and no command may print discovery/OpenAPI errors or warnings.
 */
const suite = hasKubectl ? describe : describe.skip;
if (!hasKubectl)
  console.warn('SKIPPED: /usr/bin/kubectl not found — the scripted kubectl session needs kubectl v1.32');

const kube = useKubectlSandbox({ controllers: false });
const { sb, k, kin, ok } = kube;

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: demo
  labels: {app: demo}
data:
  a: "1"
`;
const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        env: [{name: A, value: "1"}]
`;

suite('kubectl session', () => {
  it('get, api-resources, explain', async () => {
    expect(await ok('get', 'ns')).toMatch(/^NAME\s+STATUS\s+AGE\n(.*\n)*default\s+Active\s+\d+s/m);
    expect(await ok('api-resources')).toMatch(/deployments\s+deploy\s+apps\/v1\s+true\s+Deployment/);
    expect(await ok('get', 'svc', 'kubernetes', '-o', 'wide')).toMatch(
      /kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP/,
    );
    expect(await ok('explain', 'deployments')).toMatch(/KIND:\s+Deployment/);
  });

  it('apply, create, get -o yaml/json', async () => {
    expect(await kin(CM, 'apply', '-f', '-')).toMatchObject({
      code: 0,
      stdout: 'configmap/demo created\n',
      stderr: '',
    });
    expect(await kin(CM, 'apply', '-f', '-')).toMatchObject({
      stdout: 'configmap/demo unchanged\n',
      stderr: '',
    });
    expect(await kin(CM.replace('"1"', '"2"'), 'apply', '-f', '-')).toMatchObject({
      stdout: 'configmap/demo configured\n',
      stderr: '',
    });
    expect(await ok('get', 'cm', 'demo', '-o', 'yaml')).toContain('a: "2"');
    const json = JSON.parse(await ok('get', 'cm', 'demo', '-o', 'json')) as {
      metadata: { annotations: Record<string, string> };
    };
    expect(json.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain(
      '"a":"2"',
    );
    expect(await kin(DEPLOY, 'create', '-f', '-')).toMatchObject({
      code: 0,
      stdout: 'deployment.apps/web created\n',
      stderr: '',
    });
    expect(await ok('create', 'configmap', 'literal', '--from-literal=k=v')).toBe(
      'configmap/literal created\n',
    );
    expect(await ok('create', 'secret', 'generic', 'sec', '--from-literal=password=s3cr3t')).toBe(
      'secret/sec created\n',
    );
    expect(
      await ok('run', 'one-off', '--image=busybox:1.36', '--restart=Never', '--env=A=1', '--', 'sleep', '5'),
    ).toBe('pod/one-off created\n');
    expect(await ok('get', 'pod', 'one-off', '-o', 'jsonpath={.spec.containers[0].args}')).toBe(
      '["sleep","5"]',
    );
    expect(await ok('get', 'deploy')).toMatch(
      /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+0\/1\s+0\s+0\s+\d+s\n$/,
    );
  });

  it('apply --server-side, with conflicts against other managers', async () => {
    const ssa = CM.replace('name: demo', 'name: ssa');
    expect(await kin(ssa, 'apply', '--server-side', '-f', '-')).toMatchObject({
      code: 0,
      stdout: 'configmap/ssa serverside-applied\n',
      stderr: '',
    });
    await ok('patch', 'cm', 'ssa', '--type', 'merge', '-p', '{"data":{"a":"other"}}');
    const conflict = await kin(ssa, 'apply', '--server-side', '-f', '-');
    expect(conflict.code).not.toBe(0);
    expect(conflict.stderr).toMatch(
      /Apply failed with 1 conflict: conflict with "kubectl-patch" using v1 at \S+: \.data\.a/,
    );
    expect(await kin(ssa, 'apply', '--server-side', '--force-conflicts', '-f', '-')).toMatchObject({
      code: 0,
      stderr: '',
    });
    expect(await ok('get', 'cm', 'ssa', '-o', 'jsonpath={.data.a}')).toBe('1');
  });

  it('strict validation rejects unknown fields', async () => {
    const r = await kin(CM.replace('name: demo', 'name: typo\n  lables: {}'), 'create', '-f', '-');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('strict decoding error: unknown field "metadata.lables"');
  });

  it('patch --type merge / json / strategic, scale', async () => {
    expect(await ok('patch', 'cm', 'demo', '--type', 'merge', '-p', '{"data":{"b":"x"}}')).toBe(
      'configmap/demo patched\n',
    );
    expect(
      await ok(
        'patch',
        'cm',
        'demo',
        '--type',
        'json',
        '-p',
        '[{"op":"replace","path":"/data/b","value":"y"}]',
      ),
    ).toBe('configmap/demo patched\n');
    const failed = await k(
      'patch',
      'cm',
      'demo',
      '--type',
      'json',
      '-p',
      '[{"op":"test","path":"/data/b","value":"nope"}]',
    );
    expect(failed.stderr).toContain('testing value /data/b failed: test failed');
    expect(
      await ok(
        'patch',
        'deploy',
        'web',
        '-p',
        '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"B","value":"2"}]}]}}}}',
      ),
    ).toBe('deployment.apps/web patched\n');
    expect(
      await ok('get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].env[*].name}'),
    ).toBe('A B');
    expect(await ok('scale', 'deploy', 'web', '--replicas=3')).toBe('deployment.apps/web scaled\n');
    expect(await ok('get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}')).toBe('3');
  });

  it('get -w streams changes', async () => {
    const w = kubectlBackground(kube.kc, kube.dir, ['get', 'cm', '-w']);
    try {
      await w.waitFor(/demo\s+\d/);
      await ok('create', 'configmap', 'watched', '--from-literal=a=b');
      await w.waitFor(/watched\s+1\s+\d+s/);
    } finally {
      w.child.kill();
    }
    expect(w.output()).not.toMatch(/error|warning/i);
  });

  it('logs with --tail, --timestamps and -f', async () => {
    const api = sb.api();
    api.create({ group: '', version: 'v1', resource: 'pods' }, 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'image-registry-1' },
      spec: { nodeName: 'node-1', containers: [{ name: 'registry', image: 'registry:2' }] },
    });
    for (const l of ['one', 'two', 'three']) sb.logs.append('default', 'image-registry-1', 'registry', l);
    expect(await ok('logs', 'image-registry-1', '--tail=2')).toBe('two\nthree\n');
    expect(await ok('logs', 'image-registry-1', '--tail=1', '--timestamps')).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z three\n$/,
    );
    const prev = await k('logs', 'image-registry-1', '--previous');
    expect(prev.stderr).toContain(
      'previous terminated container "registry" in pod "image-registry-1" not found',
    );
    const f = kubectlBackground(kube.kc, kube.dir, ['logs', '-f', 'image-registry-1', '--tail=0']);
    // --tail=0: a line logged before kubectl connects is never shown, so keep logging until one is.
    const logging = setInterval(
      () => sb.logs.append('default', 'image-registry-1', 'registry', 'followed line'),
      200,
    );
    await f.waitFor(/followed line\n/).finally(() => clearInterval(logging));
    await k('delete', 'pod', 'image-registry-1', '--grace-period=0', '--force');
    expect(await f.exited).toBe(0);
  });

  it('auth can-i and whoami per user', async () => {
    const can = async (ctx: string, ...args: string[]) =>
      (await k('--context', ctx, 'auth', 'can-i', ...args)).stdout.trim();
    expect(await can('admin', 'patch', 'configs.imageregistry.operator.openshift.io')).toBe('yes');
    expect(await can('viewer', 'patch', 'configs.imageregistry.operator.openshift.io')).toBe('no');
    expect(await can('viewer', 'get', 'secrets')).toBe('no');
    expect(await can('viewer', 'get', 'pods')).toBe('yes');
    expect(await ok('--context', 'developer', 'auth', 'whoami')).toMatch(/Username\s+developer/);
    // Impersonation: admin may act as the viewer; the viewer may not act as anyone.
    expect((await k('--as=viewer', 'auth', 'can-i', 'get', 'secrets')).stdout.trim()).toBe('no');
    const denied = await k('--context', 'viewer', '--as=admin', 'get', 'pods');
    expect(denied.stderr).toContain(
      'users "admin" is forbidden: User "viewer" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
  });

  it('create job --from=cronjob keeps the template (protobuf body) and can-i --list', async () => {
    sb.api().create({ group: 'batch', version: 'v1', resource: 'cronjobs' }, 'default', {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'pruner' },
      spec: {
        schedule: '0 0 * * *',
        jobTemplate: {
          spec: {
            backoffLimit: 0,
            template: {
              spec: {
                restartPolicy: 'Never',
                serviceAccountName: 'pruner',
                containers: [
                  {
                    name: 'p',
                    image: 'cli:1',
                    command: ['oc'],
                    args: ['adm', 'prune'],
                    resources: { requests: { cpu: '100m' } },
                  },
                ],
              },
            },
          },
        },
      },
    });
    expect(await ok('create', 'job', 'manual', '--from=cronjob/pruner')).toBe('job.batch/manual created\n');
    const job = JSON.parse(await ok('get', 'job', 'manual', '-o', 'json')) as {
      metadata: { annotations: Record<string, string> };
      spec: {
        backoffLimit: number;
        template: {
          spec: { serviceAccountName: string; containers: Array<{ args: string[]; resources: unknown }> };
        };
      };
    };
    expect(job.metadata.annotations['cronjob.kubernetes.io/instantiate']).toBe('manual');
    expect(job.spec.backoffLimit).toBe(0);
    expect(job.spec.template.spec.serviceAccountName).toBe('pruner');
    expect(job.spec.template.spec.containers[0]).toMatchObject({
      args: ['adm', 'prune'],
      resources: { requests: { cpu: '100m' } },
    });
    const list = await ok('--context', 'viewer', 'auth', 'can-i', '--list');
    expect(list).toMatch(/^pods\s+\[\]\s+\[\]\s+\[get list watch\]$/m);
    expect(list).not.toMatch(/^secrets\s/m);
  });

  it('events and Forbidden for the viewer', async () => {
    sb.api().create({ group: '', version: 'v1', resource: 'events' }, 'default', {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.1' },
      involvedObject: { kind: 'Deployment', name: 'web', namespace: 'default' },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-1 to 3',
      type: 'Normal',
      firstTimestamp: new Date().toISOString(),
      lastTimestamp: new Date().toISOString(),
      count: 1,
    });
    expect(await ok('get', 'events')).toMatch(
      /LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n\d+s\s+Normal\s+ScalingReplicaSet\s+deployment\/web\s+Scaled up replica set web-1 to 3/,
    );
    const denied = await k('--context', 'viewer', 'delete', 'cm', 'demo');
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain(
      'Error from server (Forbidden): configmaps "demo" is forbidden: User "viewer" cannot delete resource "configmaps" in API group "" in the namespace "default"',
    );
    const secrets = await k('--context', 'viewer', 'get', 'secrets');
    expect(secrets.stderr).toContain('User "viewer" cannot list resource "secrets"');
  });

  it('delete', async () => {
    expect(await ok('delete', 'cm', 'demo')).toBe('configmap "demo" deleted\n');
    expect(await ok('delete', 'deploy', 'web')).toBe('deployment.apps "web" deleted\n');
    const gone = await k('get', 'cm', 'demo');
    expect(gone.stderr).toContain('Error from server (NotFound): configmaps "demo" not found');
  });
});
