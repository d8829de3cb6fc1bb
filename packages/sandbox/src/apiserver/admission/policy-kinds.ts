/** policy/v1 PodDisruptionBudget and networking.k8s.io/v1 NetworkPolicy: kube's defaulting and the checks clients hit. */
import type { KubeObject, StatusCause } from '../../core/types.js';
import { invalidValue, notSupported } from './field-errors.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const spec = (o: KubeObject): Json => (isObj(o.spec) ? o.spec : {});
const EVICTION_POLICIES = ['IfHealthyBudget', 'AlwaysAllow'];
const POLICY_TYPES = ['Ingress', 'Egress'];

/** ValidatePodDisruptionBudgetSpec: one of minAvailable/maxUnavailable, a known eviction policy. */
export function validatePodDisruptionBudget(o: KubeObject): StatusCause[] {
  const s = spec(o);
  const causes: StatusCause[] = [];
  if (s.minAvailable !== undefined && s.maxUnavailable !== undefined)
    causes.push(invalidValue('spec', s, 'minAvailable and maxUnavailable cannot be both set'));
  for (const f of ['minAvailable', 'maxUnavailable']) {
    const v = s[f];
    if (typeof v === 'number' && v < 0)
      causes.push(invalidValue(`spec.${f}`, v, 'must be greater than or equal to 0'));
    if (typeof v === 'string' && !/^\d+%$/.test(v))
      causes.push(
        invalidValue(
          `spec.${f}`,
          v,
          "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
        ),
      );
  }
  if (
    s.unhealthyPodEvictionPolicy !== undefined &&
    !EVICTION_POLICIES.includes(String(s.unhealthyPodEvictionPolicy))
  )
    causes.push(
      notSupported('spec.unhealthyPodEvictionPolicy', s.unhealthyPodEvictionPolicy, EVICTION_POLICIES),
    );
  return causes;
}

/** The status a new PDB gets before the disruption controller computes it (PrepareForCreate clears it). */
export function defaultPodDisruptionBudget(o: KubeObject): void {
  o.spec = spec(o);
  o.status ??= { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
}

/** ValidateNetworkPolicySpec (the policyTypes part). */
export function validateNetworkPolicy(o: KubeObject): StatusCause[] {
  const types = spec(o).policyTypes;
  if (!Array.isArray(types)) return [];
  return types.flatMap((t, i) =>
    POLICY_TYPES.includes(String(t)) ? [] : [notSupported(`spec.policyTypes[${i}]`, t, POLICY_TYPES)],
  );
}

/** SetDefaults_NetworkPolicy: policyTypes from the rules present, TCP for ports without a protocol. */
export function defaultNetworkPolicy(o: KubeObject): void {
  const s = spec(o);
  o.spec = s;
  s.podSelector ??= {};
  if (!Array.isArray(s.policyTypes) || s.policyTypes.length === 0)
    s.policyTypes = Array.isArray(s.egress) && s.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  for (const dir of ['ingress', 'egress'])
    if (Array.isArray(s[dir]))
      for (const rule of s[dir] as unknown[])
        if (isObj(rule) && Array.isArray(rule.ports))
          for (const p of rule.ports) if (isObj(p)) p.protocol ??= 'TCP';
}
