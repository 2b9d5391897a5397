import type { z } from 'zod';
import { describeZodError, HttpError } from './errors.ts';

/** Parses input with a shared schema; a failure is a 400 that names the field that is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = 'request body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, 'invalid_request', describeZodError(result.error, what));
  return result.data;
}
