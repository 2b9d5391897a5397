import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../src/server/db/database.ts';

/** Per table: how many rows, a checksum of them, and one of each column's values (order-independent). */
export type DbSnapshot = Record<string, { rows: number; checksum: string; columns: Record<string, string> }>;

/** Left out of the snapshot, per table: the columns (or the whole table) an action may change. */
export type IgnoredColumns = Readonly<Record<string, readonly string[] | 'whole table'>>;

const checksum = (values: string[]) => createHash('sha256').update(values.sort().join('\n')).digest('hex').slice(0, 16);

/**
 * Every table of the database (SQLite or this test's PostgreSQL schema), found by introspection so
 * a table added later is covered too. A checksum per column, so a difference names the column.
 * Meant for the small databases of the api tests.
 */
export async function snapshotDatabase(database: Database, ignore: IgnoredColumns = {}): Promise<DbSnapshot> {
  // PostgreSQL's introspection lists every schema; the tests' search_path names their own.
  const own =
    database.engine === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]?.s : undefined;
  const tables = (await database.db.introspection.getTables()).filter((t) => own === undefined || t.schema === own);
  const snapshot: DbSnapshot = {};
  for (const table of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    const ignored = ignore[table.name] ?? [];
    if (ignored === 'whole table') continue;
    const rows = (await database.db.selectFrom(table.name as never).selectAll().execute()) as Record<string, unknown>[];
    const kept = table.columns.map((c) => c.name).filter((c) => !ignored.includes(c));
    const text = (v: unknown) => JSON.stringify(v instanceof Date ? v.toISOString() : v);
    snapshot[table.name] = {
      rows: rows.length,
      // Whole rows catch two rows trading values; the columns name what changed.
      checksum: checksum(rows.map((r) => kept.map((c) => text(r[c])).join('\t'))),
      columns: Object.fromEntries(kept.map((c) => [c, checksum(rows.map((r) => text(r[c])))])),
    };
  }
  return snapshot;
}
