/**
 * The real CRDs from openshift/api (`shared/reference/` beside the project root) — the oracle.
 * Tests that need them skip with a clear message when that folder is absent (the project builds
 * and runs without it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { CustomResourceDefinition } from '../../src/validation/index.js';

/** test/validation → packages/sandbox → packages → repo root → its parent, where shared/ lies. */
const besideRepo = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  '..',
  'shared',
  'reference',
);
export const REFERENCE_DIR =
  process.env.IRC_REFERENCE_DIR ??
  [besideRepo, '/work/shared/reference'].find((dir) => existsSync(join(dir, '00_configs.crd.yaml'))) ??
  besideRepo;
export const hasReference = existsSync(join(REFERENCE_DIR, '00_configs.crd.yaml'));
export const SKIP_REASON = `reference CRDs not found in ${REFERENCE_DIR} (set IRC_REFERENCE_DIR): oracle tests skipped`;

export const REFERENCE_FILES: Record<string, string> = {
  'configs.imageregistry.operator.openshift.io': '00_configs.crd.yaml',
  'imagepruners.imageregistry.operator.openshift.io': '01_imagepruners.crd.yaml',
  'clusteroperators.config.openshift.io': '0000_00_cluster-version-operator_01_clusteroperators.crd.yaml',
  'images.config.openshift.io': '0000_10_config-operator_01_images.crd.yaml',
  'routes.route.openshift.io': 'routes.crd.yaml',
  'consoleplugins.console.openshift.io': '90_consoleplugins.crd.yaml',
};

export function referenceCrd(name: string): CustomResourceDefinition {
  const file = REFERENCE_FILES[name];
  if (!file) throw new Error(`no reference file for ${name}`);
  return parse(readFileSync(join(REFERENCE_DIR, file), 'utf8')) as CustomResourceDefinition;
}
