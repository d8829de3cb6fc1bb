import type { KubeObject, StatusCause } from '../../core/types.js';
import { invalidValue, notSupported, required } from '../admission/field-errors.js';
import { defaultPodSpec, validatePodSpec } from '../admission/pod-spec.js';
import { def } from '../resources/builtin.js';
import type { ResourceType } from '../resources/resource-type.js';
import { isObj, type Json } from './json.js';

/**
 * `apps.openshift.io/v1` DeploymentConfig: stored and validated as openshift-apiserver does
 * (pkg/apps/apis/apps/validation, v1 defaults). No deployer runs in the sandbox — DeploymentConfigs
 * are deprecated and the console only reads and rewrites their pod template's images.
 */

const TRIGGER_TYPES = ['ConfigChange', 'ImageChange'];
const STRATEGY_TYPES = ['Recreate', 'Custom', 'Rolling'];

function validateTriggers(triggers: unknown): StatusCause[] {
  if (triggers === undefined || triggers === null) return [];
  if (!Array.isArray(triggers)) return [invalidValue('spec.triggers', triggers, 'must be a list')];
  const causes: StatusCause[] = [];
  triggers.forEach((t: unknown, i: number) => {
    const at = `spec.triggers[${i}]`;
    const trigger = isObj(t) ? t : {};
    if (!trigger.type) return void causes.push(required(`${at}.type`, 'trigger type must be present'));
    if (!TRIGGER_TYPES.includes(String(trigger.type)))
      return void causes.push(invalidValue(`${at}.type`, trigger.type, 'unsupported trigger type'));
    if (trigger.type !== 'ImageChange') return;
    const params = trigger.imageChangeParams;
    if (!isObj(params)) return void causes.push(required(`${at}.imageChangeParams`));
    const from = isObj(params.from) ? params.from : {};
    if (from.kind !== 'ImageStreamTag')
      causes.push(
        invalidValue(`${at}.imageChangeParams.from.kind`, from.kind ?? '', 'kind must be an ImageStreamTag'),
      );
    if (!from.name) causes.push(required(`${at}.imageChangeParams.from.name`));
    else if (!/^[^:]+:[^:]+$/.test(String(from.name)))
      causes.push(
        invalidValue(
          `${at}.imageChangeParams.from.name`,
          from.name,
          'must be of the form <imagestream>:<tag>',
        ),
      );
    if (!Array.isArray(params.containerNames) || params.containerNames.length === 0)
      causes.push(
        required(`${at}.imageChangeParams.containerNames`, 'at least one containerName is required'),
      );
  });
  return causes;
}

export function validateDeploymentConfig(o: KubeObject): StatusCause[] {
  const spec: Json = isObj(o.spec) ? o.spec : {};
  const causes: StatusCause[] = [];
  const selector = isObj(spec.selector) ? (spec.selector as Record<string, string>) : {};
  if (Object.keys(selector).length === 0) causes.push(required('spec.selector'));
  if (typeof spec.replicas === 'number' && spec.replicas < 0)
    causes.push(invalidValue('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  const template = spec.template;
  if (!isObj(template)) causes.push(required('spec.template'));
  else {
    const labels = (isObj(template.metadata) ? template.metadata.labels : undefined) as
      Record<string, string> | undefined;
    if (Object.keys(selector).length > 0 && !Object.entries(selector).every(([k, v]) => labels?.[k] === v))
      causes.push(
        invalidValue(
          'spec.template.metadata.labels',
          labels ?? {},
          '`selector` does not match template `labels`',
        ),
      );
    causes.push(...validatePodSpec(template.spec, 'spec.template.spec', ['Always']));
  }
  const strategy = isObj(spec.strategy) ? spec.strategy : {};
  if (strategy.type !== undefined && !STRATEGY_TYPES.includes(String(strategy.type)))
    causes.push(notSupported('spec.strategy.type', strategy.type, STRATEGY_TYPES));
  causes.push(...validateTriggers(spec.triggers));
  return causes;
}

/** apps/v1 SetDefaults_DeploymentConfigSpec / _DeploymentStrategy, and the zero-valued status fields. */
export function defaultDeploymentConfig(o: KubeObject): void {
  const spec: Json = isObj(o.spec) ? o.spec : {};
  o.spec = spec;
  spec.replicas ??= 0;
  spec.test ??= false;
  spec.revisionHistoryLimit ??= 10;
  spec.triggers ??= [{ type: 'ConfigChange' }];
  const template = isObj(spec.template) ? spec.template : undefined;
  const labels = isObj(template?.metadata) ? template.metadata.labels : undefined;
  if ((!isObj(spec.selector) || Object.keys(spec.selector).length === 0) && isObj(labels))
    spec.selector = { ...labels };
  if (template) defaultPodSpec(template.spec);
  const strategy: Json = isObj(spec.strategy) ? spec.strategy : {};
  spec.strategy = strategy;
  strategy.type ??= 'Rolling';
  if (strategy.type === 'Rolling')
    strategy.rollingParams = {
      updatePeriodSeconds: 1,
      intervalSeconds: 1,
      timeoutSeconds: 600,
      maxUnavailable: '25%',
      maxSurge: '25%',
      ...(isObj(strategy.rollingParams) ? strategy.rollingParams : {}),
    };
  if (strategy.type === 'Recreate')
    strategy.recreateParams = {
      timeoutSeconds: 600,
      ...(isObj(strategy.recreateParams) ? strategy.recreateParams : {}),
    };
  strategy.resources ??= {};
  strategy.activeDeadlineSeconds ??= 21600;
  o.status = {
    latestVersion: 0,
    observedGeneration: 0,
    replicas: 0,
    updatedReplicas: 0,
    availableReplicas: 0,
    unavailableReplicas: 0,
    ...(isObj(o.status) ? o.status : {}),
  };
}

export function deploymentConfigType(): ResourceType {
  return def({
    group: 'apps.openshift.io',
    version: 'v1',
    resource: 'deploymentconfigs',
    kind: 'DeploymentConfig',
    shortNames: ['dc'],
    categories: ['all'],
    hasStatus: true,
    generation: true,
    validate: validateDeploymentConfig,
    applyDefaults: defaultDeploymentConfig,
  });
}
