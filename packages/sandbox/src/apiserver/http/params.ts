/**
 * Query parameters → the meta.k8s.io/v1 option kinds, decoded and validated as kube-apiserver's
 * handlers do before they touch the object: a parameter that does not parse is 400 BadRequest
 * (the parameter codec), a parsed one that is not allowed is 422 Invalid `<Kind>Options.meta.k8s.io ""`
 * (k8s.io/apimachinery/pkg/apis/meta/v1/validation ValidateCreateOptions/…/ValidateDeleteOptions
 * and meta/internalversion/validation ValidateListOptions, called from handlers/{create,update,
 * patch,delete,get}.go).
 */
import { type ApiError, badRequest, invalid } from '../../core/errors.js';
import type {
  DeleteOptions,
  ListOptions,
  StatusCause,
  WatchOptions,
  WriteOptions,
} from '../../core/types.js';
import { forbiddenField, notSupported } from '../admission/field-errors.js';

/** metav1.FieldValidation values; "" (unset) is valid and means Warn for HTTP clients since 1.27. */
const FIELD_VALIDATION = ['', 'Ignore', 'Strict', 'Warn'];

export type OptionsKind =
  'CreateOptions' | 'UpdateOptions' | 'PatchOptions' | 'DeleteOptions' | 'ListOptions';

/** `<Kind>.meta.k8s.io "" is invalid: …` — NewInvalid with the options' GroupKind and no name. */
function optionsInvalid(kind: OptionsKind, causes: StatusCause[]): ApiError {
  return invalid('meta.k8s.io', kind, '', causes);
}

function bool(v: string | null): boolean | undefined {
  if (v === null) return undefined;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0' || v === '') return false;
  throw badRequest(`strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`);
}

function int(name: string, v: string | null): number | undefined {
  if (v === null || v === '') return undefined;
  if (!/^-?\d+$/.test(v))
    throw badRequest(`${name}: strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  return Number(v);
}

/** Go's `%#v` of a []string, as field.NotSupported prints the dryRun slice. */
const goStringSlice = (values: string[]): string =>
  `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`;

/** ValidateDryRun: every value must be "All" (the whole slice is quoted when one is not). */
function dryRunCauses(values: string[]): StatusCause[] {
  if (values.every((v) => v === 'All')) return [];
  return [
    {
      reason: 'FieldValueNotSupported',
      field: 'dryRun',
      message: `Unsupported value: ${goStringSlice(values)}: supported values: "All"`,
    },
  ];
}

function fieldValidationCauses(fv: string): StatusCause[] {
  return FIELD_VALIDATION.includes(fv) ? [] : [notSupported('fieldValidation', fv, FIELD_VALIDATION)];
}

/**
 * Write options from the query (create, update, patch); the field manager defaults to the
 * User-Agent's product, as kube does. `patchType` makes them PatchOptions (force only with apply).
 */
export function writeOptions(
  q: URLSearchParams,
  userAgent?: string,
  kind: 'CreateOptions' | 'UpdateOptions' | 'PatchOptions' = 'CreateOptions',
  patchType?: string,
): WriteOptions {
  const causes: StatusCause[] = [];
  if (kind === 'PatchOptions' && patchType !== 'apply' && q.has('force'))
    causes.push(forbiddenField('force', 'may not be specified for non-apply patch'));
  const dryRun = q.getAll('dryRun');
  causes.push(...dryRunCauses(dryRun));
  const fv = q.get('fieldValidation') ?? '';
  causes.push(...fieldValidationCauses(fv));
  if (causes.length > 0) throw optionsInvalid(kind, causes);
  const opts: WriteOptions = { fieldValidation: fv ? (fv as WriteOptions['fieldValidation']) : 'Warn' };
  if (dryRun.length > 0) opts.dryRun = true;
  const fm = q.get('fieldManager') || userAgent?.split('/')[0];
  if (fm) opts.fieldManager = fm;
  return opts;
}

function readListOptions(q: URLSearchParams): ListOptions {
  const opts: ListOptions = {};
  const set = (k: 'labelSelector' | 'fieldSelector' | 'resourceVersion' | 'continue'): void => {
    const v = q.get(k);
    if (v !== null && v !== '') opts[k] = v;
  };
  set('labelSelector');
  set('fieldSelector');
  set('resourceVersion');
  set('continue');
  const match = q.get('resourceVersionMatch');
  if (match) opts.resourceVersionMatch = match as ListOptions['resourceVersionMatch'];
  const limit = int('limit', q.get('limit'));
  if (limit !== undefined) opts.limit = limit;
  return opts;
}

const NOT_OLDER_THAN = 'NotOlderThan';

/** ValidateListOptions for a list (not a watch). */
export function listOptions(q: URLSearchParams): ListOptions {
  const opts = readListOptions(q);
  const initial = bool(q.get('sendInitialEvents'));
  const causes: StatusCause[] = [];
  const match = opts.resourceVersionMatch;
  if (match) {
    if (!opts.resourceVersion)
      causes.push(
        forbiddenField(
          'resourceVersionMatch',
          'resourceVersionMatch is forbidden unless resourceVersion is provided',
        ),
      );
    if (opts.continue)
      causes.push(
        forbiddenField('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'),
      );
    if (match !== 'Exact' && match !== NOT_OLDER_THAN)
      causes.push(notSupported('resourceVersionMatch', match, ['Exact', NOT_OLDER_THAN, '']));
    if (match === 'Exact' && opts.resourceVersion === '0')
      causes.push(
        forbiddenField(
          'resourceVersionMatch',
          'resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
        ),
      );
  }
  if (initial !== undefined)
    causes.push(forbiddenField('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  if (causes.length > 0) throw optionsInvalid('ListOptions', causes);
  return opts;
}

/** ValidateListOptions for a watch (WatchList on, as in 1.32): sendInitialEvents needs NotOlderThan and bookmarks. */
export function watchOptions(q: URLSearchParams): WatchOptions & { timeoutSeconds?: number } {
  const opts: WatchOptions & { timeoutSeconds?: number } = readListOptions(q);
  const bookmarks = bool(q.get('allowWatchBookmarks'));
  if (bookmarks !== undefined) opts.allowWatchBookmarks = bookmarks;
  const initial = bool(q.get('sendInitialEvents'));
  const match = opts.resourceVersionMatch;
  const causes: StatusCause[] = [];
  if (initial !== undefined && match !== NOT_OLDER_THAN)
    causes.push(
      forbiddenField(
        'resourceVersionMatch',
        'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
      ),
    );
  if (match) {
    if (initial === undefined)
      causes.push(
        forbiddenField(
          'resourceVersionMatch',
          'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
        ),
      );
    if (match !== NOT_OLDER_THAN) causes.push(notSupported('resourceVersionMatch', match, [NOT_OLDER_THAN]));
    if (opts.continue)
      causes.push(
        forbiddenField('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'),
      );
  }
  if (initial === true && !opts.allowWatchBookmarks)
    causes.push(
      forbiddenField(
        'allowWatchBookmarks',
        'allowWatchBookmarks must be set to true when sendInitialEvents is true',
      ),
    );
  if (causes.length > 0) throw optionsInvalid('ListOptions', causes);
  if (initial !== undefined) opts.sendInitialEvents = initial;
  const timeout = int('timeoutSeconds', q.get('timeoutSeconds'));
  if (timeout !== undefined) opts.timeoutSeconds = timeout;
  return opts;
}

const PROPAGATION = ['Foreground', 'Background', 'Orphan'];

/** DeleteOptions from the query string merged over the body (kubectl sends them in the body), then ValidateDeleteOptions. */
export function deleteOptions(q: URLSearchParams, body: unknown): DeleteOptions {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const dryRun = [...q.getAll('dryRun'), ...(Array.isArray(b.dryRun) ? b.dryRun.map(String) : [])];
  const fv = q.get('fieldValidation') ?? '';
  const opts: DeleteOptions = { fieldValidation: fv ? (fv as WriteOptions['fieldValidation']) : 'Warn' };
  const grace =
    int('gracePeriodSeconds', q.get('gracePeriodSeconds')) ??
    (typeof b.gracePeriodSeconds === 'number' ? b.gracePeriodSeconds : undefined);
  if (grace !== undefined) opts.gracePeriodSeconds = grace;
  const policy =
    q.get('propagationPolicy') ?? (typeof b.propagationPolicy === 'string' ? b.propagationPolicy : undefined);
  const orphan =
    bool(q.get('orphanDependents')) ??
    (typeof b.orphanDependents === 'boolean' ? b.orphanDependents : undefined);
  const causes: StatusCause[] = [];
  if (orphan !== undefined && policy !== undefined && policy !== null)
    causes.push({
      reason: 'FieldValueInvalid',
      field: 'propagationPolicy',
      message: `Invalid value: ${JSON.stringify(policy)}: orphanDependents and deletionPropagation cannot be both set`,
    });
  if (policy !== undefined && policy !== null && !PROPAGATION.includes(policy))
    causes.push(notSupported('propagationPolicy', policy, [...PROPAGATION, 'nil']));
  causes.push(...dryRunCauses(dryRun));
  if (causes.length > 0) throw optionsInvalid('DeleteOptions', causes);
  if (policy !== undefined && policy !== null)
    opts.propagationPolicy = policy as DeleteOptions['propagationPolicy'];
  else if (orphan !== undefined) {
    opts.orphanDependents = orphan;
    if (orphan) opts.propagationPolicy = 'Orphan';
  }
  if (dryRun.length > 0) opts.dryRun = true;
  const pre = b.preconditions as DeleteOptions['preconditions'] | undefined;
  if (pre && typeof pre === 'object') opts.preconditions = pre;
  return opts;
}
