import type { PullResponse } from '../../shared/schemas/sync.ts';
import { INITIAL_SYNC_STATE, type TalktrackDb, readMeta, writeMeta } from './db.ts';

/** Apply pulled reference data and its cursor in one transaction: all of it or none. */
export async function applyPull(db: TalktrackDb, pull: PullResponse): Promise<void> {
  await db.transaction('rw', [db.meta, db.staff, db.campaigns, db.talkTracks], async () => {
    await db.staff.bulkPut(pull.staff);
    await db.campaigns.bulkPut(pull.campaigns);
    await db.talkTracks.bulkPut(pull.talkTracks);
    const enrolment = await readMeta(db, 'enrolment');
    if (enrolment) await writeMeta(db, 'enrolment', { ...enrolment, hall: pull.hall });
    const sync = (await readMeta(db, 'sync')) ?? INITIAL_SYNC_STATE;
    // A device never reuses a sequence number the server already holds.
    const nextSeq = Math.max(sync.nextSeq, pull.ackedThrough + 1);
    await writeMeta(db, 'sync', { ...sync, cursor: pull.cursor, nextSeq });
  });
}
