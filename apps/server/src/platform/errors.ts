/**
 * One error shape for every route ({@link ErrorBody}); 409 on the config carries the live
 * object. Messages are ours or the API server's Status message — never an exception's text,
 * which for client-node embeds response bodies and headers.
 */
import { ErrorBodySchema, type ErrorBody, type FieldError } from '@irc/shared';
import type { FastifyError, FastifyInstance } from 'fastify';
import { KubeError } from '../kube/errors.js';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** Response schemas for the error codes a route can answer (kept in the OpenAPI document). */
export function errorResponses<C extends readonly number[]>(
  ...codes: C
): { [K in C[number]]: typeof ErrorBodySchema } {
  return Object.fromEntries(codes.map((c) => [c, ErrorBodySchema])) as {
    [K in C[number]]: typeof ErrorBodySchema;
  };
}

/** Conflict answers carry their own body (see config/routes.ts). */
export interface BodyCarryingError {
  responseBody(): unknown;
}

function hasBody(err: unknown): err is BodyCarryingError {
  return typeof (err as Partial<BodyCarryingError>).responseBody === 'function';
}

/** Ajv instancePath `/patch/routes/0/name` → `spec.routes[0].name` (the section patch mirrors spec). */
export function validationPath(instancePath: string, missing?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (missing) parts.push(missing);
  let path = '';
  for (const p of parts) path += /^\d+$/.test(p) ? `[${p}]` : path ? `.${p}` : p;
  return path.startsWith('patch.') || path === 'patch' ? path.replace(/^patch/, 'spec') : path;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | KubeError | HttpError, request, reply) => {
    if (hasBody(err)) return reply.status(err.statusCode ?? 500).send(err.responseBody());
    let body: ErrorBody;
    if (err instanceof KubeError) {
      body = { statusCode: err.statusCode, reason: err.reason, message: err.message };
      if (err.fieldErrors.length > 0) body.fieldErrors = err.fieldErrors;
      if (err.statusCode >= 500)
        request.log.warn({ statusCode: err.statusCode, reason: err.reason }, 'cluster error');
    } else if (err instanceof HttpError) {
      body = { statusCode: err.statusCode, reason: err.reason, message: err.message };
    } else if ('validation' in err && err.validation) {
      const fieldErrors = toFieldErrors(err.validation);
      const isBody = err.validationContext === 'body';
      body = {
        statusCode: isBody ? 422 : 400,
        reason: isBody ? 'Invalid' : 'BadRequest',
        message: `invalid ${err.validationContext ?? 'request'}: ${fieldErrors.map((f) => `${f.path || '(root)'} ${f.message}`).join('; ')}`,
        fieldErrors,
      };
    } else if (typeof err.statusCode === 'number' && err.statusCode < 500) {
      body = {
        statusCode: err.statusCode,
        reason: reasonFor(err.statusCode),
        message: safeClientMessage(err),
      };
    } else {
      request.log.error({ err: { name: err.name, code: (err as FastifyError).code } }, 'unhandled error');
      body = { statusCode: 500, reason: 'InternalError', message: 'internal error' };
    }
    return reply.status(body.statusCode).send(body);
  });
}

interface SchemaError {
  keyword?: string;
  instancePath: string;
  params?: Record<string, unknown>;
  message?: string;
}

/**
 * Schema errors (TypeBox's, ajv-shaped) → one field error per problem: a required property
 * becomes its own path, an unknown one is "unknown field", and the noise of nullable unions
 * (`must be null`, `must match a schema in anyOf`) is dropped when a precise error exists.
 */
export function toFieldErrors(errors: readonly SchemaError[]): FieldError[] {
  const out: FieldError[] = [];
  for (const v of errors) {
    const params = v.params ?? {};
    if (v.keyword === 'anyOf' || (v.keyword === 'type' && params.type === 'null')) continue;
    if (v.keyword === 'additionalProperties' && Array.isArray(params.additionalProperties)) continue; // reported per field below
    if (v.keyword === 'boolean' || typeof params.additionalProperty === 'string') {
      out.push({
        path: validationPath(v.instancePath, params.additionalProperty as string | undefined),
        message: 'unknown field',
      });
    } else if (Array.isArray(params.requiredProperties) || typeof params.missingProperty === 'string') {
      const missing = (params.requiredProperties as string[] | undefined) ?? [
        params.missingProperty as string,
      ];
      for (const name of missing)
        out.push({ path: validationPath(v.instancePath, name), message: 'is required' });
    } else {
      out.push({ path: validationPath(v.instancePath), message: v.message ?? 'invalid' });
    }
  }
  const unique = [...new Map(out.map((e) => [`${e.path}|${e.message}`, e])).values()];
  if (unique.length === 0 && errors[0])
    return [{ path: validationPath(errors[0].instancePath), message: errors[0].message ?? 'invalid' }];
  return unique;
}

function reasonFor(code: number): string {
  return (
    {
      400: 'BadRequest',
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'NotFound',
      413: 'RequestEntityTooLarge',
      415: 'UnsupportedMediaType',
      429: 'TooManyRequests',
    }[code] ?? 'BadRequest'
  );
}

/**
 * Fastify's own 4xx errors. A JSON syntax error's text quotes the body (which may hold a secret
 * the user was sending), so body-parsing errors get fixed sentences.
 */
function safeClientMessage(err: FastifyError): string {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'request body too large';
  if (err.code?.startsWith('FST_ERR_CTP') || err instanceof SyntaxError)
    return 'request body is not valid JSON';
  if (err.statusCode === 429) return 'too many changes in a short time: wait a moment and retry';
  return 'bad request';
}
