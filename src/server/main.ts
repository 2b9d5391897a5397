import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { credentialOf } from '../shared/credential.ts';
import { buildApp } from './app.ts';
import type { Database } from './db/database.ts';
import { migrate, SchemaTooNewError } from './db/migrate.ts';
import { markServerRunning } from './db/serverMarks.ts';
import { withStartupLock } from './db/startupLock.ts';
import { openDatabaseFromEnv } from './env.ts';
import { issueEnrolmentCode } from './repos/enrolmentCodes.ts';
import { countHalls, getHall } from './repos/halls.ts';
import { DEMO_HALL, DEMO_STAFF, ensureDemoData } from './seed/demo.ts';
import { type TrustProxy, trustProxyFromEnv } from './security/trustProxy.ts';
import { closeOnSignals } from './shutdown.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function fail(message: string): never {
  console.error(`talktrack cannot start: ${message}`);
  process.exit(1);
}

function readPort(): number {
  const raw = process.env.PORT ?? '8080';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a number from 0 to 65535 (got "${raw}")`);
  return port;
}

function readGraceMs(): number {
  const raw = process.env.SHUTDOWN_GRACE_MS ?? '25000';
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0) fail(`SHUTDOWN_GRACE_MS must be a whole number of milliseconds (got "${raw}")`);
  return ms;
}

function readTrustProxy(): TrustProxy {
  try {
    return trustProxyFromEnv();
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/**
 * On PostgreSQL the startup lock makes processes starting at once on one empty database migrate
 * and seed it one after the other: the first seeds, the others find the demo hall. Two processes
 * on one SQLite file are not a supported set-up, but should they race, the loser goes on.
 */
async function seedIfEmpty(database: Database): Promise<boolean> {
  try {
    return await ensureDemoData(database.db);
  } catch (error) {
    if ((await countHalls(database.db)) > 0) return false;
    throw error;
  }
}

async function main(): Promise<void> {
  const port = readPort();
  const graceMs = readGraceMs();
  const host = process.env.HOST ?? '0.0.0.0';
  const trustProxy = readTrustProxy();
  const { database, where, sqliteFile } = openDatabaseFromEnv();
  if (sqliteFile !== undefined) markServerRunning(sqliteFile); // npm run restore refuses while it is there
  try {
    const { migration, seeded } = await withStartupLock(database, async () => ({
      migration: await migrate(database),
      seeded: await seedIfEmpty(database),
    }));
    const demoHall = await getHall(database.db, DEMO_HALL.id);
    const code = demoHall === undefined ? null : await issueEnrolmentCode(database.db, { hallId: demoHall.id });

    // CLIENT_DIR serves another build (a deployment's own, or a test's next version).
    const clientDir = resolve(process.env.CLIENT_DIR ?? join(REPO_ROOT, 'dist', 'client'));
    const serveClient = existsSync(join(clientDir, 'index.html'));
    const app = buildApp({ db: database, clientDir: serveClient ? clientDir : undefined, logger: true, trustProxy });
    await app.listen({ port, host });
    const bound = (app.server.address() as AddressInfo).port;
    // Before the lines below: whoever reads them may send a signal at once.
    closeOnSignals(app, database, { graceMs, log: (line) => console.log(line) });

    console.log(`talktrack listening on http://localhost:${bound}/`);
    console.log(`database: ${where}, schema version ${migration.to}${seeded ? ', demo data seeded' : ''}`);
    console.log(serveClient ? `web client: ${clientDir}` : 'web client: not built (run npm run build); API only');
    if (code !== null && demoHall !== undefined) {
      console.log(`enrolment code: ${code.code}`);
      console.log(`  for ${demoHall.name.zh} / ${demoHall.name.en ?? ''}, single use, valid until ${code.expiresAt}`);
      console.log('demo staff (role, name, PIN or password):');
      for (const s of DEMO_STAFF) {
        const kind = credentialOf(s.role) === 'password' ? 'password' : 'PIN';
        console.log(`  ${s.role.padEnd(15)} ${s.name} ${s.latin.padEnd(10)} ${kind} ${s.secret}`);
      }
    } else {
      console.log('no demo hall in this database: issue enrolment codes with npx tsx scripts/enrolmentCode.ts <hallId>');
    }
  } catch (error) {
    await database.destroy().catch(() => undefined);
    if (error instanceof SchemaTooNewError) fail(error.message);
    fail(error instanceof Error ? error.message : String(error));
  }
}

await main();
