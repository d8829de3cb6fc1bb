import type { KubeObject, StatusCause } from '../../core/types.js';
import { invalidValue, notSupported, required } from '../admission/field-errors.js';
import { def } from '../resources/builtin.js';
import type { ResourceType } from '../resources/resource-type.js';
import { ReferenceError, parseImageReference } from './image-reference.js';
import { isObj, type Json } from './json.js';

/**
 * `build.openshift.io/v1` BuildConfig: stored and validated as openshift-apiserver does
 * (pkg/build/apis/build/validation: one strategy, image references of the allowed kinds, the
 * output target), with the v1 defaults. No build controller runs: nothing is ever built.
 */

const STRATEGIES: Array<[field: string, type: string]> = [
  ['sourceStrategy', 'Source'],
  ['dockerStrategy', 'Docker'],
  ['customStrategy', 'Custom'],
  ['jenkinsPipelineStrategy', 'JenkinsPipeline'],
];
const FROM_KINDS = ['ImageStreamTag', 'ImageStreamImage', 'DockerImage'];
const OUTPUT_KINDS = ['ImageStreamTag', 'DockerImage'];

/** validateFromImageReference / validateOutput: kind, name, and the name's form for that kind. */
export function validateImageRef(ref: unknown, at: string, kinds: string[]): StatusCause[] {
  const r = isObj(ref) ? ref : {};
  const name = typeof r.name === 'string' ? r.name : '';
  const causes: StatusCause[] = [];
  if (!kinds.includes(String(r.kind))) causes.push(notSupported(`${at}.kind`, r.kind ?? '', kinds));
  if (name === '') return [...causes, required(`${at}.name`)];
  if (r.kind === 'DockerImage') {
    try {
      parseImageReference(name);
    } catch (e) {
      if (!(e instanceof ReferenceError)) throw e;
      causes.push(invalidValue(`${at}.name`, name, e.message));
    }
  }
  if (r.kind === 'ImageStreamTag' && !/^[^:@/]+:[^:@/]+$/.test(name))
    causes.push(
      invalidValue(`${at}.name`, name, 'ImageStreamTag object references must be in the form <name>:<tag>'),
    );
  if (r.kind === 'ImageStreamImage' && !/^[^:@/]+@[^@/]+$/.test(name))
    causes.push(
      invalidValue(`${at}.name`, name, 'ImageStreamImage object references must be in the form <name>@<id>'),
    );
  return causes;
}

function validateStrategy(strategy: Json): StatusCause[] {
  const set = STRATEGIES.filter(([field]) => strategy[field] !== undefined && strategy[field] !== null);
  if (set.length !== 1)
    return [
      invalidValue(
        'spec.strategy',
        strategy,
        'must provide a value for exactly one of sourceStrategy, customStrategy, dockerStrategy, or jenkinsPipelineStrategy',
      ),
    ];
  const [field, type] = set[0] ?? ['', ''];
  const causes: StatusCause[] = [];
  if (strategy.type !== undefined && strategy.type !== type)
    causes.push(invalidValue('spec.strategy.type', strategy.type, `must be ${type} when ${field} is set`));
  const s = isObj(strategy[field]) ? (strategy[field] as Json) : {};
  const at = `spec.strategy.${field}.from`;
  // dockerStrategy.from is optional (the Dockerfile's FROM is used); source and custom need one
  if (field === 'sourceStrategy' || field === 'customStrategy')
    causes.push(...(s.from === undefined ? [required(at)] : validateImageRef(s.from, at, FROM_KINDS)));
  if (field === 'dockerStrategy' && s.from !== undefined && s.from !== null)
    causes.push(...validateImageRef(s.from, at, FROM_KINDS));
  return causes;
}

function validateSource(source: unknown): StatusCause[] {
  const images = isObj(source) && Array.isArray(source.images) ? source.images : [];
  return images.flatMap((img: unknown, i: number) =>
    validateImageRef(isObj(img) ? img.from : undefined, `spec.source.images[${i}].from`, FROM_KINDS),
  );
}

export function validateBuildConfig(o: KubeObject): StatusCause[] {
  const spec: Json = isObj(o.spec) ? o.spec : {};
  const causes: StatusCause[] = [];
  if (!isObj(spec.strategy)) causes.push(required('spec.strategy'));
  else causes.push(...validateStrategy(spec.strategy));
  causes.push(...validateSource(spec.source));
  const to = isObj(spec.output) ? spec.output.to : undefined;
  if (to !== undefined && to !== null) causes.push(...validateImageRef(to, 'spec.output.to', OUTPUT_KINDS));
  if (
    spec.runPolicy !== undefined &&
    !['Serial', 'Parallel', 'SerialLatestOnly'].includes(String(spec.runPolicy))
  )
    causes.push(notSupported('spec.runPolicy', spec.runPolicy, ['Parallel', 'Serial', 'SerialLatestOnly']));
  return causes;
}

/** The source type the v1 conversion derives from which source fields are set. */
function sourceType(source: Json): string {
  if (isObj(source.git)) return 'Git';
  if (isObj(source.binary)) return 'Binary';
  if (typeof source.dockerfile === 'string') return 'Dockerfile';
  if (Array.isArray(source.images) && source.images.length > 0) return 'Image';
  return 'None';
}

/** build/v1 SetDefaults_BuildConfigSpec and the fields serialized without omitempty. */
export function defaultBuildConfig(o: KubeObject): void {
  const spec: Json = isObj(o.spec) ? o.spec : {};
  o.spec = spec;
  spec.runPolicy ??= 'Serial';
  spec.successfulBuildsHistoryLimit ??= 5;
  spec.failedBuildsHistoryLimit ??= 5;
  spec.triggers ??= [];
  spec.nodeSelector ??= null;
  spec.postCommit ??= {};
  spec.resources ??= {};
  spec.output ??= {};
  const source: Json = isObj(spec.source) ? spec.source : {};
  spec.source = source;
  source.type ??= sourceType(source);
  if (isObj(spec.strategy)) {
    const strategy = spec.strategy;
    const set = STRATEGIES.find(([field]) => isObj(strategy[field]));
    if (set) strategy.type ??= set[1];
  }
  o.status = { lastVersion: 0, ...(isObj(o.status) ? o.status : {}) };
}

export function buildConfigType(): ResourceType {
  return def({
    group: 'build.openshift.io',
    version: 'v1',
    resource: 'buildconfigs',
    kind: 'BuildConfig',
    shortNames: ['bc'],
    categories: ['all'],
    // openshift-apiserver serves no buildconfigs/status: the build controller writes the object itself
    hasStatus: false,
    generation: true,
    validate: validateBuildConfig,
    applyDefaults: defaultBuildConfig,
  });
}
