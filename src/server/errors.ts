import type { ZodError } from 'zod';

/**
 * A failure the caller can act on: status, a stable code for programs and a message for people;
 * `details` adds fields to the body where the shared schemas define more (e.g. what is missing).
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);

/** "entries.3.seq: expected number, received string" — names the field so the sender can fix it. */
export function describeZodError(error: ZodError, what = 'request body'): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? `${what}: ${issue.message}` : `${path}: ${issue.message}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more problems)` : '';
  return `${parts.join('; ')}${more}`;
}
