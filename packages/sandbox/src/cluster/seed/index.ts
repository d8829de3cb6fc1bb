import type { ApiClient, Clock } from '../../core/types.js';
import { seedNamespaces } from './namespaces.js';
import { seedNodes } from './nodes.js';
import { seedPlatform, type PlatformFacts } from './platform.js';
import { seedOperator } from './operator.js';
import { seedApps } from './apps.js';

/**
 * The state of a freshly installed cluster, before the image registry operator has run: its
 * namespaces, nodes, platform facts, global pull secret, and the operator's own Deployment.
 * Idempotent: objects that already exist are left alone.
 */
export function seedCluster(api: ApiClient, clock: Clock): PlatformFacts {
  seedNamespaces(api);
  seedNodes(api, clock);
  const facts = seedPlatform(api);
  seedOperator(api);
  seedApps(api);
  return facts;
}

export type { PlatformFacts };
export { readPlatform } from './platform.js';
