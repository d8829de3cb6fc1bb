/**
 * Every sandbox fault scenario, and the faults an admin makes by hand with kubectl, turn into a
 * failing step whose finding names the object and field behind the fault and offers its fix;
 * once cleared, the checklist is green again.
 */
import { describe, expect, it } from 'vitest';
import { expectDiagnosis as expectDiagnosisOf, scenarios, type Expected } from './diagnostics-support.js';
import { registryHarness } from './registry.js';

describe('diagnostics of every fault scenario', () => {
  const h = registryHarness();
  const scenario = scenarios(h);
  const expectDiagnosis = (want: Expected) => expectDiagnosisOf(h, want);

  it('s3-credentials-missing-key → the secret key, in the credentials form', async () => {
    await scenario('s3-credentials-missing-key');
    const { finding } = await expectDiagnosis({
      step: 'storage-credentials',
      code: 'storage-credentials-key-missing',
      object: { kind: 'Secret', name: 'image-registry-private-configuration-user' },
      field: 'data.REGISTRY_STORAGE_S3_SECRETKEY',
      fix: { section: 'storage', field: 'credentials.REGISTRY_STORAGE_S3_SECRETKEY' },
    });
    expect(finding.evidence.join('\n')).toContain(
      'does not contain required key "REGISTRY_STORAGE_S3_SECRETKEY"',
    );
  });

  it('storage-unreachable → the S3 endpoint cannot be reached: egress or a proxy', async () => {
    await scenario('storage-unreachable');
    const { finding } = await expectDiagnosis({
      step: 'storage-credentials',
      code: 'storage-endpoint-unreachable',
      object: { kind: 'Config' },
      field: 'spec.proxy.https',
      fix: { section: 'proxy', field: 'spec.proxy.https' },
    });
    expect(finding.evidence.join('\n')).toMatch(/i\/o timeout/);
    expect(finding.nextStep).toMatch(/proxy/);
  });

  it('registry-unschedulable → spec.nodeSelector, in the Advanced form', async () => {
    await scenario('registry-unschedulable');
    const { finding } = await expectDiagnosis({
      step: 'registry-pods',
      code: 'unschedulable-node-selector',
      object: { kind: 'Config', name: 'cluster' },
      field: 'spec.nodeSelector',
      fix: { section: 'advanced', field: 'spec.nodeSelector' },
    });
    expect(finding.evidence.join('\n')).toContain("didn't match Pod's node affinity/selector");
  });

  it('registry-crashloop → the crash, its last words and the credentials behind them', async () => {
    await scenario('registry-crashloop');
    const { finding } = await expectDiagnosis({
      step: 'registry-pods',
      code: 'crash-loop',
      object: { kind: 'Secret', name: 'installer-cloud-credentials' },
      field: 'data.REGISTRY_STORAGE_S3_ACCESSKEY',
      fix: { section: 'storage', field: 'credentials.REGISTRY_STORAGE_S3_ACCESSKEY' },
    });
    expect(finding.evidence.join('\n')).toContain('AccessDenied');
    expect(finding.links).toContainEqual(expect.objectContaining({ kind: 'log', previous: true }));
  });

  it('operator-down → the operator Deployment is scaled to 0; the ClusterOperator status is stale', async () => {
    await scenario('operator-down');
    await expectDiagnosis({
      step: 'operator',
      code: 'operator-not-running',
      object: { kind: 'Deployment', name: 'cluster-image-registry-operator' },
      field: 'spec.replicas',
    });
    await expectDiagnosis({
      step: 'cluster-operator',
      code: 'operator-not-reconciling',
      object: { kind: 'ClusterOperator' },
      field: 'status.conditions',
    });
  });

  it('clusteroperator-degraded → the failed pruner Job with its pod log', async () => {
    await scenario('clusteroperator-degraded');
    const { finding } = await expectDiagnosis({
      step: 'pruner',
      code: 'pruner-job-failed',
      object: { kind: 'Job' },
      field: 'status.conditions[Failed]',
    });
    expect(finding.evidence.join('\n')).toContain('failed to ping registry');
    expect(finding.links.some((l) => l.kind === 'log')).toBe(true);
  });

  it('trusted-ca-missing → images.config spec.additionalTrustedCA, on the trust page', async () => {
    await scenario('trusted-ca-missing');
    await expectDiagnosis({
      step: 'routes',
      code: 'trusted-ca-missing',
      object: { kind: 'Image', name: 'cluster' },
      field: 'spec.additionalTrustedCA.name',
      fix: { section: 'trust', field: 'additionalTrustedCA' },
    });
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
});
