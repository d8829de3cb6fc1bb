import type {
  ConfigSpec,
  FieldError,
  LogLevel,
  ResourcesSection,
  SectionPatch,
  Toleration,
} from '../../api/contract.js';
import { compact, oneOf, parseInteger, type SectionDefinition } from '../editor/sectionModel.js';

export interface TolerationDraft {
  key: string;
  operator: '' | 'Exists' | 'Equal';
  value: string;
  effect: '' | 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds: string;
}

export interface AdvancedDraft {
  logLevel: LogLevel;
  operatorLogLevel: LogLevel;
  nodeSelector: { key: string; value: string }[];
  tolerations: TolerationDraft[];
  resources: { requestsCpu: string; requestsMemory: string; limitsCpu: string; limitsMemory: string };
  readOnly: boolean;
  disableRedirect: boolean;
}

const q = (value: string | number | undefined) => (value === undefined ? '' : String(value));

export const advancedSection: SectionDefinition<AdvancedDraft> = {
  id: 'advanced',
  fromSpec: (spec: ConfigSpec) => ({
    // The CRD defaults both to Normal; "" means Normal too.
    logLevel: spec.logLevel || 'Normal',
    operatorLogLevel: spec.operatorLogLevel || 'Normal',
    nodeSelector: Object.entries(spec.nodeSelector ?? {}).map(([key, value]) => ({ key, value })),
    tolerations: (spec.tolerations ?? []).map((tol) => ({
      key: tol.key ?? '',
      operator: oneOf(tol.operator, ['Exists', 'Equal'], ''),
      value: tol.value ?? '',
      effect: oneOf(tol.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute'], ''),
      tolerationSeconds: q(tol.tolerationSeconds),
    })),
    resources: {
      requestsCpu: q(spec.resources?.requests?.cpu),
      requestsMemory: q(spec.resources?.requests?.memory),
      limitsCpu: q(spec.resources?.limits?.cpu),
      limitsMemory: q(spec.resources?.limits?.memory),
    },
    readOnly: spec.readOnly === true,
    disableRedirect: spec.disableRedirect === true,
  }),
  toPatch(draft, spec) {
    const errors: FieldError[] = [];
    const nodeSelector: Record<string, string> = {};
    draft.nodeSelector.forEach((row, i) => {
      const key = row.key.trim();
      if (!key) errors.push({ path: `spec.nodeSelector[${i}]`, message: 'a label needs a key' });
      else if (key in nodeSelector)
        errors.push({ path: `spec.nodeSelector[${i}]`, message: `duplicate label key "${key}"` });
      else nodeSelector[key] = row.value.trim();
    });
    const tolerations = draft.tolerations.map(
      (tol, i) =>
        compact({
          key: tol.key.trim(),
          operator: tol.operator,
          value: tol.value.trim(),
          effect: tol.effect,
          tolerationSeconds: parseInteger(
            tol.tolerationSeconds,
            `spec.tolerations[${i}].tolerationSeconds`,
            errors,
          ),
        }) as Toleration,
    );
    draft.tolerations.forEach((tol, i) => {
      if (tol.operator === 'Exists' && tol.value.trim())
        errors.push({
          path: `spec.tolerations[${i}].value`,
          message: 'must be empty when the operator is Exists',
        });
      if (!tol.key.trim() && tol.operator !== 'Exists')
        errors.push({
          path: `spec.tolerations[${i}].key`,
          message: 'an empty key needs the Exists operator',
        });
    });
    const r = draft.resources;
    const requests = compact({ cpu: r.requestsCpu.trim(), memory: r.requestsMemory.trim() });
    const limits = compact({ cpu: r.limitsCpu.trim(), memory: r.limitsMemory.trim() });
    const resources: ResourcesSection = compact({
      requests: Object.keys(requests).length ? requests : undefined,
      limits: Object.keys(limits).length ? limits : undefined,
    });
    // An absent optional field and its empty value mean the same: only write what changes meaning.
    const orNull = <T>(value: T | undefined, empty: boolean, had: unknown): T | null | undefined =>
      empty ? (had === undefined ? undefined : null) : value;
    const patch: SectionPatch = {
      logLevel: draft.logLevel === (spec.logLevel || 'Normal') ? undefined : draft.logLevel,
      operatorLogLevel:
        draft.operatorLogLevel === (spec.operatorLogLevel || 'Normal') ? undefined : draft.operatorLogLevel,
      nodeSelector: orNull(nodeSelector, Object.keys(nodeSelector).length === 0, spec.nodeSelector),
      tolerations: orNull(tolerations, tolerations.length === 0, spec.tolerations),
      resources: orNull(
        resources as SectionPatch['resources'],
        Object.keys(resources).length === 0,
        spec.resources,
      ),
      readOnly: draft.readOnly || spec.readOnly !== undefined ? draft.readOnly : undefined,
      disableRedirect:
        draft.disableRedirect || spec.disableRedirect !== undefined ? draft.disableRedirect : undefined,
    };
    return { patch: patch as SectionPatch, errors };
  },
};
