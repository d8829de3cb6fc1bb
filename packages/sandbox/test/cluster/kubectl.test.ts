import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSandbox, type SandboxHandle } from '../../src/index.js';
import { registryReady } from './harness.js';

const run = promisify(execFile);
const KUBECTL = '/usr/bin/kubectl';
const hasKubectl = existsSync(KUBECTL);
if (!hasKubectl)
  console.warn('kubectl not found at /usr/bin/kubectl: skipping the kubectl view of the sandbox');

let sb: SandboxHandle;
let dir: string;
const kubectl = async (...args: string[]): Promise<string> =>
  (await run(KUBECTL, ['--kubeconfig', join(dir, 'kubeconfig'), ...args], { encoding: 'utf8' })).stdout;

beforeAll(async () => {
  if (!hasKubectl) return;
  dir = mkdtempSync(join(tmpdir(), 'irc-kubectl-'));
  sb = await startSandbox({ port: 0, timeScale: 0.01, kubeconfigPath: join(dir, 'kubeconfig'), log: false });
  await registryReady(sb);
});
afterAll(async () => {
  await sb?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test.skipIf(!hasKubectl)(
  'kubectl sees the registry pods Running on named nodes, and the ClusterOperator',
  async () => {
    const wide = await kubectl(
      'get',
      'pods',
      '-n',
      'openshift-image-registry',
      '-l',
      'docker-registry=default',
      '-o',
      'wide',
      '--no-headers',
    );
    const rows = wide.trim().split('\n');
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(row).toMatch(
        /^image-registry-\w+-\w{5}\s+1\/1\s+Running\s+0\s+\S+\s+10\.\d+\.\d+\.\d+\s+ip-10-0-\d+-\d+\.ec2\.internal\s/,
      );
    const co = await kubectl('get', 'co', 'image-registry', '--no-headers');
    expect(co).toMatch(/^image-registry\s+4\.23\.0\s+True\s+False\s+False\s/);
    const pdb = await kubectl('get', 'pdb', '-n', 'openshift-image-registry', '--no-headers');
    expect(pdb).toMatch(/^image-registry\s+1\s+N\/A\s+1\s+\S+\n$/);
    // the operator's two NetworkPolicies (4.23): the pruner's and the registry's
    const netpol = await kubectl('get', 'netpol', '-n', 'openshift-image-registry', '--no-headers');
    expect(netpol).toMatch(
      /^image-pruner-networkpolicy\s+app=image-pruner\s+\S+\nimage-registry-networkpolicy\s+docker-registry=default\s+\S+\n$/,
    );
    const infra = await kubectl(
      'get',
      'infrastructure',
      'cluster',
      '-o',
      'jsonpath={.status.infrastructureName} {.status.platformStatus.aws.region}',
    );
    expect(infra).toMatch(/^sandbox-[a-z0-9]{5} us-east-1$/);
    const logs = await kubectl(
      'logs',
      '-n',
      'openshift-image-registry',
      'deploy/cluster-image-registry-operator',
    );
    expect(logs).toMatch(/^I\d{4} [\d:.]+ {7}1 main\.go:39\] Cluster Image Registry Operator Version: /);
  },
);
