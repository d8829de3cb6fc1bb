/**
 * Everything the checklist looks at, read once per request AS THE CALLER, in parallel. A read
 * that fails (forbidden, absent API, unreachable node for a log) is kept as its error: a step
 * then says it could not check, instead of the whole page failing — and never reports ok.
 *
 * Two rounds: the objects, then what only some answers need (the claim, nodes for a pod that
 * cannot be scheduled, the TLS secrets routes name, the previous log of a crashing container,
 * the log of a failed pruner Job).
 */
import { Kinds, RegistryNames } from '@irc/shared';
import type {
  CoreV1Event,
  V1Deployment,
  V1PersistentVolumeClaim,
  V1Pod,
  V1Secret,
} from '@kubernetes/client-node';
import type { KubeClient } from '../kube/client.js';
import { KubeError, toKubeError } from '../kube/errors.js';
import { NS, type KubeObjectLike } from '../kube/resources.js';
import { readConfig, specOf } from '../config/read-config.js';
import { onUnreadyNode } from './checks-nodes.js';
import { readLog, type PodLog } from './log-tail.js';
import { latestPrunerJob, podsOf, restartedContainers, type JobLike } from './objects.js';

export type Read<T> = { ok: true; value: T } | { ok: false; error: KubeError };

async function attempt<T>(p: Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await p };
  } catch (err) {
    return { ok: false, error: toKubeError(err) };
  }
}

export interface Gathered {
  config: Read<KubeObjectLike>;
  clusterOperator: Read<KubeObjectLike>;
  registryDeployment: Read<V1Deployment>;
  operatorDeployment: Read<V1Deployment>;
  registryPods: Read<V1Pod[]>;
  operatorPods: Read<V1Pod[]>;
  userSecret: Read<V1Secret>;
  cloudSecret: Read<V1Secret>;
  claim: Read<V1PersistentVolumeClaim> | undefined;
  /** storage.k8s.io StorageClasses, read only for a claim that is not Bound. */
  storageClasses?: Read<KubeObjectLike[]>;
  routes: Read<KubeObjectLike[]>;
  /** The secrets `spec.routes[].secretName` name, by name (only type and key names are used). */
  routeSecrets: Map<string, Read<V1Secret>>;
  imageConfig: Read<KubeObjectLike>;
  /** The cluster proxy (`proxies.config.openshift.io/cluster`): the registry's proxy fallback. */
  clusterProxy: Read<KubeObjectLike>;
  /** The ConfigMap named by images.config spec.additionalTrustedCA, when one is named. */
  trustedCA: Read<unknown> | undefined;
  events: Read<CoreV1Event[]>;
  imagePruner: Read<KubeObjectLike>;
  prunerCronJob: Read<KubeObjectLike>;
  prunerJobs: Read<JobLike[]>;
  /** Pods of the latest failed pruner Job and the log of the last one. */
  prunerPods: Read<V1Pod[]>;
  prunerLog?: PodLog;
  nodeCaDaemonSet: Read<KubeObjectLike>;
  nodeCaPods: Read<V1Pod[]>;
  /** Read only when a registry pod cannot be scheduled (labels, taints, allocatable) or is not ready. */
  nodes?: Read<KubeObjectLike[]>;
  operatorLogs: PodLog[];
  registryLogs: PodLog[];
  /** The previous instance's log of every restarted registry/operator container. */
  previousLogs: PodLog[];
}

const OPERATOR_LOG_TAIL = 500;
const REGISTRY_LOG_TAIL = 200;
const PREVIOUS_LOG_TAIL = 20;
const JOB_LOG_TAIL = 20;

type ListOf<T> = { items?: T[] };

export async function gather(client: KubeClient): Promise<Gathered> {
  const o = () => client.opts();
  const json = <T>(path: string, query: Record<string, string> = {}) => client.getJson<T>(path, query);
  const [
    config,
    clusterOperator,
    registryDeployment,
    operatorDeployment,
    pods,
    userSecret,
    cloudSecret,
    routes,
    imageConfig,
    clusterProxy,
    events,
    imagePruner,
    prunerCronJob,
    prunerJobs,
    nodeCaDaemonSet,
  ] = await Promise.all([
    attempt(readConfig(client).then((c) => c.object)),
    attempt(
      client.custom.getClusterCustomObject(
        { ...Kinds.ClusterOperator.coordinates, name: RegistryNames.clusterOperator },
        o(),
      ) as Promise<KubeObjectLike>,
    ),
    attempt(
      client.apps.readNamespacedDeployment({ name: RegistryNames.registryDeployment, namespace: NS }, o()),
    ),
    attempt(
      client.apps.readNamespacedDeployment({ name: RegistryNames.operatorDeployment, namespace: NS }, o()),
    ),
    attempt(client.core.listNamespacedPod({ namespace: NS }, o()).then((l) => l.items)),
    attempt(
      client.core.readNamespacedSecret({ name: RegistryNames.userCredentialsSecret, namespace: NS }, o()),
    ),
    attempt(
      client.core.readNamespacedSecret({ name: RegistryNames.cloudCredentialsSecret, namespace: NS }, o()),
    ),
    attempt(
      client.custom
        .listNamespacedCustomObject({ ...Kinds.Route.coordinates, namespace: NS }, o())
        .then((l: { items?: KubeObjectLike[] }) => l.items ?? []),
    ),
    attempt(
      client.custom.getClusterCustomObject(
        { ...Kinds.Image.coordinates, name: RegistryNames.clusterConfigName },
        o(),
      ) as Promise<KubeObjectLike>,
    ),
    attempt(json<KubeObjectLike>(Kinds.Proxy.path(Kinds.Proxy.name))),
    attempt(client.core.listNamespacedEvent({ namespace: NS }, o()).then((l) => l.items)),
    attempt(json<KubeObjectLike>(Kinds.ImagePruner.path(Kinds.ImagePruner.name))),
    attempt(json<KubeObjectLike>(Kinds.CronJob.path(RegistryNames.prunerCronJob))),
    attempt(json<ListOf<JobLike>>(Kinds.Job.path()).then((l) => l.items ?? [])),
    attempt(json<KubeObjectLike>(Kinds.DaemonSet.path(RegistryNames.nodeCaDaemonSet))),
  ]);
  // A step can say "could not check" for a forbidden read, but not for a caller the cluster
  // does not know at all: a dead token gets 401 like every other route, not a page of 401s.
  const unauthenticated = [config, clusterOperator, registryDeployment, pods, events].find(
    (r) => !r.ok && r.error.statusCode === 401,
  );
  if (unauthenticated && !unauthenticated.ok) throw unauthenticated.error;

  const registryPods = podsOf(pods, RegistryNames.registryPodSelector);
  const operatorPods = podsOf(pods, RegistryNames.operatorPodSelector);
  const nodeCaPods = podsOf(pods, 'name=node-ca');
  const failedJob = prunerJobs.ok ? latestPrunerJob(prunerJobs.value, 'failed') : undefined;
  const prunerPods = failedJob
    ? podsOf(pods, `batch.kubernetes.io/job-name=${failedJob.metadata?.name ?? ''}`)
    : ({ ok: true, value: [] } as Read<V1Pod[]>);

  const pvcName = claimName(config);
  const unschedulable =
    registryPods.ok &&
    registryPods.value.some((p) =>
      p.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False'),
    );
  // a node-ca pod not Ready usually means its node is not: the node-ca step names the node's state
  const nodeCaUnready =
    nodeCaPods.ok &&
    nodeCaPods.value.some((p) => p.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'True');
  // A pod marked not ready may sit on a node whose kubelet stopped (checks-nodes.ts).
  const onUnreadyNodes = registryPods.ok && registryPods.value.some(onUnreadyNode);
  const secretNames = routeSecretNames(config);
  const caName = imageConfig.ok
    ? (imageConfig.value.spec as { additionalTrustedCA?: { name?: string } } | undefined)?.additionalTrustedCA
        ?.name
    : undefined;
  const lastPrunerPod = prunerPods.ok ? prunerPods.value.at(-1) : undefined;

  const [claim, nodes, trustedCA, routeSecretReads, operatorLogs, registryLogs, previousLogs, prunerLog] =
    await Promise.all([
      pvcName
        ? attempt(client.core.readNamespacedPersistentVolumeClaim({ name: pvcName, namespace: NS }, o()))
        : undefined,
      unschedulable || nodeCaUnready || onUnreadyNodes
        ? attempt(json<ListOf<KubeObjectLike>>(Kinds.Node.path()).then((l) => l.items ?? []))
        : undefined,
      caName
        ? attempt(
            client.core.readNamespacedConfigMap(
              { name: caName, namespace: RegistryNames.configNamespace },
              o(),
            ),
          )
        : undefined,
      Promise.all(
        secretNames.map(
          async (name) =>
            [name, await attempt(client.core.readNamespacedSecret({ name, namespace: NS }, o()))] as const,
        ),
      ),
      currentLogs(client, operatorPods, RegistryNames.operatorContainer, OPERATOR_LOG_TAIL),
      currentLogs(client, registryPods, RegistryNames.registryContainer, REGISTRY_LOG_TAIL),
      Promise.all(
        [...restartedContainers(registryPods), ...restartedContainers(operatorPods)]
          .slice(0, 5)
          .map((c) => readLog(client, c.pod, c.container, PREVIOUS_LOG_TAIL, { previous: true })),
      ),
      lastPrunerPod?.metadata?.name
        ? readLog(
            client,
            lastPrunerPod.metadata.name,
            lastPrunerPod.spec?.containers[0]?.name ?? 'image-pruner',
            JOB_LOG_TAIL,
          )
        : undefined,
    ]);
  const storageClasses =
    claim?.ok && claim.value.status?.phase !== 'Bound'
      ? await attempt(
          json<ListOf<KubeObjectLike>>('/apis/storage.k8s.io/v1/storageclasses').then((l) => l.items ?? []),
        )
      : undefined;

  return {
    config,
    clusterOperator,
    registryDeployment,
    operatorDeployment,
    registryPods,
    operatorPods,
    userSecret,
    cloudSecret,
    claim,
    ...(storageClasses ? { storageClasses } : {}),
    routes,
    routeSecrets: new Map(routeSecretReads),
    imageConfig,
    clusterProxy,
    trustedCA,
    events,
    imagePruner,
    prunerCronJob,
    prunerJobs,
    prunerPods,
    ...(prunerLog ? { prunerLog } : {}),
    nodeCaDaemonSet,
    nodeCaPods,
    ...(nodes ? { nodes } : {}),
    operatorLogs,
    registryLogs,
    previousLogs,
  };
}

function claimName(config: Read<KubeObjectLike>): string | undefined {
  if (!config.ok) return undefined;
  const pvc = specOf(config.value).storage?.pvc;
  return pvc ? pvc.claim || RegistryNames.defaultClaimName : undefined;
}

function routeSecretNames(config: Read<KubeObjectLike>): string[] {
  if (!config.ok) return [];
  const names = (specOf(config.value).routes ?? []).map((r) => r.secretName).filter((n): n is string => !!n);
  return [...new Set(names)].slice(0, 10);
}

/** Logs of the running containers; a log that cannot be read is kept as its error. */
function currentLogs(client: KubeClient, pods: Read<V1Pod[]>, container: string, tail: number) {
  if (!pods.ok) return Promise.resolve([]);
  const running = pods.value.filter((p) =>
    p.status?.containerStatuses?.some((s) => s.name === container && s.state?.running),
  );
  return Promise.all(
    running.slice(0, 5).map((p) => readLog(client, p.metadata?.name ?? '', container, tail)),
  );
}
