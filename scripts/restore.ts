/**
 * Puts a backup made by `npm run backup` back in place of the server's SQLite database. The
 * server must be stopped; the database in place is kept beside it.
 *
 *   npm run restore -- --from /var/backups/talktrack/talktrack-2026-01-14.sqlite
 *
 * Same DATA_DIR as the server. Exit 0: restored (what it holds and where the old database went
 * are printed). Exit 1: refused or failed, nothing changed. Exit 2: the command line is wrong, or
 * the database is PostgreSQL (use pg_restore: the message says how).
 */
import { parseArgs } from 'node:util';
import { PG_RESTORE_ADVICE } from '../src/server/backup/postgresAdvice.ts';
import { RefusedError } from '../src/server/backup/refused.ts';
import { restoreSqlite } from '../src/server/backup/restoreSqlite.ts';
import { isPostgresUrl } from '../src/server/db/database.ts';
import { sqliteFileFromEnv } from '../src/server/env.ts';
import { SENT_RETENTION_DAYS } from '../src/shared/outboxRetention.ts';
import { describeContents } from './backupReport.ts';

const USAGE = 'usage: npm run restore -- --from FILE';

function usage(problem: string): never {
  console.error(`restore: ${problem}\n${USAGE}`);
  process.exit(2);
}

let args: { from?: string };
try {
  args = parseArgs({ options: { from: { type: 'string' } }, strict: true }).values;
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const url = process.env.DATABASE_URL;
if (url !== undefined && url !== '') {
  if (isPostgresUrl(url)) {
    console.error(`restore: ${PG_RESTORE_ADVICE}`);
    process.exit(2);
  }
  usage(`DATABASE_URL must be empty (SQLite) or start with postgres:// (got "${url.split(':')[0]}:…")`);
}
if (args.from === undefined) usage('--from is missing: the backup file to restore');

try {
  const report = restoreSqlite({ from: args.from, target: sqliteFileFromEnv() });
  console.log(`restored ${report.from}`);
  console.log(`  into ${report.target}`);
  for (const line of describeContents(report)) console.log(`  ${line}`);
  console.log(report.kept === null ? '  there was no database in place before' : `  the database that was in place is kept as ${report.kept}`);
  console.log('start the server now. Tablets send again, on their own, the records the backup does not hold');
  console.log(`(they keep what the server acknowledged for ${SENT_RETENTION_DAYS} days); tablets enrolled after the backup was made must be enrolled again.`);
  process.exit(0);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof RefusedError ? `restore refused: ${message}` : `restore failed: ${message}`);
  process.exit(1);
}
