/**
 * What a caller may see of the live data: the stream's kinds and the timeline's entries, asked
 * as the caller through the access review cache (access-review.ts).
 */
import { Kinds, type AccessAttributes, type StreamKind } from '@irc/shared';
import type { FastifyRequest } from 'fastify';
import type { KubeClient } from '../kube/client.js';
import { identityKey } from '../me/whoami.js';
import { requestToken } from '../platform/request-client.js';
import type { AccessQuestion } from './access-review.js';

/** The access a user needs to see a kind on the stream (checked per user in token mode). */
export const KIND_ACCESS: Record<StreamKind, AccessAttributes> = {
  Config: Kinds.Config.access('watch'),
  ClusterOperator: Kinds.ClusterOperator.access('get'),
  Deployment: Kinds.Deployment.access('watch'),
  Pod: Kinds.Pod.access('watch'),
  Event: Kinds.Event.access('watch'),
};

/**
 * The kinds this caller may NOT see, with the reason: a SelfSubjectAccessReview per kind, as the
 * caller. Without a bearer token (kubeconfig mode only, forRequest refuses otherwise) the caller
 * is the server identity — asked too, since a kubeconfig user is not necessarily cluster-admin
 * and the timeline also holds the console's own entries, which the hub did not watch for.
 */
export async function deniedKinds(
  request: FastifyRequest,
  client: KubeClient,
  kinds: StreamKind[],
  maxAgeMs?: number,
): Promise<Map<StreamKind, string>> {
  const denied = new Map<StreamKind, string>();
  const identity = identityKey(requestToken(request));
  await Promise.all(
    kinds.map(async (kind) => {
      const answer = await request.server.accessReviews.review(client, identity, KIND_ACCESS[kind], maxAgeMs);
      if (!answer.allowed)
        denied.set(
          kind,
          answer.reason || `not allowed to ${KIND_ACCESS[kind].verb} ${KIND_ACCESS[kind].resource}`,
        );
    }),
  );
  return denied;
}

/** "May this caller get that object?" as the caller, through the access review cache. */
export function mayRead(request: FastifyRequest, client: KubeClient) {
  const identity = identityKey(requestToken(request));
  return async (question: AccessQuestion) =>
    (await request.server.accessReviews.review(client, identity, question)).allowed;
}
