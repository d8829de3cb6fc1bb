import type { ControllerContext } from '../core/types.js';
import type { ContainerIO, ContainerProcess } from '../cluster/container-runtime.js';
import type { SimWorld } from '../cluster/cloud.js';
import type { PlatformFacts } from '../cluster/seed/index.js';
import { createKlog, klogLine } from '../operator/klog.js';
import { startOperator, type OperatorHandle } from '../operator/index.js';
import { NS, OPERATOR_NAME, OPERATOR_VERSION_STRING } from '../operator/defaults.js';
import { EventRecorder } from '../cluster/events.js';
import { R } from '../cluster/refs.js';
import { randomUUID } from 'node:crypto';
import { tryGet } from '../cluster/objects.js';

const LEASE = `${NS}/openshift-master-controllers`;
const LEASE_RETRY_MS = 5_000;

/** Who holds the operator's leader lease: only one operator process reconciles at a time. */
export interface LeaderLease {
  holder?: string;
}

/**
 * The `cluster-image-registry-operator` container: prints the operator's startup block, takes
 * the leader lease, and runs the reconcile loop for as long as the container lives. When the
 * pod goes (scaled to 0, deleted, crashed) nothing reconciles, exactly as in a real cluster.
 */
export function startOperatorProcess(
  ctx: ControllerContext,
  world: SimWorld,
  platform: () => PlatformFacts,
  lease: LeaderLease,
  id: string,
  io: ContainerIO,
): ContainerProcess {
  const log = createKlog(ctx.clock, (l) => io.log(l));
  let operator: OperatorHandle | undefined;
  let retry: (() => void) | undefined;
  let alive = true;

  log.info('main.go:39', `Cluster Image Registry Operator Version: ${OPERATOR_VERSION_STRING}`);
  log.info('main.go:40', 'Go Version: go1.23.6 (Red Hat 1.23.6-1.el9_6) X:strictfipsruntime');
  log.info('main.go:41', 'Go OS/Arch: linux/amd64');
  log.info('leaderelection.go:257', `attempting to acquire leader lease ${LEASE}...`);

  const acquire = (): void => {
    if (!alive) return;
    if (lease.holder && lease.holder !== id) {
      retry = ctx.clock.after(LEASE_RETRY_MS, acquire);
      return;
    }
    lease.holder = id;
    log.info('leaderelection.go:271', `successfully acquired lease ${LEASE}`);
    log.info(
      'main.go:111',
      'Watching files [/var/run/configmaps/trusted-ca/tls-ca-bundle.pem /etc/secrets/tls.crt /etc/secrets/tls.key]...',
    );
    log.info(
      'starter.go:93',
      'FeatureGates initialized: knownFeatureGates=[AWSClusterHostedDNS AdditionalRoutingCapabilities ImageStreamImportMode ...]',
    );
    log.info('controller.go:475', 'Starting Controller');
    log.info('clusteroperator.go:143', 'Starting ClusterOperatorStatusController');
    log.info('nodecadaemon.go:221', 'Starting NodeCADaemonController');
    log.info('imageconfig.go:113', 'Starting ImageConfigController');
    log.info('controllerimagepruner.go:400', 'Starting ImagePrunerController');
    log.info('caconfig.go:197', 'Starting ImageRegistryCertificatesController');
    try {
      announce(ctx, id);
      operator = startOperator(ctx, world, platform(), log);
    } catch (e) {
      // a Go operator would exit here: the kubelet restarts the container (CrashLoopBackOff)
      io.log(klogLine('F', ctx.clock.now(), 'main.go:62', e instanceof Error ? e.message : String(e)));
      stop();
      io.exit(255);
    }
  };
  acquire();

  const stop = (): void => {
    alive = false;
    retry?.();
    operator?.stop();
    operator = undefined;
    if (lease.holder === id) lease.holder = undefined;
  };
  return {
    terminate: () => {
      if (!alive) return;
      log.info('cmd.go:155', 'Received SIGTERM or SIGINT signal, shutting down controller.');
      log.info('controller.go:480', 'Shutting down Controller ...');
      stop();
    },
    kill: stop,
  };
}

/** The events a starting operator leaves behind: LeaderElection on its lease, FeatureGatesInitialized on its Deployment. */
function announce(ctx: ControllerContext, podKey: string): void {
  const api = ctx.api();
  const events = new EventRecorder(api, ctx.clock);
  const source = { component: 'cluster-image-registry-operator' };
  const podName =
    api
      .list(R.pods, NS, { labelSelector: `name=${OPERATOR_NAME}` })
      .items.find((p) => podKey.startsWith(p.metadata.uid ?? '?'))?.metadata.name ?? OPERATOR_NAME;
  const lease = {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'openshift-master-controllers', namespace: NS, uid: '' },
  };
  events.record(source, lease, 'Normal', 'LeaderElection', `${podName}_${randomUUID()} became leader`);
  const self = tryGet(api, R.deployments, NS, OPERATOR_NAME);
  if (self) {
    events.record(
      source,
      self,
      'Normal',
      'FeatureGatesInitialized',
      'FeatureGates updated to featuregates.Features{Enabled:[]v1.FeatureGateName{"AWSClusterHostedDNS", "AdditionalRoutingCapabilities", "ImageStreamImportMode"}, Disabled:[]v1.FeatureGateName{}}',
    );
  }
}
