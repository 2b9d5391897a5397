import type { PullResponse } from '../../shared/schemas/sync.ts';
import type { Database } from '../db/database.ts';
import { currentRev } from '../db/rev.ts';
import { listCampaignsForHall } from '../repos/campaigns.ts';
import { getHall } from '../repos/halls.ts';
import { listRemovals } from '../repos/referenceRemovals.ts';
import { hallHasDemoSecret, listStaffForHall } from '../repos/staff.ts';
import { listTalkTracksForHall } from '../repos/talkTracks.ts';

/**
 * Reference data of the device's hall changed after the cursor `since` (everything without one):
 * active people, campaigns and talk-tracks as rows, people who left the hall as removal markers.
 * The cursor is read FIRST: a change committed while we read may then be sent twice (devices
 * upsert, harmless) but never skipped. A cursor from another database (ahead of ours) or from a
 * wiped one restarts from zero.
 */
export async function buildPull(
  database: Database,
  device: { hallId: string; ackedSeq: number },
  since: string | undefined,
  now: Date = new Date(),
): Promise<PullResponse> {
  const { db } = database;
  const cursor = await currentRev(db);
  const asked = since === undefined ? 0 : Number(since);
  const sinceRev = Number.isSafeInteger(asked) && asked <= cursor ? asked : 0;
  const hall = await getHall(db, device.hallId);
  if (hall === undefined) throw new Error(`hall ${device.hallId} of an enrolled device is missing`);
  const [staff, campaigns, talkTracks, removals, demo] = await Promise.all([
    listStaffForHall(db, device.hallId, sinceRev),
    listCampaignsForHall(db, device.hallId, sinceRev),
    listTalkTracksForHall(db, device.hallId, sinceRev),
    listRemovals(db, device.hallId, sinceRev),
    hallHasDemoSecret(db, device.hallId),
  ]);
  // Someone who left and came back since the cursor arrives as a row: the row wins.
  const sent = new Set(staff.map((s) => s.id));
  const removed = removals.filter((r) => !(r.kind === 'staff' && sent.has(r.id)));
  return {
    cursor: String(cursor),
    serverTime: now.toISOString(),
    hall,
    staff,
    campaigns,
    talkTracks,
    ackedThrough: device.ackedSeq,
    removed,
    demo,
  };
}
