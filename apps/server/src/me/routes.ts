/** `GET /api/v1/me`: who the caller is and what they may do, with reasons. */
import { ApiRoutes, PERMISSION_CHECKS, type AccessAttributes, type Permission } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apiRoute } from '../platform/api-route.js';
import { requestClient, requestToken } from '../platform/request-client.js';
import { identityKey, whoami } from './whoami.js';

/** A sentence the UI can show next to a disabled control. */
function deniedReason(username: string, c: AccessAttributes, authorizerReason: string): string {
  const what = `${c.resource}${c.subresource ? `/${c.subresource}` : ''}${c.group ? `.${c.group}` : ''}${c.name ? ` "${c.name}"` : ''}`;
  const where = c.namespace ? ` in namespace ${c.namespace}` : '';
  const base = `${username} may not ${c.verb} ${what}${where}`;
  return authorizerReason ? `${base} (${authorizerReason})` : base;
}

export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...apiRoute(ApiRoutes.me),
    handler: async (request, reply) => {
      const client = requestClient(request, reply);
      const token = requestToken(request);
      const user = await whoami(client, token);
      const identity = identityKey(token);
      const permissions: Permission[] = await Promise.all(
        Object.entries(PERMISSION_CHECKS).map(async ([id, check]) => {
          const answer = await app.accessReviews.review(client, identity, check);
          return {
            id,
            ...check,
            allowed: answer.allowed,
            reason: answer.allowed
              ? answer.reason || 'allowed'
              : deniedReason(user.username, check, answer.reason),
          };
        }),
      );
      return { user, authMode: token ? ('token' as const) : app.cluster.authMode, permissions };
    },
  });
};
