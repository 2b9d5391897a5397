import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrate } from '../../src/server/db/migrate.ts';
import { issueEnrolmentCode } from '../../src/server/repos/enrolmentCodes.ts';
import { DEMO_HALL, ensureDemoData } from '../../src/server/seed/demo.ts';
import { ackedSeq, countStoredByRegistry } from '../helpers/apiFixtures.ts';
import { type RunningServer, startServer } from '../helpers/e2eServer.ts';
import { runNpmScript } from '../helpers/npmScript.ts';
import { createServerStore, type ServerStore } from '../helpers/serverStore.ts';
import { enrolStreamTablet, stream, type StreamTablet } from '../helpers/streamTablet.ts';

/**
 * A backup taken in the middle of a stream of pushes, then restored: the real server process
 * (main.ts) on SQLite; four tablets running the real sync engine serve customers and sync after
 * each one; `npm run backup` runs while they push. The server is stopped, `npm run restore` puts
 * the backup back, the server starts again. Every record a tablet had acknowledged before the
 * backup began is in the restored database; the rest the restore took back, and once the tablets
 * sync they send it again: every record they ever wrote is stored exactly once.
 */

const TABLETS = 4;

let store: ServerStore | undefined;
let server: RunningServer | undefined;
const tablets: StreamTablet[] = [];
afterEach(async () => {
  await server?.stop('SIGKILL');
  await Promise.all(tablets.map((t) => t.close()));
  await store?.cleanup();
  server = undefined;
  store = undefined;
  tablets.length = 0;
});

async function enrolTablets(s: ServerStore, url: string): Promise<void> {
  const database = s.open();
  try {
    for (let i = 0; i < TABLETS; i++) {
      const { code } = await issueEnrolmentCode(database.db, { hallId: DEMO_HALL.id });
      tablets.push(await enrolStreamTablet(url, code, `counter-${i + 1}`));
    }
  } finally {
    await database.destroy();
  }
}

/** Every tablet has served and synced at least `n` customers; fails at once if the stream fails. */
async function allReached(n: number, streaming: Promise<void>): Promise<void> {
  await Promise.race([Promise.all(tablets.map((t) => t.reached(n))), streaming.then(() => Promise.reject(new Error('the stream ended early')))]);
}

describe('npm run backup while tablets push, then npm run restore', () => {
  it('keeps everything acknowledged before the backup began, and the tablets send the rest again, once each', { timeout: 180_000 }, async () => {
    store = await createServerStore('sqlite');
    const env = { DATA_DIR: store.serverOptions.dataDir, DATABASE_URL: '' };
    const backupFile = join(store.serverOptions.dataDir, 'nightly.sqlite');
    server = await startServer(store.serverOptions);
    await enrolTablets(store, server.url);

    const control = { stop: false };
    const streaming = stream(tablets, control);
    let before: Array<{ through: number; ids: string[] }>;
    let roundsDuringBackup: number;
    let backup: Awaited<ReturnType<typeof runNpmScript>>;
    try {
      await allReached(3, streaming);
      // What each tablet had acknowledged before the backup began.
      before = await Promise.all(tablets.map((t) => t.acknowledged()));
      const roundsAtStart = tablets.reduce((n, t) => n + t.rounds, 0);
      backup = await runNpmScript('backup', ['--to', backupFile], env);
      roundsDuringBackup = tablets.reduce((n, t) => n + t.rounds, 0) - roundsAtStart;
      // Records acknowledged after the backup: the restore takes them back.
      const afterBackup = Math.max(...tablets.map((t) => t.rounds)) + 2;
      await allReached(afterBackup, streaming);
    } finally {
      control.stop = true;
    }
    await streaming;
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/integrity check ok/);
    expect(backup.stdout).toMatch(/schema version \d+/);
    expect(backup.stdout).toMatch(/\d+ field records/);
    expect(roundsDuringBackup, 'the tablets pushed while the backup ran').toBeGreaterThan(0);
    const atStop = await Promise.all(tablets.map((t) => t.acknowledged()));

    await server.stop('SIGTERM');
    server = undefined;
    expect(beside(backupFile, '.server-'), 'a server that stopped leaves no mark').toEqual([]);
    const restore = await runNpmScript('restore', ['--from', backupFile], env);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/kept as .*talktrack\.sqlite\.before-restore-\d{8}T\d{6}Z/);

    const restored = store.open();
    let lostToRestore = 0;
    try {
      for (const [i, tablet] of tablets.entries()) {
        const held = new Set((await restored.db.selectFrom('field_records').select('id').where('device_id', '=', tablet.deviceId).execute()).map((r) => r.id));
        expect(before[i]!.ids.filter((id) => !held.has(id)), `tablet ${i + 1}: acknowledged before the backup, missing after the restore`).toEqual([]);
        const restoredAck = await ackedSeq(restored, tablet.deviceId);
        expect(restoredAck).toBeGreaterThanOrEqual(before[i]!.through);
        lostToRestore += atStop[i]!.through - restoredAck;
      }
    } finally {
      await restored.destroy();
    }
    expect(lostToRestore, 'acknowledged after the backup, so gone with the restore').toBeGreaterThan(0);

    server = await startServer(store.serverOptions);
    let resent = 0;
    for (const tablet of tablets) {
      tablet.useServer(server.url);
      const outcome = await tablet.sync();
      expect(outcome).toMatchObject({ kind: 'done' });
      if (outcome.kind === 'done') resent += outcome.pushed;
    }
    expect(resent, 'the tablets sent again what the restore took back').toBe(lostToRestore);

    const database = store.open();
    try {
      for (const [i, tablet] of tablets.entries()) {
        const written = tablet.written.size;
        const ids = await database.db.selectFrom('field_records').select('id').where('device_id', '=', tablet.deviceId).execute();
        expect(new Set(ids.map((r) => r.id)), `tablet ${i + 1}: the records it wrote`).toEqual(tablet.written);
        expect(await countStoredByRegistry(database, tablet.deviceId)).toEqual({
          visits: written / 3,
          recommendations: written / 3,
          visitCloses: written / 3,
          fieldRecords: written,
          receipts: written,
        });
        expect(await ackedSeq(database, tablet.deviceId)).toBe(written);
        expect((await tablet.acknowledged()).through).toBe(written);
        expect(await tablet.db.outbox.where('status').equals('pending').count()).toBe(0);
      }
    } finally {
      await database.destroy();
    }
  });
});

/** The demo hall's database, made the way the server makes it, with no server running. */
async function stoppedStore(): Promise<{ s: ServerStore; env: Record<string, string>; live: string }> {
  const s = await createServerStore('sqlite');
  const database = s.open();
  try {
    await migrate(database);
    await ensureDemoData(database.db);
  } finally {
    await database.destroy();
  }
  return { s, env: { DATA_DIR: s.serverOptions.dataDir, DATABASE_URL: '' }, live: join(s.serverOptions.dataDir, 'talktrack.sqlite') };
}

const fingerprint = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const beside = (file: string, part: string) => readdirSync(join(file, '..')).filter((n) => n.includes(part));

/** A copy of a backup with two index pages swapped: it opens, and SQLite's integrity check fails. */
function damagedCopy(from: string, to: string): void {
  copyFileSync(from, to);
  const sqlite = new BetterSqlite3(to, { readonly: true });
  const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
  const root = (index: string) => (sqlite.prepare('select rootpage from sqlite_master where name = ?').get(index) as { rootpage: number }).rootpage;
  const [p1, p2] = [root('staff_hall_rev'), root('campaign_halls_hall')];
  sqlite.close();
  const bytes = readFileSync(to);
  const page = (p: number) => Buffer.from(bytes.subarray((p - 1) * pageSize, p * pageSize));
  const [a, b] = [page(p1), page(p2)];
  a.copy(bytes, (p2 - 1) * pageSize);
  b.copy(bytes, (p1 - 1) * pageSize);
  writeFileSync(to, bytes);
}

describe('what backup and restore refuse', () => {
  it('restore refuses while the server runs, and goes ahead once it has stopped, even killed outright', { timeout: 120_000 }, async () => {
    store = await createServerStore('sqlite');
    const env = { DATA_DIR: store.serverOptions.dataDir, DATABASE_URL: '' };
    const live = join(store.serverOptions.dataDir, 'talktrack.sqlite');
    const backupFile = join(store.serverOptions.dataDir, 'copy.sqlite');
    server = await startServer(store.serverOptions);
    expect((await runNpmScript('backup', ['--to', backupFile], env)).code).toBe(0);

    const refused = await runNpmScript('restore', ['--from', backupFile], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/restore refused: a talktrack server is using .*talktrack\.sqlite \(pid \d+/);
    expect(refused.stderr).toMatch(/stop it first/);
    expect(beside(live, 'before-restore')).toEqual([]);
    const database = store.open();
    try {
      // The running server's database answers as before.
      expect(Number((await database.db.selectFrom('halls').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(1);
    } finally {
      await database.destroy();
    }

    // Killed outright, it leaves its mark behind; the process is gone, so the mark counts for nothing.
    server.kill('SIGKILL');
    await server.exited;
    server = undefined;
    expect(beside(live, '.server-')).toHaveLength(1);
    const revBefore = highestRevOf(live);
    const restored = await runNpmScript('restore', ['--from', backupFile], env);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/restored .*copy\.sqlite/);
    expect(restored.stdout).toMatch(/schema version \d+/);
    expect(beside(live, '.server-')).toEqual([]);
    expect(beside(live, 'before-restore')).toHaveLength(1);
    expect(existsSync(`${live}-wal`), 'no write-ahead log of the old database beside the restored one').toBe(false);

    // Pull cursors: past every one the old database handed out, so each tablet pulls its hall anew.
    const after = new BetterSqlite3(live, { readonly: true });
    try {
      const rev = Number((after.prepare('select value from rev_counter').get() as { value: number }).value);
      expect(rev).toBeGreaterThan(revBefore);
      expect(after.prepare('select distinct rev from staff').all()).toEqual([{ rev }]);
    } finally {
      after.close();
    }
  });

  it('restore refuses a file that is not a sound talktrack database, or one from a newer release, changing nothing', { timeout: 120_000 }, async () => {
    const stopped = await stoppedStore();
    store = stopped.s;
    const { env, live } = stopped;
    const dir = store.serverOptions.dataDir;
    const good = join(dir, 'good.sqlite');
    expect((await runNpmScript('backup', ['--to', good], env)).code).toBe(0);
    writeFileSync(join(dir, 'notes.txt'), 'these are not the backups you are looking for\n'.repeat(200));
    damagedCopy(good, join(dir, 'damaged.sqlite'));
    copyFileSync(good, join(dir, 'future.sqlite'));
    const future = new BetterSqlite3(join(dir, 'future.sqlite'));
    future.prepare('insert into schema_version (version, name, applied_at) values (?, ?, ?)').run(LATEST_SCHEMA_VERSION + 1, 'from_the_future', new Date().toISOString());
    future.close();
    const empty = new BetterSqlite3(join(dir, 'other.sqlite'));
    empty.exec('create table notes (text text)');
    empty.close();

    const unchanged = fingerprint(live);
    const cases = [
      ['missing.sqlite', /there is no file/],
      ['notes.txt', /is not a readable SQLite database/],
      ['damaged.sqlite', /fails SQLite's integrity check \(.+\); take another backup/],
      ['future.sqlite', new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 1}, made by a newer talktrack release; this release knows up to ${LATEST_SCHEMA_VERSION}`)],
      ['other.sqlite', /is no talktrack database/],
    ] as const;
    const runs = await Promise.all(cases.map(([file]) => runNpmScript('restore', ['--from', join(dir, file)], env)));
    for (const [i, [file, reason]] of cases.entries()) {
      const run = runs[i]!;
      expect(run.code, `${file}: ${run.stdout}${run.stderr}`).toBe(1);
      expect(run.stderr).toMatch(/^restore refused: /);
      expect(run.stderr).toMatch(reason);
    }
    expect(fingerprint(live)).toBe(unchanged);
    expect(beside(live, 'before-restore')).toEqual([]);
    expect(beside(live, 'restoring')).toEqual([]);
    expect((await runNpmScript('restore', [], env)).code, 'no --from').toBe(2);
  });

  it('backup refuses to replace a file without --force, and a directory that is not there', { timeout: 120_000 }, async () => {
    const stopped = await stoppedStore();
    store = stopped.s;
    const { env } = stopped;
    const target = join(store.serverOptions.dataDir, 'nightly.sqlite');
    writeFileSync(target, 'last night’s copy');
    const refused = await runNpmScript('backup', ['--to', target], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/backup refused: .*nightly\.sqlite already exists; give another file, or add --force/);
    expect(readFileSync(target, 'utf8')).toBe('last night’s copy');

    const forced = await runNpmScript('backup', ['--to', target, '--force'], env);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/1 halls, \d+ staff/);
    const copy = new BetterSqlite3(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true }), 'one self-contained file').toBe('delete');
    } finally {
      copy.close();
    }
    expect(beside(target, 'partial')).toEqual([]);

    const nowhere = await runNpmScript('backup', ['--to', join(store.serverOptions.dataDir, 'no-such-dir', 'x.sqlite')], env);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/the directory .*no-such-dir does not exist/);
    const noDatabase = await runNpmScript('backup', ['--to', join(store.serverOptions.dataDir, 'y.sqlite')], { ...env, DATA_DIR: join(store.serverOptions.dataDir, 'empty') });
    expect(noDatabase.code).toBe(1);
    expect(noDatabase.stderr).toMatch(/there is no database at .*empty.*talktrack\.sqlite/);
    expect((await runNpmScript('backup', [], env)).code, 'no --to').toBe(2);
  });

  it('on PostgreSQL both say to use pg_dump and pg_restore, print no password, and exit 2', { timeout: 60_000 }, async () => {
    const env = { DATABASE_URL: 'postgres://talktrack:s3cret-pw@db.internal:5432/talktrack' };
    const backup = await runNpmScript('backup', ['--to', '/tmp/never-written.sqlite'], env);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toMatch(/pg_dump --format=custom --file=.* "\$DATABASE_URL"/);
    const restore = await runNpmScript('restore', ['--from', '/tmp/never-written.dump'], env);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toMatch(/pg_restore .*--dbname="\$DATABASE_URL"/);
    for (const run of [backup, restore]) expect(run.stdout + run.stderr).not.toContain('s3cret-pw');
    expect(existsSync('/tmp/never-written.sqlite')).toBe(false);
  });
});

function highestRevOf(file: string): number {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    return Number((sqlite.prepare('select value from rev_counter').get() as { value: number }).value);
  } finally {
    sqlite.close();
  }
}
