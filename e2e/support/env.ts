import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** E2E_PORT_BASE lets two e2e runs on one machine keep out of each other's way. */
const base = Number(process.env.E2E_PORT_BASE ?? 9180);

/** Where the e2e sandbox writes its kubeconfig (apart from a developer's own `pnpm start`). */
export const e2eKubeconfig = join(here, '..', '.sandbox', `kubeconfig-${base}`);

/** Console servers the e2e run starts: one acting as admin, one as the read-only viewer. */
export const e2ePorts = { admin: base, viewer: base + 1, prometheus: base + 9 } as const;

/** Screenshots of every page, light and dark, kept as CI artifacts. */
export const artifactsDir = join(here, '..', 'artifacts');

/** Playwright's per-run output (traces, failure screenshots), one folder per port base. */
export const e2eOutputDir = join(here, '..', base === 9180 ? 'test-results' : `test-results-${base}`);
