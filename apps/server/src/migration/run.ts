/**
 * One migration run, preview (every write a server-side dry run, so admission and RBAC verdicts
 * show up as per-object errors) or apply (the same writes for real). Objects are independent:
 * a failure is recorded on its object and the run goes on; nothing is rolled back. Re-running
 * is idempotent because a migrated reference no longer matches its mapping.
 */
import {
  MIGRATION_KIND_IDS,
  duplicateProblems,
  mappingProblems,
  migrationSummaryLine,
  namespaceProblem,
  parseMapping,
  type ImageReferenceMapping,
  type MigrationKind,
  type MigrationListProblem,
  type MigrationObjectResult,
  type MigrationRequest,
  type MigrationResponse,
  type MigrationSummary,
} from '@irc/shared';
import type { KubeClient } from '../kube/client.js';
import { KubeError, toKubeError } from '../kube/errors.js';
import { listObjects, patchObject, readObject, servedKinds, type ListedObject } from './cluster.js';
import { ocCommands } from './command.js';
import { scrub } from './dockerconfig.js';
import { planObject, withResourceVersion, type ObjectPlan } from './plan.js';

/** Writes in flight at once: enough to hide latency, few enough not to crowd the API server. */
const PARALLEL_WRITES = 4;

function validate(request: MigrationRequest): ImageReferenceMapping[] {
  const problems = mappingProblems(request.mappings);
  request.namespaces.forEach((ns, i) => {
    const p = namespaceProblem(ns);
    if (p) problems.push({ path: `namespaces[${i}]`, message: p });
  });
  problems.push(
    ...duplicateProblems('namespaces', request.namespaces),
    ...duplicateProblems('kinds', request.kinds),
  );
  if (problems.length > 0) {
    throw new KubeError(
      422,
      'Invalid',
      problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      problems.map((p) => ({ field: p.path, message: p.message })),
    );
  }
  return request.mappings.map((m) => {
    const parsed = parseMapping(m);
    if (!parsed.ok) throw new Error('unreachable: validated above');
    return parsed.mapping;
  });
}

interface Target {
  namespace: string;
  kind: MigrationKind;
  object: ListedObject;
}

/** Plans and writes one object; on 409 re-reads it and tries once more with the fresh version. */
async function migrateOne(
  client: KubeClient,
  mappings: ImageReferenceMapping[],
  t: Target,
  dryRun: boolean,
): Promise<MigrationObjectResult & { attempted: boolean }> {
  const base = { namespace: t.namespace, kind: t.kind, name: t.object.metadata.name };
  let object = t.object;
  for (let attempt = 0; ; attempt++) {
    const plan = planObject(t.kind, object, mappings);
    const result = {
      ...base,
      status: plan.status,
      changes: plan.changes,
      ...(plan.message ? { message: plan.message } : {}),
    };
    if (plan.status !== 'migrated') return { ...result, attempted: false };
    try {
      const resourceVersion = await writePlan(client, { ...t, object }, plan, dryRun);
      return { ...result, attempted: true, ...(resourceVersion ? { resourceVersion } : {}) };
    } catch (err) {
      const e = toKubeError(err);
      if (e.statusCode === 401) throw e;
      if (e.statusCode === 404)
        return {
          ...result,
          status: 'unchanged',
          message: 'deleted before it could be migrated',
          attempted: true,
        };
      if (e.statusCode === 409 && attempt === 0) {
        try {
          object = await readObject(client, t.kind, t.namespace, base.name);
          continue;
        } catch (readErr) {
          const r = toKubeError(readErr);
          if (r.statusCode === 404)
            return {
              ...result,
              status: 'unchanged',
              message: 'deleted before it could be migrated',
              attempted: true,
            };
          throw r;
        }
      }
      return {
        ...result,
        status: 'error',
        reason: e.reason,
        message: scrub(e.message, plan.sensitive),
        attempted: true,
      };
    }
  }
}

/**
 * Status first, then spec (as oc does: a spec write must not let anything resolve a tag to the
 * old registry from a stale history). The spec write is preconditioned on the status write's
 * resourceVersion; a dry run stored nothing, so it keeps the version read.
 */
async function writePlan(
  client: KubeClient,
  t: Target,
  plan: ObjectPlan,
  dryRun: boolean,
): Promise<string | undefined> {
  const name = t.object.metadata.name;
  let resourceVersion = t.object.metadata.resourceVersion;
  if (plan.statusPatch) {
    const written = await patchObject(client, t.kind, t.namespace, name, plan.statusPatch, dryRun, 'status');
    if (!dryRun && written) resourceVersion = written;
  }
  if (!plan.patch) return resourceVersion;
  return patchObject(
    client,
    t.kind,
    t.namespace,
    name,
    resourceVersion ? withResourceVersion(plan.patch, resourceVersion) : plan.patch,
    dryRun,
  );
}

async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function summarize(objects: readonly MigrationObjectResult[]): MigrationSummary {
  const count = (s: MigrationObjectResult['status']) => objects.filter((o) => o.status === s).length;
  const s = {
    total: objects.length,
    errors: count('error'),
    ignored: count('ignored'),
    unchanged: count('unchanged'),
  };
  return { ...s, migrated: s.total - s.errors - s.ignored - s.unchanged };
}

export async function runMigration(
  client: KubeClient,
  request: MigrationRequest,
  dryRun: boolean,
): Promise<MigrationResponse> {
  const mappings = validate(request);
  const kinds = MIGRATION_KIND_IDS.filter((k) => request.kinds.includes(k));
  const served = await servedKinds(client, kinds);

  const targets: Target[] = [];
  const listProblems: MigrationListProblem[] = [];
  for (const namespace of request.namespaces) {
    for (const kind of kinds.filter((k) => served.has(k))) {
      try {
        for (const object of await listObjects(client, kind, namespace))
          targets.push({ namespace, kind, object });
      } catch (err) {
        const e = toKubeError(err);
        if (e.statusCode === 401) throw e;
        listProblems.push({
          kind,
          namespace,
          statusCode: e.statusCode,
          reason: e.reason,
          message: e.message,
        });
      }
    }
  }

  const results = await inParallel(targets, PARALLEL_WRITES, (t) => migrateOne(client, mappings, t, dryRun));
  const attempted = results.filter((r) => r.attempted);
  if (!dryRun && attempted.length > 0 && attempted.every((r) => r.reason === 'Forbidden')) {
    const first = attempted[0] as MigrationObjectResult;
    throw new KubeError(
      403,
      'Forbidden',
      `nothing was migrated: you may not change any of the ${attempted.length} objects that need it (${first.message ?? 'forbidden'})`,
    );
  }
  const objects: MigrationObjectResult[] = results.map(({ attempted: _a, ...r }) => r);
  const summary = summarize(objects);
  return {
    dryRun,
    objects,
    summary,
    summaryLine: migrationSummaryLine(summary, dryRun),
    notServed: kinds.filter((k) => !served.has(k)),
    listProblems,
    commands: ocCommands(request, !dryRun),
  };
}
