/** `GET /api/v1/history/traffic`: the registry's traffic over a range, from cluster monitoring. */
import { ApiRoutes } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apiRoute } from '../platform/api-route.js';
import { disconnectSignal, requestClient, requestToken } from '../platform/request-client.js';
import { identityKey } from '../me/whoami.js';
import { OPERATOR_NAME, parseRange, readTraffic } from './service.js';

export const historyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...apiRoute(ApiRoutes.historyTraffic),
    handler: async (request, reply) => {
      const range = parseRange(request.query.start, request.query.end);
      // Who is asking, proven to the cluster (a token it does not accept gets 401 here, as on
      // every route; monitoring alone would not say so when there is none). The answer itself
      // does not gate: monitoring decides what the caller may read.
      await app.accessReviews.review(requestClient(request, reply), identityKey(requestToken(request)), {
        verb: 'get',
        group: 'config.openshift.io',
        resource: 'clusteroperators',
        name: OPERATOR_NAME,
      });
      const token = app.cluster.monitoringToken(requestToken(request));
      const { history, series } = await readTraffic(
        app.monitoring,
        token,
        range,
        app.monitoringScrapeSeconds,
        disconnectSignal(reply),
      );
      return {
        history,
        start: new Date(range.startMs).toISOString(),
        end: new Date(range.endMs).toISOString(),
        series,
      };
    },
  });
};
