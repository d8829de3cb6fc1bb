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
  if (details) body.details = details;
  return body;
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
  const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
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
