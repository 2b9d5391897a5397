import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<Schema>;
  engine: Engine;
  destroy(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite at sqliteFile. */
  url?: string;
  sqliteFile?: string;
  /** PostgreSQL only: the schema to work in (tests give each file its own). */
  pgSchema?: string;
  /** PostgreSQL only: pool size; several server processes share one database. */
  pgPoolMax?: number;
}

const PG_INT8 = 20;
const PG_NUMERIC = 1700;

/**
 * Counts and the bigint rev counter come back from pg as strings by default (int8 can exceed
 * 2^53); ours never will, and the rest of the code expects numbers on both engines.
 */
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === PG_INT8) return (value: string) => Number.parseInt(value, 10);
    if (oid === PG_NUMERIC) return (value: string) => Number.parseFloat(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export function isPostgresUrl(url: string | undefined): boolean {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

export function createDatabase(options: DatabaseOptions): Database {
  if (options.url !== undefined && isPostgresUrl(options.url)) return createPostgres(options.url, options);
  if (options.url !== undefined && options.url !== '') {
    throw new Error(`DATABASE_URL must start with postgres:// (got "${options.url.split(':')[0]}:…")`);
  }
  if (options.sqliteFile === undefined) throw new Error('createDatabase needs a url or a sqliteFile');
  return createSqlite(options.sqliteFile);
}

function createSqlite(file: string): Database {
  const sqlite = new BetterSqlite3(file);
  // WAL lets readers run while a push writes; NORMAL is durable enough under WAL and much faster.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: 'sqlite', destroy: () => db.destroy() };
}

function createPostgres(url: string, options: DatabaseOptions): Database {
  if (options.pgSchema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.pgSchema)) {
    throw new Error(`invalid PostgreSQL schema name "${options.pgSchema}"`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolMax ?? 10,
    types: pgTypes,
    ...(options.pgSchema !== undefined ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', destroy: () => db.destroy() };
}
