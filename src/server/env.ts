import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDatabase, type Database } from './db/database.ts';

/**
 * The database the environment selects: DATABASE_URL=postgres://… for PostgreSQL, otherwise
 * SQLite at ${DATA_DIR:-./data}/talktrack.sqlite. Shared by the server and the admin scripts.
 */
export function openDatabaseFromEnv(env: NodeJS.ProcessEnv = process.env): { database: Database; where: string } {
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '') {
    const database = createDatabase({ url });
    // Never print a password from the URL.
    return { database, where: `PostgreSQL ${url.replace(/\/\/[^@/]*@/, '//…@')}` };
  }
  const dataDir = resolve(env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'talktrack.sqlite');
  return { database: createDatabase({ sqliteFile: file }), where: `SQLite ${file}` };
}
