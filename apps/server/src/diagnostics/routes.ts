/** `GET /api/v1/diagnostics`: the troubleshooting checklist, computed live as the caller. */
import { DiagnosticsResponseSchema } from '@irc/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../platform/errors.js';
import { requestClient } from '../platform/request-client.js';
import { clusterOperatorStep, configStep, operatorStep, registryDeploymentStep, registryPodsStep } from './checks.js';
import { eventsStep, routesStep, storageStep } from './checks-storage.js';
import { gather } from './gather.js';
import { worst } from './step.js';

export const diagnosticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/diagnostics',
    {
      schema: {
        tags: ['diagnostics'],
        summary: 'The "Identifying errors" checklist computed live: one verdict per step with evidence and next steps',
        response: { 200: DiagnosticsResponseSchema, ...errorResponses(401, 503) },
      },
    },
    async (request, reply) => {
      const g = await gather(requestClient(request, reply));
      const steps = [
        clusterOperatorStep(g),
        configStep(g),
        registryDeploymentStep(g),
        registryPodsStep(g),
        operatorStep(g),
        storageStep(g),
        routesStep(g),
        eventsStep(g),
      ];
      return { generatedAt: new Date().toISOString(), verdict: worst(...steps.map((s) => s.verdict)), steps };
    },
  );
};
