/**
 * deploy/: what runs in a cluster. The properties two replicas need (a budget, spreading,
 * probes on what the server serves, a rollout that never drops below two ready pods), read
 * from the YAML itself; then the whole kustomization through `kubectl apply --dry-run=server`
 * against the sandbox, which validates every object as kube-apiserver does.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { startSandbox } from '@irc/sandbox';

const run = promisify(execFile);
const deployDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'deploy');

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  [key: string]: unknown;
}

const manifests: Manifest[] = readdirSync(deployDir)
  .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
  .flatMap((f) =>
    parseAllDocuments(readFileSync(join(deployDir, f), 'utf8')).map((d) => {
      if (d.errors.length) throw new Error(`${f}: ${d.errors.map((e) => e.message).join('; ')}`);
      return d.toJS() as Manifest;
    }),
  );
const one = (kind: string): Manifest => {
  const found = manifests.filter((m) => m.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as Manifest;
};

interface PodSpec {
  affinity?: {
    podAntiAffinity?: {
      preferredDuringSchedulingIgnoredDuringExecution?: Array<{
        weight: number;
        podAffinityTerm: { topologyKey: string; labelSelector: { matchLabels: Record<string, string> } };
      }>;
      requiredDuringSchedulingIgnoredDuringExecution?: unknown[];
    };
  };
  topologySpreadConstraints?: Array<{
    topologyKey: string;
    whenUnsatisfiable: string;
    maxSkew: number;
    labelSelector: { matchLabels: Record<string, string> };
  }>;
  containers: Array<{
    name: string;
    env?: Array<{ name: string; value?: string }>;
    livenessProbe?: { httpGet?: { path: string; port: string | number; scheme?: string } };
    readinessProbe?: { httpGet?: { path: string; port: string | number; scheme?: string } };
  }>;
}

interface DeploymentSpec {
  replicas: number;
  selector: { matchLabels: Record<string, string> };
  strategy: {
    type: string;
    rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string };
  };
  template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
}

describe('deploy/ runs two replicas that survive a drain and a rollout', () => {
  const deployment = one('Deployment');
  const spec = deployment.spec as unknown as DeploymentSpec;
  const pod = spec.template.spec;
  const podLabels = spec.template.metadata.labels;
  const selects = (matchLabels: Record<string, string>) =>
    Object.entries(matchLabels).every(([k, v]) => podLabels[k] === v);

  test('two replicas; a rolling update that never takes a ready pod away first', () => {
    expect(spec.replicas).toBe(2);
    expect(spec.strategy.type).toBe('RollingUpdate');
    expect(spec.strategy.rollingUpdate?.maxUnavailable).toBe(0);
    expect(spec.strategy.rollingUpdate?.maxSurge).toBeTruthy(); // else maxUnavailable 0 cannot progress
  });

  test('a PodDisruptionBudget keeps one of them through a drain', () => {
    const pdb = one('PodDisruptionBudget');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.metadata.namespace).toBe(deployment.metadata.namespace);
    const pdbSpec = pdb.spec as { minAvailable?: number; selector: { matchLabels: Record<string, string> } };
    expect(pdbSpec.minAvailable).toBe(1);
    expect(pdbSpec.minAvailable).toBeLessThan(spec.replicas); // else no eviction is ever allowed
    expect(selects(pdbSpec.selector.matchLabels)).toBe(true);
    expect(pdbSpec.selector.matchLabels).toEqual(spec.selector.matchLabels);
  });

  test('the replicas prefer different nodes (preferred: a required rule would block the surge pod on two nodes)', () => {
    const anti = pod.affinity?.podAntiAffinity;
    expect(anti?.requiredDuringSchedulingIgnoredDuringExecution).toBeUndefined();
    const byHost = anti?.preferredDuringSchedulingIgnoredDuringExecution?.find(
      (t) => t.podAffinityTerm.topologyKey === 'kubernetes.io/hostname',
    );
    expect(byHost?.weight).toBe(100);
    expect(selects(byHost?.podAffinityTerm.labelSelector.matchLabels ?? { none: 'x' })).toBe(true);
    const zones = pod.topologySpreadConstraints?.find((c) => c.topologyKey === 'topology.kubernetes.io/zone');
    expect(zones).toMatchObject({ maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway' });
    expect(selects(zones?.labelSelector.matchLabels ?? { none: 'x' })).toBe(true);
  });

  test('probes on what the server serves: liveness /healthz, readiness /readyz, on its HTTPS port', async () => {
    const [server] = pod.containers;
    expect(server?.livenessProbe?.httpGet).toMatchObject({
      path: '/healthz',
      port: 'https',
      scheme: 'HTTPS',
    });
    expect(server?.readinessProbe?.httpGet).toMatchObject({
      path: '/readyz',
      port: 'https',
      scheme: 'HTTPS',
    });
    // the server answers exactly those paths (platform/health.ts)
    const health = readFileSync(
      join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'platform', 'health.ts'),
      'utf8',
    );
    expect(health).toContain("'/healthz'");
    expect(health).toContain("'/readyz'");
  });

  test('the Service and the budget select exactly the Deployment’s pods', () => {
    const service = one('Service');
    expect((service.spec as { selector: Record<string, string> }).selector).toEqual(
      spec.selector.matchLabels,
    );
    expect(selects(spec.selector.matchLabels)).toBe(true);
  });

  test('the kustomization applies every manifest in deploy/', () => {
    const k = parseAllDocuments(readFileSync(join(deployDir, 'kustomization.yaml'), 'utf8'))[0]?.toJS() as {
      resources: string[];
    };
    const files = readdirSync(deployDir).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...k.resources].sort()).toEqual(files.sort());
  });
});

const kubectlBin = '/usr/bin/kubectl';
if (!existsSync(kubectlBin) && process.env.CI) throw new Error('kubectl is expected in CI');

describe.skipIf(!existsSync(kubectlBin))('deploy/ against the API (kubectl apply --dry-run=server)', () => {
  let dir: string;
  let kubeconfig: string;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  const kubectl = (...args: string[]) =>
    run(kubectlBin, ['--kubeconfig', kubeconfig, '--context', 'admin', ...args], { timeout: 30_000 });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'irc-deploy-'));
    kubeconfig = join(dir, 'kubeconfig');
    sandbox = await startSandbox({ port: 0, timeScale: 0.01, kubeconfigPath: kubeconfig, log: false });
  });
  afterAll(async () => {
    await sandbox?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every object is accepted as written (strict field validation); a misspelt field is refused', async () => {
    // A dry-run create in a namespace that does not exist is refused (NotFound), as on a cluster.
    await kubectl('create', 'namespace', 'image-registry-console');
    const { stdout } = await kubectl('apply', '--dry-run=server', '--validate=strict', '-k', deployDir);
    for (const kind of [
      'deployment.apps',
      'poddisruptionbudget.policy',
      'service',
      'consoleplugin.console.openshift.io',
    ])
      expect(stdout).toMatch(
        new RegExp(
          `^${kind.replaceAll('.', '\\.')}/image-registry-console\\S* created \\(server dry run\\)$`,
          'm',
        ),
      );
    // nothing was created
    await expect(
      kubectl('get', 'pdb', '-n', 'image-registry-console', 'image-registry-console'),
    ).rejects.toThrow(/NotFound/);
    const typo = readFileSync(join(deployDir, 'pdb.yaml'), 'utf8').replace(
      'minAvailable: 1',
      'minAvailabel: 1',
    );
    const refused = execFilePromiseWithInput(
      kubectlBin,
      ['--kubeconfig', kubeconfig, '--context', 'admin', 'apply', '--dry-run=server', '-f', '-'],
      typo,
    );
    await expect(refused).rejects.toThrow(/unknown field "spec.minAvailabel"/);
  });
});

function execFilePromiseWithInput(file: string, args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { timeout: 30_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    );
    child.stdin?.end(input);
  });
}
