import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createDatabase, type Database } from './db/database.ts';

/** Where the SQLite database lives: ${DATA_DIR:-./data}/talktrack.sqlite. */
export function sqliteFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolve(env.DATA_DIR ?? './data'), 'talktrack.sqlite');
}

/**
 * The database the environment selects: DATABASE_URL=postgres://… for PostgreSQL, otherwise
 * SQLite at ${DATA_DIR:-./data}/talktrack.sqlite. Shared by the server and the admin scripts.
 */
export function openDatabaseFromEnv(env: NodeJS.ProcessEnv = process.env): { database: Database; where: string; sqliteFile?: string } {
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '') {
    const database = createDatabase({ url });
    // Never print a password from the URL.
    return { database, where: `PostgreSQL ${url.replace(/\/\/[^@/]*@/, '//…@')}` };
  }
  const file = sqliteFileFromEnv(env);
  mkdirSync(dirname(file), { recursive: true });
  return { database: createDatabase({ sqliteFile: file }), where: `SQLite ${file}`, sqliteFile: file };
}
