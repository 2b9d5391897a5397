import BetterSqlite3 from 'better-sqlite3';

/**
 * The statements backup and restore run on a SQLite file directly (not through the app's
 * connection): its integrity, its schema version, what it holds, and the pull cursor stamps.
 */

type Sqlite = BetterSqlite3.Database;

/** Tables whose row counts say what a copy holds, in the order they are printed. */
const COUNTED = ['halls', 'staff', 'devices', 'campaigns', 'field_records', 'visits', 'recommendations'] as const;
export type Counts = Record<(typeof COUNTED)[number], number>;

export interface FileContents {
  schemaVersion: number;
  counts: Counts;
}

/** Opens a file that must exist, as a database of its own (no WAL: a copy is one self-contained file). */
export function openFile(file: string): Sqlite {
  const sqlite = new BetterSqlite3(file, { fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** Folds any write-ahead log into the file and leaves it a single file (journal_mode DELETE). */
export function makeSelfContained(sqlite: Sqlite): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('journal_mode = DELETE');
}

/** SQLite's own check of every page and index: [] when sound, otherwise its findings (first 10). */
export function integrityProblems(sqlite: Sqlite): string[] {
  const rows = sqlite.pragma('integrity_check(10)') as Array<{ integrity_check: string }>;
  const found = rows.map((r) => r.integrity_check);
  return found.length === 1 && found[0] === 'ok' ? [] : found;
}

function hasTable(sqlite: Sqlite, name: string): boolean {
  return sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined;
}

/** The schema version and the row counts; schemaVersion 0 when it is no talktrack database. */
export function readContents(sqlite: Sqlite): FileContents {
  const schemaVersion = hasTable(sqlite, 'schema_version')
    ? Number((sqlite.prepare('select max(version) as v from schema_version').get() as { v: number | null }).v ?? 0)
    : 0;
  const counts = Object.fromEntries(
    COUNTED.map((t) => [t, hasTable(sqlite, t) ? Number((sqlite.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n) : 0]),
  ) as Counts;
  return { schemaVersion, counts };
}

/** The highest pull cursor the database has handed out (0 when it has none). */
export function highestRev(sqlite: Sqlite): number {
  if (!hasTable(sqlite, 'rev_counter')) return 0;
  const row = sqlite.prepare('select value from rev_counter where id = 1').get() as { value: number } | undefined;
  return Number(row?.value ?? 0);
}

/**
 * Stamps every reference row (each table with a `rev` column) and the counter with `rev`, in one
 * transaction. A restored database would otherwise hand out cursors the tablets already hold from
 * before the restore, and a tablet could skip changes; past every earlier cursor, each tablet's
 * next pull brings the whole of its hall's reference data again, as the restored database has it.
 */
export function restampReferenceRows(sqlite: Sqlite, rev: number): void {
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as Array<{ name: string }>)
    .map((t) => t.name)
    .filter((name) => (sqlite.prepare(`select name from pragma_table_info(?) where name = 'rev'`).all(name) as unknown[]).length > 0);
  sqlite.transaction(() => {
    for (const table of tables) sqlite.prepare(`update "${table}" set rev = ?`).run(rev);
    if (hasTable(sqlite, 'rev_counter')) sqlite.prepare('update rev_counter set value = ? where id = 1').run(rev);
  })();
}
