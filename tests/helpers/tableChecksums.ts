import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../src/server/db/database.ts';

export interface TableChecksum {
  rows: number;
  sha256: string;
}

/**
 * A value as both engines can agree on it: integers, bigints and numeric strings of either engine
 * all become decimal text, so SQLite's 5 and PostgreSQL's bigint '5' compare equal; text stays text.
 */
export function normalise(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `hex:${value.toString('hex')}`;
  return String(value);
}

/** One row as text: its columns in name order, each normalised. */
function canonicalRow(row: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(row).sort().map((column) => [column, normalise(row[column])]));
}

/**
 * Per table: the row count and a sha256 over every row. Rows are put in order here, by their
 * canonical text, rather than by ORDER BY: the engines collate text differently.
 */
export async function tableChecksums(database: Database, tables: readonly string[]): Promise<Record<string, TableChecksum>> {
  const out: Record<string, TableChecksum> = {};
  for (const table of tables) {
    const rows = await tableRows(database, table);
    const lines = rows.map(canonicalRow).sort();
    out[table] = { rows: rows.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
  }
  return out;
}

/** Every row of one table, every column. */
export async function tableRows(database: Database, table: string): Promise<Record<string, unknown>[]> {
  return (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db)).rows;
}

/** The tables of the database (of this connection's schema on PostgreSQL), by name. */
export async function listTables(database: Database): Promise<string[]> {
  if (database.engine === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(database.db);
    return rows.map((r) => r.name).sort();
  }
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(database.db);
  return rows.map((r) => r.name).sort();
}
