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
  const body: StatusBody = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) body.details = details;
  return body;
}

export type { StatusCause };
