import { NodeUnreachableError } from '@irc/shared';
import { ApiError } from '../../platform/http.js';

/** The server's answer for a log whose pod's node (its kubelet) cannot be reached. */
export function isNodeUnreachable(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.body as { reason?: unknown } | undefined)?.reason === NodeUnreachableError.reason
  );
}
