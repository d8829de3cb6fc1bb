/**
 * pino options: secrets never reach a log line. Request logs carry method, url and status
 * only; headers that carry credentials and any secret data are redacted should they be logged.
 */
import type { FastifyServerOptions } from 'fastify';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrftoken"]',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
  '*.data',
  '*.stringData',
  '*.values',
  '*.token',
  '*.password',
  'body',
];

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    ...(stream ? { stream } : {}),
  } as FastifyServerOptions['logger'];
}
