/**
 * The way back in when no enrolled browser is left to open the devices page (every tablet and PC
 * of the hall lost or revoked): a one-time enrolment code issued on the server itself. Day to day,
 * managers issue codes from the devices page; the first admin's browser is enrolled by the link
 * `npm run setup` prints. Same DATA_DIR / DATABASE_URL as the server.
 *
 *   npx tsx scripts/enrolmentCode.ts                      # the only hall, or a list of halls to choose from
 *   npx tsx scripts/enrolmentCode.ts <hallId> [name]      # a code for that hall, valid 24 h, single use
 */
import { migrate } from '../src/server/db/migrate.ts';
import { openDatabaseFromEnv } from '../src/server/env.ts';
import { issueEnrolmentCode } from '../src/server/repos/enrolmentCodes.ts';
import { hallIsActive, listHalls } from '../src/server/repos/halls.ts';

const { database, where } = openDatabaseFromEnv();
let exitCode = 0;
try {
  await migrate(database);
  const halls = await listHalls(database.db);
  const [wanted, deviceName] = process.argv.slice(2);
  const hall = wanted !== undefined ? halls.find((h) => h.id === wanted) : halls.length === 1 ? halls[0] : undefined;
  if (hall === undefined) {
    console.error(
      wanted !== undefined
        ? `no hall ${wanted} in ${where}.`
        : `${halls.length === 0 ? 'no halls (run npm run setup first)' : 'several halls'} in ${where}; name one: npx tsx scripts/enrolmentCode.ts <hallId>`,
    );
    for (const h of halls) console.error(`  ${h.id}  ${h.name.zh}${h.name.en !== undefined ? ` / ${h.name.en}` : ''}`);
    exitCode = 1;
  } else if (!(await hallIsActive(database.db, hall.id))) {
    console.error(`${hall.name.zh} has been closed and takes no new devices.`);
    exitCode = 1;
  } else {
    const code = await issueEnrolmentCode(database.db, { hallId: hall.id, deviceName: deviceName?.trim().slice(0, 80) || null });
    console.log(`enrolment code: ${code.code}`);
    console.log(`  for ${hall.name.zh}, single use, valid until ${code.expiresAt}`);
  }
} catch (error) {
  console.error(`cannot issue a code: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await database.destroy();
}
process.exit(exitCode);
