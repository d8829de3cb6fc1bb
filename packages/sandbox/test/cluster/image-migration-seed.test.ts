import { describe, expect, test } from 'vitest';
import type { ApiClient, KubeObject } from '../../src/core/types.js';
import { R, registryReady, tryGet, useTestSandbox, waitFor } from './harness.js';
import { arr, rec } from '../../src/core/objects.js';

/**
 * The image-migration samples a fresh sandbox seeds, read back through the API the way
 * `oc adm migrate image-references` reads them. EXPECTED is the oracle H2's route tests against.
 */
const OLD = 'docker-registry.default.svc:5000';
const NEW = 'image-registry.openshift-image-registry.svc:5000';
const DIGEST = '@sha256:[0-9a-f]{64}';

type Row = [ns: string, kind: string, name: string, path: string, value: string | RegExp];
const EXPECTED: Row[] = [
  [
    'workshop-shop',
    'Deployment',
    'storefront',
    'spec.template.spec.initContainers[0].image',
    `${OLD}/workshop-shop/storefront-assets:1.4`,
  ],
  [
    'workshop-shop',
    'Deployment',
    'storefront',
    'spec.template.spec.containers[0].image',
    `${OLD}/workshop-shop/storefront:1.4`,
  ],
  [
    'workshop-shop',
    'Deployment',
    'storefront',
    'spec.template.spec.containers[1].image',
    'quay.io/prometheus/statsd-exporter:v0.26.1',
  ],
  [
    'workshop-shop',
    'Deployment',
    'cart',
    'spec.template.spec.containers[0].image',
    `${NEW}/workshop-shop/cart:2.1`,
  ],
  [
    'workshop-shop',
    'StatefulSet',
    'orders-db',
    'spec.template.spec.containers[0].image',
    `${OLD}/openshift/postgresql:13-el8`,
  ],
  [
    'workshop-shop',
    'ImageStream',
    'storefront',
    'spec.tags[0].from.name',
    `${OLD}/workshop-shop/storefront:1.4`,
  ],
  [
    'workshop-shop',
    'ImageStream',
    'storefront',
    'spec.tags[1].from.name',
    `${OLD}/workshop-shop/storefront:latest`,
  ],
  ['workshop-shop', 'ImageStream', 'storefront', 'spec.tags[2].from.name (ImageStreamTag)', 'storefront:1.4'],
  [
    'workshop-shop',
    'ImageStream',
    'storefront',
    'status.tags[0].items[0].dockerImageReference',
    new RegExp(`^${OLD}/workshop-shop/storefront${DIGEST}$`),
  ],
  [
    'workshop-shop',
    'ImageStream',
    'storefront',
    'status.tags[1].items[0].dockerImageReference',
    new RegExp(`^${OLD}/workshop-shop/storefront${DIGEST}$`),
  ],
  [
    'workshop-shop',
    'ImageStream',
    'storefront',
    'status.tags[2].items[0].dockerImageReference',
    new RegExp(`^${OLD}/workshop-shop/storefront${DIGEST}$`),
  ],
  ['workshop-shop', 'ImageStream', 'cart', 'spec.tags[0].from.name', `${NEW}/workshop-shop/cart:2.1`],
  [
    'workshop-shop',
    'ImageStream',
    'cart',
    'status.tags[0].items[0].dockerImageReference',
    new RegExp(`^${NEW}/workshop-shop/cart${DIGEST}$`),
  ],
  [
    'workshop-shop',
    'ImageStream',
    'statsd-exporter',
    'spec.tags[0].from.name',
    'quay.io/prometheus/statsd-exporter:v0.26.1',
  ],
  [
    'workshop-shop',
    'ImageStream',
    'statsd-exporter',
    'status.tags[0].items[0].dockerImageReference',
    new RegExp(`^quay.io/prometheus/statsd-exporter${DIGEST}$`),
  ],
  ['workshop-shop', 'Secret', 'legacy-registry-pull', '.dockerconfigjson auths key', OLD],
  ['workshop-shop', 'Secret', 'legacy-registry-pull', '.dockerconfigjson auths key', 'quay.io'],
  [
    'workshop-batch',
    'Job',
    'report-backfill',
    'spec.template.spec.containers[0].image',
    `${OLD}/workshop-batch/report:3.0`,
  ],
  [
    'workshop-batch',
    'CronJob',
    'nightly-cleanup',
    'spec.jobTemplate.spec.template.spec.containers[0].image',
    `${OLD}/workshop-batch/cleanup:1.0`,
  ],
  [
    'workshop-batch',
    'DaemonSet',
    'log-forwarder',
    'spec.template.spec.containers[0].image',
    `${OLD}/workshop-batch/log-forwarder:2.3`,
  ],
  ['workshop-batch', 'ImageStream', 'report', 'spec.tags[0].from.name', `${OLD}/workshop-batch/report:3.0`],
  ['workshop-batch', 'ImageStream', 'report', 'spec.tags[1].from.name (ImageStreamTag)', 'report:3.0'],
  [
    'workshop-batch',
    'ImageStream',
    'report',
    'status.tags[0].items[0].dockerImageReference',
    new RegExp(`^${OLD}/workshop-batch/report${DIGEST}$`),
  ],
  [
    'workshop-batch',
    'ImageStream',
    'report',
    'status.tags[1].items[0].dockerImageReference',
    new RegExp(`^${OLD}/workshop-batch/report${DIGEST}$`),
  ],
  ['workshop-batch', 'ImageStream', 'cleanup', 'spec.tags[0].from.name', `${OLD}/workshop-batch/cleanup:1.0`],
  [
    'workshop-batch',
    'ImageStream',
    'cleanup',
    'status.tags[0].items[0].dockerImageReference',
    new RegExp(`^${OLD}/workshop-batch/cleanup${DIGEST}$`),
  ],
  [
    'workshop-legacy',
    'DeploymentConfig',
    'billing',
    'spec.template.spec.containers[0].image',
    `${OLD}/workshop-legacy/billing:5.2`,
  ],
  [
    'workshop-legacy',
    'BuildConfig',
    'billing',
    'spec.strategy.sourceStrategy.from.name',
    `${OLD}/openshift/nodejs:18-ubi8`,
  ],
  ['workshop-legacy', 'BuildConfig', 'billing', 'spec.output.to.name', `${OLD}/workshop-legacy/billing:5.2`],
  [
    'workshop-legacy',
    'BuildConfig',
    'billing-docs',
    'spec.strategy.dockerStrategy.from.name',
    'registry.redhat.io/ubi9/ubi:9.4',
  ],
  [
    'workshop-legacy',
    'BuildConfig',
    'billing-docs',
    'spec.output.to.name (ImageStreamTag)',
    'billing-docs:latest',
  ],
  [
    'workshop-legacy',
    'Deployment',
    'billing-api',
    'spec.template.spec.containers[0].image',
    'registry.redhat.io/ubi9/nodejs-20:1-45',
  ],
  [
    'workshop-legacy',
    'ImageStream',
    'billing',
    'spec.dockerImageRepository',
    `${OLD}/workshop-legacy/billing`,
  ],
  [
    'workshop-legacy',
    'ImageStream',
    'billing',
    'spec.tags[0].from.name',
    `${OLD}/workshop-legacy/billing:5.2`,
  ],
  [
    'workshop-legacy',
    'ImageStream',
    'billing',
    'status.tags[0].items[0].dockerImageReference',
    new RegExp(`^${OLD}/workshop-legacy/billing${DIGEST}$`),
  ],
  [
    'workshop-legacy',
    'ImageStream',
    'billing-docs',
    'spec.tags[0].from.name',
    `${NEW}/workshop-legacy/billing-docs:latest`,
  ],
  [
    'workshop-legacy',
    'ImageStream',
    'billing-docs',
    'status.tags[0].items[0].dockerImageReference',
    new RegExp(`^${NEW}/workshop-legacy/billing-docs${DIGEST}$`),
  ],
  ['workshop-legacy', 'Secret', 'legacy-dockercfg', '.dockercfg key', OLD],
];

function podSpecRefs(spec: unknown, base: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const list of ['initContainers', 'containers'])
    arr(spec, list).forEach((c, i) => out.push([`${base}.${list}[${i}].image`, String(c.image)]));
  return out;
}

/** Every image reference of an object, at the field `oc adm migrate image-references` reads it from. */
function referencesOf(o: KubeObject): Array<[string, string]> {
  switch (o.kind) {
    case 'CronJob':
      return podSpecRefs(
        rec(o, 'spec', 'jobTemplate', 'spec', 'template', 'spec'),
        'spec.jobTemplate.spec.template.spec',
      );
    case 'ImageStream': {
      const out: Array<[string, string]> = [];
      const repo = rec(o, 'spec').dockerImageRepository;
      if (typeof repo === 'string') out.push(['spec.dockerImageRepository', repo]);
      arr(o, 'spec', 'tags').forEach((t, i) =>
        out.push([
          `spec.tags[${i}].from.name${rec(t, 'from').kind === 'DockerImage' ? '' : ` (${String(rec(t, 'from').kind)})`}`,
          String(rec(t, 'from').name),
        ]),
      );
      arr(o, 'status', 'tags').forEach((t, i) =>
        arr(t, 'items').forEach((item, j) =>
          out.push([`status.tags[${i}].items[${j}].dockerImageReference`, String(item.dockerImageReference)]),
        ),
      );
      return out;
    }
    case 'BuildConfig': {
      const out: Array<[string, string]> = [];
      for (const [field, s] of Object.entries(rec(o, 'spec', 'strategy')))
        if (rec(s, 'from').name) out.push([`spec.strategy.${field}.from.name`, String(rec(s, 'from').name)]);
      const to = rec(o, 'spec', 'output', 'to');
      out.push([
        `spec.output.to.name${to.kind === 'DockerImage' ? '' : ` (${String(to.kind)})`}`,
        String(to.name),
      ]);
      return out;
    }
    case 'Secret': {
      const key = o.type === 'kubernetes.io/dockerconfigjson' ? '.dockerconfigjson' : '.dockercfg';
      const cfg = JSON.parse(Buffer.from(String(rec(o, 'data')[key]), 'base64').toString()) as Record<
        string,
        unknown
      >;
      const hosts = Object.keys(key === '.dockerconfigjson' ? rec(cfg, 'auths') : cfg);
      return hosts.map((h) => [
        key === '.dockerconfigjson' ? '.dockerconfigjson auths key' : '.dockercfg key',
        h,
      ]);
    }
    default:
      return podSpecRefs(rec(o, 'spec', 'template', 'spec'), 'spec.template.spec');
  }
}

const KINDS = [
  R.deployments,
  R.statefulSets,
  R.daemonSets,
  R.jobs,
  R.cronJobs,
  R.deploymentConfigs,
  R.buildConfigs,
  R.imageStreams,
  R.secrets,
];

function sampleReferences(api: ApiClient): Array<[string, string, string, string, string]> {
  const namespaces = api
    .list(R.namespaces, undefined, { labelSelector: 'workshop.openshift.io/sample=image-migration' })
    .items.map((n) => n.metadata.name ?? '');
  const rows: Array<[string, string, string, string, string]> = [];
  for (const ns of namespaces)
    for (const ref of KINDS)
      for (const o of api.list(ref, ns, {
        labelSelector: 'app.kubernetes.io/part-of=image-migration-workshop',
      }).items)
        for (const [path, value] of referencesOf(o))
          rows.push([ns, o.kind, o.metadata.name ?? '', path, value]);
  return rows;
}

const sb = useTestSandbox();

describe('image-migration samples', () => {
  test('three labelled namespaces hold exactly the expected image references', () => {
    const api = sb.api();
    const namespaces = api
      .list(R.namespaces, undefined, { labelSelector: 'workshop.openshift.io/sample=image-migration' })
      .items.map((n) => n.metadata.name);
    expect(namespaces.sort()).toEqual(['workshop-batch', 'workshop-legacy', 'workshop-shop']);
    const rows = sampleReferences(api);
    const key = (r: Row | string[]): string => r.slice(0, 4).join(' ');
    expect(rows.map(key).sort()).toEqual(EXPECTED.map(key).sort());
    for (const row of rows) {
      const want = EXPECTED.find(
        (e) => key(e) === key(row) && (typeof e[4] === 'string' ? e[4] === row[4] : e[4].test(row[4])),
      );
      expect(want, `unexpected value ${row.join(' ')}`).toBeDefined();
    }
  });

  test('image streams report the 4.x repository and the tag history; the ImageStreamTag tag follows its source', async () => {
    const api = sb.api();
    const stream = await waitFor('registry hostname in image stream status', () => {
      const s = api.get(R.imageStreams, 'workshop-shop', 'storefront');
      return rec(s, 'status').dockerImageRepository ? s : undefined;
    });
    expect(rec(stream, 'status').dockerImageRepository).toBe(`${NEW}/workshop-shop/storefront`);
    const tags = arr(stream, 'status', 'tags');
    expect(tags.map((t) => t.tag)).toEqual(['1.4', 'latest', 'stable']);
    expect(arr(tags[2], 'items')[0]?.image).toBe(arr(tags[0], 'items')[0]?.image);
    expect(arr(tags[0], 'items')[0]?.image).not.toBe(arr(tags[1], 'items')[0]?.image);
  });

  test('the workloads run calmly: old-host images start, the Job completes, one pod per replica', async () => {
    const api = sb.api();
    const running = (ns: string, selector: string) =>
      api
        .list(R.pods, ns, { labelSelector: selector })
        .items.filter((p) => rec(p, 'status').phase === 'Running');
    const [storefront] = await waitFor('storefront pod Running', () =>
      running('workshop-shop', 'app=storefront').length === 1
        ? running('workshop-shop', 'app=storefront')
        : undefined,
    );
    expect(
      arr(storefront, 'status', 'containerStatuses').map(
        (c) => `${String(c.name)} ${String(c.image)} ${c.ready === true}`,
      ),
    ).toEqual([
      `storefront ${OLD}/workshop-shop/storefront:1.4 true`,
      'metrics quay.io/prometheus/statsd-exporter:v0.26.1 true',
    ]);
    // the init container ran to completion first
    expect(
      arr(storefront, 'status', 'initContainerStatuses').map(
        (c) => `${String(c.name)} ${String(rec(c, 'state', 'terminated').reason)} ${c.ready === true}`,
      ),
    ).toEqual(['assets Completed true']);
    expect(arr(storefront, 'status', 'conditions').find((c) => c.type === 'Initialized')?.status).toBe(
      'True',
    );
    expect(String(arr(storefront, 'status', 'initContainerStatuses')[0]?.imageID)).toMatch(
      new RegExp(`^${OLD}/workshop-shop/storefront-assets@sha256:`),
    );
    const started = api.list(R.events, 'workshop-shop', {
      fieldSelector: `involvedObject.name=${storefront?.metadata.name ?? ''},reason=Started`,
    }).items;
    expect(started.map((e) => rec(e, 'involvedObject').fieldPath)).toEqual([
      'spec.initContainers{assets}',
      'spec.containers{storefront}',
      'spec.containers{metrics}',
    ]);
    await waitFor('report-backfill Job complete', () =>
      arr(api.get(R.jobs, 'workshop-batch', 'report-backfill'), 'status', 'conditions').some(
        (c) => c.type === 'Complete' && c.status === 'True',
      ),
    );
    await waitFor(
      'log-forwarder on each worker',
      () => running('workshop-batch', 'app=log-forwarder').length === 3,
    );
    await waitFor('orders-db Running', () => running('workshop-shop', 'app=orders-db').length === 1);
    expect(api.list(R.pods, 'workshop-legacy').items.map((p) => p.metadata.labels?.app)).toEqual([
      'billing-api',
    ]);
  });

  test('rewriting a StatefulSet image rolls its pod to the new revision (as a migration does)', async () => {
    const api = sb.api();
    await waitFor(
      'orders-db-0 Running',
      () => rec(tryGet(api, R.pods, 'workshop-shop', 'orders-db-0'), 'status').phase === 'Running',
    );
    const before = rec(api.get(R.statefulSets, 'workshop-shop', 'orders-db'), 'status');
    api.patch(R.statefulSets, 'workshop-shop', 'orders-db', 'strategic', {
      spec: {
        template: {
          spec: { containers: [{ name: 'postgresql', image: `${NEW}/openshift/postgresql:13-el8` }] },
        },
      },
    });
    const after = await waitFor('orders-db rolled', () => {
      const status = rec(api.get(R.statefulSets, 'workshop-shop', 'orders-db'), 'status');
      const pod = tryGet(api, R.pods, 'workshop-shop', 'orders-db-0');
      const image = arr(pod, 'spec', 'containers')[0]?.image;
      return status.updateRevision !== before.updateRevision &&
        status.currentRevision === status.updateRevision &&
        status.readyReplicas === 1 &&
        image === `${NEW}/openshift/postgresql:13-el8`
        ? status
        : undefined;
    });
    expect(after).toMatchObject({ replicas: 1, updatedReplicas: 1, currentReplicas: 1 });
  });

  test('the importer: new tags are imported, a re-import from the 3.x host fails with its DNS error, a migrated stream keeps its history', async () => {
    const api = sb.api();
    api.create(R.imageStreams, 'developer', {
      apiVersion: 'image.openshift.io/v1',
      kind: 'ImageStream',
      metadata: { name: 'hello' },
      spec: {
        tags: [
          { name: 'current', from: { kind: 'ImageStreamTag', name: 'hello:1.0' } },
          {
            name: '1.0',
            from: { kind: 'DockerImage', name: 'quay.io/openshift/origin-hello-openshift:1.0' },
          },
        ],
      },
    });
    const hello = await waitFor('hello imported', () => {
      const tags = arr(api.get(R.imageStreams, 'developer', 'hello'), 'status', 'tags');
      return tags.length === 2 ? tags : undefined;
    });
    expect(hello.map((t) => `${String(t.tag)} ${String(arr(t, 'items')[0]?.dockerImageReference)}`)).toEqual([
      expect.stringMatching(new RegExp(`^1\\.0 quay.io/openshift/origin-hello-openshift${DIGEST}$`)),
      expect.stringMatching(new RegExp(`^current quay.io/openshift/origin-hello-openshift${DIGEST}$`)),
    ]);

    // generation 0 asks for a new import: the 3.x service name does not resolve on this cluster
    api.patch(R.imageStreams, 'workshop-batch', 'cleanup', 'json', [
      { op: 'replace', path: '/spec/tags/0/generation', value: 0 },
    ]);
    const failed = await waitFor(
      'import condition',
      () =>
        arr(arr(api.get(R.imageStreams, 'workshop-batch', 'cleanup'), 'status', 'tags')[0], 'conditions')[0],
    );
    expect(failed).toMatchObject({
      type: 'ImportSuccess',
      status: 'False',
      reason: 'InternalError',
      generation: 2,
    });
    expect(String(failed.message)).toContain(
      `Get "https://${OLD}/v2/": dial tcp: lookup docker-registry.default.svc on 172.30.0.10:53: no such host`,
    );
    expect(
      arr(arr(api.get(R.imageStreams, 'workshop-batch', 'cleanup'), 'status', 'tags')[0], 'items'),
    ).toHaveLength(1);

    // oc adm migrate: UpdateStatus first, then the spec; the re-import finds the same image
    const report = api.get(R.imageStreams, 'workshop-batch', 'report');
    const migrate = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replaceAll(OLD, NEW));
    api.update(
      R.imageStreams,
      'workshop-batch',
      { ...report, status: migrate(report.status) },
      { subresource: 'status' },
    );
    const fresh = api.get(R.imageStreams, 'workshop-batch', 'report');
    api.update(R.imageStreams, 'workshop-batch', { ...fresh, spec: migrate(fresh.spec) });
    const migrated = await waitFor('report re-imported', () => {
      const tags = arr(api.get(R.imageStreams, 'workshop-batch', 'report'), 'status', 'tags');
      // only the changed DockerImage tag has a new generation; `latest` follows it unchanged
      return arr(
        tags.find((t) => t.tag === '3.0'),
        'items',
      )[0]?.generation === 2
        ? tags
        : undefined;
    });
    for (const t of migrated) {
      expect(arr(t, 'items')).toHaveLength(1);
      expect(String(arr(t, 'items')[0]?.dockerImageReference)).toMatch(
        new RegExp(`^${NEW}/workshop-batch/report${DIGEST}$`),
      );
      expect(arr(t, 'conditions')).toEqual([]);
    }
  });

  test('turning the default route on publishes the public repository of every stream', async () => {
    const api = sb.api();
    await registryReady(sb);
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { defaultRoute: true } });
    const stream = await waitFor('public repository', () => {
      const s = api.get(R.imageStreams, 'workshop-shop', 'storefront');
      return rec(s, 'status').publicDockerImageRepository ? s : undefined;
    });
    expect(rec(stream, 'status').publicDockerImageRepository).toMatch(
      /^default-route-openshift-image-registry\.apps\.[a-z0-9.-]+\/workshop-shop\/storefront$/,
    );
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { defaultRoute: false } });
    await waitFor(
      'public repository gone',
      () =>
        rec(api.get(R.imageStreams, 'workshop-shop', 'storefront'), 'status').publicDockerImageRepository ===
        undefined,
    );
  });

  test('the viewer sees the samples but not their pull secrets', () => {
    const viewer = sb.api('viewer');
    expect(
      viewer
        .list(R.imageStreams, undefined)
        .items.filter((i) => i.metadata.namespace?.startsWith('workshop-')).length,
    ).toBe(7);
    expect(viewer.list(R.deploymentConfigs, 'workshop-legacy').items.map((d) => d.metadata.name)).toEqual([
      'billing',
    ]);
    expect(() => viewer.list(R.secrets, 'workshop-shop')).toThrow(/forbidden/);
    expect(() =>
      viewer.patch(R.imageStreams, 'workshop-shop', 'storefront', 'merge', {
        metadata: { labels: { x: 'y' } },
      }),
    ).toThrow(/forbidden/);
  });
});
