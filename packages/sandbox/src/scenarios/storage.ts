/**
 * Storage faults, each producing the texts a real cluster shows (aws-sdk-go v1 through the
 * operator and the registry's s3aws driver, Go's net/http through a proxy). Where an admin could
 * cause it with kubectl, the scenario does exactly that (a Config field, a secret); what happens
 * outside the cluster (a rotated IAM key, a bucket policy, a deleted bucket, a proxy, a node's
 * clock) is switched in the simulated world.
 */
import { R } from '../core/refs.js';
import { rec, str } from '../core/objects.js';
import { CONFIG_NAME, INSTALLER_CREDS_SECRET, USER_CONFIG_SECRET } from '../operator/defaults.js';
import {
  memo,
  patchConfigFields,
  replaceSecret,
  restartRegistryPods,
  restoreConfigFields,
  restoreSecret,
  worldSwitch,
} from './memo.js';
import type { Scenario, ScenarioEnv } from './types.js';

/** The proxy the proxy scenarios put between the registry and the outside. */
export const CORP_PROXY = {
  hostPort: 'proxy.corp.example.com:3128',
  url: 'http://proxy.corp.example.com:3128',
  ip: '10.0.99.5',
};

function bucketInUse(env: ScenarioEnv): { bucket: string; region: string } {
  const cfg = env.api.get(R.configs, undefined, CONFIG_NAME);
  const s3 = { ...rec(cfg, 'status', 'storage', 's3'), ...rec(cfg, 'spec', 'storage', 's3') };
  return { bucket: str(s3.bucket) ?? '', region: str(s3.region) ?? 'us-east-1' };
}

export const STORAGE_SCENARIOS: Scenario[] = [
  {
    name: 'storage-emptydir-replicas',
    description:
      'spec.storage is switched to emptyDir while spec.replicas stays 2: the operator accepts it ("WARNING: this storage cannot be used with more than 1 replica" is only the API\'s documentation) and each registry pod keeps its own images, so a pull that reaches the other pod finds nothing.',
    activate(env) {
      patchConfigFields(env, this.name, { storage: { emptyDir: {} }, replicas: 2 });
    },
    clear(env) {
      restoreConfigFields(env, this.name);
    },
  },
  {
    name: 'storage-multiple-backends',
    description:
      'spec.storage gets pvc next to s3 (`oc patch … --type merge -p \'{"spec":{"storage":{"pvc":{"claim":""}}}}\'`: a merge patch that switches backends without nulling the old one): the operator refuses it, "exactly one storage type should be configured at the same time, got 2: [S3 PVC]"; the registry keeps running on S3.',
    activate(env) {
      patchConfigFields(env, this.name, { 'storage.pvc': { claim: '' } });
    },
    clear(env) {
      restoreConfigFields(env, this.name);
    },
  },
  {
    name: 's3-credentials-missing',
    description: `Neither ${USER_CONFIG_SECRET} nor the cloud-minted ${INSTALLER_CREDS_SECRET} exists (manual credentials mode): "unable to get cluster minted credentials".`,
    activate(env) {
      replaceSecret(env, this.name, USER_CONFIG_SECRET, null);
      replaceSecret(env, this.name, INSTALLER_CREDS_SECRET, null);
    },
    clear(env) {
      restoreSecret(env, this.name, INSTALLER_CREDS_SECRET);
      restoreSecret(env, this.name, USER_CONFIG_SECRET);
    },
  },
  {
    name: 's3-credentials-invalid',
    description: `The admin's ${USER_CONFIG_SECRET} holds an access key AWS does not know: InvalidAccessKeyId.`,
    activate(env) {
      replaceSecret(env, this.name, USER_CONFIG_SECRET, {
        REGISTRY_STORAGE_S3_ACCESSKEY: 'AKIAWRONGKEY0000',
        REGISTRY_STORAGE_S3_SECRETKEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      });
    },
    clear(env) {
      restoreSecret(env, this.name, USER_CONFIG_SECRET);
    },
  },
  worldSwitch(
    's3-signature-mismatch',
    'The IAM secret key was rotated: the key the cluster holds no longer signs valid requests (SignatureDoesNotMatch; HeadBucket only says Forbidden).',
    (env, on) => (env.world.s3.rejectSignatures = on),
  ),
  {
    name: 's3-access-denied',
    description:
      "A bucket policy denies the cluster's account: AccessDenied for the registry, Forbidden for HeadBucket.",
    activate(env) {
      const { bucket } = bucketInUse(env);
      memo(env).set(`${this.name}:bucket`, bucket);
      env.world.s3.deniedBuckets.add(bucket);
      restartRegistryPods(env);
    },
    clear(env) {
      const bucket = memo(env).get(`${this.name}:bucket`);
      if (typeof bucket === 'string') env.world.s3.deniedBuckets.delete(bucket);
      memo(env).delete(`${this.name}:bucket`);
      restartRegistryPods(env);
    },
  },
  {
    name: 's3-bucket-missing',
    description:
      "The bucket was deleted outside the cluster, and the keys may not create buckets: the registry reads NoSuchBucket, the operator's CreateBucket gets AccessDenied.",
    activate(env) {
      const { bucket } = bucketInUse(env);
      env.world.s3.createDenied = true;
      const removed = env.world.s3.remove(bucket);
      if (removed) memo(env).set(`${this.name}:bucket`, removed);
    },
    clear(env) {
      env.world.s3.createDenied = false;
      const removed = memo(env).get(`${this.name}:bucket`);
      memo(env).delete(`${this.name}:bucket`);
      if (removed && typeof removed === 'object')
        env.world.s3.restore(removed as Parameters<typeof env.world.s3.restore>[0]);
      restartRegistryPods(env);
    },
  },
  {
    name: 's3-bucket-other-region',
    description:
      "spec.storage.s3.region names another region than the bucket's: BucketRegionError (\"incorrect region, the bucket is not in 'eu-west-1' region\").",
    activate(env) {
      patchConfigFields(env, this.name, { 'storage.s3.region': 'eu-west-1' });
    },
    clear(env) {
      restoreConfigFields(env, this.name);
    },
  },
  worldSwitch(
    's3-clock-skew',
    "The worker nodes' clocks are off by 20 minutes (chrony stopped): S3 refuses the registry's requests with RequestTimeTooSkewed.",
    (env, on) => {
      env.world.faults.clockSkewedNodes.clear();
      if (!on) return;
      for (const n of env.api.list(R.nodes, undefined).items)
        if ('node-role.kubernetes.io/worker' in (n.metadata.labels ?? {}))
          env.world.faults.clockSkewedNodes.add(n.metadata.name ?? '');
    },
  ),
  {
    name: 's3-proxy-unreachable',
    description: `spec.proxy sends the registry through ${CORP_PROXY.hostPort}, which does not answer: "proxyconnect tcp: … i/o timeout".`,
    activate(env) {
      env.world.proxies.set(CORP_PROXY.hostPort, { ip: CORP_PROXY.ip, up: false, publicOnly: false });
      patchConfigFields(env, this.name, { proxy: { http: CORP_PROXY.url, https: CORP_PROXY.url } });
    },
    clear(env) {
      restoreConfigFields(env, this.name);
      env.world.proxies.delete(CORP_PROXY.hostPort);
    },
  },
  {
    name: 's3-proxy-no-bypass',
    description: `The storage is an in-cluster S3 endpoint (minio.storage.svc) and spec.proxy sends everything not in noProxy through ${CORP_PROXY.hostPort}, which cannot reach it: "Service Unavailable".`,
    activate(env) {
      env.world.proxies.set(CORP_PROXY.hostPort, { ip: CORP_PROXY.ip, up: true, publicOnly: true });
      patchConfigFields(env, this.name, {
        'storage.s3.regionEndpoint': 'https://minio.storage.svc:9000',
        proxy: { http: CORP_PROXY.url, https: CORP_PROXY.url, noProxy: '.cluster.local,localhost' },
      });
    },
    clear(env) {
      restoreConfigFields(env, this.name);
      env.world.proxies.delete(CORP_PROXY.hostPort);
    },
  },
];
