/** Building findings: evidence redacted, a read that failed said as such. */
import { NodeUnreachableError, type DiagnosticLink, type Finding, type ObjectRef } from '@irc/shared';
import type { Read } from './gather.js';
import { redact } from './redact.js';
import type { StorageCause } from './texts/storage-errors.js';

export type FindingInput = Omit<Finding, 'links'> & { links?: DiagnosticLink[] };

export function finding(input: FindingInput): Finding {
  return {
    ...input,
    evidence: [...new Set(input.evidence.map(redact))],
    links: input.links ?? [],
  };
}

/** A finding from a classified storage error, with the evidence that showed it. */
export function causeFinding(
  cause: StorageCause,
  severity: Finding['severity'],
  evidence: string[],
  links: DiagnosticLink[] = [],
): Finding {
  return finding({ ...cause, severity, evidence, links });
}

/** "you may not read pods" / "pods: <error>" for a failed read. */
export function readProblem(what: string, read: Read<unknown>): string | undefined {
  if (read.ok) return undefined;
  if (read.error.statusCode === 403) return `you may not read ${what} (403 Forbidden)`;
  return `${what} could not be read: ${read.error.message}`;
}

/**
 * A step that could not read what it needs says so: severity `unknown`, never ok. `command`
 * lets an admin check the caller's access.
 */
export function cannotRead(what: string, read: Read<unknown>, object: ObjectRef, command: string): Finding {
  const forbidden = !read.ok && read.error.statusCode === 403;
  const nodeUnreachable = !read.ok && read.error.reason === NodeUnreachableError.reason;
  return finding({
    code: 'cannot-read',
    severity: 'unknown',
    summary: `Could not check: ${readProblem(what, read) ?? what}`,
    object,
    evidence: [readProblem(what, read) ?? ''],
    nextStep: forbidden
      ? `Your account may not read ${what}: ask for read access in openshift-image-registry (the view role), or ask an administrator to run this check.`
      : nodeUnreachable
        ? "The kubelet of this pod's node does not answer (node down or NotReady, kubelet stopped, network): look at the node's conditions. Pods on a node that stays unreachable are evicted after their toleration (5 minutes by default) and started elsewhere."
        : 'The cluster did not answer this read; run the check again, and if it persists, check the API server.',
    command: nodeUnreachable ? `${command}; oc get nodes` : command,
  });
}
