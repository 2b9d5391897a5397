import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { backupSqlite } from '../../src/server/backup/backupSqlite.ts';
import { restoreSqlite } from '../../src/server/backup/restoreSqlite.ts';
import { createDatabase, type Database } from '../../src/server/db/database.ts';

/**
 * A server on a SQLite file of its own that can be backed up while it serves and restored from a
 * backup, the way an operator does it: `backup()` is `npm run backup`'s function on the running
 * server; `restore()` stops the server, puts the backup back with `npm run restore`'s function and
 * starts it again. `app` and `database` change at each restore.
 */
export interface RestorableServer {
  app: FastifyInstance;
  database: Database;
  /** Takes a backup now; returns its file. */
  backup(): Promise<string>;
  restore(backupFile: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts a server on a copy of `seeded` (a stopped database file) in a directory of its own under `parentDir`. */
export async function startRestorableServer(seeded: string, parentDir: string): Promise<RestorableServer> {
  const dir = mkdtempSync(join(parentDir, 'restorable-'));
  const file = join(dir, 'talktrack.sqlite');
  copyFileSync(seeded, file);
  let backups = 0;
  const open = async () => {
    const database = createDatabase({ sqliteFile: file });
    const app = buildApp({ db: database, rateLimits: false });
    await app.ready();
    return { database, app };
  };
  const stop = async (s: { app: FastifyInstance; database: Database }) => {
    await s.app.close();
    await s.database.destroy();
  };

  const server: RestorableServer = {
    ...(await open()),
    async backup() {
      const target = join(dir, `backup-${++backups}.sqlite`);
      await backupSqlite({ source: file, target, force: false });
      return target;
    },
    async restore(backupFile) {
      await stop(server);
      restoreSqlite({ from: backupFile, target: file });
      Object.assign(server, await open());
    },
    async close() {
      await stop(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
