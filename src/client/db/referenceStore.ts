import type { PullResponse } from '../../shared/schemas/sync.ts';
import { INITIAL_SYNC_STATE, type TalktrackDb, readMeta, writeMeta } from './db.ts';

/**
 * Apply pulled reference data and its cursor in one transaction: all of it or none. Rows the server
 * says left the hall (a person moved or deactivated) are deleted first, so a row pulled again in the
 * same answer stays. Field records and the outbox are never touched: what a removed person recorded
 * here is still sent.
 */
export async function applyPull(db: TalktrackDb, pull: PullResponse): Promise<void> {
  await db.transaction('rw', [db.meta, db.staff, db.campaigns, db.talkTracks, db.pinFailures, db.signingKeys], async () => {
    const removedStaff = pull.removed.filter((r) => r.kind === 'staff').map((r) => r.id);
    if (removedStaff.length > 0) {
      await db.staff.bulkDelete(removedStaff);
      await db.pinFailures.bulkDelete(removedStaff);
      // Their keys were revoked on the server; should they come back, an online sign-in gives a new one.
      await db.signingKeys.bulkDelete(removedStaff);
    }
    await db.staff.bulkPut(pull.staff);
    await db.campaigns.bulkPut(pull.campaigns);
    await db.talkTracks.bulkPut(pull.talkTracks);
    const signedIn = await readMeta(db, 'signedIn');
    // A person who left the hall is signed out on this tablet (the server already ended their sessions).
    if (signedIn && removedStaff.includes(signedIn.staffId) && !pull.staff.some((s) => s.id === signedIn.staffId)) {
      await db.meta.delete('signedIn');
    }
    const enrolment = await readMeta(db, 'enrolment');
    if (enrolment) await writeMeta(db, 'enrolment', { ...enrolment, hall: pull.hall, demo: pull.demo });
    const sync = (await readMeta(db, 'sync')) ?? INITIAL_SYNC_STATE;
    // A device never reuses a sequence number the server already holds.
    const nextSeq = Math.max(sync.nextSeq, pull.ackedThrough + 1);
    await writeMeta(db, 'sync', { ...sync, cursor: pull.cursor, nextSeq });
  });
}
