/**
 * PATCH /api/v1/config: section patch → shared rules → JSON merge patch with a
 * `metadata.resourceVersion` precondition → API server (optionally dry run).
 *
 * Nothing is stored unless every check passes: rule errors → 422 before any write; a changed
 * spec (metadata.generation) since the admin's version → 409; the precondition makes the API
 * server itself refuse a spec change racing with the write (no read-modify-write window); the
 * API server's own validation (CRD schema, CEL, strict fields) → 422 with its causes.
 */
import {
  Kinds,
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
import { forBrowser, type KubeObjectLike } from '../kube/resources.js';
import { generationOf, type ConfigGenerations } from './generations.js';
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
    super(
      409,
      'Conflict',
      'the registry configuration changed since it was loaded: review the live values and retry',
    );
  }
}

export interface PatchOutcome extends PatchConfigResponse {
  configName: string;
}

/** Precondition retries while only status moves (the operator writes it every few seconds). */
const MAX_ATTEMPTS = 8;

/**
 * Kubernetes-style optimistic concurrency on the SPEC the admin saw: a different live
 * resourceVersion is a conflict only when metadata.generation moved too (see generations.ts).
 * The merge patch always carries the live resourceVersion as its precondition, so a spec
 * change racing with us is still refused atomically by the API server.
 */
export async function patchConfig(
  client: KubeClient,
  body: PatchConfigRequest,
  seen: ConfigGenerations,
): Promise<PatchOutcome> {
  let live = await readConfig(client);
  seen.observe(live.object);
  const sameVersion = body.resourceVersion === live.resourceVersion;
  // The generation of the version the admin edited; undefined when nobody knows it.
  const expected = sameVersion
    ? generationOf(live.object)
    : (body.generation ?? seen.generationAt(body.resourceVersion));
  if (!sameVersion && (expected === undefined || expected !== generationOf(live.object)))
    throw new StaleConfig(live);

  // Same generation → same spec: the rules and the merge patch computed once hold for every
  // retry, which then only re-reads the resourceVersion (a short window for the next race).
  const current = specOf(live.object) as SpecLike;
  const claim = await readStorageClaimForPatch(client, live, body);
  const ctx = { current, ...(claim ? { claimAccessModes: claim.accessModes } : {}) };
  const errors = validateSectionPatch(body.patch, ctx);
  if (errors.length > 0) throw new RuleViolation(errors);
  const { patch, ocCommand } = sectionPatchToMergePatch(body.patch, current, live.name);
  const dryRun = body.dryRun === true;

  for (let attempt = 1; ; attempt++) {
    const result = await sendPatch(client, live, patch, dryRun);
    if (result) {
      const stored = result.data as KubeObjectLike;
      if (!dryRun) seen.observe(stored);
      return {
        configName: live.name,
        config: forBrowser(stored) as PatchConfigResponse['config'],
        patch,
        ocCommand,
        warnings: [...splitWarnings(result.headers.warning), ...sectionPatchWarnings(body.patch, ctx)],
        dryRun,
      };
    }
    live = await readConfig(client);
    seen.observe(live.object);
    if (expected === undefined || generationOf(live.object) !== expected || attempt >= MAX_ATTEMPTS)
      throw new StaleConfig(live);
  }
}

/** The merge patch with `live`'s resourceVersion as precondition; undefined when that precondition failed (409). */
async function sendPatch(
  client: KubeClient,
  live: LiveConfig,
  patch: Record<string, unknown>,
  dryRun: boolean,
) {
  try {
    return await client.custom.patchClusterCustomObjectWithHttpInfo(
      {
        ...Kinds.Config.coordinates,
        name: live.name,
        body: { ...patch, metadata: { resourceVersion: live.resourceVersion } },
        fieldManager: RegistryNames.fieldManager,
        fieldValidation: 'Strict',
        ...(dryRun ? { dryRun: 'All' } : {}),
      },
      client.opts({ headers: { 'Content-Type': PatchStrategy.MergePatch } }),
    );
  } catch (err) {
    const e = toKubeError(err);
    if (e.statusCode === 409) return undefined;
    throw e;
  }
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
