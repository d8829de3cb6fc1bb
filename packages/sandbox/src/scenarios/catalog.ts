import type { KubeObject } from '../core/types.js';
import { R } from '../cluster/refs.js';
import { clone, isTerminating, rec, tryDelete, tryGet, selectorString } from '../cluster/objects.js';
import { ownerRef } from '../cluster/objects.js';
import { secretData } from '../operator/credentials.js';
import {
  CONFIG_NAME,
  INSTALLER_CREDS_SECRET,
  NS,
  OPERATOR_NAME,
  PRUNER_NAME,
  REGISTRY_LABELS,
  USER_CONFIG_SECRET,
} from '../operator/defaults.js';
import type { Scenario, ScenarioEnv } from './types.js';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

/** What a scenario replaced, so clearing restores the admin's own value and nothing else. */
const saved = new WeakMap<ScenarioEnv['world'], Map<string, unknown>>();
function memo(env: ScenarioEnv): Map<string, unknown> {
  let m = saved.get(env.world);
  if (!m) saved.set(env.world, (m = new Map()));
  return m;
}

function deleteRegistryPods(env: ScenarioEnv): void {
  for (const p of env.api.list(R.pods, NS, { labelSelector: selectorString(REGISTRY_LABELS) }).items) {
    if (!isTerminating(p)) tryDelete(env.api, R.pods, NS, p.metadata.name ?? '');
  }
}

/**
 * Runs the pruner now, like `oc create job --from=cronjob/image-pruner`. The name comes from
 * generateName: activate and clear may run in the same minute, and the CronJob controller names
 * its own Jobs `image-pruner-<scheduled minute>`, so a time-derived name could collide.
 */
function runPrunerJob(env: ScenarioEnv): void {
  const cron = tryGet(env.api, R.cronJobs, NS, PRUNER_NAME);
  if (!cron) return;
  const jobTemplate = clone(rec(cron, 'spec', 'jobTemplate'));
  const job: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      generateName: `${PRUNER_NAME}-manual-`,
      namespace: NS,
      labels: { ...(rec(jobTemplate, 'metadata', 'labels') as Record<string, string>) },
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' },
      ownerReferences: [ownerRef(cron)],
    },
    spec: rec(jobTemplate, 'spec'),
  };
  env.api.create(R.jobs, NS, job);
}

export const SCENARIOS: Scenario[] = [
  {
    name: 's3-credentials-missing-key',
    description: `The admin's ${USER_CONFIG_SECRET} secret lacks REGISTRY_STORAGE_S3_SECRETKEY: storage sync fails, Progressing=True Error.`,
    activate(env) {
      const m = memo(env);
      const existing = tryGet(env.api, R.secrets, NS, USER_CONFIG_SECRET);
      if (!m.has('userSecret')) m.set('userSecret', existing ? clone(existing) : null);
      const accessKey =
        secretData(env.api, NS, INSTALLER_CREDS_SECRET)?.aws_access_key_id ?? 'AKIAIOSFODNN7EXAMPLE';
      const secret: KubeObject = {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: USER_CONFIG_SECRET, namespace: NS },
        type: 'Opaque',
        data: { REGISTRY_STORAGE_S3_ACCESSKEY: b64(accessKey) },
      };
      if (existing) env.api.update(R.secrets, NS, { ...secret, metadata: { ...existing.metadata } });
      else env.api.create(R.secrets, NS, secret);
    },
    clear(env) {
      const m = memo(env);
      const prior = m.get('userSecret') as KubeObject | null | undefined;
      m.delete('userSecret');
      if (prior) {
        const cur = tryGet(env.api, R.secrets, NS, USER_CONFIG_SECRET);
        const restore = {
          ...prior,
          metadata: { ...prior.metadata, resourceVersion: cur?.metadata.resourceVersion },
        };
        if (cur) env.api.update(R.secrets, NS, restore);
        else
          env.api.create(R.secrets, NS, {
            ...restore,
            metadata: { name: USER_CONFIG_SECRET, namespace: NS },
          });
      } else tryDelete(env.api, R.secrets, NS, USER_CONFIG_SECRET);
    },
  },
  {
    name: 'storage-unreachable',
    description:
      'The S3 endpoint times out: registry /healthz answers 503, pods go unready, StorageExists=False RequestError.',
    activate(env) {
      env.world.s3.unreachable = true;
    },
    clear(env) {
      env.world.s3.unreachable = false;
    },
  },
  {
    name: 'registry-unschedulable',
    description:
      'spec.nodeSelector asks for infra nodes the cluster does not have: new registry pods stay Pending (FailedScheduling).',
    activate(env) {
      const cfg = env.api.get(R.configs, undefined, CONFIG_NAME);
      const m = memo(env);
      if (!m.has('nodeSelector')) m.set('nodeSelector', rec(cfg, 'spec').nodeSelector ?? null);
      env.api.patch(R.configs, undefined, CONFIG_NAME, 'merge', {
        spec: { nodeSelector: { 'node-role.kubernetes.io/infra': '' } },
      });
    },
    clear(env) {
      const m = memo(env);
      const prior = m.get('nodeSelector');
      m.delete('nodeSelector');
      env.api.patch(R.configs, undefined, CONFIG_NAME, 'merge', { spec: { nodeSelector: null } });
      if (prior) env.api.patch(R.configs, undefined, CONFIG_NAME, 'merge', { spec: { nodeSelector: prior } });
    },
  },
  {
    name: 'registry-crashloop',
    description:
      'The registry container panics at start (storage driver AccessDenied): CrashLoopBackOff, restarts, previous logs.',
    activate(env) {
      env.world.faults.registryCrash = true;
      deleteRegistryPods(env);
    },
    clear(env) {
      env.world.faults.registryCrash = false;
      deleteRegistryPods(env);
    },
  },
  {
    name: 'operator-down',
    description:
      'The operator Deployment is scaled to 0: nothing reconciles, Config and ClusterOperator status go stale.',
    activate(env) {
      const d = env.api.get(R.deployments, NS, OPERATOR_NAME);
      const m = memo(env);
      if (!m.has('operatorReplicas')) m.set('operatorReplicas', rec(d, 'spec').replicas ?? 1);
      env.api.patch(R.deployments, NS, OPERATOR_NAME, 'merge', { spec: { replicas: 0 } });
    },
    clear(env) {
      const m = memo(env);
      const prior = Number(m.get('operatorReplicas') ?? 1) || 1;
      m.delete('operatorReplicas');
      env.api.patch(R.deployments, NS, OPERATOR_NAME, 'merge', { spec: { replicas: prior } });
    },
  },
  {
    name: 'clusteroperator-degraded',
    description:
      'The image pruner job fails (BackoffLimitExceeded): ImagePruner Degraded, ClusterOperator Degraded=True ImagePrunerJobFailed.',
    activate(env) {
      env.world.faults.prunerFails = true;
      runPrunerJob(env);
    },
    clear(env) {
      env.world.faults.prunerFails = false;
      runPrunerJob(env);
    },
  },
  {
    name: 'trusted-ca-missing',
    description:
      'images.config.openshift.io/cluster names an additionalTrustedCA ConfigMap that does not exist: ImageRegistryCertificatesControllerDegraded.',
    activate(env) {
      const img = env.api.get(R.imageConfigs, undefined, 'cluster');
      const m = memo(env);
      if (!m.has('additionalTrustedCA'))
        m.set('additionalTrustedCA', rec(img, 'spec').additionalTrustedCA ?? null);
      env.api.patch(R.imageConfigs, undefined, 'cluster', 'merge', {
        spec: { additionalTrustedCA: { name: 'registry-cas' } },
      });
    },
    clear(env) {
      const m = memo(env);
      const prior = m.get('additionalTrustedCA');
      m.delete('additionalTrustedCA');
      env.api.patch(R.imageConfigs, undefined, 'cluster', 'merge', {
        spec: { additionalTrustedCA: prior ?? null },
      });
    },
  },
];
