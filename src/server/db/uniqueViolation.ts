/**
 * A write refused by a unique index: a check made before the write lost a race with another
 * request. Callers answer it as the conflict the check would have reported, never as a 500.
 * `name`: part of the index name (PostgreSQL: "staff_staff_no") or of the column SQLite names
 * ("UNIQUE constraint failed: staff.staff_no").
 */
export function isUniqueViolation(error: unknown, name?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint, message } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code !== '23505' && code !== 'SQLITE_CONSTRAINT_UNIQUE') return false;
  if (name === undefined) return true;
  const where = typeof constraint === 'string' ? constraint : typeof message === 'string' ? message : '';
  return where.includes(name);
}
