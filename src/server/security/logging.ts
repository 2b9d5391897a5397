import type { FastifyServerOptions } from 'fastify';
import { SESSION_HEADER } from '../../shared/apiPaths.ts';

/** Where and how much to log; tests pass a stream to read what was written. */
export interface LogOptions {
  level?: string;
  stream?: { write(line: string): void };
}

/**
 * Never in a log line: tokens, PINs, passwords, enrolment and set-password codes. Fastify's request log has method, url and
 * address only (no headers, no body), and nothing here logs a body; these paths censor them
 * wherever a header set, a body or an error detail is logged all the same. A PostgreSQL error's
 * `detail` can quote a row ("Failing row contains …"), which may hold what a customer said.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  `req.headers["${SESSION_HEADER}"]`,
  'headers.authorization',
  'headers.cookie',
  `headers["${SESSION_HEADER}"]`,
  'req.body',
  'body',
  'pin',
  '*.pin',
  'password',
  '*.password',
  'newPin',
  '*.newPin',
  'passwordCode',
  '*.passwordCode',
  'deviceToken',
  '*.deviceToken',
  'sessionToken',
  '*.sessionToken',
  'enrolmentCode',
  '*.enrolmentCode',
  'err.detail',
  'err.parameters',
];

export function loggerOptions(logger: boolean | LogOptions | undefined): FastifyServerOptions['logger'] {
  if (logger === undefined || logger === false) return false;
  const { level, stream } = logger === true ? {} : logger;
  return {
    level: level ?? process.env.LOG_LEVEL ?? 'warn',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    ...(stream === undefined ? {} : { stream }),
  };
}
