import type { KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { arr, errorMessage, isConflict, num, rec, str, tryGet } from '../core/objects.js';
import { isServed } from '../cluster/served.js';
import { randomHex } from '../core/names.js';
import {
  mainConditions,
  mergeConditions,
  deploymentComplete,
  type Condition,
  type CondSpec,
  type DeployFacts,
} from './conditions.js';
import type { OperatorEnv } from './context.js';
import { SyncError } from './context.js';
import { CONFIG_NAME, DEGRADED_INERTIA_MS, FINALIZER, NS, REGISTRY_NAME } from './defaults.js';
import { bootstrap } from './bootstrap.js';
import { observeConfig } from './config-observer.js';
import { syncManaged } from './managed.js';
import { removeRegistry } from './removal.js';
import { writeBackSpec } from './writeback.js';
import { syncCertificates } from './certificates.js';
import { syncNodeCA } from './nodeca.js';
import { syncImageConfig } from './imageconfig.js';
import { syncPruner } from './pruner.js';
import { syncClusterOperator } from './clusteroperator.js';
import { routeProblem } from './resources/routes.js';
import { diffObjects } from './diff.js';
import { LOG_LEVEL_V } from './klog.js';

export function deployFacts(d: KubeObject | undefined): DeployFacts | undefined {
  if (!d) return undefined;
  const s = rec(d, 'status');
  const p = arr(d, 'status', 'conditions').find((c) => c.type === 'Progressing');
  return {
    terminating: Boolean(d.metadata.deletionTimestamp),
    replicas: num(rec(d, 'spec').replicas) ?? 1,
    statusReplicas: num(s.replicas) ?? 0,
    updatedReplicas: num(s.updatedReplicas) ?? 0,
    availableReplicas: num(s.availableReplicas) ?? 0,
    readyReplicas: num(s.readyReplicas) ?? 0,
    generation: d.metadata.generation ?? 1,
    observedGeneration: num(s.observedGeneration) ?? 0,
    ...(p
      ? {
          progressing: {
            status: String(p.status),
            reason: String(p.reason ?? ''),
            message: String(p.message ?? ''),
          },
        }
      : {}),
  };
}

/**
 * The image registry operator's main controller (op:pkg/operator/controller.go) with the
 * controllers that share its Config status: one sync computes everything and writes the Config
 * status once, then the ClusterOperator. Returns when to look again (errors requeue with backoff,
 * time-based conditions — Degraded inertia — re-check on their own).
 */
export class RegistryController {
  private failures = 0;
  private operatorLogLevel = 'Normal';

  constructor(private readonly env: OperatorEnv) {}

  sync(): { requeueAfterMs?: number; busyForMs?: number } {
    const { api, log } = this.env;
    log.info('controller.go:322', 'get event from workqueue', 4);
    const read = tryGet(api, R.configs, undefined, CONFIG_NAME);
    if (!read) {
      bootstrap(this.env);
      return {};
    }
    const cfg = read.metadata.deletionTimestamp ? read : observeConfig(this.env, read);
    this.applyOperatorLogLevel(cfg);
    const spec = rec(cfg, 'spec');
    const terminating = Boolean(cfg.metadata.deletionTimestamp);
    const state = terminating ? 'Removed' : (str(spec.managementState) ?? 'Managed') || 'Managed';

    const certs = syncCertificates(this.env, cfg);
    let managedError: SyncError | undefined;
    let storageConds: CondSpec[] = [];
    let statusStorage = rec(cfg, 'status', 'storage');
    let removeError: string | undefined;
    let specMutation: ((c: KubeObject) => void) | undefined;
    let busyForMs: number | undefined;
    let httpSecret = str(spec.httpSecret) ?? '';

    if (state === 'Managed') {
      if (!httpSecret) httpSecret = randomHex(64);
      const res = syncManaged(this.env, cfg, httpSecret, certs.data);
      managedError = res.error;
      busyForMs = res.storage?.elapsedMs;
      if (res.storage) {
        storageConds = res.storage.conditions;
        if (!res.error) statusStorage = res.storage.statusStorage;
      }
      const specStorage = res.storage && !res.error ? res.storage.specStorage : undefined;
      const secret = httpSecret;
      specMutation = (c) => {
        const finalizers = c.metadata.finalizers ?? [];
        if (!finalizers.includes(FINALIZER)) c.metadata.finalizers = [...finalizers, FINALIZER];
        const s = rec(c, 'spec');
        c.spec = s;
        if (!str(s.httpSecret)) s.httpSecret = secret;
        if (specStorage) s.storage = fillStorage(rec(s, 'storage'), specStorage);
      };
    } else if (state === 'Removed') {
      const res = removeRegistry(this.env, cfg);
      removeError = res.error;
      storageConds = res.storageConditions;
      if (res.storageRemoved) {
        statusStorage = {};
        specMutation = (c) => {
          const s3 = rec(c, 'spec', 'storage', 's3');
          if (str(s3.bucket)) s3.bucket = '';
        };
      }
    } else if (state !== 'Unmanaged') {
      log.warning('controller.go:290', `unknown custom resource state: ${state}`);
    }

    const deploy = tryGet(api, R.deployments, NS, REGISTRY_NAME);
    const facts = deployFacts(deploy);
    const routes = isServed(api, R.routes) ? api.list(R.routes, NS).items : [];
    const prevConds = arr(cfg, 'status', 'conditions') as unknown as Condition[];
    const main = mainConditions({
      state: state === 'Managed' || state === 'Removed' || state === 'Unmanaged' ? state : 'Unknown',
      deploy: facts,
      ...(managedError
        ? {
            applyError: {
              message: managedError.message,
              ...(managedError.permanentReason ? { permanentReason: managedError.permanentReason } : {}),
            },
          }
        : {}),
      ...(removeError ? { removeError } : {}),
      ...(state === 'Managed' ? { routeProblem: routeProblem(routes) } : {}),
      prevAvailable: prevConds.find((c) => c.type === 'Available'),
      now: this.env.clock.now(),
      inertiaMs: DEGRADED_INERTIA_MS,
      scale: this.env.clock.scale,
    });
    const nodeCA = syncNodeCA(this.env);
    const imageConfig = syncImageConfig(this.env, state === 'Removed' && !deploy);
    let pruner: Condition[] = [];
    try {
      pruner = syncPruner(this.env, state === 'Removed');
    } catch (e) {
      log.error(
        'controllerimagepruner.go:170',
        `ImagePrunerController: unable to sync: ${errorMessage(e)}, requeuing`,
      );
    }

    // write back the narrow spec changes first (with the resourceVersion read), then status
    let current = cfg;
    if (specMutation && !terminating) {
      const written = writeBackSpec(api, cfg, specMutation);
      if (written) {
        log.info(
          'controller.go:361',
          `object changed: *v1.Config, Name=cluster (metadata=${String(written.metadata.finalizers?.length !== cfg.metadata.finalizers?.length)}, spec=true): ${diffObjects({ spec: redactSpec(cfg.spec) }, { spec: redactSpec(written.spec) })}`,
        );
        current = written;
      }
    }
    const conditions = mergeConditions(
      prevConds,
      [
        ...main.conditions,
        ...storageConds,
        ...nodeCA,
        ...certs.conditions,
        ...imageConfig,
        // 4.23's config observer (the TLS profile) never fails here
        { type: 'ConfigObservationDegraded', status: 'False', reason: 'AsExpected', message: '' },
      ],
      this.env.clock.now(),
    );
    const storageManaged = str(statusStorage.managementState) === 'Managed';
    const status: Record<string, unknown> = {
      ...rec(current, 'status'),
      observedGeneration: current.metadata.generation ?? 1,
      conditions,
      readyReplicas: facts?.readyReplicas ?? 0,
      storage: statusStorage,
      storageManaged,
      generations: deploy
        ? [
            {
              group: 'apps',
              resource: 'deployments',
              namespace: NS,
              name: REGISTRY_NAME,
              lastGeneration: deploy.metadata.generation ?? 1,
              hash: '',
            },
          ]
        : [],
    };
    const before = rec(cfg, 'status');
    const diff = diffObjects({ status: before }, { status });
    if (diff) {
      log.info('controller.go:361', `object changed: *v1.Config, Name=cluster (status=true): ${diff}`);
      try {
        // UpdateStatus of the object this sync read (or its own spec write returned): the whole
        // status, conditional on that resourceVersion — a stale read gets 409 Conflict, which the
        // operator does not retry here but returns, so the work queue logs it and requeues.
        api.update(R.configs, undefined, { ...current, status }, { subresource: 'status' });
      } catch (e) {
        if (!isConflict(e))
          log.error(
            'controller.go:330',
            `unable to update status *v1.Config, Name=cluster: ${errorMessage(e)}`,
          );
        log.error('controller.go:400', `unable to sync: ${errorMessage(e)}, requeuing`);
        return { requeueAfterMs: this.backoff(), ...(busyForMs ? { busyForMs } : {}) };
      }
    }
    syncClusterOperator(this.env, conditions, pruner, versionReached(state, facts));

    if (terminating) this.finalize(cfg, deploy);
    const error = managedError?.message ?? removeError;
    if (error) {
      log.error('controller.go:400', `unable to sync: ${error}, requeuing`);
      // A slow failed sync that moved StorageExists through two states (Unknown "S3 Configuration
      // Changed", then False) gave it a new lastTransitionTime: the real operator's status write
      // wakes it again at once, so it retries as fast as the sync lasts, not on the backoff.
      if (
        busyForMs &&
        new Set(storageConds.filter((c) => c.type === 'StorageExists').map((c) => c.status)).size > 1
      )
        return { requeueAfterMs: busyForMs, busyForMs };
      return { requeueAfterMs: this.backoff(), ...(busyForMs ? { busyForMs } : {}) };
    }
    this.failures = 0;
    return main.recheckAfterMs !== undefined ? { requeueAfterMs: main.recheckAfterMs } : {};
  }

  /** The Config is being deleted: once the operand is gone, drop our finalizer (then re-bootstrap). */
  private finalize(cfg: KubeObject, deploy: KubeObject | undefined): void {
    if (deploy) return;
    this.env.log.info('controller.go:240', 'finalizing *v1.Config, Name=cluster');
    writeBackSpec(this.env.api, cfg, (c) => {
      const rest = (c.metadata.finalizers ?? []).filter((f) => f !== FINALIZER);
      c.metadata.finalizers = rest;
    });
  }

  private applyOperatorLogLevel(cfg: KubeObject): void {
    const level = str(rec(cfg, 'spec').operatorLogLevel) ?? 'Normal';
    if (level === this.operatorLogLevel) return;
    this.env.events.record(
      { component: 'image-registry-operator' },
      this.env.self(),
      'Normal',
      'OperatorLogLevelChange',
      `Operator log level changed from "${this.operatorLogLevel}" to "${level}"`,
      { namespace: NS },
    );
    this.operatorLogLevel = level;
    this.env.log.setVerbosity(LOG_LEVEL_V[level] ?? 2);
  }

  private backoff(): number {
    this.failures++;
    return Math.min(5 * 2 ** this.failures, 60_000);
  }
}

/** `versions` follow the release once the registry is fully rolled out (or intentionally absent). */
function versionReached(state: string, d: DeployFacts | undefined): boolean {
  if (state === 'Removed' || state === 'Unmanaged') return !d;
  return d !== undefined && !d.terminating && d.availableReplicas > 0 && deploymentComplete(d);
}

/** Only fill what is empty: the admin's own values always win. */
function fillStorage(
  current: Record<string, unknown>,
  computed: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(computed)) {
    if (k === 'managementState') {
      if (!str(out.managementState)) out.managementState = v;
      continue;
    }
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const cur = rec(out, k);
      const merged: Record<string, unknown> = { ...cur };
      for (const [f, fv] of Object.entries(v))
        if (merged[f] === undefined || merged[f] === '') merged[f] = fv;
      out[k] = merged;
    } else if (out[k] === undefined) out[k] = v;
  }
  return out;
}

function redactSpec(spec: unknown): unknown {
  const s = { ...rec(spec) };
  if (typeof s.httpSecret === 'string' && s.httpSecret) s.httpSecret = '<REDACTED>';
  return s;
}
