import type { ZodError } from 'zod';
import type { ErrorCode, ErrorParamName, ErrorParamsOf, ErrorParamValue } from '../shared/errorCodes.ts';

type Details = Readonly<Record<string, unknown>>;

/** A code with params must be given them; one without takes none (then details may follow `{}`). */
type ParamArgs<C extends ErrorCode> = [ErrorParamName<C>] extends [never]
  ? [params?: Readonly<Record<string, never>>, details?: Details]
  : [params: ErrorParamsOf<C>, details?: Details];

/**
 * A failure the caller can act on: status, a stable code for programs and a message for people
 * (English, for API users and logs); `params` are the values the message carries, so a page can
 * word the code in its own language (errorCodes.ts lists each code's). `details` adds fields to the
 * body where the shared schemas define more (e.g. what is missing).
 */
export class HttpError<C extends ErrorCode = ErrorCode> extends Error {
  readonly params: Readonly<Record<string, ErrorParamValue>>;
  readonly details: Details;

  constructor(
    readonly statusCode: number,
    readonly code: C,
    message: string,
    ...[params, details]: ParamArgs<C>
  ) {
    super(message);
    this.name = 'HttpError';
    this.params = params ?? {};
    this.details = details ?? {};
  }
}

export const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);

/** The first field a zod error names ("entries.3.seq"), or '' for the whole value. */
export const zodErrorField = (error: ZodError): string => error.issues[0]?.path.map(String).join('.') ?? '';

/** "entries.3.seq: expected number, received string" — names the field so the sender can fix it. */
export function describeZodError(error: ZodError, what = 'request body'): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? `${what}: ${issue.message}` : `${path}: ${issue.message}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more problems)` : '';
  return `${parts.join('; ')}${more}`;
}
