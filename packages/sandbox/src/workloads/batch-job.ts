import type { Clock } from '../core/types.js';
import type { ContainerIO, ContainerProcess } from '../cluster/container-runtime.js';
import type { Json } from '../core/objects.js';
import { str } from '../core/objects.js';

/** How long an ordinary batch container works before it exits (cluster time). */
const RUN_MS = 8_000;

/**
 * An ordinary Job's container: it starts, does its work and exits 0, so its Job completes
 * (an app container would run forever and leave the Job Running).
 */
export function startBatchJob(clock: Clock, container: Json, io: ContainerIO): ContainerProcess {
  io.log(`Starting ${str(container.name) ?? 'job'} (${str(container.image) ?? ''})`);
  const cancel = clock.after(RUN_MS, () => {
    io.log('Processed 0 pending items');
    io.log('Done');
    io.exit(0);
  });
  return { terminate: cancel, kill: cancel };
}
