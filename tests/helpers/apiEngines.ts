import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { createDatabase, type Database, type Engine } from '../../src/server/db/database.ts';

export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

/** The PostgreSQL the api tests need; trust auth, database `test`. Unreachable = failing tests. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Runs the same suite against both engines: both must pass the same tests (DESIGN.md, Server). */
export function forEachEngine(suite: (engine: Engine) => void): void {
  for (const engine of ENGINES) describe(engine, () => suite(engine));
}

export interface TestDatabase {
  database: Database;
  /** Where it lives: the SQLite file or the PostgreSQL schema. */
  location: string;
  cleanup(): Promise<void>;
}

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is needed for the api tests at ${TEST_PG_URL} (set TEST_DATABASE_URL to change it): ${String(error)}`,
      { cause: error },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database: a SQLite file in its own temp dir, or a PostgreSQL schema of its own. */
export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'talktrack-api-'));
    const file = join(dir, 'talktrack.sqlite');
    const database = createDatabase({ sqliteFile: file });
    return {
      database,
      location: file,
      cleanup: async () => {
        await database.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const { schema, drop } = await createTestSchema();
  const database = createDatabase({ url: TEST_PG_URL, pgSchema: schema, pgPoolMax: 5 });
  return {
    database,
    location: schema,
    cleanup: async () => {
      await database.destroy();
      await drop();
    },
  };
}

export interface TestSchema {
  schema: string;
  /** DATABASE_URL for a server process or script: the test database with this schema first on the search path. */
  url: string;
  drop(): Promise<void>;
}

/** An empty PostgreSQL schema of its own, for a test that starts server processes or scripts on it. */
export async function createTestSchema(prefix = 't'): Promise<TestSchema> {
  const schema = `${prefix}_${Math.random().toString(36).slice(2, 10)}_${Date.now().toString(36)}`;
  await withAdminClient((c) => c.query(`create schema ${schema}`));
  const separator = TEST_PG_URL.includes('?') ? '&' : '?';
  return {
    schema,
    url: `${TEST_PG_URL}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: () => withAdminClient((c) => c.query(`drop schema if exists ${schema} cascade`)).then(() => undefined),
  };
}
