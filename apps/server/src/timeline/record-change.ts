/**
 * Records a write made through the console as a Kubernetes Event on the changed object, created
 * as the caller (who, which fields, the `oc` command), so every replica and `oc get events` see
 * it; this replica shows it at once. A caller who may not create Events still gets the change on
 * this replica's timeline (and the log says why it is not shared); so do Secret changes (below).
 */
import type { FastifyRequest } from 'fastify';
import type { KubeClient } from '../kube/client.js';
import { toKubeError } from '../kube/errors.js';
import type { KubeObjectLike } from '../kube/resources.js';
import { whoami } from '../me/whoami.js';
import { requestToken } from '../platform/request-client.js';
import { consoleChangeEvent } from './console-events.js';
import type { ChangeInput } from './timeline.js';

export async function recordConsoleChange(
  request: FastifyRequest,
  client: KubeClient,
  change: Omit<ChangeInput, 'user'>,
): Promise<void> {
  // The write has already happened: not knowing who made it must not turn it into an error.
  const user = await whoami(client, requestToken(request)).catch(() => ({ username: 'unknown' }));
  const input = { ...change, user: user.username };
  // An Event is readable by whoever may read events in its namespace — more people than may
  // read a Secret; which keys of a Secret changed stays on this replica's timeline, behind the
  // Secret's own read check.
  if (change.object.kind === 'Secret') return void request.server.timeline.recordChange(input);
  const event = consoleChangeEvent(input);
  try {
    const created = await client.core.createNamespacedEvent(
      { namespace: event.metadata?.namespace ?? 'default', body: event },
      client.opts(),
    );
    request.server.timeline.observeEvent(JSON.parse(JSON.stringify(created)) as KubeObjectLike);
  } catch (err) {
    request.log.warn(
      { err: toKubeError(err).message, object: change.object },
      'console change not recorded as an Event: only this replica shows it',
    );
    request.server.timeline.recordChange(input);
  }
}
