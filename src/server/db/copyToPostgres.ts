import BetterSqlite3 from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';
import { LATEST_SCHEMA_VERSION, migrate } from './migrate.ts';
import type { Schema } from './schema.ts';
import { withStartupLock } from './startupLock.ts';

/**
 * Copies a whole talktrack SQLite database into PostgreSQL (`npm run migrate-to-postgres`): the
 * target is migrated with the same migrations, then every row of every table is copied in one
 * PostgreSQL transaction, parents before children, a batch of rows per INSERT. Either all of it
 * is there afterwards or none of it.
 */

/**
 * Tables whose rows the target's own migrations write: schema_version is kept as they wrote it;
 * rev_counter's one row is replaced by the source's.
 */
const WRITTEN_BY_MIGRATIONS = 'schema_version';
const REPLACED = 'rev_counter';

/** Rows per INSERT: 500 rows of the widest table (about 20 columns) stay far below PostgreSQL's 65,535 parameters. */
export const DEFAULT_BATCH_ROWS = 500;

/** The copy was refused before anything was written; the message says why and what to do. */
export class CopyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyRefusedError';
  }
}

export interface CopyOptions {
  sqliteFile: string;
  target: Database;
  batchRows?: number;
  log?: (line: string) => void;
}

/** Rows copied, per table, in the order they were copied. */
export type CopyCounts = Record<string, number>;

type Row = Record<string, unknown>;

function openSource(file: string): BetterSqlite3.Database {
  try {
    return new BetterSqlite3(file, { fileMustExist: true });
  } catch (error) {
    throw new CopyRefusedError(`cannot open the SQLite database ${file} (${error instanceof Error ? error.message : String(error)}); give the path of talktrack.sqlite with --from`);
  }
}

/** The source's tables to copy, parents before the tables whose foreign keys name them. */
function checkSource(source: BetterSqlite3.Database, file: string): string[] {
  const tables = source.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by rowid`).pluck().all() as string[];
  if (!tables.includes(WRITTEN_BY_MIGRATIONS)) {
    throw new CopyRefusedError(`${file} is not a talktrack database (it has no schema_version table)`);
  }
  const version = (source.prepare('select max(version) from schema_version').pluck().get() as number | null) ?? 0;
  if (version !== LATEST_SCHEMA_VERSION) {
    throw new CopyRefusedError(
      version < LATEST_SCHEMA_VERSION
        ? `${file} is at schema version ${version}, this release at ${LATEST_SCHEMA_VERSION}: start the server on it once (DATA_DIR=its directory npm run serve) so that it is migrated, stop it, then copy it`
        : `${file} is at schema version ${version}, written by a newer talktrack than this one (${LATEST_SCHEMA_VERSION}); copy it with that release`,
    );
  }
  const parents = (table: string) =>
    (source.prepare('select "table" from pragma_foreign_key_list(?)').pluck().all(table) as string[]).filter((p) => p !== table);
  return dependencyOrder(tables.filter((t) => t !== WRITTEN_BY_MIGRATIONS), parents);
}

/**
 * Parents first, read from the foreign keys themselves, so that a table a later migration adds is
 * copied in its place without anyone listing it here. Ties keep the order the tables were created in.
 */
function dependencyOrder(tables: readonly string[], parents: (table: string) => readonly string[]): string[] {
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: string, path: readonly string[]) => {
    if (state.get(table) === 'done') return;
    if (state.get(table) === 'visiting') throw new Error(`the foreign keys of ${[...path, table].join(' → ')} form a cycle; cannot order the copy`);
    state.set(table, 'visiting');
    for (const parent of parents(table)) if (tables.includes(parent)) visit(parent, [...path, table]);
    state.set(table, 'done');
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

/** Tables of the target that already hold rows (rev_counter counts once it has moved from 0). */
async function rowsInTarget(trx: Kysely<Schema>, tables: readonly string[]): Promise<string[]> {
  const full: string[] = [];
  for (const table of tables) {
    if (table === REPLACED) {
      const rev = await trx.selectFrom('rev_counter').select('value').where('id', '=', 1).executeTakeFirst();
      if (rev !== undefined && Number(rev.value) !== 0) full.push(`rev_counter (at ${rev.value})`);
      continue;
    }
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(trx);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) full.push(`${table} (${n} rows)`);
  }
  return full;
}

async function targetColumns(trx: Kysely<Schema>, table: string): Promise<string[]> {
  const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`.execute(trx);
  return rows.map((r) => r.column_name).sort();
}

async function insertBatch(trx: Kysely<Schema>, table: string, columns: readonly string[], rows: readonly Row[]): Promise<void> {
  const values = rows.map((row) => sql`(${sql.join(columns.map((c) => row[c]))})`);
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(trx);
}

async function copyTable(
  source: BetterSqlite3.Database,
  trx: Kysely<Schema>,
  table: string,
  batchRows: number,
): Promise<number> {
  const columns = (source.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]).sort();
  const theirs = await targetColumns(trx, table);
  if (columns.join(',') !== theirs.join(',')) {
    throw new Error(`table ${table} has columns (${columns.join(', ')}) in SQLite but (${theirs.join(', ') || 'no such table'}) in PostgreSQL, at the same schema version; report this as a bug`);
  }
  if (table === REPLACED) await sql`delete from ${sql.table(table)}`.execute(trx);
  let copied = 0;
  let batch: Row[] = [];
  // In rowid order; any order works within a table, the parents are all in already.
  const quoted = `"${table.replaceAll('"', '""')}"`;
  for (const row of source.prepare(`select * from ${quoted}`).iterate() as IterableIterator<Row>) {
    batch.push(row);
    if (batch.length === batchRows) {
      await insertBatch(trx, table, columns, batch);
      copied += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) await insertBatch(trx, table, columns, batch);
  return copied + batch.length;
}

export async function copySqliteToPostgres({ sqliteFile, target, batchRows = DEFAULT_BATCH_ROWS, log = () => {} }: CopyOptions): Promise<CopyCounts> {
  if (target.engine !== 'postgres') throw new CopyRefusedError('the target must be a PostgreSQL database (postgres://…)');
  const source = openSource(sqliteFile);
  try {
    const tables = checkSource(source, sqliteFile);
    // A read transaction: one consistent snapshot of the file even if a server still writes to it.
    source.exec('begin');
    // The startup lock: a server starting on the target meanwhile waits, and then finds the copy.
    return await withStartupLock(target, async () => {
      const migration = await migrate(target);
      log(`target at schema version ${migration.to}${migration.applied.length > 0 ? ` (applied ${migration.applied.join(', ')})` : ''}`);
      return target.db.transaction().execute(async (trx) => {
        const full = await rowsInTarget(trx, tables);
        if (full.length > 0) {
          throw new CopyRefusedError(
            `the target database already holds data: ${full.join(', ')}. Nothing was copied; copy into an empty database (or an empty schema: ?options=-c%20search_path%3D<schema>)`,
          );
        }
        const counts: CopyCounts = {};
        for (const table of tables) {
          counts[table] = await copyTable(source, trx, table, batchRows);
          log(`copied ${table}: ${counts[table]} ${counts[table] === 1 ? 'row' : 'rows'}`);
        }
        return counts;
      });
    });
  } finally {
    if (source.inTransaction) source.exec('commit');
    source.close();
  }
}
