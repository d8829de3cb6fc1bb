import { mappingProblems, migrationSummaryLine, parseMapping, type ImageReferenceMapping } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { ocCommands } from '../../src/migration/command.js';
import { rewriteSecret, scrub, secretStrings } from '../../src/migration/dockerconfig.js';
import { imageFields } from '../../src/migration/fields.js';
import { planObject } from '../../src/migration/plan.js';
import { mapDockerAuthKey, mapImageReference, parseImageReference } from '../../src/migration/reference.js';

function mappings(...specs: string[]): ImageReferenceMapping[] {
  return specs.map((s) => {
    const p = parseMapping(s);
    if (!p.ok) throw new Error(p.message);
    return p.mapping;
  });
}

const DIGEST = 'sha256:b2f400f4a5e003b0543decf61a0a010939f3fba07bafa226f11ed7b5f1e81237';
const OLD = 'docker-registry.default.svc:5000';
const NEW = 'image-registry.openshift-image-registry.svc:5000';

describe('parseMapping (oc syntax REGISTRY/NAME=REGISTRY/NAME)', () => {
  it('accepts wildcards for the whole registry or the whole name', () => {
    expect(parseMapping(`${OLD}/*=${NEW}/*`)).toEqual({
      ok: true,
      mapping: { fromRegistry: OLD, fromName: undefined, toRegistry: NEW, toName: undefined },
    });
    expect(parseMapping('*/test/other=*/other/test')).toEqual({
      ok: true,
      mapping: {
        fromRegistry: undefined,
        fromName: 'test/other',
        toRegistry: undefined,
        toName: 'other/test',
      },
    });
  });

  it.each([
    ['', 'must not be empty'],
    ['foo', '"foo" is not SRC=DST'],
    ['docker.io=quay.io/*', 'must be REGISTRY/NAME'],
    ['/x=quay.io/*', 'registry must be specified'],
    ['docker.io/=quay.io/*', 'name must be specified'],
    ['docker.io/*=*/*', 'at least one change must be specified'],
    ['docker.io/*=docker.io/*', 'must change the registry or the name'],
    ['*.example.com/*=quay.io/*', '"*" may only stand for the whole registry'],
    ['docker.io/team/*=quay.io/*', '"*" may only stand for the whole name'],
    ['docker.io/app:v1=quay.io/*', 'without a tag or digest'],
    ['docker.io/App=quay.io/*', 'lower-case'],
    ['https://docker.io/x=quay.io/*', 'not a valid source'],
    ['registry:99999/*=quay.io/*', 'port 99999'],
  ])('rejects %j', (input, message) => {
    const p = parseMapping(input);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message).toContain(message);
  });

  it('reports problems by field path', () => {
    expect(mappingProblems([`${OLD}/*=${NEW}/*`, 'foo'])).toEqual([
      { path: 'mappings[1]', message: expect.stringContaining('"foo" is not SRC=DST') },
    ]);
  });
});

describe('image references', () => {
  it('parses registry, path, tag and digest like library-go', () => {
    expect(parseImageReference('mysql')).toEqual({ registry: '', path: 'mysql' });
    expect(parseImageReference('default/mysql:latest')).toEqual({
      registry: '',
      path: 'default/mysql',
      tag: 'latest',
    });
    expect(parseImageReference(`localhost/a/b@${DIGEST}`)).toEqual({
      registry: 'localhost',
      path: 'a/b',
      digest: DIGEST,
    });
    expect(parseImageReference(`${OLD}/ns/app:v1@${DIGEST}`)).toEqual({
      registry: OLD,
      path: 'ns/app',
      tag: 'v1',
      digest: DIGEST,
    });
    for (const bad of ['', ' x', 'UPPER/case', 'a@sha256:short', 'host:5000/', 'a b'])
      expect(parseImageReference(bad)).toBeUndefined();
  });

  it('docker.io matches references without a registry (oc TestImageReferenceMappingsMapReference)', () => {
    const m = mappings('docker.io/*=index.docker.io/*');
    expect(mapImageReference(m, 'mysql')).toBe('index.docker.io/mysql');
    expect(mapImageReference(m, 'mysql:latest')).toBe('index.docker.io/mysql:latest');
    expect(mapImageReference(m, 'default/mysql:latest')).toBe('index.docker.io/default/mysql:latest');
    expect(mapImageReference(m, `mysql@${DIGEST}`)).toBe(`index.docker.io/mysql@${DIGEST}`);
    expect(mapImageReference(m, 'docker.io/default/mysql:latest')).toBe(
      'index.docker.io/default/mysql:latest',
    );
    expect(mapImageReference(m, 'quay.io/default/mysql:latest')).toBe('quay.io/default/mysql:latest');
  });

  it('a name mapping matches the whole repository path only', () => {
    const toRegistry = mappings('*/test/other=another.registry/*');
    expect(mapImageReference(toRegistry, 'test/other')).toBe('another.registry/test/other');
    expect(mapImageReference(toRegistry, 'myregistry.com/test/other:latest')).toBe(
      'another.registry/test/other:latest',
    );
    expect(mapImageReference(toRegistry, 'myregistry.com/b/test/other:latest')).toBe(
      'myregistry.com/b/test/other:latest',
    );
    const rename = mappings('*/test/other=*/other/test');
    expect(mapImageReference(rename, 'myregistry.com/test/other:latest')).toBe(
      'myregistry.com/other/test:latest',
    );
    expect(mapImageReference(rename, 'test/other/b:latest')).toBe('test/other/b:latest');
  });

  it('keeps tags and digests, and never matches part of a host or port', () => {
    const m = mappings(`${OLD}/*=${NEW}/*`);
    expect(mapImageReference(m, `${OLD}/shop/web:1.2@${DIGEST}`)).toBe(`${NEW}/shop/web:1.2@${DIGEST}`);
    expect(mapImageReference(m, `${OLD}/shop/web@${DIGEST}`)).toBe(`${NEW}/shop/web@${DIGEST}`);
    expect(mapImageReference(m, 'docker-registry.default.svc:50001/shop/web')).toBe(
      'docker-registry.default.svc:50001/shop/web',
    );
    expect(mapImageReference(m, 'docker-registry.default.svc/shop/web')).toBe(
      'docker-registry.default.svc/shop/web',
    );
    expect(mapImageReference(m, 'my-docker-registry.default.svc:5000/shop/web')).toBe(
      'my-docker-registry.default.svc:5000/shop/web',
    );
    expect(mapImageReference(m, 'not a reference')).toBe('not a reference');
  });

  it('the first matching mapping wins, and a migrated reference no longer matches (idempotent)', () => {
    const m = mappings(`${OLD}/shop/web=quay.io/mirror/web`, `${OLD}/*=${NEW}/*`);
    const once = mapImageReference(m, `${OLD}/shop/web:1`);
    expect(once).toBe('quay.io/mirror/web:1');
    expect(mapImageReference(m, once)).toBe(once);
    expect(mapImageReference(m, `${OLD}/shop/api:1`)).toBe(`${NEW}/shop/api:1`);
  });
});

describe('docker config keys (oc TestImageReferenceMappingsMapDockerAuthKey)', () => {
  it('matches hosts exactly, drops scheme and /v1/', () => {
    const m = mappings('docker.io/*=index.docker.io/*');
    expect(mapDockerAuthKey(m, 'docker.io')).toBe('index.docker.io');
    expect(mapDockerAuthKey(m, 'index.docker.io')).toBe('index.docker.io');
    expect(mapDockerAuthKey(m, 'https://docker.io/v1/')).toBe('index.docker.io');
    expect(mapDockerAuthKey(m, 'https://index.docker.io/v1/')).toBe('https://index.docker.io/v1/');
    expect(mapDockerAuthKey(m, 'other.docker.io:5000/names')).toBe('other.docker.io:5000/names');
  });

  it('keeps the path as the name, and a name target replaces it', () => {
    expect(
      mapDockerAuthKey(mappings('index.docker.io/*=another.registry/*'), 'https://index.docker.io/v1/other'),
    ).toBe('another.registry/other');
    expect(mapDockerAuthKey(mappings('index.docker.io/*=another.registry/extra'), 'index.docker.io')).toBe(
      'another.registry/extra',
    );
    expect(mapDockerAuthKey(mappings(`${OLD}/*=${NEW}/*`), OLD)).toBe(NEW);
  });
});

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');
const decode = (v: string) => JSON.parse(Buffer.from(v, 'base64').toString('utf8')) as unknown;
const CREDENTIAL = Buffer.from('robot:s3cr3t-Passw0rd').toString('base64');

describe('pull secrets', () => {
  it('renames auths keys of .dockerconfigjson, values and other fields untouched', () => {
    const doc = {
      auths: { [OLD]: { auth: CREDENTIAL, email: 'a@b.c' }, 'quay.io': { auth: CREDENTIAL } },
      credHelpers: { 'gcr.io': 'gcloud' },
    };
    const r = rewriteSecret(mappings(`${OLD}/*=${NEW}/*`), 'kubernetes.io/dockerconfigjson', {
      '.dockerconfigjson': b64(doc),
    });
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok' || !r.data) throw new Error('expected a rewrite');
    expect(r.changes).toEqual([{ field: 'data[.dockerconfigjson].auths', old: OLD, new: NEW }]);
    expect(decode(r.data)).toEqual({
      auths: { [NEW]: { auth: CREDENTIAL, email: 'a@b.c' }, 'quay.io': { auth: CREDENTIAL } },
      credHelpers: { 'gcr.io': 'gcloud' },
    });
    expect(JSON.stringify(r.changes)).not.toContain(CREDENTIAL);
  });

  it('renames top-level keys of a legacy .dockercfg', () => {
    const r = rewriteSecret(mappings('docker.io/*=index.docker.io/*'), 'kubernetes.io/dockercfg', {
      '.dockercfg': b64({ 'docker.io': { auth: 'Og==' }, 'other.server': { auth: 'Og==' } }),
    });
    if (r.kind !== 'ok' || !r.data) throw new Error('expected a rewrite');
    expect(decode(r.data)).toEqual({ 'index.docker.io': { auth: 'Og==' }, 'other.server': { auth: 'Og==' } });
  });

  it('refuses a rename onto an existing key, reports malformed documents by field, ignores other secret types', () => {
    const clash = rewriteSecret(mappings(`${OLD}/*=${NEW}/*`), 'kubernetes.io/dockerconfigjson', {
      '.dockerconfigjson': b64({ auths: { [OLD]: { auth: CREDENTIAL }, [NEW]: { auth: 'Og==' } } }),
    });
    expect(clash).toEqual({
      kind: 'error',
      message: expect.stringContaining('would overwrite the credentials already stored'),
    });
    expect(JSON.stringify(clash)).not.toContain(CREDENTIAL);
    expect(
      rewriteSecret([], 'kubernetes.io/dockerconfigjson', {
        '.dockerconfigjson': Buffer.from('{"auths":{').toString('base64'),
      }),
    ).toEqual({ kind: 'error', message: 'data[.dockerconfigjson] is not valid JSON' });
    expect(rewriteSecret([], 'kubernetes.io/dockercfg', {})).toEqual({
      kind: 'error',
      message: 'data[.dockercfg] is missing',
    });
    expect(rewriteSecret([], 'Opaque', { token: 'x' })).toEqual({ kind: 'not-docker' });
  });

  it('scrubs every credential (raw and decoded) out of a message', () => {
    const data = {
      '.dockerconfigjson': b64({ auths: { [OLD]: { auth: CREDENTIAL, password: 'hunter2-long' } } }),
    };
    const msg = `bad value ${CREDENTIAL} and hunter2-long in ${data['.dockerconfigjson']}`;
    const out = scrub(msg, secretStrings(data));
    expect(out).not.toContain(CREDENTIAL);
    expect(out).not.toContain('hunter2-long');
    expect(out).toContain('<REDACTED>');
  });
});

describe('fields per kind and planning', () => {
  const podTemplate = (images: string[], init: string[] = []) => ({
    spec: {
      initContainers: init.map((image) => ({ name: 'i', image })),
      containers: images.map((image) => ({ name: 'c', image })),
    },
  });

  it('finds container and init container images of every pod-template kind', () => {
    const tpl = podTemplate(['a:1'], ['b:1']);
    for (const kind of ['deployments', 'deploymentconfigs', 'statefulsets', 'daemonsets', 'jobs'] as const) {
      expect(imageFields(kind, { spec: { template: tpl } }).map((f) => f.field)).toEqual([
        'spec.template.spec.initContainers[0].image',
        'spec.template.spec.containers[0].image',
      ]);
    }
    expect(
      imageFields('cronjobs', { spec: { jobTemplate: { spec: { template: tpl } } } }).map((f) => f.pointer),
    ).toEqual([
      '/spec/jobTemplate/spec/template/spec/initContainers/0/image',
      '/spec/jobTemplate/spec/template/spec/containers/0/image',
    ]);
  });

  it('ImageStream: dockerImageRepository and DockerImage tags only', () => {
    const is = {
      spec: {
        dockerImageRepository: `${OLD}/ns/app`,
        tags: [
          { name: 'a', from: { kind: 'DockerImage', name: `${OLD}/ns/app:a` } },
          { name: 'b', from: { kind: 'ImageStreamTag', name: 'app:a' } },
        ],
      },
    };
    expect(imageFields('imagestreams', is).map((f) => f.field)).toEqual([
      'spec.dockerImageRepository',
      'spec.tags[0].from.name',
    ]);
  });

  it('ImageStream tag history goes to a separate status patch, each with the resourceVersion precondition', () => {
    const m = mappings(`${OLD}/*=${NEW}/*`);
    const is = {
      metadata: { name: 'app', resourceVersion: '7' },
      spec: { tags: [{ name: 'a', from: { kind: 'ImageStreamTag', name: 'app:b' } }] },
      status: {
        tags: [
          {
            tag: 'a',
            items: [
              { dockerImageReference: `${OLD}/ns/app@${DIGEST}` },
              { dockerImageReference: `quay.io/ns/app@${DIGEST}` },
            ],
          },
        ],
      },
    };
    const plan = planObject('imagestreams', is, m);
    expect(plan.changes.map((c) => c.field)).toEqual(['status.tags[0].items[0].dockerImageReference']);
    expect(plan.patch).toBeUndefined();
    expect(plan.statusPatch).toEqual([
      { op: 'replace', path: '/metadata/resourceVersion', value: '7' },
      {
        op: 'replace',
        path: '/status/tags/0/items/0/dockerImageReference',
        value: `${NEW}/ns/app@${DIGEST}`,
      },
    ]);
  });

  it('BuildConfig: output, source images and strategies of kind DockerImage', () => {
    const ref = (name: string, kind = 'DockerImage') => ({ kind, name });
    const bc = {
      spec: {
        output: { to: ref('out:1') },
        source: { images: [{ from: ref('src:1') }, { from: ref('is:1', 'ImageStreamTag') }] },
        strategy: {
          dockerStrategy: { from: ref('base:1') },
          sourceStrategy: { from: ref('s2i:1') },
          customStrategy: { from: ref('custom:1') },
        },
      },
    };
    expect(imageFields('buildconfigs', bc).map((f) => f.field)).toEqual([
      'spec.output.to.name',
      'spec.source.images[0].from.name',
      'spec.strategy.customStrategy.from.name',
      'spec.strategy.dockerStrategy.from.name',
      'spec.strategy.sourceStrategy.from.name',
    ]);
  });

  it('plans a JSON patch with a resourceVersion precondition, and nothing when no mapping applies', () => {
    const m = mappings(`${OLD}/*=${NEW}/*`);
    const obj = {
      metadata: { name: 'web', resourceVersion: '42' },
      spec: { template: podTemplate([`${OLD}/shop/web:1`, 'quay.io/x/y:2']) },
    };
    const plan = planObject('deployments', obj, m);
    expect(plan.status).toBe('migrated');
    expect(plan.patch).toEqual([
      { op: 'replace', path: '/metadata/resourceVersion', value: '42' },
      { op: 'replace', path: '/spec/template/spec/containers/0/image', value: `${NEW}/shop/web:1` },
    ]);
    expect(
      planObject(
        'deployments',
        { metadata: { name: 'x' }, spec: { template: podTemplate(['quay.io/x/y:2']) } },
        m,
      ),
    ).toMatchObject({ status: 'unchanged', changes: [] });
  });

  it('ignores Jobs a CronJob controls; non-docker secrets are unchanged (as oc counts them)', () => {
    const m = mappings(`${OLD}/*=${NEW}/*`);
    const job = {
      metadata: { name: 'j', ownerReferences: [{ kind: 'CronJob', name: 'nightly', controller: true }] },
      spec: { template: podTemplate([`${OLD}/a/b`]) },
    };
    expect(planObject('jobs', job, m)).toMatchObject({
      status: 'ignored',
      message: expect.stringContaining('CronJob nightly'),
    });
    expect(
      planObject('secrets', { metadata: { name: 's' }, type: 'Opaque', data: { a: 'eA==' } }, m).status,
    ).toBe('unchanged');
  });
});

describe('oc equivalents', () => {
  it('prints the summary line as oc does', () => {
    const s = { total: 5, errors: 1, ignored: 1, unchanged: 1, migrated: 2 };
    expect(migrationSummaryLine(s, true)).toBe(
      'summary (dry run): total=5 errors=1 ignored=1 unchanged=1 migrated=2',
    );
    expect(migrationSummaryLine(s, false)).toBe('summary: total=5 errors=1 ignored=1 unchanged=1 migrated=2');
  });

  it('one command per namespace, kinds in a stable order, wildcards quoted, --confirm to apply', () => {
    const req = {
      mappings: [`${OLD}/*=${NEW}/*`],
      namespaces: ['a', 'b'],
      kinds: ['secrets', 'deployments'] as Array<'secrets' | 'deployments'>,
    };
    expect(ocCommands(req, false)).toEqual([
      `oc adm migrate image-references '${OLD}/*=${NEW}/*' --include=deployments,secrets -n a`,
      `oc adm migrate image-references '${OLD}/*=${NEW}/*' --include=deployments,secrets -n b`,
    ]);
    expect(ocCommands(req, true)[0]).toMatch(/ --confirm$/);
  });
});
