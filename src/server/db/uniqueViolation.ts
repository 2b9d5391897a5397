/**
 * A write refused by a unique index: a check made before the write lost a race with another
 * request. Callers answer it as the conflict the check would have reported, never as a 500.
 */
export function isUniqueViolation(error: unknown, index?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint, message } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  // PostgreSQL names the index; SQLite names the columns ("UNIQUE constraint failed: staff.staff_no").
  if (code === '23505') return index === undefined || constraint === index;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') return index === undefined || (typeof message === 'string' && message.includes(index));
  return false;
}
