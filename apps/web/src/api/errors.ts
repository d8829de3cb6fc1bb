import type { ErrorBody } from '@irc/shared';
import { ApiError } from '../platform/http.js';

/** The per-field errors of a 422/400 answer of any write (empty for any other error). */
export function fieldErrorsOf(error: unknown): NonNullable<ErrorBody['fieldErrors']> {
  if (!(error instanceof ApiError) || (error.status !== 422 && error.status !== 400)) return [];
  const body = error.body as Partial<ErrorBody> | undefined;
  return body?.fieldErrors ?? [];
}
