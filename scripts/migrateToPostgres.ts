/**
 * Copies a whole talktrack SQLite database into PostgreSQL, for a hall moving to several server
 * processes on one database. Stop the server first; the target must be empty.
 *
 *   npm run migrate-to-postgres -- --from ./data/talktrack.sqlite --to postgres://user@host:5432/talktrack
 *
 * --batch-rows N: rows per INSERT (500 by default).
 * Exit 0: copied (the counts per table are printed). Exit 1: refused or failed, nothing written
 * (the copy is one transaction). Exit 2: the command line is wrong.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CopyRefusedError, copySqliteToPostgres, DEFAULT_BATCH_ROWS } from '../src/server/db/copyToPostgres.ts';
import { createDatabase, isPostgresUrl } from '../src/server/db/database.ts';

const USAGE = 'usage: npm run migrate-to-postgres -- --from ./data/talktrack.sqlite --to postgres://user@host:5432/database';

function usage(problem: string): never {
  console.error(`migrate-to-postgres: ${problem}\n${USAGE}`);
  process.exit(2);
}

/** Never print a password from the URL. */
const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//…@');

let args: { from?: string; to?: string; 'batch-rows'?: string };
try {
  const options = { from: { type: 'string' }, to: { type: 'string' }, 'batch-rows': { type: 'string' } } as const;
  args = parseArgs({ options, strict: true }).values;
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
if (args.from === undefined) usage('--from is missing: the SQLite file to copy (DATA_DIR/talktrack.sqlite, ./data/talktrack.sqlite by default)');
if (args.to === undefined) usage('--to is missing: the PostgreSQL database to copy into');
if (!isPostgresUrl(args.to)) usage(`--to must be a postgres:// URL (got "${args.to.split(':')[0]}:…")`);
const batchRows = Number(args['batch-rows'] ?? DEFAULT_BATCH_ROWS);
if (!Number.isInteger(batchRows) || batchRows < 1 || batchRows > 2000) usage(`--batch-rows must be a whole number from 1 to 2000 (got "${args['batch-rows']}")`);
const from = resolve(args.from);
if (!existsSync(from)) usage(`there is no file ${from}; give the path of talktrack.sqlite with --from`);

const target = createDatabase({ url: args.to });
let exitCode = 0;
try {
  console.log(`copying ${from} into PostgreSQL ${redact(args.to)}`);
  const counts = await copySqliteToPostgres({ sqliteFile: from, target, batchRows, log: (line) => console.log(`  ${line}`) });
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`done: ${rows} rows in ${Object.keys(counts).length} tables, in one transaction.`);
  console.log(`start the server on it with DATABASE_URL=${redact(args.to)} (leave the SQLite file as it is, as a backup)`);
} catch (error) {
  exitCode = 1;
  if (error instanceof CopyRefusedError) console.error(`migrate-to-postgres refused: ${error.message}`);
  else console.error(`migrate-to-postgres failed, no rows were copied (the copy transaction was rolled back): ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await target.destroy();
}
process.exit(exitCode);
