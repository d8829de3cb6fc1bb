/**
 * A save that writes several objects is asked about first: each write as a
 * SelfSubjectAccessReview made as the caller, so a user allowed the first write and not the
 * second is refused before anything changes (the API server checks each request alone, and a
 * 403 on the second would leave the first in place).
 */
import type { AccessAnswer, AccessQuestion } from '../access/access-review.js';
import { KubeError } from './errors.js';

export interface PlannedWrite {
  question: AccessQuestion;
  /** What the write does, for the refusal: "patch images.config.openshift.io/cluster". */
  what: string;
}

/** Asks the caller's question; the route binds it to the caller's identity (uncached for writes). */
export type MayWrite = (question: AccessQuestion) => Promise<AccessAnswer>;

export async function assertMayWriteAll(may: MayWrite, writes: readonly PlannedWrite[]): Promise<void> {
  const answers = await Promise.all(writes.map((w) => may(w.question)));
  const refused = writes.filter((_, i) => !answers[i]?.allowed);
  if (refused.length === 0) return;
  throw new KubeError(
    403,
    'Forbidden',
    `nothing was changed: this save also needs to ${refused.map((w) => w.what).join(' and ')}, which you may not do`,
  );
}
