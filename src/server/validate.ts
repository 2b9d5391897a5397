import type { z } from 'zod';
import { describeZodError, HttpError, zodErrorField } from './errors.ts';

/**
 * Where in `value` a string holds a NUL character (U+0000), as a path like `draft.campaign.title.zh`;
 * null when none does. PostgreSQL text cannot hold NUL, and no person types one on purpose.
 */
export function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key].join('.');
    const found = nulPath(child, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Parses input with a shared schema; a failure is a 400 that names the field that is wrong. Text
 * holding a NUL is refused too (400 `invalid_text`), unless the caller checks it piece by piece
 * (push refuses such a record alone, so one bad record never refuses a whole batch).
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what = 'request body',
  options: { nulCheckedLater?: boolean } = {},
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, 'invalid_request', describeZodError(result.error, what), { field: zodErrorField(result.error) || what });
  const nul = options.nulCheckedLater ? null : nulPath(result.data);
  if (nul !== null) {
    throw new HttpError(400, 'invalid_text', `${nul === '' ? what : nul}: text must not contain the NUL character (U+0000); remove it and send again`, {
      field: nul === '' ? what : nul,
    });
  }
  return result.data;
}
