import { describe, expect, it } from 'vitest';
import { hasKubectl, kubectlBackground, useKubectlSandbox } from './kubectl.js';

/**
 * kubectl 1.32 against the OpenShift kinds the sandbox serves as built-ins (image streams,
 * deployment configs, build configs) and the seeded image-migration samples: discovery, tables,
 * -A, patches of every type, watch, explain, and the viewer's access.
 */
const suite = hasKubectl ? describe : describe.skip;
if (!hasKubectl)
  console.warn(
    'SKIPPED: /usr/bin/kubectl not found — the kubectl view of the OpenShift kinds needs kubectl v1.32',
  );

const OLD = 'docker-registry.default.svc:5000';
const NEW = 'image-registry.openshift-image-registry.svc:5000';

const kube = useKubectlSandbox();
const { k, kin, ok } = kube;

const rows = (out: string): string[][] =>
  out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s{2,}/));

suite('kubectl and the OpenShift kinds', () => {
  it('api-resources lists the three groups like openshift-apiserver serves them', async () => {
    const out = await ok('api-resources', '--api-group=image.openshift.io', '--no-headers');
    expect(rows(out)).toEqual([['imagestreams', 'is', 'image.openshift.io/v1', 'true', 'ImageStream']]);
    const apps = await ok('api-resources', '--api-group=apps.openshift.io', '--no-headers');
    expect(rows(apps)).toEqual([
      ['deploymentconfigs', 'dc', 'apps.openshift.io/v1', 'true', 'DeploymentConfig'],
    ]);
    const builds = await ok('api-resources', '--api-group=build.openshift.io', '-o', 'wide', '--no-headers');
    expect(builds).toMatch(
      /^buildconfigs\s+bc\s+build\.openshift\.io\/v1\s+true\s+BuildConfig\s+create,delete,deletecollection,get,list,patch,update,watch\s+all\n$/,
    );
  });

  it('get is -A shows the seeded streams with the 4.x repository, tags and age', async () => {
    const out = await ok('get', 'is', '-A', '-l', 'app.kubernetes.io/part-of=image-migration-workshop');
    const table = rows(out);
    expect(table[0]).toEqual(['NAMESPACE', 'NAME', 'IMAGE REPOSITORY', 'TAGS', 'UPDATED']);
    expect(table.slice(1).map((r) => `${r[0]}/${r[1]}`)).toEqual([
      'workshop-batch/cleanup',
      'workshop-batch/report',
      'workshop-legacy/billing',
      'workshop-legacy/billing-docs',
      'workshop-shop/cart',
      'workshop-shop/statsd-exporter',
      'workshop-shop/storefront',
    ]);
    const storefront = table.find((r) => r[1] === 'storefront');
    expect(storefront?.slice(3)).toEqual(['latest,1.4,stable', '3 weeks ago']);
    // the deprecated spec.dockerImageRepository wins over status, as `oc get is` prints it
    expect(table.find((r) => r[1] === 'billing')?.[2]).toBe(`${OLD}/workshop-legacy/billing`);
    expect(storefront?.[2]).toMatch(/\/workshop-shop\/storefront$/);
    const legacy = await ok('get', 'dc,bc', '-n', 'workshop-legacy');
    expect(legacy).toMatch(
      /deploymentconfig\.apps\.openshift\.io\/billing\s+0\s+1\s+0\s+config,image\(billing:5\.2\)/,
    );
    expect(legacy).toMatch(/buildconfig\.build\.openshift\.io\/billing\s+Source\s+Git@main\s+0/);
    expect(legacy).toMatch(/buildconfig\.build\.openshift\.io\/billing-docs\s+Docker\s+Git@main\s+0/);
  });

  it('patches image streams with merge, JSON and strategic merge patches, honouring dry-run', async () => {
    const ns = ['-n', 'workshop-shop'];
    await ok(
      'patch',
      'is',
      'storefront',
      ...ns,
      '--type=json',
      '-p',
      JSON.stringify([
        { op: 'replace', path: '/spec/tags/0/from/name', value: `${NEW}/workshop-shop/storefront:1.4` },
      ]),
    );
    await ok(
      'patch',
      'is',
      'storefront',
      ...ns,
      '--type=strategic',
      '-p',
      JSON.stringify({
        spec: {
          tags: [
            { name: 'latest', from: { kind: 'DockerImage', name: `${NEW}/workshop-shop/storefront:latest` } },
          ],
        },
      }),
    );
    const names = await ok(
      'get',
      'is',
      'storefront',
      ...ns,
      '-o',
      'jsonpath={range .spec.tags[*]}{.name}={.from.name}@{.generation} {end}',
    );
    expect(names.trim()).toBe(
      `1.4=${NEW}/workshop-shop/storefront:1.4@2 latest=${NEW}/workshop-shop/storefront:latest@3 stable=storefront:1.4@1`,
    );
    const dry = await ok(
      'patch',
      'is',
      'storefront',
      ...ns,
      '--type=merge',
      '-p',
      '{"spec":{"lookupPolicy":{"local":true}}}',
      '--dry-run=server',
      '-o',
      'jsonpath={.spec.lookupPolicy.local}',
    );
    expect(dry).toBe('true');
    expect(await ok('get', 'is', 'storefront', ...ns, '-o', 'jsonpath={.spec.lookupPolicy.local}')).toBe(
      'false',
    );
    const bad = await k(
      'patch',
      'is',
      'storefront',
      ...ns,
      '--type=json',
      '-p',
      JSON.stringify([{ op: 'replace', path: '/spec/tags/0/from/name', value: 'not a ref' }]),
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain(
      'spec.tags[1.4].from.name: Invalid value: "not a ref": invalid reference format',
    );
    await ok(
      'patch',
      'dc',
      'billing',
      '-n',
      'workshop-legacy',
      '--type=strategic',
      '-p',
      JSON.stringify({
        spec: {
          template: {
            spec: { containers: [{ name: 'billing', image: `${NEW}/workshop-legacy/billing:5.2` }] },
          },
        },
      }),
    );
    expect(
      await ok(
        'get',
        'dc',
        'billing',
        '-n',
        'workshop-legacy',
        '-o',
        'jsonpath={.spec.template.spec.containers[*].image}',
      ),
    ).toBe(`${NEW}/workshop-legacy/billing:5.2`);
  });

  it('creates from YAML with server-side field validation, watches, explains', async () => {
    const watch = kubectlBackground(kube.kc, kube.dir, [
      'get',
      'is',
      '-n',
      'developer',
      '-w',
      '--output-watch-events',
    ]);
    try {
      const created = await kin(
        `apiVersion: image.openshift.io/v1
kind: ImageStream
metadata: {name: hello, namespace: developer}
spec:
  tags:
  - name: "1.0"
    from: {kind: DockerImage, name: quay.io/openshift/origin-hello-openshift:1.0}
`,
        'create',
        '-f',
        '-',
      );
      expect(created).toMatchObject({ code: 0, stdout: 'imagestream.image.openshift.io/hello created\n' });
      await watch.waitFor(/ADDED\s+hello\s+/);
      const strict = await kin(
        'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata: {name: typo, namespace: developer}\nsepc: {}\n',
        'create',
        '-f',
        '-',
      );
      expect(strict.code).not.toBe(0);
      expect(strict.stderr).toContain('unknown field "sepc"');
      await ok('delete', 'is', 'hello', '-n', 'developer');
      await watch.waitFor(/DELETED\s+hello\s+/);
    } finally {
      watch.child.kill();
    }
    const explain = await ok('explain', 'is.spec.tags.referencePolicy');
    expect(explain).toMatch(/KIND:\s+ImageStream/);
    expect(explain).toMatch(/type\s+<string> -required-/);
  });

  it('apply (client-side and server-side) adds and drops tags by name', async () => {
    const stream = (name: string, tags: string[]): string =>
      `apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata: {name: ${name}, namespace: developer}\nspec:\n  tags:\n${tags.map((t) => `  - name: "${t}"\n    from: {kind: DockerImage, name: "quay.io/a/b:${t}"}\n`).join('')}`;
    const tagsOf = async (name: string): Promise<string> =>
      ok('get', 'is', name, '-n', 'developer', '-o', 'jsonpath={.spec.tags[*].name}');
    for (const [mode, name] of [
      ['--server-side', 'ssa'],
      ['--validate=true', 'csa'],
    ] as const) {
      expect((await kin(stream(name, ['1.0', '2.0']), 'apply', mode, '-f', '-')).code).toBe(0);
      expect(await tagsOf(name)).toBe('1.0 2.0');
      const dropped = await kin(stream(name, ['1.0']), 'apply', mode, '-f', '-');
      expect({ code: dropped.code, stderr: dropped.stderr }).toEqual({ code: 0, stderr: '' });
      expect(await tagsOf(name)).toBe('1.0');
    }
  });

  it('the viewer reads but cannot write; the developer has image streams in its own namespace', async () => {
    const can = async (ctx: string, ...args: string[]) =>
      (await k('--context', ctx, 'auth', 'can-i', ...args)).stdout.trim();
    expect(await can('viewer', 'list', 'imagestreams.image.openshift.io', '-A')).toBe('yes');
    expect(await can('viewer', 'patch', 'imagestreams.image.openshift.io', '-n', 'workshop-shop')).toBe('no');
    expect(await can('viewer', 'get', 'deploymentconfigs.apps.openshift.io', '-n', 'workshop-legacy')).toBe(
      'yes',
    );
    expect(await can('viewer', 'get', 'secrets', '-n', 'workshop-shop')).toBe('no');
    expect(await can('developer', 'create', 'imagestreams.image.openshift.io', '-n', 'developer')).toBe(
      'yes',
    );
    expect(await can('developer', 'list', 'imagestreams.image.openshift.io', '-n', 'workshop-shop')).toBe(
      'no',
    );
    const viewerList = await ok('--context', 'viewer', 'get', 'is', '-A', '--no-headers');
    expect(viewerList.trim().split('\n').length).toBeGreaterThanOrEqual(7);
  });
});
