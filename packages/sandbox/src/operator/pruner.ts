import type { KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { arr, errorMessage, isAlreadyExists, isOwnedBy, num, rec, str, tryGet } from '../core/objects.js';
import type { Condition, CondSpec } from './conditions.js';
import { mergeConditions } from './conditions.js';
import type { OperatorEnv } from './context.js';
import { applyObject } from './apply.js';
import { IMAGES, INTERNAL_HOSTNAME, NS, PRUNER_NAME } from './defaults.js';
import { isServed } from '../cluster/served.js';
import {
  prunerClusterRole,
  prunerClusterRoleBinding,
  prunerNetworkPolicy,
  SERVICE_CA_CONFIGMAP,
  serviceCAConfigMap,
} from './resources/pruner-objects.js';

const IMAGEPRUNER_DEFAULT_SPEC = {
  schedule: '',
  suspend: false,
  keepTagRevisions: 3,
  keepYoungerThanDuration: '60m',
  successfulJobsHistoryLimit: 3,
  failedJobsHistoryLimit: 3,
  ignoreInvalidImageReferences: true,
  logLevel: 'Normal',
};

const LOG_LEVEL_NUM: Record<string, number> = { Normal: 1, Debug: 4, Trace: 6, TraceAll: 8 };

/** The `image-pruner` CronJob (op:pkg/resource/prunercronjob.go). */
export function prunerCronJob(spec: Record<string, unknown>, registryRemoved: boolean): KubeObject {
  const args = [
    'adm',
    'prune',
    'images',
    '--ignore-invalid-refs=true',
    `--keep-tag-revisions=${num(spec.keepTagRevisions) ?? 3}`,
    `--keep-younger-than=${str(spec.keepYoungerThanDuration) ?? '60m'}`,
    `--loglevel=${LOG_LEVEL_NUM[str(spec.logLevel) ?? 'Normal'] ?? 1}`,
    `--prune-registry=${registryRemoved ? 'false' : 'true'}`,
    `--registry-url=https://${INTERNAL_HOSTNAME}`,
    '--certificate-authority=/var/run/configmaps/serviceca/service-ca.crt',
    '--confirm=true',
  ];
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: PRUNER_NAME, namespace: NS },
    spec: {
      schedule: str(spec.schedule) || '0 0 * * *',
      suspend: spec.suspend === true,
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: num(spec.successfulJobsHistoryLimit) ?? 3,
      failedJobsHistoryLimit: num(spec.failedJobsHistoryLimit) ?? 3,
      jobTemplate: {
        spec: {
          backoffLimit: 0,
          activeDeadlineSeconds: 3600,
          template: {
            metadata: { labels: { app: PRUNER_NAME } },
            spec: {
              serviceAccountName: 'pruner',
              restartPolicy: 'Never',
              containers: [
                {
                  name: PRUNER_NAME,
                  image: IMAGES.cli,
                  command: ['oc'],
                  args,
                  resources: { requests: { cpu: '100m', memory: '256Mi' } },
                  terminationMessagePolicy: 'FallbackToLogsOnError',
                  volumeMounts: [{ name: SERVICE_CA_CONFIGMAP, mountPath: '/var/run/configmaps/serviceca' }],
                },
              ],
              volumes: [
                {
                  name: SERVICE_CA_CONFIGMAP,
                  configMap: {
                    name: SERVICE_CA_CONFIGMAP,
                    items: [{ key: 'service-ca.crt', path: 'service-ca.crt' }],
                  },
                },
              ],
            },
          },
        },
      },
    },
  };
}

/** What the pruner Job runs with: its RBAC, the service CA it trusts, its NetworkPolicy (4.23). */
function applyPrunerObjects(env: OperatorEnv): void {
  applyObject(env, R.clusterRoles, prunerClusterRole());
  applyObject(env, R.clusterRoleBindings, prunerClusterRoleBinding());
  applyObject(env, R.configMaps, serviceCAConfigMap(), { dataOwnedByOthers: true });
  if (isServed(env.api, R.networkPolicies)) applyObject(env, R.networkPolicies, prunerNetworkPolicy());
}

/** The most recent Job of the pruner CronJob. */
function lastJob(env: OperatorEnv, cron: KubeObject | undefined): KubeObject | undefined {
  if (!cron) return undefined;
  const jobs = env.api
    .list(R.jobs, NS)
    .items.filter(
      (j) =>
        isOwnedBy(j, cron) ||
        j.metadata.labels?.app === PRUNER_NAME ||
        str(j.metadata.name)?.startsWith(`${PRUNER_NAME}-`),
    );
  // creationTimestamp has second precision: the resourceVersion orders jobs created within one second
  const order = (j: KubeObject): [string, number] => [
    String(j.metadata.creationTimestamp),
    Number(j.metadata.resourceVersion) || 0,
  ];
  return jobs
    .sort((a, b) => {
      const [ta, ra] = order(a);
      const [tb, rb] = order(b);
      return ta === tb ? ra - rb : ta.localeCompare(tb);
    })
    .at(-1);
}

/**
 * ImagePrunerController: bootstraps `imagepruners/cluster`, applies the CronJob and reports the
 * ImagePruner conditions (Available, Scheduled, Failed, Degraded) from the CronJob and its last Job.
 * Returns the ImagePruner conditions for the ClusterOperator.
 */
export function syncPruner(env: OperatorEnv, registryRemoved: boolean): Condition[] {
  const { api } = env;
  let pruner = tryGet(api, R.imagePruners, undefined, 'cluster');
  if (!pruner) {
    try {
      pruner = api.create(R.imagePruners, undefined, {
        apiVersion: 'imageregistry.operator.openshift.io/v1',
        kind: 'ImagePruner',
        metadata: { name: 'cluster' },
        spec: { ...IMAGEPRUNER_DEFAULT_SPEC },
      }).object;
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
      pruner = api.get(R.imagePruners, undefined, 'cluster');
    }
  }
  const spec = rec(pruner, 'spec');
  const conds: CondSpec[] = [];
  let cron: KubeObject | undefined;
  try {
    applyPrunerObjects(env);
    cron = applyObject(env, R.cronJobs, prunerCronJob(spec, registryRemoved)).object;
    conds.push({
      type: 'Available',
      status: 'True',
      reason: 'AsExpected',
      message: 'Pruner CronJob has been created',
    });
  } catch (e) {
    conds.push({
      type: 'Available',
      status: 'False',
      reason: 'Error',
      message: 'Pruner CronJob does not exist',
    });
    conds.push({ type: 'Degraded', status: 'True', reason: 'SyncError', message: errorMessage(e) });
  }
  conds.push(
    spec.suspend === true
      ? {
          type: 'Scheduled',
          status: 'False',
          reason: 'Suspended',
          message: 'The pruner job has been suspended',
        }
      : {
          type: 'Scheduled',
          status: 'True',
          reason: 'Scheduled',
          message: 'The pruner job has been scheduled',
        },
  );
  const job = lastJob(env, cron);
  const failed = arr(job, 'status', 'conditions').find((c) => c.type === 'Failed' && c.status === 'True');
  if (failed) {
    conds.push({
      type: 'Failed',
      status: 'True',
      reason: str(failed.reason) ?? 'Failed',
      message: str(failed.message) ?? '',
    });
    if (!conds.some((c) => c.type === 'Degraded'))
      conds.push({
        type: 'Degraded',
        status: 'True',
        reason: 'JobFailed',
        message: str(failed.message) ?? '',
      });
  } else {
    conds.push({
      type: 'Failed',
      status: 'False',
      reason: 'Complete',
      message: 'Pruner completed successfully',
    });
    if (!conds.some((c) => c.type === 'Degraded'))
      conds.push({ type: 'Degraded', status: 'False', reason: 'AsExpected', message: '' });
  }
  const prev = arr(pruner, 'status', 'conditions') as unknown as Condition[];
  const next = mergeConditions(prev, conds, env.clock.now());
  if (
    JSON.stringify(next) !== JSON.stringify(prev) ||
    rec(pruner, 'status').observedGeneration !== pruner.metadata.generation
  ) {
    api.patch(
      R.imagePruners,
      undefined,
      'cluster',
      'merge',
      { status: { conditions: next, observedGeneration: pruner.metadata.generation ?? 1 } },
      { subresource: 'status' },
    );
  }
  return next.filter((c) => c.type === 'Available' || c.type === 'Degraded');
}
