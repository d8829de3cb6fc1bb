/**
 * Fastify route options from a row of the shared route table (`ApiRoutes`): method, path and
 * schemas come from the row; the server adds the OpenAPI tags and summary, the error answers
 * and the route config. Register the result under `API_PREFIX` (app.ts) with a handler:
 * `app.route({ ...apiRoute(ApiRoutes.config, { ... }), handler })`.
 */
import type { ApiRoute } from '@irc/shared';
import type { TSchema } from 'typebox';
import { errorResponses } from './errors.js';

type Part<R, K extends 'params' | 'query' | 'headers' | 'body'> = R extends {
  [P in K]: infer S extends TSchema;
}
  ? S
  : undefined;

export interface RouteDoc<C extends number[], X extends Record<number, TSchema>> {
  tags: string[];
  summary: string;
  /** Error codes the route can answer, with the common error body. */
  errors: C;
  /** Other answers with their own body (409 with the live object). */
  responses?: X;
  /** Content types of the 200 answer other than JSON (OpenAPI `produces`). */
  produces?: string[];
  /** Route config (e.g. `mutationRateLimit`). */
  config?: Record<string, unknown>;
}

export function apiRoute<
  const R extends ApiRoute,
  const C extends number[],
  const X extends Record<number, TSchema> = Record<never, TSchema>,
>(route: R, doc: RouteDoc<C, X>) {
  const schema = {
    tags: doc.tags,
    summary: doc.summary,
    ...(doc.produces ? { produces: doc.produces } : {}),
    ...(route.params ? { params: route.params } : {}),
    ...(route.query ? { querystring: route.query } : {}),
    ...(route.headers ? { headers: route.headers } : {}),
    ...(route.body ? { body: route.body } : {}),
    response: { 200: route.response, ...doc.responses, ...errorResponses(...doc.errors) },
  };
  return {
    method: route.method,
    url: route.path,
    ...(doc.config ? { config: doc.config } : {}),
    schema: schema as {
      tags: string[];
      summary: string;
      params: Part<R, 'params'>;
      querystring: Part<R, 'query'>;
      headers: Part<R, 'headers'>;
      body: Part<R, 'body'>;
      response: { 200: R['response'] } & X & ReturnType<typeof errorResponses<C>>;
    },
  };
}
