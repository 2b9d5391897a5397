import { v7 as uuidv7 } from 'uuid';
import type { Hall } from '../../shared/schemas/reference.ts';
import type { Database } from '../db/database.ts';
import { migrate, readSchemaVersion } from '../db/migrate.ts';
import { withStartupLock } from '../db/startupLock.ts';
import { insertAccessAudit } from '../repos/accessAudit.ts';
import { insertHall } from '../repos/halls.ts';
import { type IssuedPasswordCode, issuePasswordCode } from '../repos/passwordCodes.ts';
import { countStaff, insertStaff, listActiveStaff, staffFromRow } from '../repos/staff.ts';

/**
 * The first hall and admin of a real deployment (`npm run setup`), on a database with no one in
 * it: the admin has no password yet, only a one-time code with which they set their own in the
 * browser. Everything runs under the startup lock, so a server starting at the same moment cannot
 * seed the demo hall in between, and in one transaction, so a failure leaves nothing behind.
 */

export interface FirstHallInput {
  hall: { name: Hall['name']; timeZone: string; address: string | null };
  admin: { name: string; nameEn: string | null; staffNo: string | null };
}

export interface FirstHall {
  hall: Hall;
  admin: { id: string; name: string };
  code: IssuedPasswordCode;
}

/** Setup refused: the database already has people (the demo, or an earlier setup). Nothing was written. */
export class SetupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupRefusedError';
  }
}

export async function setUpFirstHall(database: Database, input: FirstHallInput, now = new Date()): Promise<FirstHall> {
  return withStartupLock(database, async () => {
    // Counted before migrating: a refused setup leaves even an older release's database as it was.
    const people = (await readSchemaVersion(database.db)) > 0 ? await countStaff(database.db) : 0;
    if (people > 0) {
      throw new SetupRefusedError(
        `this database already has ${people} ${people === 1 ? 'person' : 'people'}: setup only starts an empty one, and changed nothing. ` +
          'Add halls and people from the office pages (an admin signed in), or point DATA_DIR or DATABASE_URL at a new database. ' +
          'If the first admin\'s code expired before they set a password: npm run setup -- --new-code.',
      );
    }
    await migrate(database);
    const hall: Hall = { id: uuidv7(), name: input.hall.name, timeZone: input.hall.timeZone };
    const admin = { id: uuidv7(), name: input.admin.name };
    const code = await database.db.transaction().execute(async (trx) => {
      await insertHall(trx, hall, { address: input.hall.address });
      await insertStaff(trx, {
        id: admin.id,
        hallId: hall.id,
        name: admin.name,
        nameEn: input.admin.nameEn,
        staffNo: input.admin.staffNo,
        role: 'admin',
        active: true,
        secret: null,
      });
      const issued = await issuePasswordCode(trx, { staffId: admin.id, createdBy: null, now });
      await insertAccessAudit(trx, {
        at: now.toISOString(),
        actor: { staffId: admin.id, name: admin.name, role: 'admin' },
        action: 'setup',
        hallId: hall.id,
        targetId: admin.id,
        summary: `npm run setup on the server created the hall ${hall.name.zh} and its admin ${admin.name}, with a set-password code valid until ${issued.expiresAt}`,
        details: { hallName: hall.name.zh, timeZone: hall.timeZone, adminName: admin.name, staffNo: input.admin.staffNo, codeExpiresAt: issued.expiresAt },
      });
      return issued;
    });
    return { hall, admin, code };
  });
}

/**
 * A new set-password code for the first admin, when theirs expired before they used it: only while
 * no active admin has a password yet (otherwise an admin issues codes from the people page, and a
 * command on the server must not be a way around them). Earlier codes of that admin stop working.
 */
export async function renewFirstAdminCode(database: Database, now = new Date()): Promise<Omit<FirstHall, 'hall'> & { hallId: string }> {
  return withStartupLock(database, async () => {
    await migrate(database);
    const adminRows = await listActiveStaff(database.db, ['admin']);
    const admins = adminRows.map(staffFromRow);
    if (admins.length === 0) throw new SetupRefusedError('this database has no active admin: run npm run setup without --new-code on an empty database.');
    if (adminRows.some((a) => a.pin_hash !== null)) {
      throw new SetupRefusedError('an admin has set a password already: they issue set-password codes from the people page. Nothing was changed.');
    }
    const first = admins[0]!;
    const code = await database.db.transaction().execute(async (trx) => {
      const issued = await issuePasswordCode(trx, { staffId: first.id, createdBy: null, now });
      await insertAccessAudit(trx, {
        at: now.toISOString(),
        actor: { staffId: first.id, name: first.name, role: 'admin' },
        action: 'setup',
        hallId: first.hallId,
        targetId: first.id,
        summary: `npm run setup --new-code on the server issued ${first.name} a new set-password code valid until ${issued.expiresAt}`,
        details: { adminName: first.name, newCode: true, codeExpiresAt: issued.expiresAt },
      });
      return issued;
    });
    return { admin: { id: first.id, name: first.name }, hallId: first.hallId, code };
  });
}
