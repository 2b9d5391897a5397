/**
 * The first hall and admin of a real deployment, on an empty database (same DATA_DIR / DATABASE_URL
 * as the server). Prints a one-time code and the link with which the admin sets their own password
 * in the browser; that browser becomes a device of the hall at the same time.
 *
 *   npm run setup -- --hall "中关村营业厅" --time-zone Asia/Shanghai --admin "赵强"
 *   npm run setup -- --new-code     # the first admin's code expired unused: a new one
 *
 * Exit 0: done; 1: refused (the database has people) or failed, nothing changed; 2: bad arguments.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { passwordLink } from '../src/shared/links.ts';
import { HallAddress, HallName, PersonName, StaffNo, TimeZone } from '../src/shared/schemas/people.ts';
import { openDatabaseFromEnv, portFromEnv } from '../src/server/env.ts';
import { type FirstHall, renewFirstAdminCode, SetupRefusedError, setUpFirstHall } from '../src/server/seed/firstHall.ts';

const USAGE = `usage: npm run setup -- --hall NAME --time-zone ZONE --admin NAME [options]

Creates the first hall and its admin in an empty database and prints the one-time code (valid 24 hours)
with which the admin sets their own password (at least 10 characters) in the browser.

  --hall NAME        the hall's name in Chinese (required)
  --hall-en NAME     the hall's name in English
  --time-zone ZONE   the hall's IANA time zone, e.g. Asia/Shanghai (required; fixed once created)
  --address TEXT     the hall's address
  --admin NAME       the admin's name (required)
  --admin-en NAME    the admin's name in English
  --staff-no NO      the admin's staff number
  --url URL          where the server is reached, for the printed link (default http://localhost:$PORT)
  --new-code         instead: a new code for the first admin, whose code expired before they set a password
  --help             this text

The database is the server's: DATABASE_URL=postgres://… or SQLite under DATA_DIR (default ./data).`;

const SetupArgs = z.object({
  hall: HallName.shape.zh,
  'hall-en': HallName.shape.en,
  'time-zone': TimeZone,
  address: HallAddress.optional(),
  admin: PersonName,
  'admin-en': PersonName.optional(),
  'staff-no': StaffNo.optional(),
  url: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' }).optional(),
});
type SetupArgs = z.infer<typeof SetupArgs>;

const REQUIRED = ['hall', 'time-zone', 'admin'] as const;

function usageError(message: string): never {
  console.error(`npm run setup: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function readArgs(): { mode: 'help' } | { mode: 'new-code'; url: string | undefined } | { mode: 'setup'; args: SetupArgs } {
  let values: Record<string, string | boolean | undefined>;
  try {
    const text = { type: 'string' } as const;
    ({ values } = parseArgs({
      options: {
        hall: text,
        'hall-en': text,
        'time-zone': text,
        address: text,
        admin: text,
        'admin-en': text,
        'staff-no': text,
        url: text,
        'new-code': { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { mode: 'help' };
  if (values['new-code'] === true) {
    const others = Object.keys(values).filter((k) => k !== 'new-code' && k !== 'url');
    if (others.length > 0) usageError(`--new-code goes alone (or with --url), not with --${others.join(', --')}`);
    const url = SetupArgs.shape.url.safeParse(values.url);
    if (!url.success) usageError(`--url: ${url.error.issues[0]?.message ?? 'not an address'}`);
    return { mode: 'new-code', url: url.data };
  }
  const missing = REQUIRED.filter((k) => values[k] === undefined);
  if (missing.length > 0) usageError(`missing ${missing.map((k) => `--${k}`).join(', ')}`);
  const parsed = SetupArgs.safeParse(values);
  if (!parsed.success) {
    usageError(parsed.error.issues.map((i) => `--${i.path.map(String).join('.')}: ${i.message}`).join('; '));
  }
  return { mode: 'setup', args: parsed.data };
}

function baseUrl(url: string | undefined): string {
  if (url !== undefined) return url;
  try {
    return `http://localhost:${portFromEnv()}`;
  } catch (error) {
    return usageError(`${error instanceof Error ? error.message : String(error)}; or give --url`);
  }
}

function printCode(result: Pick<FirstHall, 'admin' | 'code'>, url: string): void {
  console.log(`${result.admin.name} sets their own password (at least 10 characters) with this one-time code,`);
  console.log(`single use, valid until ${result.code.expiresAt}:`);
  console.log(`  code: ${result.code.code}`);
  console.log(`  link: ${passwordLink(url, result.code.code)}`);
  console.log('Start the server with the demo off (TALKTRACK_DEMO=off npm start) and open the link in the browser the');
  console.log('admin will use: it becomes a device of the hall too. Then enrol tablets from the devices page.');
}

const request = readArgs();
if (request.mode === 'help') {
  console.log(USAGE);
  process.exit(0);
}
const url = baseUrl(request.mode === 'setup' ? request.args.url : request.url);
const { database, where } = openDatabaseFromEnv();
let exitCode = 0;
try {
  if (request.mode === 'new-code') {
    const renewed = await renewFirstAdminCode(database);
    console.log(`a new set-password code in ${where}; earlier ones no longer work.`);
    printCode(renewed, url);
  } else {
    const { args } = request;
    const result = await setUpFirstHall(database, {
      hall: { name: { zh: args.hall, ...(args['hall-en'] ? { en: args['hall-en'] } : {}) }, timeZone: args['time-zone'], address: args.address || null },
      admin: { name: args.admin, nameEn: args['admin-en'] || null, staffNo: args['staff-no'] ?? null },
    });
    const hallName = result.hall.name.en === undefined ? result.hall.name.zh : `${result.hall.name.zh} / ${result.hall.name.en}`;
    console.log(`set up in ${where}:`);
    console.log(`  hall:  ${hallName} (${result.hall.timeZone})`);
    console.log(`  admin: ${result.admin.name}`);
    printCode(result, url);
  }
} catch (error) {
  console.error(error instanceof SetupRefusedError ? `npm run setup refused: ${error.message}` : `npm run setup failed, nothing changed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await database.destroy();
}
process.exit(exitCode);
