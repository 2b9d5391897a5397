import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { passwordLink } from '../../src/shared/links.ts';
import { createDatabase, type Database, type Engine } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { checkPasswordCode } from '../../src/server/repos/passwordCodes.ts';
import { setStaffSecret } from '../../src/server/repos/staff.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';
import { createTestSchema, forEachEngine, TEST_PG_URL, type TestSchema } from '../helpers/apiEngines.ts';
import { listTables, tableChecksums } from '../helpers/tableChecksums.ts';

/**
 * `npm run setup` as the operator runs it, on the server's database (DATA_DIR or DATABASE_URL):
 * on an empty database it creates the first hall and its admin with a working set-password code;
 * on a database with people it refuses and changes nothing; bad arguments are exit 2 with usage.
 */

interface Run {
  code: number | null;
  out: string;
}

function runSetup(env: Record<string, string>, args: readonly string[]): Promise<Run> {
  const child = spawn('npm', ['run', '--silent', 'setup', '--', ...args], {
    env: { ...process.env, PORT: '8080', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

/** A database of its own, empty: the env a script gets, and a connection to look at it. */
interface Place {
  env: Record<string, string>;
  open(): Database;
  /** The SQLite directory (nothing in it until a database is made), or null. */
  dir: string | null;
}

function usePlaces(engine: Engine): () => Promise<Place> {
  const dirs: string[] = [];
  const schemas: TestSchema[] = [];
  const opened: Database[] = [];
  afterAll(async () => {
    for (const d of opened) await d.destroy();
    for (const s of schemas) await s.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return async (): Promise<Place> => {
    if (engine === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'talktrack-setup-'));
      dirs.push(dir);
      const open = () => {
        const database = createDatabase({ sqliteFile: join(dir, 'talktrack.sqlite') });
        opened.push(database);
        return database;
      };
      return { env: { DATA_DIR: dir, DATABASE_URL: '' }, open, dir };
    }
    const schema = await createTestSchema('t_setup');
    schemas.push(schema);
    const open = () => {
      const database = createDatabase({ url: TEST_PG_URL, pgSchema: schema.schema, pgPoolMax: 2 });
      opened.push(database);
      return database;
    };
    return { env: { DATABASE_URL: schema.url }, open, dir: null };
  };
}

const SETUP = ['--hall', '望京营业厅', '--time-zone', 'Asia/Shanghai', '--admin', '孙丽'];
const FULL = [...SETUP, '--hall-en', 'Wangjing Service Hall', '--address', '北京市朝阳区望京街 9 号', '--admin-en', 'Sun Li', '--staff-no', 'BJ-0001', '--url', 'https://talktrack.example.cn/'];

const codeIn = (out: string) => /code: (\S+)/.exec(out)?.[1];
const linkIn = (out: string) => /link: (\S+)/.exec(out)?.[1];

async function everything(database: Database) {
  const tables = (await listTables(database)).filter((t) => t !== 'schema_version');
  return tableChecksums(database, tables);
}

forEachEngine((engine) => {
  const place = usePlaces(engine);

  describe('npm run setup', () => {
    it('creates the first hall and its admin, with a one-time code that sets the admin’s password', { timeout: 120_000 }, async () => {
      const p = await place();
      const run = await runSetup(p.env, FULL);
      expect(run.code, run.out).toBe(0);
      const code = codeIn(run.out);
      expect(code).toMatch(/^[A-Z2-9]{12}$/);
      expect(linkIn(run.out)).toBe(passwordLink('https://talktrack.example.cn', code!));
      expect(run.out).toMatch(/valid until \d{4}-\d\d-\d\dT/);
      expect(run.out).toContain('TALKTRACK_DEMO=off');

      const database = p.open();
      const halls = await database.db.selectFrom('halls').selectAll().execute();
      expect(halls).toHaveLength(1);
      expect(halls[0]).toMatchObject({ time_zone: 'Asia/Shanghai', address: '北京市朝阳区望京街 9 号' });
      expect(Number(halls[0]!.active)).toBe(1);
      expect(JSON.parse(halls[0]!.name)).toEqual({ zh: '望京营业厅', en: 'Wangjing Service Hall' });
      const staff = await database.db.selectFrom('staff').selectAll().execute();
      expect(staff).toHaveLength(1);
      expect(staff[0]).toMatchObject({ hall_id: halls[0]!.id, name: '孙丽', name_en: 'Sun Li', staff_no: 'BJ-0001', role: 'admin', pin_hash: null });
      expect(Number(staff[0]!.active)).toBe(1);

      const check = await checkPasswordCode(database.db, code!, new Date());
      expect(check).toMatchObject({ ok: true, staffId: staff[0]!.id });
      const codes = await database.db.selectFrom('password_codes').selectAll().execute();
      expect(codes).toHaveLength(1);
      expect(codes[0]!.created_by).toBeNull();
      expect(JSON.stringify(codes)).not.toContain(code);
      const audit = await database.db.selectFrom('access_audit').selectAll().execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'setup', hall_id: halls[0]!.id, target_id: staff[0]!.id, actor_role: 'admin' });
      expect(JSON.stringify(audit)).not.toContain(code);
      // No demo, no enrolment code, no device: the admin's browser is enrolled by the link.
      expect(await database.db.selectFrom('campaigns').select('id').execute()).toEqual([]);
      expect(await database.db.selectFrom('devices').select('id').execute()).toEqual([]);

      // The link's default base is this server, on PORT.
      const other = await place();
      const plain = await runSetup({ ...other.env, PORT: '9090' }, SETUP);
      expect(plain.code, plain.out).toBe(0);
      expect(linkIn(plain.out)).toBe(passwordLink('http://localhost:9090', codeIn(plain.out)!));
    });

    it('refuses (exit 1), changing nothing, on a database that has people', { timeout: 120_000 }, async () => {
      const p = await place();
      expect((await runSetup(p.env, SETUP)).code).toBe(0);
      const database = p.open();
      const before = await everything(database);
      const again = await runSetup(p.env, [...SETUP.slice(0, -1), '另一个管理员']);
      expect(again.code, again.out).toBe(1);
      expect(again.out).toMatch(/refused: this database already has 1 person/);
      expect(codeIn(again.out)).toBeUndefined();
      expect(await everything(database)).toEqual(before);

      // The demo hall counts as people too.
      const demo = await place();
      const demoDb = demo.open();
      await migrate(demoDb);
      await seedDemo(demoDb.db);
      const demoBefore = await everything(demoDb);
      const refused = await runSetup(demo.env, SETUP);
      expect(refused.code, refused.out).toBe(1);
      expect(refused.out).toMatch(/already has 6 people/);
      expect(await everything(demoDb)).toEqual(demoBefore);
    });

    it('--new-code replaces the first admin’s code only while no admin has a password', { timeout: 120_000 }, async () => {
      const p = await place();
      const first = await runSetup(p.env, SETUP);
      expect(first.code, first.out).toBe(0);
      const renewed = await runSetup(p.env, ['--new-code']);
      expect(renewed.code, renewed.out).toBe(0);
      const database = p.open();
      const now = new Date();
      expect(await checkPasswordCode(database.db, codeIn(first.out)!, now)).toEqual({ ok: false, reason: 'unknown' });
      const check = await checkPasswordCode(database.db, codeIn(renewed.out)!, now);
      expect(check.ok).toBe(true);
      expect((await database.db.selectFrom('access_audit').select('action').execute()).map((a) => a.action)).toEqual(['setup', 'setup']);

      // Once the admin has a password, codes come from the people page, not from the server's shell.
      const admin = await database.db.selectFrom('staff').selectAll().executeTakeFirstOrThrow();
      await setStaffSecret(database.db, admin.id, 'admin', 'a-long-password-1');
      const before = await everything(database);
      const refused = await runSetup(p.env, ['--new-code']);
      expect(refused.code, refused.out).toBe(1);
      expect(refused.out).toMatch(/an admin has set a password already/);
      expect(await everything(database)).toEqual(before);
    });

    it('bad or missing arguments: exit 2 with the usage, and no database is touched', { timeout: 120_000 }, async () => {
      const p = await place();
      const cases: [string[], RegExp][] = [
        [['--hall', '望京营业厅', '--time-zone', 'Asia/Shanghai'], /missing --admin/],
        [[], /missing --hall, --time-zone, --admin/],
        [[...SETUP.slice(0, 2), '--time-zone', 'Beijing', ...SETUP.slice(4)], /--time-zone: must be an IANA time zone/],
        [[...SETUP, '--staff-no', 'BJ 0001'], /--staff-no: letters, digits/],
        [[...SETUP, '--url', 'ftp://x'], /--url: must be an http/],
        [[...SETUP, '--pin', '1234'], /Unknown option '--pin'/],
        [[...SETUP, 'extra'], /positional/],
        [['--new-code', '--hall', 'x'], /--new-code goes alone/],
      ];
      for (const [args, reason] of cases) {
        const run = await runSetup(p.env, args);
        expect(run.code, `${args.join(' ')}: ${run.out}`).toBe(2);
        expect(run.out).toMatch(reason);
        expect(run.out).toContain('usage: npm run setup -- --hall NAME --time-zone ZONE --admin NAME');
      }
      const help = await runSetup(p.env, ['--help']);
      expect(help.code).toBe(0);
      expect(help.out).toContain('--new-code');
      if (p.dir !== null) expect(readdirSync(p.dir)).toEqual([]);
      else expect(await listTables(p.open())).toEqual([]);
    });
  });
});
