/**
 * Kubernetes failures, mapped once. `ApiException.message` embeds the raw body and headers, so
 * it is never forwarded: only the parsed metav1.Status (reason, message, causes) is kept — and
 * redacted (redact.ts) as the KubeError is made, since a KubeError's text is what browsers see.
 */
import { ApiException } from '@kubernetes/client-node';
import type { FieldError } from '@irc/shared';
import { redactUpstreamText } from './redact.js';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export class KubeError extends Error {
  /** How long the API asked us to wait (Retry-After header, or the Status' details.retryAfterSeconds on 429/5xx). */
  retryAfterSeconds?: number;

  readonly causes: StatusCause[];

  /**
   * `message` and the causes' messages are redacted here, whoever builds the error (a Status
   * parsed below, a watch's ERROR event, our own wording): none can reach a browser unredacted.
   */
  constructor(
    readonly statusCode: number,
    readonly reason: string,
    message: string,
    causes: StatusCause[] = [],
  ) {
    super(redactUpstreamText(message));
    this.name = 'KubeError';
    this.causes = causes.map((c) => (c.message ? { ...c, message: redactUpstreamText(c.message) } : c));
  }

  get fieldErrors(): FieldError[] {
    return this.causes
      .filter((c) => c.field || c.message)
      .map((c) => ({ path: c.field ?? '', message: c.message ?? c.reason ?? 'invalid' }));
  }
}

const REASON_BY_CODE: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Expired',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

interface StatusLike {
  kind?: string;
  code?: number;
  reason?: string;
  message?: string;
  details?: { causes?: StatusCause[]; retryAfterSeconds?: number };
}

/** Build from a metav1.Status body (a string as client-node keeps it, or an object). */
export function kubeErrorFromStatus(code: number, body: unknown): KubeError {
  let status: StatusLike | undefined;
  if (typeof body === 'string') {
    try {
      status = JSON.parse(body) as StatusLike;
    } catch {
      status = undefined;
    }
  } else if (body && typeof body === 'object') {
    status = body as StatusLike;
  }
  const reason = status?.reason || REASON_BY_CODE[code] || 'Error';
  const message = status?.kind === 'Status' && status.message ? status.message : defaultMessage(code, reason);
  const error = new KubeError(code, reason, message, status?.details?.causes ?? []);
  const retryAfter = status?.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number' && retryAfter > 0) error.retryAfterSeconds = retryAfter;
  return error;
}

/** `Retry-After: <seconds>` or `Retry-After: <HTTP date>` → seconds (undefined if absent or unreadable). */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

function defaultMessage(code: number, reason: string): string {
  if (code === 401) return 'the cluster did not accept the credentials (token expired or invalid)';
  if (code === 404) return 'not found';
  return `the cluster answered ${code} ${reason}`;
}

/** Any error from a Kubernetes call → KubeError (network failures → 503, aborts → 504). */
export function toKubeError(err: unknown): KubeError {
  if (err instanceof KubeError) return err;
  if (err instanceof ApiException) return kubeErrorFromStatus(err.code, err.body);
  const e = err as { name?: string; code?: string | number; type?: string; statusCode?: number } | undefined;
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') {
    return new KubeError(504, 'Timeout', 'the cluster did not answer in time');
  }
  if (typeof e?.statusCode === 'number') return kubeErrorFromStatus(e.statusCode, undefined);
  if (e?.type === 'system' || typeof e?.code === 'string') {
    return new KubeError(
      503,
      'ServiceUnavailable',
      `the cluster is unreachable (${String(e?.code ?? 'network error')})`,
    );
  }
  return new KubeError(500, 'InternalError', 'unexpected error talking to the cluster');
}

export function isNotFound(err: unknown): boolean {
  return toKubeError(err).statusCode === 404;
}

/** A 422 naming one field, worded like the API server's own `Invalid` answers (`path: message`). */
export function invalidField(path: string, message: string): KubeError {
  return new KubeError(422, 'Invalid', `${path}: ${message}`, [{ field: path, message }]);
}
