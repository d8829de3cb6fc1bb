/**
 * The faults an admin makes by hand with kubectl turn into the same diagnoses as the sandbox's
 * scenarios (each of which `diagnostics-causes.test.ts` walks); management states, and what the
 * checklist says when it cannot read or when what it read is old.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BY_HAND, NOT_REGISTRY_FAULTS, SCENARIO_CASES } from './diagnostics-cases.js';
import {
  diagnostics,
  expectDiagnosis as expectDiagnosisOf,
  scenarios,
  type Expected,
  untilNoFailingStep,
} from './diagnostics-support.js';
import { kubectlPatchConfig, patchFresh, registryHarness } from './registry.js';
import { until } from './harness.js';
import type { DiagnosticsResponse } from '@irc/shared';

describe('diagnostics of faults made by hand', () => {
  const h = registryHarness();
  // no scenario here: the helper's afterEach still checks that every test leaves the checklist green
  scenarios(h);
  const expectDiagnosis = (want: Expected) => expectDiagnosisOf(h, want);

  it('every scenario of the sandbox has a case in the scenario table, with a fix or a link', async () => {
    const listed = JSON.parse(await h.kubectl('get', '--raw', '/sandbox/v1/scenarios')) as {
      items: { name: string }[];
    };
    const names = listed.items.map((s) => s.name).sort();
    expect(names.length).toBeGreaterThan(20);
    expect([...SCENARIO_CASES.map((c) => c.scenario), ...Object.keys(NOT_REGISTRY_FAULTS)].sort()).toEqual(
      names,
    );
    for (const c of SCENARIO_CASES)
      expect(
        c.want.fix ?? c.want.link ?? c.want.command,
        `${c.scenario}: a form field, a link or the command that fixes it`,
      ).toBeDefined();
  });

  describe('the same faults made by hand with kubectl', () => {
    const patchConfig = (patch: string) =>
      h.kubectl(
        'patch',
        'configs.imageregistry.operator.openshift.io/cluster',
        '--type',
        'merge',
        '-p',
        patch,
      );

    it.each(BY_HAND.map((b) => [b.scenario, b] as const))(
      '%s, made with kubectl',
      { timeout: 90_000 },
      async (name, b) => {
        const c = SCENARIO_CASES.find((x) => x.scenario === name)!;
        const undo = await b.make((...args) => h.kubectl(...args));
        try {
          await expectDiagnosis({ ...c.want, evidence: c.evidence });
        } finally {
          await undo();
        }
      },
    );

    it('a nodeSelector no node has', async () => {
      await patchConfig('{"spec":{"nodeSelector":{"node-role.kubernetes.io/infra":""}}}');
      try {
        await expectDiagnosis({
          step: 'registry-pods',
          code: 'unschedulable-node-selector',
          object: { kind: 'Config' },
          field: 'spec.nodeSelector',
          fix: { section: 'advanced', field: 'spec.nodeSelector' },
        });
      } finally {
        await patchConfig('{"spec":{"nodeSelector":null}}');
      }
    });

    it('the operator scaled to 0, then a change it never applies', async () => {
      const deploy = 'deployment/cluster-image-registry-operator';
      await h.kubectl('scale', deploy, '-n', 'openshift-image-registry', '--replicas=0');
      try {
        await expectDiagnosis({
          step: 'operator',
          code: 'operator-not-running',
          object: { kind: 'Deployment', name: 'cluster-image-registry-operator' },
          field: 'spec.replicas',
        });
        await patchConfig('{"spec":{"logLevel":"Debug"}}');
        const { finding } = await expectDiagnosis({
          step: 'config',
          code: 'operator-not-reconciling',
          object: { kind: 'Config' },
          field: 'status.observedGeneration',
        });
        expect(finding.summary).toMatch(/has not been applied/);
      } finally {
        await patchConfig('{"spec":{"logLevel":"Normal"}}');
        await h.kubectl('scale', deploy, '-n', 'openshift-image-registry', '--replicas=1');
      }
    });

    it('a route naming a TLS secret that does not exist', async () => {
      await patchConfig(
        '{"spec":{"routes":[{"name":"public-registry","hostname":"registry.apps.example.com","secretName":"missing-route-tls"}]}}',
      );
      try {
        await expectDiagnosis({
          step: 'routes',
          code: 'route-tls-secret-missing',
          object: { kind: 'Config' },
          field: 'spec.routes[0].secretName',
          fix: { section: 'routes', field: 'spec.routes[0].secretName' },
        });
        // the operator cannot apply anything while the secret is missing: its step says why
        await expectDiagnosis({
          step: 'operator',
          code: 'operator-sync-error',
          object: { kind: 'Config' },
          field: undefined,
          fix: { section: 'routes', field: 'spec.routes[0].secretName' },
        });
      } finally {
        await patchConfig('{"spec":{"routes":null}}');
      }
    });
  });

  describe('storage claims made by hand with kubectl', () => {
    const ns = ['-n', 'openshift-image-registry'];
    let saved: Record<string, unknown> = {};
    /** Switches the registry to PVC storage, remembering the storage it had (restored exactly). */
    const pvcStorage = async (claim: string) => {
      saved = JSON.parse(
        await h.kubectl(
          'get',
          'configs.imageregistry.operator.openshift.io/cluster',
          '-o',
          'jsonpath={.spec.storage}',
        ),
      ) as Record<string, unknown>;
      await kubectlPatchConfig(h, {
        storage: { ...Object.fromEntries(Object.keys(saved).map((k) => [k, null])), pvc: { claim } },
      });
    };
    const restoreStorage = () => kubectlPatchConfig(h, { storage: { pvc: null, ...saved } });

    it('a claim naming a StorageClass that does not exist', async () => {
      const file = `${h.kubeconfigPath}.claim.json`;
      writeFileSync(
        file,
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'by-hand-fast' },
          spec: {
            accessModes: ['ReadWriteMany'],
            storageClassName: 'nfs-fast',
            resources: { requests: { storage: '50Gi' } },
          },
        }),
      );
      await h.kubectl('create', '-f', file, ...ns);
      await pvcStorage('by-hand-fast');
      try {
        await expectDiagnosis({
          step: 'storage-credentials',
          code: 'pvc-pending',
          object: { kind: 'PersistentVolumeClaim', name: 'by-hand-fast' },
          field: 'spec.storageClassName',
          fix: { section: 'storage', field: 'spec.storage.pvc.claim' },
          evidence: /ProvisioningFailed: storageclass\.storage\.k8s\.io "nfs-fast" not found/,
        });
      } finally {
        await restoreStorage();
        await h.kubectl('delete', 'pvc', 'by-hand-fast', ...ns);
      }
    });

    it('the default StorageClass annotation removed, then PVC storage', async () => {
      const annotation = 'storageclass.kubernetes.io/is-default-class';
      await h.kubectl('annotate', 'storageclass', 'gp3-csi', `${annotation}-`);
      try {
        await h.kubectl('delete', 'pvc', 'image-registry-storage', '--ignore-not-found', ...ns);
        await pvcStorage('');
        await expectDiagnosis({
          step: 'storage-credentials',
          code: 'pvc-no-default-storageclass',
          object: { kind: 'PersistentVolumeClaim', name: 'image-registry-storage' },
          field: 'spec.storageClassName',
          command: /^oc patch storageclass /,
          evidence: /no persistent volumes available for this claim and no storage class is set/,
        });
      } finally {
        await h.kubectl('annotate', 'storageclass', 'gp3-csi', `${annotation}=true`);
      }
      // the default is back: assigned to the claim, provisioned, bound, and the registry runs on it
      await untilNoFailingStep(h, 'the claim to bind once a class is default again');
      await restoreStorage();
      await h.kubectl('delete', 'pvc', 'image-registry-storage', ...ns);
    });
  });

  describe('fixed through the console', () => {
    it('registry-image-pull: quay.io credentials saved on the pull secret page let the pods pull', async () => {
      await h.scenario('registry-image-pull', true);
      try {
        await expectDiagnosis(SCENARIO_CASES.find((c) => c.scenario === 'registry-image-pull')!.want);
        const saved = await h.fetch('/api/v1/pull-secret/registries/quay.io', {
          method: 'PUT',
          body: JSON.stringify({ username: 'sandbox+ocm_access', password: 'a-robot-token' }),
        });
        expect(saved.status).toBe(200);
        // the kubelet pulls again after its back-off: the scenario's fault is gone without clearing it
        await untilNoFailingStep(h, 'the registry pods to pull their image');
      } finally {
        await h.scenario('registry-image-pull', false);
      }
    });
  });

  describe('management states', () => {
    const setState = (managementState: string) => kubectlPatchConfig(h, { managementState });

    it('Removed on purpose is information: no step fails once the registry is gone', async () => {
      await setState('Removed');
      try {
        await expectDiagnosis({
          step: 'config',
          code: 'config-removed',
          object: { kind: 'Config' },
          field: 'spec.managementState',
          fix: { section: 'overview', field: 'spec.managementState' },
          verdict: 'info',
        });
        // once the operator has removed the deployment, nothing is failing or warning
        const d = await until(
          async () => {
            const r = await diagnostics(h);
            const gone = r.steps.find((s) => s.id === 'registry-deployment')?.verdict !== 'failing';
            return gone && r.verdict === 'info' ? r : undefined;
          },
          'the removed registry to be a fact, not a failure',
          30_000,
          300,
        ).catch(async (err: unknown) => {
          const r = await diagnostics(h);
          throw new Error(`${String(err)}\n${JSON.stringify(verdicts(r))}`);
        });
        expect(d.headline?.finding.code).toBe('config-removed');
      } finally {
        await setState('Managed');
      }
    });

    it('Unmanaged warns, and a change saved meanwhile is said not to be applied', async () => {
      await setState('Unmanaged');
      try {
        const { finding } = await expectDiagnosis({
          step: 'config',
          code: 'config-unmanaged',
          object: { kind: 'Config' },
          field: 'spec.managementState',
          fix: { section: 'overview', field: 'spec.managementState' },
          verdict: 'warning',
        });
        expect(finding.summary).toMatch(/changes saved here are not applied/);
        const saved = await patchFresh(h, { logLevel: 'Debug' });
        expect(saved.status).toBe(200);
        expect(saved.body.warnings.join('\n')).toMatch(/Unmanaged.*stored but not applied/);
      } finally {
        await patchFresh(h, { logLevel: 'Normal' });
        await setState('Managed');
      }
    });
  });

  describe('staleness and honesty', () => {
    /** A Warning event as the kubelet records it, `ageMs` old. */
    const warningEvent = (name: string, kind: string, object: string, ageMs: number) => {
      const at = new Date(Date.now() - ageMs).toISOString().replace(/\.\d+Z$/, 'Z');
      return {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: 'openshift-image-registry' },
        involvedObject: { kind, name: object, namespace: 'openshift-image-registry', apiVersion: 'v1' },
        type: 'Warning',
        reason: 'BackOff',
        message: `Back-off restarting failed container registry in pod ${object}`,
        source: { component: 'kubelet', host: 'worker-0' },
        firstTimestamp: at,
        lastTimestamp: at,
        count: 12,
      };
    };
    const createEvents = async (...events: object[]) => {
      const body = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: events });
      const file = `${h.kubeconfigPath}.events.json`;
      writeFileSync(file, body);
      await h.kubectl('create', '-f', file);
    };

    it('a warning about a pod that is gone is history; a current one counts', async () => {
      // 30 s old: the sandbox expires events after 3 h × its time scale (108 s in tests)
      const gone = warningEvent('image-registry-gone.1', 'Pod', 'image-registry-5d8f7c9b6-gone1', 30_000);
      const fresh = warningEvent('registry-fresh.1', 'ReplicaSet', 'image-registry-7f6d5c4b3', 1_000);
      const ns = ['-n', 'openshift-image-registry'];
      await createEvents(gone, fresh);
      try {
        const { finding, step } = await expectDiagnosis({
          step: 'events',
          code: 'warning-events',
          object: { kind: 'Event' },
          field: undefined,
          link: { kind: 'object', object: { kind: 'ReplicaSet', name: 'image-registry-7f6d5c4b3' } },
          verdict: 'warning',
        });
        expect(finding.evidence.join('\n')).toContain('image-registry-7f6d5c4b3');
        expect(finding.evidence.join('\n')).not.toContain('gone1');
        expect(step.evidence.join('\n')).toMatch(
          /older warning\(s\) are about pods, jobs and claims that are gone/,
        );
        // the old warning was there to be read: it is left out, not missing
        await h.kubectl('get', 'event', 'image-registry-gone.1', ...ns);
      } finally {
        await h.kubectl('delete', 'event', 'registry-fresh.1', ...ns);
      }
      await until(
        async () => (await diagnostics(h)).steps.find((s) => s.id === 'events' && s.verdict === 'ok'),
        'the events step to be ok with only the warning about the gone pod',
        15_000,
        300,
      );
      await h.kubectl('delete', 'event', 'image-registry-gone.1', '--ignore-not-found', ...ns);
    });

    it('a user who may not read the registry objects gets unknown steps, never ok', async () => {
      const developer = await h.startServer({ context: 'developer' });
      const d = (await (
        await h.fetch(`${developer.baseUrl}/api/v1/diagnostics`)
      ).json()) as DiagnosticsResponse;
      const ok = d.steps.filter((s) => s.verdict === 'ok').map((s) => s.id);
      expect(ok).toEqual([]);
      expect(d.verdict).not.toBe('ok');
      const unreadable = d.steps.filter((s) => s.findings.some((f) => f.code === 'cannot-read'));
      expect(unreadable.length).toBeGreaterThan(5);
      for (const s of unreadable) {
        expect(s.verdict).toBe('unknown');
        const f = s.findings.find((x) => x.code === 'cannot-read')!;
        expect(f.evidence.join('\n')).toMatch(/403|forbidden/i);
        expect(f.command).toMatch(/^oc auth can-i /);
      }
    });

    it('a viewer, who may not read secrets, is told the credentials step could not check them', async () => {
      const viewer = await h.startServer({ context: 'viewer' });
      const d = (await (await h.fetch(`${viewer.baseUrl}/api/v1/diagnostics`)).json()) as DiagnosticsResponse;
      const storage = d.steps.find((s) => s.id === 'storage-credentials')!;
      expect(storage.verdict, JSON.stringify(storage)).toBe('unknown');
      expect(storage.findings.map((f) => f.code)).toContain('cannot-read');
    });
  });
});

function verdicts(d: DiagnosticsResponse): Record<string, string> {
  return Object.fromEntries(
    d.steps.map((s) => [s.id, `${s.verdict} ${s.findings.map((f) => f.code).join(',')}`]),
  );
}
