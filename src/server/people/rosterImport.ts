import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RosterImportRequest, RosterImportResponse, RosterIssue, RosterRow } from '../../shared/schemas/people.ts';
import { requireActiveHall } from '../access/activeHall.ts';
import { assertMayManageHall } from '../access/hallScope.ts';
import type { Schema } from '../db/schema.ts';
import { isUniqueViolation } from '../db/uniqueViolation.ts';
import { HttpError } from '../errors.ts';
import type { ManageActor } from '../manage/actor.ts';
import { insertAccessAudit, rosterImportedAt } from '../repos/accessAudit.ts';
import { hallFromRow } from '../repos/halls.ts';
import { getStaffRow, personFromRow } from '../repos/staff.ts';
import { staffByNumbers } from '../repos/staffChanges.ts';
import { prepareSecret } from './firstSecret.ts';
import { addPerson } from './personWrites.ts';
import { readRoster } from './rosterFile.ts';

/** The request as parsed (dryRun defaulted). */
type ImportBody = z.output<typeof RosterImportRequest>;

/** 400 `roster_invalid` with every issue found: nothing was written. */
function refused(issues: RosterIssue[]): HttpError {
  const rows = new Set(issues.map((i) => i.row).filter((r) => r > 0)).size;
  const where = rows === 0 ? 'in the file' : `in ${rows} ${rows === 1 ? 'row' : 'rows'}`;
  return new HttpError(
    400,
    'roster_invalid',
    `the roster has ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'} ${where}; nothing was imported: correct them and upload the file again`,
    { count: issues.length },
    { issues },
  );
}

function decodeBase64(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

/** What the database says about rows that are otherwise fine: numbers taken, and this very file imported before. */
async function databaseIssues(db: Kysely<Schema>, hallId: string, rows: readonly RosterRow[], sha256: string, fileName: string): Promise<RosterIssue[]> {
  const issues: RosterIssue[] = [];
  if ((await rosterImportedAt(db, hallId, sha256)) !== null) issues.push({ row: 0, field: 'file', problem: 'same_file', value: fileName.slice(0, 100) });
  const taken = await staffByNumbers(db, rows.flatMap((r) => (r.staffNo === null ? [] : [r.staffNo])));
  for (const r of rows) if (r.staffNo !== null && taken.has(r.staffNo)) issues.push({ row: r.row, field: 'staffNo', problem: 'staff_no_taken', value: r.staffNo });
  return issues;
}

/**
 * A hall's roster: every row checked, then either refused whole (400 `roster_invalid`), answered
 * without a write (dry run), or every person added in one transaction, each with their one-time
 * PIN or set-password code, and the file's hash kept in the audit so it is not imported twice.
 */
export async function importRoster(db: Kysely<Schema>, actor: ManageActor, body: ImportBody): Promise<RosterImportResponse> {
  assertMayManageHall(actor, body.hallId, 'import the rosters');
  const hall = await requireActiveHall(db, body.hallId);
  const bytes = decodeBase64(body.contentBase64);
  if (bytes === null) throw refused([{ row: 0, field: 'file', problem: 'unreadable', value: 'the file content is not base64' }]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const reading = await readRoster(bytes);
  // The rows that passed are checked against the database too: one answer names every problem.
  const found = [...reading.issues, ...(await databaseIssues(db, body.hallId, reading.rows, sha256, body.fileName))];
  const issues = found.sort((a, b) => a.row - b.row);
  if (issues.length > 0) throw refused(issues);
  const { rows } = reading;
  if (body.dryRun) return { dryRun: true, rows, added: [] };

  // PINs hashed before the transaction (in parallel: node's thread pool), which then holds the rev counter only briefly.
  const toAdd = await Promise.all(rows.map(async (r) => ({ r, prepared: await prepareSecret(r.role) })));
  const now = new Date();
  const hallName = hallFromRow(hall).name.zh;
  let added: Array<Awaited<ReturnType<typeof addPerson>>>;
  try {
    added = await db.transaction().execute(async (trx) => {
      await insertAccessAudit(trx, {
        at: now.toISOString(),
        actor,
        action: 'import_roster',
        hallId: body.hallId,
        targetId: sha256,
        summary: `imported ${rows.length} ${rows.length === 1 ? 'person' : 'people'} into ${hallName} from ${body.fileName}`,
        details: { fileName: body.fileName, sha256, people: rows.length },
      });
      const out = [];
      for (const { r, prepared } of toAdd) {
        const person = { hallId: body.hallId, name: r.name, nameEn: r.nameEn, staffNo: r.staffNo, role: r.role };
        out.push(await addPerson(trx, { actor, person, prepared, hallName, now, via: 'roster_import' }));
      }
      return out;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'staff_no')) {
      throw new HttpError(409, 'staff_no_taken', 'a staff number of the file was given to someone else while it was being imported; nothing was imported: upload it again to see which');
    }
    throw error;
  }
  const people = await Promise.all(
    added.map(async ({ staffId, given }) => {
      const row = await getStaffRow(db, staffId);
      if (row === undefined) throw new Error(`person ${staffId} vanished right after the import`);
      return { person: personFromRow(row), ...given, sessionsEnded: 0 };
    }),
  );
  return { dryRun: false, rows, added: people };
}
