import type { KubeObject } from '../../../core/types.js';
import { INTERNAL_HOSTNAME } from '../../../operator/defaults.js';
import { imageStream, type SampleTag } from './image-streams.js';
import {
  buildConfig,
  cronJob,
  daemonSet,
  deployment,
  deploymentConfig,
  job,
  statefulSet,
} from './workloads.js';

/**
 * The workshop's "Migrate image references" samples: three projects carried over from an
 * OpenShift 3.x cluster whose objects still pull from the 3.x registry service
 * (`docker-registry.default.svc:5000`), next to references to other registries (quay.io,
 * registry.redhat.io) and some already on the 4.x service — so a migration
 * `docker-registry.default.svc:5000/*=image-registry.openshift-image-registry.svc:5000/*`
 * has references to change, to leave alone, and kinds it must skip.
 */

/** The 3.x integrated registry's service address. */
export const OLD_REGISTRY = 'docker-registry.default.svc:5000';
/** The 4.x integrated registry's service address (the operator's internal hostname). */
export const NEW_REGISTRY = INTERNAL_HOSTNAME;
/** Every sample namespace carries this label (selector `workshop.openshift.io/sample=image-migration`). */
export const SAMPLE_LABEL = { key: 'workshop.openshift.io/sample', value: 'image-migration' } as const;

export interface SampleNamespace {
  name: string;
  displayName: string;
  objects: KubeObject[];
  /** image streams → how many days ago their tags were imported */
  imageStreams: Array<{ stream: KubeObject; importedDaysAgo: number }>;
  pullSecrets: Array<{
    name: string;
    type: 'kubernetes.io/dockerconfigjson' | 'kubernetes.io/dockercfg';
    hosts: string[];
  }>;
}

const old = (path: string): string => `${OLD_REGISTRY}/${path}`;
const current = (path: string): string => `${NEW_REGISTRY}/${path}`;
const is = (ns: string, name: string, tags: SampleTag[], days: number, repo?: string) => ({
  stream: imageStream(ns, name, tags, repo),
  importedDaysAgo: days,
});

const SHOP = 'workshop-shop';
const BATCH = 'workshop-batch';
const LEGACY = 'workshop-legacy';

export const SAMPLE_NAMESPACES: SampleNamespace[] = [
  {
    name: SHOP,
    displayName: 'Workshop: web shop (migrated from 3.11)',
    objects: [
      deployment(SHOP, 'storefront', {
        initContainers: [{ name: 'assets', image: old(`${SHOP}/storefront-assets:1.4`) }],
        containers: [
          { name: 'storefront', image: old(`${SHOP}/storefront:1.4`) },
          { name: 'metrics', image: 'quay.io/prometheus/statsd-exporter:v0.26.1' },
        ],
      }),
      deployment(SHOP, 'cart', { containers: [{ name: 'cart', image: current(`${SHOP}/cart:2.1`) }] }),
      statefulSet(SHOP, 'orders-db', {
        containers: [{ name: 'postgresql', image: old('openshift/postgresql:13-el8') }],
      }),
    ],
    imageStreams: [
      is(
        SHOP,
        'storefront',
        [
          { name: '1.4', dockerImage: old(`${SHOP}/storefront:1.4`) },
          { name: 'latest', dockerImage: old(`${SHOP}/storefront:latest`) },
          { name: 'stable', imageStreamTag: 'storefront:1.4' },
        ],
        21,
      ),
      is(SHOP, 'cart', [{ name: '2.1', dockerImage: current(`${SHOP}/cart:2.1`) }], 3),
      is(
        SHOP,
        'statsd-exporter',
        [{ name: 'v0.26.1', dockerImage: 'quay.io/prometheus/statsd-exporter:v0.26.1' }],
        40,
      ),
    ],
    pullSecrets: [
      {
        name: 'legacy-registry-pull',
        type: 'kubernetes.io/dockerconfigjson',
        hosts: [OLD_REGISTRY, 'quay.io'],
      },
    ],
  },
  {
    name: BATCH,
    displayName: 'Workshop: batch jobs (migrated from 3.11)',
    objects: [
      job(BATCH, 'report-backfill', { containers: [{ name: 'report', image: old(`${BATCH}/report:3.0`) }] }),
      cronJob(BATCH, 'nightly-cleanup', '30 2 * * *', {
        containers: [{ name: 'cleanup', image: old(`${BATCH}/cleanup:1.0`) }],
      }),
      daemonSet(BATCH, 'log-forwarder', {
        containers: [{ name: 'forwarder', image: old(`${BATCH}/log-forwarder:2.3`) }],
        nodeSelector: { 'node-role.kubernetes.io/worker': '' },
      }),
    ],
    imageStreams: [
      is(
        BATCH,
        'report',
        [
          { name: '3.0', dockerImage: old(`${BATCH}/report:3.0`) },
          { name: 'latest', imageStreamTag: 'report:3.0' },
        ],
        14,
      ),
      is(BATCH, 'cleanup', [{ name: '1.0', dockerImage: old(`${BATCH}/cleanup:1.0`) }], 60),
    ],
    pullSecrets: [],
  },
  {
    name: LEGACY,
    displayName: 'Workshop: legacy billing (DeploymentConfig and builds)',
    objects: [
      deploymentConfig(
        LEGACY,
        'billing',
        { containers: [{ name: 'billing', image: old(`${LEGACY}/billing:5.2`) }] },
        { container: 'billing', from: 'billing:5.2' },
      ),
      buildConfig(LEGACY, 'billing', {
        git: 'https://git.example.com/workshop/billing.git',
        strategy: {
          type: 'Source',
          sourceStrategy: { from: { kind: 'DockerImage', name: old('openshift/nodejs:18-ubi8') } },
        },
        output: { kind: 'DockerImage', name: old(`${LEGACY}/billing:5.2`) },
      }),
      buildConfig(LEGACY, 'billing-docs', {
        git: 'https://git.example.com/workshop/billing-docs.git',
        strategy: {
          type: 'Docker',
          dockerStrategy: { from: { kind: 'DockerImage', name: 'registry.redhat.io/ubi9/ubi:9.4' } },
        },
        output: { kind: 'ImageStreamTag', name: 'billing-docs:latest' },
      }),
      deployment(LEGACY, 'billing-api', {
        containers: [{ name: 'api', image: 'registry.redhat.io/ubi9/nodejs-20:1-45' }],
      }),
    ],
    imageStreams: [
      is(
        LEGACY,
        'billing',
        [{ name: '5.2', dockerImage: old(`${LEGACY}/billing:5.2`) }],
        90,
        old(`${LEGACY}/billing`),
      ),
      is(
        LEGACY,
        'billing-docs',
        [{ name: 'latest', dockerImage: current(`${LEGACY}/billing-docs:latest`) }],
        2,
      ),
    ],
    pullSecrets: [{ name: 'legacy-dockercfg', type: 'kubernetes.io/dockercfg', hosts: [OLD_REGISTRY] }],
  },
];
