/**
 * The Kubernetes client for one browser request: acts as the caller's bearer token (or, in
 * kubeconfig mode without a token, as the server), and is aborted when the browser goes away.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../kube/access.js';
import type { KubeClient } from '../kube/client.js';

export function requestToken(request: FastifyRequest): string | undefined {
  return bearerToken(request.headers.authorization);
}

/** Aborted when the response closes before it finished (client disconnect). */
export function disconnectSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

export function requestClient(request: FastifyRequest, reply: FastifyReply): KubeClient {
  return request.server.cluster.forRequest(requestToken(request), disconnectSignal(reply));
}
