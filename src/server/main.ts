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
import {
  connectionTimeoutFromEnv,
  demoFromEnv,
  openDatabaseFromEnv,
  portFromEnv,
  requestTimeoutFromEnv,
  shutdownGraceFromEnv,
} from './env.ts';
import { issueEnrolmentCode } from './repos/enrolmentCodes.ts';
import { countHalls, getHall } from './repos/halls.ts';
import { countStaff } from './repos/staff.ts';
import { DEMO_HALL, DEMO_STAFF, ensureDemoData } from './seed/demo.ts';
import { trustProxyFromEnv } from './security/trustProxy.ts';
import { closeOnSignals } from './shutdown.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function fail(message: string): never {
  console.error(`talktrack cannot start: ${message}`);
  process.exit(1);
}

/** A setting from the environment (the *FromEnv readers); a wrong one stops the start, saying why. */
function setting<T>(read: () => T): T {
  try {
    return read();
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
  const port = setting(portFromEnv);
  const graceMs = setting(shutdownGraceFromEnv);
  const demo = setting(demoFromEnv);
  const host = process.env.HOST ?? '0.0.0.0';
  const trustProxy = setting(trustProxyFromEnv);
  const requestTimeoutMs = setting(requestTimeoutFromEnv);
  const connectionTimeoutMs = setting(connectionTimeoutFromEnv);
  const { database, where, sqliteFile } = openDatabaseFromEnv();
  if (sqliteFile !== undefined) markServerRunning(sqliteFile); // npm run restore refuses while it is there
  try {
    const { migration, seeded } = await withStartupLock(database, async () => ({
      migration: await migrate(database),
      seeded: demo ? await seedIfEmpty(database) : false,
    }));
    // With the demo off nothing secret is made or printed, even where a demo hall was seeded once.
    const demoHall = demo ? await getHall(database.db, DEMO_HALL.id) : undefined;
    const code = demoHall === undefined ? null : await issueEnrolmentCode(database.db, { hallId: demoHall.id });
    const people = await countStaff(database.db);

    // CLIENT_DIR serves another build (a deployment's own, or a test's next version).
    const clientDir = resolve(process.env.CLIENT_DIR ?? join(REPO_ROOT, 'dist', 'client'));
    const serveClient = existsSync(join(clientDir, 'index.html'));
    const app = buildApp({ db: database, clientDir: serveClient ? clientDir : undefined, logger: true, trustProxy, requestTimeoutMs, connectionTimeoutMs });
    await app.listen({ port, host });
    const bound = (app.server.address() as AddressInfo).port;
    // Before the lines below: whoever reads them may send a signal at once.
    closeOnSignals(app, database, { graceMs, log: (line) => console.log(line) });

    console.log(`talktrack listening on http://localhost:${bound}/`);
    console.log(`database: ${where}, schema version ${migration.to}${seeded ? ', demo data seeded' : ''}${demo ? '' : ', demo off'}`);
    console.log(serveClient ? `web client: ${clientDir}` : 'web client: not built (run npm run build); API only');
    if (code !== null && demoHall !== undefined) {
      console.log(`enrolment code: ${code.code}`);
      console.log(`  for ${demoHall.name.zh} / ${demoHall.name.en ?? ''}, single use, valid until ${code.expiresAt}`);
      console.log('demo staff (role, name, PIN or password):');
      for (const s of DEMO_STAFF) {
        const kind = credentialOf(s.role) === 'password' ? 'password' : 'PIN';
        console.log(`  ${s.role.padEnd(15)} ${s.name} ${s.latin.padEnd(10)} ${kind} ${s.secret}`);
      }
    } else if (people === 0) {
      console.log('no one in this database yet: create the first hall and its admin with');
      console.log('  npm run setup -- --hall "<hall name>" --time-zone Asia/Shanghai --admin "<admin name>"');
      console.log('  (npm run setup -- --help says more)');
    } else {
      console.log('enrol tablets from the devices page (/manage/devices): a manager or admin issues a code or QR link there');
    }
  } catch (error) {
    await database.destroy().catch(() => undefined);
    if (error instanceof SchemaTooNewError) fail(error.message);
    fail(error instanceof Error ? error.message : String(error));
  }
}

await main();
