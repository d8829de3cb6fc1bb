import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasKubectl, useKubectlSandbox } from './kubectl.js';

/**
 * `kind: List` files (what `kubectl get … -o yaml` writes) are validated by kubectl on the
 * client side against `/openapi/v2` — its v3 field-validation check answers "unsupported" for
 * v1/List — so they need the v2 document to apply with the default --validate=strict, and a
 * typo in an item must be refused by kubectl itself, naming the field, as against a real cluster.
 */
const suite = hasKubectl ? describe : describe.skip;
if (!hasKubectl)
  console.warn('SKIPPED: /usr/bin/kubectl not found — kind: List validation needs kubectl v1.32');

// controllers on: the export below then holds what they write too (pods, replica sets, events, operator status)
const kube = useKubectlSandbox();
const { k } = kube;

const item = {
  namespace: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  deployment: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{ name: 'web', image: 'quay.io/example/web:1.0', ports: [{ containerPort: 8080 }] }],
        },
      },
    },
  },
  secret: {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'web-tls', namespace: 'shop' },
    type: 'Opaque',
    stringData: { token: 'not-a-real-token' },
  },
  imageStream: {
    apiVersion: 'image.openshift.io/v1',
    kind: 'ImageStream',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      lookupPolicy: { local: true },
      tags: [{ name: 'latest', from: { kind: 'DockerImage', name: 'quay.io/example/web:1.0' } }],
    },
  },
  config: {
    apiVersion: 'imageregistry.operator.openshift.io/v1',
    kind: 'Config',
    metadata: { name: 'cluster' },
    spec: { managementState: 'Managed', replicas: 1, storage: { emptyDir: {} } },
  },
};

function listFile(name: string, items: unknown[]): string {
  const path = join(kube.dir, name);
  writeFileSync(path, JSON.stringify({ apiVersion: 'v1', kind: 'List', metadata: {}, items }, null, 2));
  return path;
}

suite('kubectl apply -f of a kind: List, validated on the client side against /openapi/v2', () => {
  it('applies a List of a Namespace, a Deployment, a Secret, an ImageStream and the registry Config with validation on', async () => {
    const file = listFile('list.json', [
      item.namespace,
      item.deployment,
      item.secret,
      item.imageStream,
      item.config,
    ]);
    const r = await k('apply', '-f', file, '--validate=strict');
    expect(r.code).toBe(0);
    // the operator created configs/cluster itself: kubectl only warns that it adopts it
    expect(
      r.stderr.replace(
        /^Warning: resource configs\/cluster is missing the kubectl.kubernetes.io\/last-applied-configuration annotation.*\n/m,
        '',
      ),
    ).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual([
      'namespace/shop created',
      'deployment.apps/web created',
      'secret/web-tls created',
      'imagestream.image.openshift.io/web created',
      expect.stringMatching(/^config\.imageregistry\.operator\.openshift\.io\/cluster (created|configured)$/),
    ]);
    const got = await k('get', 'deployment/web', '-n', 'shop', '-o', 'jsonpath={.spec.replicas}');
    expect(got.stdout).toBe('2');
  });

  it('refuses an unknown field in a List item on the client side, naming it, and changes nothing', async () => {
    const typo = structuredClone(item.deployment) as {
      metadata: { name: string };
      spec: Record<string, unknown>;
    };
    typo.metadata.name = 'typo';
    typo.spec.replica = typo.spec.replicas;
    delete typo.spec.replicas;
    const r = await k('apply', '-f', listFile('typo.json', [typo]));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(
      /error validating data: ValidationError\(Deployment\.spec\): unknown field "replica" in io\.k8s\.api\.apps\.v1\.DeploymentSpec;/,
    );
    expect((await k('get', 'deployment/typo', '-n', 'shop')).stderr).toMatch(/NotFound|not found/);
  });

  it('checks every kind the List holds: a typo in the CRD object, the Secret, the ImageStream, a Pod or a StatefulSet is refused too', async () => {
    const config = { ...item.config, spec: { ...item.config.spec, replicass: 2 } };
    const secret = { ...item.secret, strinData: { a: 'b' } };
    const stream = {
      ...item.imageStream,
      spec: {
        ...item.imageStream.spec,
        tags: [{ name: 'latest', form: { kind: 'DockerImage', name: 'x' } }],
      },
    };
    // kinds the sandbox has no schema for are still checked at their top, spec and status levels
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'shop' },
      spec: { containers: [{ name: 'c', image: 'x', imagePullPolicyy: 'Always' }] },
    };
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's', namespace: 'shop' },
      spec: { replica: 1 },
    };
    const r = await k('apply', '-f', listFile('typos.json', [config, secret, stream, pod, sts]));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unknown field "imagePullPolicyy" in io\.k8s\.api\.core\.v1\.Container/);
    expect(r.stderr).toMatch(/unknown field "replica" in io\.k8s\.api\.apps\.v1\.StatefulSetSpec/);
    expect(r.stderr).toMatch(/unknown field "replicass"/);
    expect(r.stderr).toMatch(/unknown field "strinData"/);
    expect(r.stderr).toMatch(/unknown field "form"/);
  });

  it('refuses a List item missing a required field or with a wrongly typed one', async () => {
    const noContainers = structuredClone(item.deployment) as {
      metadata: { name: string };
      spec: { template: { spec: Record<string, unknown> } };
    };
    noContainers.metadata.name = 'empty';
    delete noContainers.spec.template.spec.containers;
    const stringReplicas = {
      ...item.deployment,
      metadata: { name: 'typed', namespace: 'shop' },
      spec: { ...item.deployment.spec, replicas: 'two' },
    };
    const r = await k('apply', '-f', listFile('bad.json', [noContainers, stringReplicas]));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/missing required field "containers"/);
    expect(r.stderr).toMatch(/invalid type for .*replicas: got "string", expected "integer"/);
  });

  it('accepts real Kubernetes fields the sandbox does not describe (a real cluster takes them)', async () => {
    const full = structuredClone(item.deployment) as {
      metadata: { name: string; labels: Record<string, string> };
      spec: { selector: unknown; template: { metadata: unknown; spec: Record<string, unknown> } };
    };
    full.metadata = { ...full.metadata, name: 'full', labels: { app: 'full' } };
    full.spec.selector = { matchLabels: { app: 'full' } };
    full.spec.template.metadata = { labels: { app: 'full' } };
    Object.assign(full.spec.template.spec, {
      hostAliases: [{ ip: '10.0.0.1', hostnames: ['db.local'] }],
      dnsConfig: { options: [{ name: 'ndots', value: '2' }] },
      shareProcessNamespace: true,
      containers: [
        {
          name: 'web',
          image: 'quay.io/example/web:1.0',
          resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }],
        },
      ],
    });
    const build = {
      apiVersion: 'build.openshift.io/v1',
      kind: 'BuildConfig',
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        mountTrustedCA: true,
        source: { type: 'Git', git: { uri: 'https://example.com/web.git' }, sourceSecret: { name: 'git' } },
        strategy: { type: 'Docker', dockerStrategy: { noCache: true } },
      },
    };
    const r = await k('apply', '-f', listFile('full.json', [full, build]), '--dry-run=server');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('kubectl get deploy -o yaml > f && kubectl apply -f f round-trips', async () => {
    const generation = (): Promise<string> =>
      k('get', 'deployment/web', '-n', 'shop', '-o', 'jsonpath={.metadata.generation}/{.spec.replicas}').then(
        (r) => r.stdout,
      );
    const before = await generation();
    const exported = await k('get', 'deploy', '-n', 'shop', '-o', 'yaml');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^apiVersion: v1\nitems:/);
    const file = join(kube.dir, 'deploys.yaml');
    writeFileSync(file, exported.stdout);
    const r = await k('apply', '-f', file);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    // as on a real cluster: the last-applied annotation now records the export, the spec is untouched
    expect(r.stdout.trim()).toBe('deployment.apps/web configured');
    expect(await generation()).toBe(before);
  });

  it('an export of every listable kind passes client-side validation (no field the sandbox serves is unknown to its own v2 models)', async () => {
    const kinds = await k('api-resources', '--verbs=list', '-o', 'name');
    expect(kinds.code).toBe(0);
    const exported = await k('get', kinds.stdout.trim().split('\n').join(','), '-A', '-o', 'yaml');
    expect(exported.code).toBe(0);
    const file = join(kube.dir, 'everything.yaml');
    writeFileSync(file, exported.stdout);
    const text = readFileSync(file, 'utf8');
    for (const kind of ['Deployment', 'ReplicaSet', 'Pod', 'Event', 'Config', 'ImageStream'])
      expect(text).toMatch(new RegExp(`^  kind: ${kind}$`, 'm'));
    const r = await k('apply', '-f', file, '--dry-run=client');
    expect(r.stderr).not.toMatch(/error validating/);
    expect(r.code).toBe(0);
  });
});
