import type { KubeObject, ResourceRef } from '../core/types.js';
import { R } from '../core/refs.js';
import { clone, rec, tryGet } from '../core/objects.js';
import { ownerRef } from '../core/objects.js';
import { secretData } from '../operator/credentials.js';
import {
  INSTALLER_CREDS_SECRET,
  NS,
  OPERATOR_NAME,
  PRUNER_NAME,
  USER_CONFIG_SECRET,
} from '../operator/defaults.js';
import { memo, replaceSecret, restoreSecret, worldSwitch } from './memo.js';
import { IMAGE_SCENARIOS } from './images.js';
import { PVC_SCENARIOS } from './pvc.js';
import { NODE_SCENARIOS } from './nodes.js';
import { ROUTE_SCENARIOS } from './routes.js';
import { SCHEDULING_SCENARIOS } from './scheduling.js';
import { STORAGE_SCENARIOS } from './storage.js';
import type { Scenario, ScenarioEnv } from './types.js';

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

/**
 * A scenario that sets one spec field of a cluster-scoped `cluster` object (ImagePruner, Image
 * config), remembering the admin's value and putting it back on clear (null: it was unset).
 */
function clusterSpecField(
  name: string,
  description: string,
  resource: ResourceRef,
  field: string,
  value: unknown,
): Scenario {
  const key = `${name}:spec.${field}`;
  return {
    name,
    description,
    activate(env) {
      const m = memo(env);
      if (!m.has(key)) m.set(key, rec(env.api.get(resource, undefined, 'cluster'), 'spec')[field] ?? null);
      env.api.patch(resource, undefined, 'cluster', 'merge', { spec: { [field]: value } });
    },
    clear(env) {
      const m = memo(env);
      const prior = m.get(key);
      m.delete(key);
      env.api.patch(resource, undefined, 'cluster', 'merge', { spec: { [field]: prior ?? null } });
    },
  };
}

export const SCENARIOS: Scenario[] = [
  ...STORAGE_SCENARIOS,
  ...PVC_SCENARIOS,
  ...SCHEDULING_SCENARIOS,
  ...ROUTE_SCENARIOS,
  ...IMAGE_SCENARIOS,
  ...NODE_SCENARIOS,
  {
    name: 's3-credentials-missing-key',
    description: `The admin's ${USER_CONFIG_SECRET} secret lacks REGISTRY_STORAGE_S3_SECRETKEY: storage sync fails, Progressing=True Error.`,
    activate(env) {
      const accessKey =
        secretData(env.api, NS, INSTALLER_CREDS_SECRET)?.aws_access_key_id ?? 'AKIAIOSFODNN7EXAMPLE';
      replaceSecret(env, this.name, USER_CONFIG_SECRET, { REGISTRY_STORAGE_S3_ACCESSKEY: accessKey });
    },
    clear(env) {
      restoreSecret(env, this.name, USER_CONFIG_SECRET);
    },
  },
  worldSwitch(
    'storage-unreachable',
    'The S3 endpoint times out: registry /healthz answers 503, pods go unready, StorageExists=False RequestError.',
    (env, on) => (env.world.s3.unreachable = on),
    { restart: false },
  ),
  worldSwitch(
    'registry-crashloop',
    'The registry container panics at start (storage driver AccessDenied): CrashLoopBackOff, restarts, previous logs.',
    (env, on) => (env.world.faults.registryCrash = on),
  ),
  worldSwitch(
    'monitoring-unreachable',
    "Cluster monitoring's query endpoint (the Thanos querier) has no ready pod: connections to it are refused. Prometheus keeps scraping, so the history is whole again when it is back.",
    (env, on) => (env.world.faults.monitoringUnreachable = on),
    { restart: false },
  ),
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
  clusterSpecField(
    'pruner-suspended',
    'imagepruners.imageregistry.operator.openshift.io/cluster has spec.suspend: true: the pruner CronJob is suspended and unused images accumulate (information, nothing fails).',
    R.imagePruners,
    'suspend',
    true,
  ),
  clusterSpecField(
    'trusted-ca-missing',
    'images.config.openshift.io/cluster names an additionalTrustedCA ConfigMap that does not exist: ImageRegistryCertificatesControllerDegraded.',
    R.imageConfigs,
    'additionalTrustedCA',
    { name: 'registry-cas' },
  ),
];
