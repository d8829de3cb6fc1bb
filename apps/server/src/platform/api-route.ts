/**
 * Fastify route options from a row of the shared route table (`ApiRoutes`): method, path,
 * schemas, the OpenAPI tags and summary and the error answers all come from the row; a route
 * that changes something (any method but GET) is rate-limited per identity. Register the result
 * under `API_PREFIX` (app.ts) with a handler: `app.route({ ...apiRoute(ApiRoutes.config), handler })`.
 */
import type { ApiRoute } from '@irc/shared';
import type { TSchema } from 'typebox';
import { errorResponses } from './errors.js';
import { mutationRateLimit } from './security.js';

type Part<R, K extends 'params' | 'query' | 'headers' | 'body'> = R extends {
  [P in K]: infer S extends TSchema;
}
  ? S
  : undefined;

type Responses<R> = R extends { responses: infer X extends Record<number, TSchema> } ? X : unknown;

export function apiRoute<const R extends ApiRoute>(route: R) {
  const schema = {
    tags: route.tags,
    summary: route.summary,
    ...(route.produces ? { produces: route.produces } : {}),
    ...(route.params ? { params: route.params } : {}),
    ...(route.query ? { querystring: route.query } : {}),
    ...(route.headers ? { headers: route.headers } : {}),
    ...(route.body ? { body: route.body } : {}),
    response: { 200: route.response, ...route.responses, ...errorResponses(...route.errors) },
  };
  return {
    method: route.method,
    url: route.path,
    ...(route.method === 'GET' ? {} : { config: mutationRateLimit }),
    schema: schema as {
      tags: readonly string[];
      summary: string;
      params: Part<R, 'params'>;
      querystring: Part<R, 'query'>;
      headers: Part<R, 'headers'>;
      body: Part<R, 'body'>;
      response: { 200: R['response'] } & Responses<R> & ReturnType<typeof errorResponses<R['errors']>>;
    },
  };
}
