import type { ApiClient, Clock } from '../../core/types.js';
import { seedNamespaces } from './namespaces.js';
import { seedNodes } from './nodes.js';
import { seedPlatform, type PlatformFacts } from './platform.js';
import { seedOperator } from './operator.js';
import { seedApps } from './apps.js';
import { seedImageMigrationSamples } from './image-migration/index.js';
import { seedStorageClasses } from './storage.js';

/**
 * The state of a freshly installed cluster, before the image registry operator has run: its
 * namespaces, nodes, platform facts, StorageClasses, global pull secret, and the operator's own Deployment —
 * plus the workshop's sample projects (a few apps, the image-migration samples).
 * Idempotent: objects that already exist are left alone.
 */
export function seedCluster(api: ApiClient, clock: Clock): PlatformFacts {
  seedNamespaces(api);
  seedNodes(api, clock);
  const facts = seedPlatform(api);
  seedStorageClasses(api);
  seedOperator(api);
  seedApps(api);
  seedImageMigrationSamples(api, clock);
  return facts;
}

export type { PlatformFacts };
export { readPlatform } from './platform.js';
