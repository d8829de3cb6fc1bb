/** Notes a write made through the console on the timeline, under the caller's name. */
import type { FastifyRequest } from 'fastify';
import type { KubeClient } from '../kube/client.js';
import { whoami } from '../me/whoami.js';
import { requestToken } from '../platform/request-client.js';
import type { ChangeInput } from './timeline.js';

export async function recordConsoleChange(
  request: FastifyRequest,
  client: KubeClient,
  change: Omit<ChangeInput, 'user'>,
): Promise<void> {
  // The write has already happened: not knowing who made it must not turn it into an error.
  const user = await whoami(client, requestToken(request)).catch(() => ({ username: 'unknown' }));
  request.server.timeline.recordChange({ ...change, user: user.username });
}
