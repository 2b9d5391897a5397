import { createHash } from 'node:crypto';
import type { Database } from '../../src/server/db/database.ts';
import { listTables, normalise, tableRows } from './tableChecksums.ts';

/** Per table: how many rows, a checksum of them, and one of each column's values (order-independent). */
export type DbSnapshot = Record<string, { rows: number; checksum: string; columns: Record<string, string> }>;

/** Left out of the snapshot, per table: the columns (or the whole table) an action may change. */
export type IgnoredColumns = Readonly<Record<string, readonly string[] | 'whole table'>>;

const checksum = (values: string[]) => createHash('sha256').update(values.sort().join('\n')).digest('hex').slice(0, 16);

/**
 * Every table of the database (SQLite or this test's PostgreSQL schema), listed from the database
 * itself so a table added later is covered too. A checksum per column, so a difference names the
 * column. Meant for the small databases of the api tests.
 */
export async function snapshotDatabase(database: Database, ignore: IgnoredColumns = {}): Promise<DbSnapshot> {
  const snapshot: DbSnapshot = {};
  for (const table of await listTables(database)) {
    const ignored = ignore[table] ?? [];
    if (ignored === 'whole table') continue;
    const rows = await tableRows(database, table);
    const kept = Object.keys(rows[0] ?? {}).sort().filter((c) => !ignored.includes(c));
    const text = (v: unknown) => JSON.stringify(normalise(v));
    snapshot[table] = {
      rows: rows.length,
      // Whole rows catch two rows trading values; the columns name what changed.
      checksum: checksum(rows.map((r) => kept.map((c) => text(r[c])).join('\t'))),
      columns: Object.fromEntries(kept.map((c) => [c, checksum(rows.map((r) => text(r[c])))])),
    };
  }
  return snapshot;
}
