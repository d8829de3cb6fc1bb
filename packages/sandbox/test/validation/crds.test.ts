/** The CRDs as kubectl sees them (independent of the reference files). */
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/validation/cel-env.js';
import { sandboxCrds, type JSONSchemaProps } from '../../src/validation/index.js';

function rulesOf(s: JSONSchemaProps | undefined): string[] {
  if (!s) return [];
  const own = (s['x-kubernetes-validations'] ?? []).flatMap((r) => [
    r.rule,
    ...(r.messageExpression ? [r.messageExpression] : []),
  ]);
  const nested = [
    s.items,
    typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined,
    ...Object.values(s.properties ?? {}),
  ];
  return [...own, ...nested.flatMap(rulesOf)];
}

describe('sandboxCrds', () => {
  const crds = new Map(sandboxCrds().map((c) => [c.metadata.name, c]));
  it('serves the OpenShift kinds the console and the operator touch', () => {
    expect([...crds.keys()].sort()).toEqual([
      'apiservers.config.openshift.io',
      'clusteroperators.config.openshift.io',
      'configs.imageregistry.operator.openshift.io',
      'consoleplugins.console.openshift.io',
      'imagepruners.imageregistry.operator.openshift.io',
      'images.config.openshift.io',
      'infrastructures.config.openshift.io',
      'proxies.config.openshift.io',
      'routes.route.openshift.io',
    ]);
  });
  it('gives ClusterOperator its short name and printer columns', () => {
    const co = crds.get('clusteroperators.config.openshift.io');
    expect(co?.spec.names.shortNames).toEqual(['co']);
    expect(co?.spec.versions[0]?.additionalPrinterColumns?.map((c) => c.name)).toEqual([
      'Version',
      'Available',
      'Progressing',
      'Degraded',
      'Since',
    ]);
  });
  it('marks the Config cluster-scoped with a status subresource and an established status', () => {
    const c = crds.get('configs.imageregistry.operator.openshift.io');
    expect(c?.spec.scope).toBe('Cluster');
    expect(c?.spec.versions[0]?.subresources).toEqual({ status: {} });
    expect(c?.status?.conditions).toContainEqual(
      expect.objectContaining({ type: 'Established', status: 'True' }),
    );
  });
  it('writes nullable fields the Kubernetes way and keeps descriptions for kubectl explain', () => {
    const schema = crds.get('configs.imageregistry.operator.openshift.io')?.spec.versions[0]?.schema
      .openAPIV3Schema as JSONSchemaProps;
    const spec = schema.properties?.spec?.properties ?? {};
    expect(spec.unsupportedConfigOverrides).toMatchObject({
      type: 'object',
      nullable: true,
      'x-kubernetes-preserve-unknown-fields': true,
    });
    expect(spec.unsupportedConfigOverrides?.anyOf).toBeUndefined();
    expect(spec.replicas?.description).toMatch(/replicas/i);
  });
  it('compiles every CEL rule of every CRD with the sandbox CEL environment', () => {
    const rules = [...crds.values()].flatMap((c) =>
      rulesOf(c.spec.versions[0]?.schema.openAPIV3Schema as JSONSchemaProps),
    );
    expect(rules.length).toBeGreaterThanOrEqual(18);
    expect(rules.filter((r) => compileRule(r).compileError !== undefined)).toEqual([]);
  });
});
