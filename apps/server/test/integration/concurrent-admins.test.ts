import type { ConfigResponse, ConflictBody, PatchConfigResponse, SectionPatch } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { watchConfigHistory, type ConfigHistory, type ConfigVersion } from '../helpers/config-history.js';
import { ConsoleTab, type PatchOutcome } from '../helpers/console-client.js';
import { until } from './harness.js';
import { registryHarness, spec } from './registry.js';

/**
 * Several admins (2–10 browser tabs, over real HTTP with their own CSRF cookies) save sections
 * of the same Config at once, while the sandbox operator writes status and its own spec
 * write-backs (httpSecret, the S3 bucket/region it chooses). An independent watch on the
 * cluster records every stored version, so each answer can be judged precisely:
 *  - an accepted change was applied on exactly the spec that admin saw (nothing written in
 *    between was lost), and it is in the stored object;
 *  - a refused one is a 409 carrying a real live version whose spec moved past the admin's;
 *  - the final object holds, for every section, the last accepted change to it;
 *  - httpSecret never changes, and a bucket the admin did not clear is never dropped.
 */

type Spec = Record<string, unknown>;
type Section = keyof SectionPatch;

interface Admin {
  section: Section;
  /** The section as this admin's form would send it, from the object the form was loaded from. */
  edit(seen: Spec, n: number): SectionPatch;
}

interface Attempt {
  admin: number;
  section: Section;
  patch: SectionPatch;
  seen: ConfigResponse;
  outcome: PatchOutcome;
}

const REGIONS = ['eu-west-1', 'ap-south-1', 'us-east-2'];
const rec = (v: unknown): Spec =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Spec) : {};
const s3Of = (spec: Spec) => rec(rec(spec.storage).s3);
const withoutSecret = (spec: Spec) => {
  const { httpSecret: _secret, ...rest } = spec;
  return rest;
};

/** Editors of different sections; `n` is unique per attempt, so no change is ever a no-op. */
const EDITORS: Record<string, Admin> = {
  requests: {
    section: 'requests',
    edit: (_s, n) => ({ requests: { read: { maxRunning: n }, write: { maxInQueue: n + 1 } } }),
  },
  proxy: {
    section: 'proxy',
    edit: (_s, n) => ({ proxy: { http: `http://proxy-${n}.example.com:3128`, noProxy: '.cluster.local' } }),
  },
  resources: {
    section: 'resources',
    edit: (_s, n) => ({ resources: { requests: { cpu: `${100 + n}m`, memory: '256Mi' } } }),
  },
  tolerations: {
    section: 'tolerations',
    edit: (_s, n) => ({
      tolerations: [{ key: `example.com/t${n}`, operator: 'Exists', effect: 'NoSchedule' }],
    }),
  },
  // The storage form keeps every field it loaded (bucket and region included) and changes one.
  storageChunk: {
    section: 'storage',
    edit: (s, n) => ({
      storage: {
        ...rec(s.storage),
        s3: { ...s3Of(s), chunkSizeMiB: 5 + (n % 5000) },
      } as SectionPatch['storage'],
    }),
  },
  // Moves the bucket to another region and clears its name so the operator chooses one.
  storageRegion: {
    section: 'storage',
    edit: (s, n) => {
      const { bucket: _bucket, ...s3 } = s3Of(s);
      const current = String(s3.region ?? '');
      const region = REGIONS.filter((r) => r !== current)[n % (REGIONS.length - 1)] ?? 'eu-west-1';
      return { storage: { ...rec(s.storage), s3: { ...s3, region } } as SectionPatch['storage'] };
    },
  },
};

describe('concurrent admins saving the registry configuration', () => {
  const h = registryHarness({ mutationsPerMinute: 100_000 });
  let counter = 0;

  /**
   * Each admin saves until `wins` of its changes were accepted (at most `maxTries` saves); on
   * 409 it rebases on the live object the answer carries, as the UI does.
   */
  async function storm(admins: Admin[], wins: number, maxTries = 60): Promise<Attempt[]> {
    const attempts: Attempt[] = [];
    await Promise.all(
      admins.map(async (admin, i) => {
        const tab = new ConsoleTab(h.baseUrl);
        let seen = await tab.config();
        for (let won = 0, tries = 0; won < wins && tries < maxTries; tries++) {
          const patch = admin.edit(spec(seen), ++counter);
          const outcome = await tab.patch(patch, seen);
          attempts.push({ admin: i, section: admin.section, patch, seen, outcome });
          if (outcome.status === 200) won++;
          seen = outcome.status === 409 ? (outcome.body as ConflictBody).live : await tab.config();
        }
      }),
    );
    return attempts;
  }

  async function judge(
    attempts: Attempt[],
    history: ConfigHistory,
  ): Promise<{ accepted: Attempt[]; rejected: Attempt[] }> {
    const accepted = attempts.filter((a) => a.outcome.status === 200);
    const rejected = attempts.filter((a) => a.outcome.status === 409);
    const other = attempts.filter((a) => a.outcome.status !== 200 && a.outcome.status !== 409);
    expect(other.map((a) => `${a.outcome.status} ${JSON.stringify(a.outcome.body)}`)).toEqual([]);

    for (const a of accepted) {
      const body = a.outcome.body as PatchConfigResponse;
      expect(Object.keys(body.patch), 'every edit changes something').toEqual(['spec']);
      const rv = String(body.config.metadata.resourceVersion);
      const stored = await history.waitFor(rv);
      const base = history.before(rv);
      // No lost update: the write landed on exactly the spec this admin saw.
      expect(base?.generation, `${a.section} by admin ${a.admin} landed on the generation it saw`).toBe(
        a.seen.config.metadata.generation,
      );
      expect(withoutSecret(base?.spec ?? {})).toEqual(withoutSecret(spec(a.seen)));
      expect(stored.generation).toBe((base?.generation ?? 0) + 1);
      expectApplied(a, stored.spec);
      expect(stored.spec.httpSecret).toBe(base?.spec.httpSecret);
      const keptBucket = s3Of(rec(a.patch.storage)).bucket === s3Of(spec(a.seen)).bucket;
      if (a.section !== 'storage' || keptBucket)
        expect(s3Of(stored.spec).bucket).toBe(s3Of(base?.spec ?? {}).bucket);
    }

    for (const r of rejected) {
      const body = r.outcome.body as ConflictBody;
      expect(body.reason).toBe('Conflict');
      // The live object is a real stored version whose spec moved past what the admin saw.
      const live = history.find(body.live.resourceVersion);
      expect(live, `409 live resourceVersion ${body.live.resourceVersion} is a stored version`).toBeDefined();
      expect(withoutSecret(spec(body.live))).toEqual(withoutSecret(live?.spec ?? {}));
      expect(body.live.config.metadata.generation).toBeGreaterThan(r.seen.config.metadata.generation ?? 0);
    }
    return { accepted, rejected };
  }

  /** The admin's section is in the stored spec (the API server may add defaults around it). */
  function expectApplied(a: Attempt, spec: Spec): void {
    const sent = a.patch[a.section];
    if (a.section === 'storage') {
      const { bucket: _b, ...fields } = s3Of(rec(sent));
      expect(s3Of(spec)).toMatchObject(fields);
    } else if (Array.isArray(sent)) expect(spec[a.section]).toEqual(sent);
    else expect(spec[a.section]).toMatchObject(rec(sent));
  }

  /** For every section, the final spec holds the accepted change stored last. */
  function expectLastWriteWins(accepted: Attempt[], history: ConfigHistory, final: Spec): void {
    const order = (a: Attempt) =>
      history.versions.indexOf(
        history.find(
          String((a.outcome.body as PatchConfigResponse).config.metadata.resourceVersion),
        ) as ConfigVersion,
      );
    const last = new Map<Section, Attempt>();
    for (const a of [...accepted].sort((x, y) => order(x) - order(y))) last.set(a.section, a);
    for (const a of last.values()) expectApplied(a, final);
  }

  async function operatorSettled(): Promise<Spec> {
    const infraName = (
      await h.kubectl(
        'get',
        'infrastructures.config.openshift.io/cluster',
        '-o',
        'jsonpath={.status.infrastructureName}',
      )
    ).trim();
    return until(
      async () => {
        const spec = JSON.parse(
          await h.kubectl(
            'get',
            'configs.imageregistry.operator.openshift.io/cluster',
            '-o',
            'jsonpath={.spec}',
          ),
        ) as Spec;
        const s3 = s3Of(spec);
        return s3.bucket === `${infraName}-image-registry-${String(s3.region)}` ? spec : undefined;
      },
      'the operator to write back the bucket for the final region',
      20_000,
      100,
    );
  }

  async function run(admins: Admin[], wins: number) {
    const history = await watchConfigHistory(h.sandbox, h.tokens.admin);
    const secret = history.versions[0]?.spec.httpSecret;
    expect(typeof secret === 'string' && secret.length > 0, 'the operator wrote httpSecret').toBe(true);
    try {
      const attempts = await storm(admins, wins);
      const verdict = await judge(attempts, history);
      const final = await operatorSettled();
      expectLastWriteWins(verdict.accepted, history, final);
      // The operator's httpSecret survives every console write, in every stored version.
      expect(new Set(history.versions.map((v) => v.spec.httpSecret))).toEqual(new Set([secret]));
      return { ...verdict, history };
    } finally {
      history.stop();
    }
  }

  it.each([2, 5, 10])(
    '%i admins saving the same section: one wins per version, the others get 409 with the live object',
    async (n) => {
      const { accepted, rejected } = await run(
        Array.from({ length: n }, () => EDITORS.requests as Admin),
        2,
      );
      // No admin starves: each one's change got in after rebasing on the live object.
      expect(new Set(accepted.map((a) => a.admin)).size).toBe(n);
      if (n > 2) expect(rejected.length).toBeGreaterThan(0);
    },
    120_000,
  );

  it('10 admins across sections while the operator writes back the bucket of a new region', async () => {
    const names = [
      'requests',
      'proxy',
      'resources',
      'tolerations',
      'storageChunk',
      'storageRegion',
      'requests',
      'proxy',
      'storageChunk',
      'storageRegion',
    ];
    const { accepted, rejected, history } = await run(
      names.map((k) => EDITORS[k] as Admin),
      2,
    );
    expect(new Set(accepted.map((a) => a.admin)).size).toBe(names.length);
    expect(rejected.length).toBeGreaterThan(0);
    // The race the test is about happened: the operator wrote a bucket back after a console write cleared it.
    const writeBacks = history.versions.filter(
      (v, i) => i > 0 && s3Of(v.spec).bucket && !s3Of(history.versions[i - 1]?.spec ?? {}).bucket,
    );
    expect(writeBacks.length).toBeGreaterThan(0);
  }, 120_000);

  it('a form loaded before the operator chose the bucket cannot drop it: 409, then the rebased save keeps it', async () => {
    const CONFIG = 'configs.imageregistry.operator.openshift.io/cluster';
    const merge = (patch: unknown) =>
      h.kubectl('patch', CONFIG, '--type', 'merge', '-p', JSON.stringify(patch));
    // Unmanaged: the real operator stands still, so the write-back below happens exactly once, when the test says.
    await merge({ spec: { managementState: 'Unmanaged', storage: { s3: { bucket: null } } } });
    const history = await watchConfigHistory(h.sandbox, h.tokens.admin);
    try {
      const tab = new ConsoleTab(h.baseUrl);
      const seen = await tab.config();
      expect(s3Of(spec(seen)).bucket).toBeUndefined();
      await merge({ spec: { storage: { s3: { bucket: 'chosen-by-the-operator' } } } }); // the operator's write-back

      const stale = await tab.patch(EDITORS.storageChunk?.edit(spec(seen), 7) ?? {}, seen);
      expect(stale.status).toBe(409);
      const live = (stale.body as ConflictBody).live;
      expect(s3Of(spec(live)).bucket).toBe('chosen-by-the-operator');

      const rebased = await tab.patch(EDITORS.storageChunk?.edit(spec(live), 8) ?? {}, live);
      expect(rebased.status).toBe(200);
      const stored = await history.waitFor(
        String((rebased.body as PatchConfigResponse).config.metadata.resourceVersion),
      );
      expect(s3Of(stored.spec)).toMatchObject({ bucket: 'chosen-by-the-operator', chunkSizeMiB: 13 });
      expect(new Set(history.versions.map((v) => v.spec.httpSecret)).size).toBe(1);
    } finally {
      history.stop();
      await merge({ spec: { managementState: 'Managed' } });
    }
  });
});
