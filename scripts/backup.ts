/**
 * A consistent copy of the server's SQLite database, taken while it runs and takes pushes.
 *
 *   npm run backup -- --to /var/backups/talktrack/talktrack-2026-01-14.sqlite [--force]
 *
 * Same DATA_DIR as the server. Exit 0: copied, checked, and what it holds printed. Exit 1: refused
 * or failed, `--to` untouched. Exit 2: the command line is wrong, or the database is PostgreSQL
 * (use pg_dump: the message says how).
 */
import { parseArgs } from 'node:util';
import { backupSqlite } from '../src/server/backup/backupSqlite.ts';
import { PG_BACKUP_ADVICE } from '../src/server/backup/postgresAdvice.ts';
import { RefusedError } from '../src/server/backup/refused.ts';
import { isPostgresUrl } from '../src/server/db/database.ts';
import { sqliteFileFromEnv } from '../src/server/env.ts';
import { describeContents } from './backupReport.ts';

const USAGE = 'usage: npm run backup -- --to FILE [--force]';

function usage(problem: string): never {
  console.error(`backup: ${problem}\n${USAGE}`);
  process.exit(2);
}

let args: { to?: string; force?: boolean };
try {
  args = parseArgs({ options: { to: { type: 'string' }, force: { type: 'boolean' } }, strict: true }).values;
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const url = process.env.DATABASE_URL;
if (url !== undefined && url !== '') {
  if (isPostgresUrl(url)) {
    console.error(`backup: ${PG_BACKUP_ADVICE}`);
    process.exit(2);
  }
  usage(`DATABASE_URL must be empty (SQLite) or start with postgres:// (got "${url.split(':')[0]}:…")`);
}
if (args.to === undefined) usage('--to is missing: the file to write the copy to');

const source = sqliteFileFromEnv();
try {
  console.log(`backing up ${source}`);
  const report = await backupSqlite({ source, target: args.to, force: args.force === true });
  console.log(`done: ${report.target} (${report.bytes} bytes), integrity check ok`);
  for (const line of describeContents(report)) console.log(`  ${line}`);
  process.exit(0);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof RefusedError ? `backup refused: ${message}` : `backup failed, nothing written: ${message}`);
  process.exit(1);
}
