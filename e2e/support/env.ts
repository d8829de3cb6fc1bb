import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the e2e sandbox writes its kubeconfig (apart from a developer's own `pnpm start`). */
export const e2eKubeconfig = join(here, '..', '.sandbox', 'kubeconfig');

/** Console servers the e2e run starts: one acting as admin, one as the read-only viewer. */
export const e2ePorts = { admin: 9180, viewer: 9181 } as const;

/** Screenshots of every page, light and dark, kept as CI artifacts. */
export const artifactsDir = join(here, '..', 'artifacts');
