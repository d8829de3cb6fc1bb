import { expect, test } from 'vitest';
import { writeBackSpec } from '../../src/operator/writeback.js';
import { R, config, rec, useTestSandbox, waitFor } from '../cluster/harness.js';

const sb = useTestSandbox({ registryReady: true });

test('an admin patch landing between the operator read and its write-back is never lost', () => {
  const api = sb.api();
  const stale = config(api); // what the operator read at the start of its sync
  // the admin patches meanwhile (the stored resourceVersion moves on)
  api.patch(
    R.configs,
    undefined,
    'cluster',
    'merge',
    { spec: { logLevel: 'Debug', disableRedirect: true } },
    { fieldManager: 'admin' },
  );
  let attempts = 0;
  const written = writeBackSpec(api, stale, (c) => {
    attempts++;
    const s3 = rec(c, 'spec', 'storage', 's3');
    s3.region = 'us-east-1';
    s3.chunkSizeMiB = 16;
  });
  expect(attempts).toBe(2); // first try with the stale resourceVersion got 409 Conflict
  const now = config(api);
  expect(written?.metadata.resourceVersion).toBe(now.metadata.resourceVersion);
  expect(rec(now, 'spec').logLevel).toBe('Debug');
  expect(rec(now, 'spec').disableRedirect).toBe(true);
  expect(rec(now, 'spec', 'storage', 's3').chunkSizeMiB).toBe(16);
});

test('the running operator keeps concurrent admin edits and fills only what is empty', async () => {
  const api = sb.api();
  api.patch(R.configs, undefined, 'cluster', 'merge', {
    spec: { httpSecret: '', replicas: 2, logLevel: 'Normal' },
  });
  api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { disableRedirect: false } });
  await waitFor('httpSecret regenerated', () =>
    /^[0-9a-f]{128}$/.test(String(rec(config(api), 'spec').httpSecret)),
  );
  const spec = rec(config(api), 'spec');
  expect(spec.logLevel).toBe('Normal');
  expect(spec.disableRedirect).toBe(false);
});
