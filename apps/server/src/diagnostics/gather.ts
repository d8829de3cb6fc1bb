/**
 * Everything the checklist looks at, read once per request AS THE CALLER, in parallel. A read
 * that fails (forbidden, absent API) is kept as its error: a step then says it could not
 * check, instead of the whole page failing.
 */
import { RegistryNames } from '@irc/shared';
import type {
  V1Deployment,
  CoreV1Event,
  V1PersistentVolumeClaim,
  V1Pod,
  V1Secret,
} from '@kubernetes/client-node';
import type { KubeClient } from '../kube/client.js';
import { KubeError, toKubeError } from '../kube/errors.js';
import {
  ClusterOperatorResource,
  ImageConfigResource,
  NS,
  RouteResource,
  type KubeObjectLike,
} from '../kube/resources.js';
import { readConfig, specOf } from '../config/read-config.js';
import { tailLog, type LogLine } from './log-tail.js';

export type Read<T> = { ok: true; value: T } | { ok: false; error: KubeError };

async function attempt<T>(p: Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await p };
  } catch (err) {
    return { ok: false, error: toKubeError(err) };
  }
}

export interface PodLog {
  pod: string;
  lines: LogLine[];
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
  routes: Read<KubeObjectLike[]>;
  imageConfig: Read<KubeObjectLike>;
  /** The ConfigMap named by images.config spec.additionalTrustedCA, when one is named. */
  trustedCA: Read<unknown> | undefined;
  events: Read<CoreV1Event[]>;
  operatorLogs: PodLog[];
  registryLogs: PodLog[];
}

const OPERATOR_LOG_TAIL = 500;
const REGISTRY_LOG_TAIL = 200;

export async function gather(client: KubeClient): Promise<Gathered> {
  const o = () => client.opts();
  const [
    config,
    clusterOperator,
    registryDeployment,
    operatorDeployment,
    registryPods,
    operatorPods,
    userSecret,
    cloudSecret,
    routes,
    imageConfig,
    events,
  ] = await Promise.all([
    attempt(readConfig(client).then((c) => c.object)),
    attempt(
      client.custom.getClusterCustomObject(
        { ...ClusterOperatorResource, name: RegistryNames.clusterOperator },
        o(),
      ) as Promise<KubeObjectLike>,
    ),
    attempt(
      client.apps.readNamespacedDeployment({ name: RegistryNames.registryDeployment, namespace: NS }, o()),
    ),
    attempt(
      client.apps.readNamespacedDeployment({ name: RegistryNames.operatorDeployment, namespace: NS }, o()),
    ),
    attempt(
      client.core
        .listNamespacedPod({ namespace: NS, labelSelector: RegistryNames.registryPodSelector }, o())
        .then((l) => l.items),
    ),
    attempt(
      client.core
        .listNamespacedPod({ namespace: NS, labelSelector: RegistryNames.operatorPodSelector }, o())
        .then((l) => l.items),
    ),
    attempt(
      client.core.readNamespacedSecret({ name: RegistryNames.userCredentialsSecret, namespace: NS }, o()),
    ),
    attempt(client.core.readNamespacedSecret({ name: 'installer-cloud-credentials', namespace: NS }, o())),
    attempt(
      client.custom
        .listNamespacedCustomObject({ ...RouteResource, namespace: NS }, o())
        .then((l: { items?: KubeObjectLike[] }) => l.items ?? []),
    ),
    attempt(
      client.custom.getClusterCustomObject(
        { ...ImageConfigResource, name: 'cluster' },
        o(),
      ) as Promise<KubeObjectLike>,
    ),
    attempt(client.core.listNamespacedEvent({ namespace: NS }, o()).then((l) => l.items)),
  ]);
  // A step can say "could not check" for a forbidden read, but not for a caller the cluster
  // does not know at all: a dead token gets 401 like every other route, not a page of 401s.
  const unauthenticated = [config, clusterOperator, registryDeployment, registryPods, events].find(
    (r) => !r.ok && r.error.statusCode === 401,
  );
  if (unauthenticated && !unauthenticated.ok) throw unauthenticated.error;
  const pvcName = claimName(config);
  const claim = pvcName
    ? await attempt(client.core.readNamespacedPersistentVolumeClaim({ name: pvcName, namespace: NS }, o()))
    : undefined;
  const caName = imageConfig.ok
    ? (imageConfig.value.spec as { additionalTrustedCA?: { name?: string } } | undefined)?.additionalTrustedCA
        ?.name
    : undefined;
  const trustedCA = caName
    ? await attempt(client.core.readNamespacedConfigMap({ name: caName, namespace: 'openshift-config' }, o()))
    : undefined;
  const [operatorLogs, registryLogs] = await Promise.all([
    logsOf(client, operatorPods, RegistryNames.operatorContainer, OPERATOR_LOG_TAIL),
    logsOf(client, registryPods, RegistryNames.registryContainer, REGISTRY_LOG_TAIL),
  ]);
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
    routes,
    imageConfig,
    trustedCA,
    events,
    operatorLogs,
    registryLogs,
  };
}

function claimName(config: Read<KubeObjectLike>): string | undefined {
  if (!config.ok) return undefined;
  const pvc = specOf(config.value).storage?.pvc;
  return pvc ? pvc.claim || RegistryNames.defaultClaimName : undefined;
}

async function logsOf(
  client: KubeClient,
  pods: Read<V1Pod[]>,
  container: string,
  tail: number,
): Promise<PodLog[]> {
  if (!pods.ok) return [];
  const running = pods.value.filter(
    (p) => p.status?.phase === 'Running' || p.status?.containerStatuses?.some((s) => s.state?.running),
  );
  return Promise.all(
    running.slice(0, 5).map(async (p) => {
      const pod = p.metadata?.name ?? '';
      const lines = await tailLog(client, pod, container, tail).catch(() => []);
      return { pod, lines };
    }),
  );
}
