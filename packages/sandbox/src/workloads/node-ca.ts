import type { ApiClient, Clock } from '../core/types.js';
import type { ContainerIO, ContainerProcess } from '../cluster/container-runtime.js';
import { R } from '../core/refs.js';
import { rec, tryGet } from '../core/objects.js';
import { CERTS_CONFIGMAP, NS } from '../operator/defaults.js';

const LOOP_MS = 60_000;

/**
 * A node-ca container: its shell loop echoes each CA file of `image-registry-certificates`
 * (`host..port`) and each directory under /etc/docker/certs.d (`host:port`) every 60 s.
 */
export function startNodeCA(clock: Clock, api: ApiClient, io: ContainerIO): ContainerProcess {
  const loop = (): void => {
    let keys: string[] = [];
    try {
      keys = Object.keys(rec(tryGet(api, R.configMaps, NS, CERTS_CONFIGMAP), 'data')).sort();
    } catch {
      keys = [];
    }
    for (const k of keys) io.log(k);
    for (const k of keys) io.log(k.replace(/\.\.(\d+)$/, ':$1'));
  };
  const first = clock.after(500, loop);
  const every = clock.every(LOOP_MS, loop);
  const stop = (): void => {
    first();
    every();
  };
  return {
    terminate: () => {
      io.log('shutting down node-ca');
      stop();
    },
    kill: stop,
  };
}
