import type { StatusBody, StatusCause } from './types.js';

/** An API error: thrown in-process, answered over HTTP as its metav1.Status with `code`. */
export class ApiError extends Error {
  readonly status: StatusBody;
  constructor(status: StatusBody) {
    super(status.message ?? status.reason ?? `HTTP ${status.code}`);
    this.name = 'ApiError';
    this.status = status;
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string | undefined {
    return this.status.reason;
  }
}

/**
 * metav1.Status as kube-apiserver serializes it: fields in the Go struct's order (details before
 * code) and StatusDetails' `omitempty` — an empty name, group or kind is left out, not sent as "".
 */
export function statusFailure(
  code: number,
  reason: string,
  message: string,
  details?: StatusBody['details'],
): StatusBody {
  const body: StatusBody = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
  if (reason === '') delete body.reason; // StatusReasonUnknown is "" and omitted
  const d = details ? omitEmptyDetails(details) : undefined;
  if (!d) return body;
  const { code: _code, ...rest } = body;
  return { ...rest, details: d, code };
}

/** metav1.StatusCause: reason, message, field in that order, each left out when empty. */
function goCause(c: StatusCause): StatusCause {
  const out: Partial<StatusCause> = {};
  if (c.reason) out.reason = c.reason;
  if (c.message) out.message = c.message;
  if (c.field) out.field = c.field;
  return out as StatusCause;
}

/** StatusDetails with Go's omitempty applied (undefined and "" dropped, causes only when present). */
export function omitEmptyDetails(d: NonNullable<StatusBody['details']>): StatusBody['details'] | undefined {
  const out: NonNullable<StatusBody['details']> = {};
  if (d.name) out.name = d.name;
  if (d.group) out.group = d.group;
  if (d.kind) out.kind = d.kind;
  if (d.uid) out.uid = d.uid;
  if (d.causes && d.causes.length > 0) out.causes = d.causes.map(goCause);
  if (d.retryAfterSeconds) out.retryAfterSeconds = d.retryAfterSeconds;
  return Object.keys(out).length > 0 ? out : undefined;
}

export type { StatusCause };

/** `<resource>.<group>`, or just `<resource>` in the core group: how kube names a resource in messages. */
export function groupResource(group: string, resource: string): string {
  return group ? `${resource}.${group}` : resource;
}

/** `<Kind>.<group>` (core: `<Kind>`): how kube names a kind in "is invalid" messages. */
export function groupKind(group: string, kind: string): string {
  return group ? `${kind}.${group}` : kind;
}

function fail(code: number, reason: string, message: string, details?: StatusBody['details']): ApiError {
  return new ApiError(statusFailure(code, reason, message, details));
}

/** 404 `pods "x" not found` */
export function notFound(group: string, resource: string, name: string): ApiError {
  return fail(404, 'NotFound', `${groupResource(group, resource)} "${name}" not found`, {
    name,
    group: group || undefined,
    kind: resource,
  });
}

/** 409 `configmaps "x" already exists` */
export function alreadyExists(group: string, resource: string, name: string): ApiError {
  return fail(409, 'AlreadyExists', `${groupResource(group, resource)} "${name}" already exists`, {
    name,
    group: group || undefined,
    kind: resource,
  });
}

/** 409 optimistic-concurrency failure, worded exactly as kube-apiserver words it. */
export function conflict(
  group: string,
  resource: string,
  name: string,
  why = 'the object has been modified; please apply your changes to the latest version and try again',
): ApiError {
  return fail(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${groupResource(group, resource)} "${name}": ${why}`,
    {
      name,
      group: group || undefined,
      kind: resource,
    },
  );
}

/** 422 Invalid with field causes: `<Kind>.<group> "<name>" is invalid: <field>: <message>` */
export function invalid(
  group: string,
  kind: string,
  name: string,
  causes: StatusCause[],
  message?: string,
): ApiError {
  // field.ErrorList.ToAggregate: an identical `field: message` is said once (causes keep every one)
  const parts = [...new Set(causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)))];
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return fail(422, 'Invalid', message ?? `${groupKind(group, kind)} "${name}" is invalid: ${joined}`, {
    name,
    group: group || undefined,
    kind,
    causes,
  });
}

export function badRequest(message: string): ApiError {
  return fail(400, 'BadRequest', message);
}

export function forbidden(
  group: string,
  resource: string,
  name: string | undefined,
  message: string,
): ApiError {
  return fail(403, 'Forbidden', message, { name, group: group || undefined, kind: resource });
}

export function unauthorized(): ApiError {
  return fail(401, 'Unauthorized', 'Unauthorized');
}

export function methodNotAllowed(): ApiError {
  return fail(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
}

/** 503: kube-apiserver's watch cache answers lists and watches this way until it has filled after a start. */
export function storageInitializing(): ApiError {
  return fail(503, 'ServiceUnavailable', 'storage is (re)initializing');
}

/** 410 Expired: a watch or list from a resourceVersion the server no longer remembers. */
export function expired(message: string): ApiError {
  return fail(410, 'Expired', message);
}

export function unsupportedMediaType(message: string): ApiError {
  return fail(415, 'UnsupportedMediaType', message);
}

export function internalError(message: string): ApiError {
  return fail(500, 'InternalError', `Internal error occurred: ${message}`, {
    causes: [{ reason: '', message }],
  });
}

/** True when `e` is an ApiError with the given HTTP code (e.g. `isStatus(e, 404)`). */
export function isStatus(e: unknown, code: number): e is ApiError {
  return e instanceof ApiError && e.code === code;
}
