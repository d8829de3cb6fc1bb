import type { Clock } from '../core/types.js';
import type { ContainerIO, ContainerProcess } from '../cluster/container-runtime.js';
import type { Json } from '../core/objects.js';
import type { SimWorld } from '../cluster/cloud.js';
import { INTERNAL_HOSTNAME } from '../operator/defaults.js';

const RUN_MS = 4_000;

/** An `oc adm prune images` run of the image-pruner CronJob: summary and exit 0, or the ping error and exit 1. */
export function startPrunerJob(
  clock: Clock,
  world: SimWorld,
  container: Json,
  io: ContainerIO,
): ContainerProcess {
  const args = Array.isArray(container.args) ? container.args.map(String) : [];
  const pruneRegistry = !args.includes('--prune-registry=false');
  const cancel = clock.after(RUN_MS, () => {
    if (world.faults.prunerFails) {
      io.log(
        `error: failed to ping registry https://${INTERNAL_HOSTNAME}: Get "https://${INTERNAL_HOSTNAME}/": dial tcp 172.30.48.227:5000: connect: connection refused`,
      );
      io.exit(1);
      return;
    }
    if (!pruneRegistry)
      io.log('Only API objects will be removed.  No modifications to the image registry will be made.');
    io.log('Deleting references from image streams to images ...');
    if (pruneRegistry) {
      io.log('Deleting registry repository layer links ...');
      io.log('Deleting registry layer blobs ...');
      io.log('Deleting registry repository manifest data ...');
    }
    io.log('Deleting images from server ...');
    io.log('Summary: deleted 0 objects');
    io.exit(0);
  });
  return { terminate: cancel, kill: cancel };
}
