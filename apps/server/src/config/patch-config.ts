/**
 * PATCH /api/v1/config: section patch → shared rules → JSON merge patch with a
 * `metadata.resourceVersion` precondition → API server (optionally dry run).
 *
 * Nothing is stored unless every check passes: rule errors → 422 before any write; a stale
 * resourceVersion → 409 from the API server itself (no read-modify-write window); the API
 * server's own validation (CRD schema, CEL, strict fields) → 422 with its causes.
 */
import {
  RegistryNames,
  sectionPatchToMergePatch,
  sectionPatchWarnings,
  validateSectionPatch,
  type PatchConfigRequest,
  type PatchConfigResponse,
  type SpecLike,
} from '@irc/shared';
import { PatchStrategy } from '@kubernetes/client-node';
import type { KubeClient } from '../kube/client.js';
import { KubeError, toKubeError } from '../kube/errors.js';
import { ConfigResource, forBrowser, type KubeObjectLike } from '../kube/resources.js';
import { readConfig, readStorageClaim, specOf, type LiveConfig } from './read-config.js';

export class RuleViolation extends KubeError {
  constructor(fieldErrors: { path: string; message: string }[]) {
    super(
      422,
      'Invalid',
      `the change was refused: ${fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      fieldErrors.map((e) => ({ field: e.path, message: e.message, reason: 'FieldValueInvalid' })),
    );
  }
}

export class StaleConfig extends KubeError {
  constructor(readonly live: LiveConfig) {
    super(409, 'Conflict', 'the registry configuration changed since it was loaded: review the live values and retry');
  }
}

export interface PatchOutcome extends PatchConfigResponse {
  configName: string;
}

export async function patchConfig(client: KubeClient, body: PatchConfigRequest): Promise<PatchOutcome> {
  const live = await readConfig(client);
  if (live.resourceVersion !== body.resourceVersion) {
    // Fail fast; the API server enforces the same precondition atomically below.
    throw new StaleConfig(live);
  }
  const current = specOf(live.object) as SpecLike;
  const claim = await readStorageClaimForPatch(client, live, body);
  const ctx = { current, ...(claim ? { claimAccessModes: claim.accessModes } : {}) };
  const errors = validateSectionPatch(body.patch, ctx);
  if (errors.length > 0) throw new RuleViolation(errors);

  const { patch, ocCommand } = sectionPatchToMergePatch(body.patch, current, live.name);
  const withPrecondition = { ...patch, metadata: { resourceVersion: body.resourceVersion } };
  const dryRun = body.dryRun === true;
  let result;
  try {
    result = await client.custom.patchClusterCustomObjectWithHttpInfo(
      {
        ...ConfigResource,
        name: live.name,
        body: withPrecondition,
        fieldManager: RegistryNames.fieldManager,
        fieldValidation: 'Strict',
        ...(dryRun ? { dryRun: 'All' } : {}),
      },
      client.opts({ headers: { 'Content-Type': PatchStrategy.MergePatch } }),
    );
  } catch (err) {
    const e = toKubeError(err);
    if (e.statusCode === 409) throw new StaleConfig(await readConfig(client));
    throw e;
  }
  return {
    configName: live.name,
    config: forBrowser(result.data as KubeObjectLike) as PatchConfigResponse['config'],
    patch,
    ocCommand,
    warnings: [...splitWarnings(result.headers.warning), ...sectionPatchWarnings(body.patch, ctx)],
    dryRun,
  };
}

/** The claim the patch will use (a patch may name a new claim), for the RWO rule. */
async function readStorageClaimForPatch(client: KubeClient, live: LiveConfig, body: PatchConfigRequest) {
  const target: KubeObjectLike = body.patch.storage
    ? { ...live.object, spec: { ...specOf(live.object), storage: body.patch.storage } }
    : live.object;
  return readStorageClaim(client, target);
}

/**
 * `Warning` headers arrive as one string joined by ", " (e.g. `299 - "unknown field \"x\""`);
 * split on the warn-code boundary and keep the quoted text.
 */
export function splitWarnings(header: string | undefined): string[] {
  if (!header) return [];
  const out: string[] = [];
  const re = /\d{3}\s+\S+\s+"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(header); m; m = re.exec(header)) out.push((m[1] ?? '').replace(/\\(.)/g, '$1'));
  return out.length > 0 ? out : [header];
}
