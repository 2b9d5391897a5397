import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database, type Engine } from '../../src/server/db/database.ts';
import { createTestSchema, TEST_PG_URL } from './apiEngines.ts';

/**
 * The database a real server process (tests/helpers/e2eServer.ts) runs on, for tests that start
 * main.ts itself: a SQLite data directory, or a PostgreSQL schema of its own that DATABASE_URL
 * puts first on the search path. `open` gives the test its own connection to look inside.
 */
export interface ServerStore {
  engine: Engine;
  /** PostgreSQL: the schema the server works in. */
  pgSchema?: string;
  /** For startServer: `{ dataDir, env }`. */
  serverOptions: { dataDir: string; env: Record<string, string> };
  open(): Database;
  cleanup(): Promise<void>;
}

export async function createServerStore(engine: Engine): Promise<ServerStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'talktrack-store-'));
  if (engine === 'sqlite') {
    return {
      engine,
      serverOptions: { dataDir, env: { DATABASE_URL: '' } },
      open: () => createDatabase({ sqliteFile: join(dataDir, 'talktrack.sqlite') }),
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = await createTestSchema('t_srv');
  return {
    engine,
    pgSchema: schema.schema,
    serverOptions: { dataDir, env: { DATABASE_URL: schema.url } },
    open: () => createDatabase({ url: TEST_PG_URL, pgSchema: schema.schema, pgPoolMax: 3 }),
    cleanup: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await schema.drop();
    },
  };
}
