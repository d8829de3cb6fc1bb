import type { ControllerContext } from '../core/types.js';
import type { ContainerIO, ContainerProcess } from '../cluster/container-runtime.js';
import type { SimWorld } from '../cluster/cloud.js';
import type { PlatformFacts } from '../cluster/seed/index.js';
import { createKlog, klogLine } from '../operator/klog.js';
import { startOperator, type OperatorHandle } from '../operator/index.js';
import { NS, OPERATOR_NAME, OPERATOR_VERSION_STRING } from '../operator/defaults.js';
import { EventRecorder } from '../cluster/events.js';
import { R } from '../core/refs.js';
import { randomUUID } from 'node:crypto';
import { tryGet } from '../core/objects.js';
import { LEASE_NAME, LEASE_NS, runLeaderElection } from './leader-election.js';

const LEASE = `${LEASE_NS}/${LEASE_NAME}`;

/**
 * The `cluster-image-registry-operator` container: prints the operator's startup block, takes
 * the leader lease, and runs the reconcile loop for as long as the container lives. When the
 * pod goes (scaled to 0, deleted, crashed) nothing reconciles, exactly as in a real cluster.
 */
export function startOperatorProcess(
  ctx: ControllerContext,
  world: SimWorld,
  platform: () => PlatformFacts,
  id: string,
  io: ContainerIO,
): ContainerProcess {
  const log = createKlog(ctx.clock, (l) => io.log(l));
  let operator: OperatorHandle | undefined;
  let alive = true;
  const identity = `${podNameOf(ctx, id)}_${randomUUID()}`;

  log.info('main.go:39', `Cluster Image Registry Operator Version: ${OPERATOR_VERSION_STRING}`);
  log.info('main.go:40', 'Go Version: go1.23.6 (Red Hat 1.23.6-1.el9_6) X:strictfipsruntime');
  log.info('main.go:41', 'Go OS/Arch: linux/amd64');
  log.info('leaderelection.go:257', `attempting to acquire leader lease ${LEASE}...`);

  const startLeading = (): void => {
    if (!alive) return;
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
      announce(ctx, identity);
      operator = startOperator(ctx, world, platform(), log);
    } catch (e) {
      // a Go operator would exit here: the kubelet restarts the container (CrashLoopBackOff)
      io.log(klogLine('F', ctx.clock.now(), 'main.go:62', e instanceof Error ? e.message : String(e)));
      stop(false);
      io.exit(255);
    }
  };
  const election = runLeaderElection(ctx.api(), ctx.clock, identity, {
    onStartedLeading: startLeading,
    log: (msg) => log.error('leaderelection.go:332', msg),
  });

  /** A graceful stop releases the Lease; a crash (kill, exit) leaves it held until it expires. */
  const stop = (graceful: boolean): void => {
    alive = false;
    operator?.stop();
    operator = undefined;
    if (graceful) election.release();
    else election.abandon();
  };
  return {
    terminate: () => {
      if (!alive) return;
      log.info('cmd.go:155', 'Received SIGTERM or SIGINT signal, shutting down controller.');
      log.info('controller.go:480', 'Shutting down Controller ...');
      stop(true);
    },
    kill: () => stop(false),
  };
}

/** The operator pod's name from the container key (`<pod uid>/<container>`). */
function podNameOf(ctx: ControllerContext, key: string): string {
  return (
    ctx
      .api()
      .list(R.pods, NS, { labelSelector: `name=${OPERATOR_NAME}` })
      .items.find((p) => key.startsWith(p.metadata.uid ?? '?'))?.metadata.name ?? OPERATOR_NAME
  );
}

/** The events a starting operator leaves behind: LeaderElection on its lease, FeatureGatesInitialized on its Deployment. */
function announce(ctx: ControllerContext, identity: string): void {
  const api = ctx.api();
  const events = new EventRecorder(api, ctx.clock);
  const source = { component: 'cluster-image-registry-operator' };
  const lease = tryGet(api, R.leases, LEASE_NS, LEASE_NAME) ?? {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: LEASE_NAME, namespace: LEASE_NS, uid: '' },
  };
  events.record(source, lease, 'Normal', 'LeaderElection', `${identity} became leader`);
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
