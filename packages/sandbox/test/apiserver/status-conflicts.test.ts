/**
 * The status subresource takes the same optimistic concurrency as the main resource
 * (genericregistry.Store.Update with the status strategy): a PUT of /status, or a patch of /status
 * whose body carries metadata.resourceVersion, that names a version the object no longer has is
 * 409 Conflict — "the object has been modified" — naming the resource by its plural, and nothing
 * is written. An UpdateStatus from a stale informer cache (the image registry operator's) gets
 * exactly this answer.
 */
import { describe, expect, it } from 'vitest';
import { call, type Reply } from './http-client.js';
import {
  CONFIGS,
  CONFIG_REF,
  GROUP,
  MERGE,
  configObject,
  failure,
  statusOf,
  useSandbox,
} from './real-server-facts/support.js';

const sandbox = useSandbox();
const STATUS = `${CONFIGS}/cluster/status`;
const modified = failure(
  409,
  'Conflict',
  `Operation cannot be fulfilled on configs.${GROUP} "cluster": the object has been modified; please apply your changes to the latest version and try again`,
  { name: 'cluster', group: GROUP, kind: 'configs' },
);
/** A status the CRD accepts (storage and storageManaged are required). */
const statusWith = (readyReplicas: number) => ({ readyReplicas, storage: {}, storageManaged: false });
type Config = { metadata: { resourceVersion: string }; status?: { readyReplicas?: number } };
const rvOf = (r: Reply) => (r.json as Config).metadata.resourceVersion;

describe('status writes with a stale resourceVersion', () => {
  it('PUT /status naming an older resourceVersion is 409 Conflict, and nothing is written', async () => {
    const sb = sandbox();
    sb.api().create(CONFIG_REF, undefined, configObject());
    const read = (await call(sb, 'GET', `${CONFIGS}/cluster`)).json as Config;
    // someone else writes in between (the admin's spec change)
    const admin = await call(sb, 'PATCH', `${CONFIGS}/cluster`, {
      body: { spec: { logLevel: 'Debug' } },
      contentType: MERGE,
    });
    expect(admin.status).toBe(200);
    const stale = await call(sb, 'PUT', STATUS, { body: { ...read, status: statusWith(1) } });
    expect(stale.status).toBe(409);
    expect(statusOf(stale)).toEqual(modified);
    const now = await call(sb, 'GET', `${CONFIGS}/cluster`);
    expect([rvOf(now), (now.json as Config).status?.readyReplicas]).toEqual([rvOf(admin), undefined]);
    // with the current version it goes through
    const fresh = await call(sb, 'PUT', STATUS, {
      body: { ...(now.json as Config), status: statusWith(1) },
    });
    expect([fresh.status, (fresh.json as Config).status?.readyReplicas]).toEqual([200, 1]);
  });

  it('a merge patch of /status carrying a stale metadata.resourceVersion is 409 as well; without one it applies', async () => {
    const sb = sandbox();
    const read = (await call(sb, 'GET', `${CONFIGS}/cluster`)).json as Config;
    await call(sb, 'PATCH', `${CONFIGS}/cluster`, {
      body: { spec: { logLevel: 'Trace' } },
      contentType: MERGE,
    });
    const stale = await call(sb, 'PATCH', STATUS, {
      body: { metadata: { resourceVersion: read.metadata.resourceVersion }, status: statusWith(2) },
      contentType: MERGE,
    });
    expect(stale.status).toBe(409);
    expect(statusOf(stale)).toEqual(modified);
    const unconditional = await call(sb, 'PATCH', STATUS, {
      body: { status: statusWith(2) },
      contentType: MERGE,
    });
    expect([unconditional.status, (unconditional.json as Config).status?.readyReplicas]).toEqual([200, 2]);
  });
});
