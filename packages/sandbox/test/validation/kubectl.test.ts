/**
 * The CRDs and admission through the real kubectl (v1.32 on the machine image): `get crd`,
 * `get co` (short name + printer columns), `explain`, and the 422 kubectl prints for a bad patch.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/index.js';

const KUBECTL = '/usr/bin/kubectl';
const run = promisify(execFile);

describe.skipIf(!existsSync(KUBECTL))('kubectl against the sandbox CRDs', () => {
  if (!existsSync(KUBECTL)) it.skip(`${KUBECTL} not found: kubectl checks skipped`, () => undefined);
  let sandbox: SandboxHandle;
  let dir: string;
  const kubectl = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(KUBECTL, ['--kubeconfig', join(dir, 'kubeconfig'), ...args]);
      return { out: `${stdout}${stderr}`, code: 0 };
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; code?: number };
      return { out: `${err.stdout ?? ''}${err.stderr ?? ''}`, code: err.code ?? 1 };
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'irc-validation-'));
    sandbox = await startSandbox({
      port: 0,
      kubeconfigPath: join(dir, 'kubeconfig'),
      controllers: false,
      log: false,
    });
    sandbox
      .api()
      .create({ group: 'config.openshift.io', version: 'v1', resource: 'clusteroperators' }, undefined, {
        apiVersion: 'config.openshift.io/v1',
        kind: 'ClusterOperator',
        metadata: { name: 'image-registry' },
        spec: {},
      });
    sandbox
      .api()
      .create(
        { group: 'imageregistry.operator.openshift.io', version: 'v1', resource: 'configs' },
        undefined,
        {
          apiVersion: 'imageregistry.operator.openshift.io/v1',
          kind: 'Config',
          metadata: { name: 'cluster' },
          spec: { replicas: 1 },
        },
      );
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the CRDs', async () => {
    const r = await kubectl('get', 'crd', '-o', 'name');
    expect(r.out).toContain(
      'customresourcedefinition.apiextensions.k8s.io/configs.imageregistry.operator.openshift.io',
    );
    expect(r.out).toContain(
      'customresourcedefinition.apiextensions.k8s.io/clusteroperators.config.openshift.io',
    );
  });
  it('gets the cluster operator by short name with its printer columns', async () => {
    const r = await kubectl('get', 'co');
    expect(r.out.split('\n')[0]).toMatch(/^NAME\s+VERSION\s+AVAILABLE\s+PROGRESSING\s+DEGRADED\s+SINCE/);
    expect(r.out).toContain('image-registry');
  });
  it('explains Config fields from the schema', async () => {
    const r = await kubectl('explain', 'configs.spec.storage.s3.chunkSizeMiB');
    expect(r.out).toMatch(/FIELD:\s+chunkSizeMiB\s+<integer>/);
    const strategy = await kubectl('explain', 'configs.spec.rolloutStrategy');
    expect(strategy.out).toContain('RollingUpdate or Recreate.');
  });
  it('answers a bad patch with kube-apiserver wording and applies defaults', async () => {
    const bad = await kubectl(
      'patch',
      'configs.imageregistry.operator.openshift.io',
      'cluster',
      '--type',
      'merge',
      '-p',
      '{"spec":{"replicas":"three"}}',
    );
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain(
      'The Config "cluster" is invalid: \n* spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    );
    const got = await kubectl(
      'get',
      'configs.imageregistry.operator.openshift.io',
      'cluster',
      '-o',
      'jsonpath={.spec.logLevel}',
    );
    expect(got.out).toBe('Normal');
  });
  it('reports a CEL rule failure', async () => {
    const patch = {
      spec: { storage: { azure: { networkAccess: { type: 'External', internal: { subnetName: 's' } } } } },
    };
    const r = await kubectl(
      'patch',
      'configs.imageregistry.operator.openshift.io',
      'cluster',
      '--type',
      'merge',
      '-p',
      JSON.stringify(patch),
    );
    expect(r.out).toContain(
      'The Config "cluster" is invalid: spec.storage.azure.networkAccess: Invalid value: "object": internal is forbidden when type is not Internal',
    );
  });
  it('warns about unknown fields', async () => {
    const r = await kubectl(
      'patch',
      'configs.imageregistry.operator.openshift.io',
      'cluster',
      '--type',
      'merge',
      '-p',
      '{"spec":{"bogus":1}}',
    );
    expect(r.out).toContain('Warning: unknown field "spec.bogus"');
  });
});
