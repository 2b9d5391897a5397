import type { Kysely } from 'kysely';
import type { FieldRecord } from '../../shared/schemas/fieldRecords.ts';
import type { Schema } from '../db/schema.ts';
import { campaignAppliesToHall } from '../repos/campaigns.ts';
import { getStaffRow } from '../repos/staff.ts';
import { talkTrackBelongsToCampaign } from '../repos/talkTracks.ts';

export interface RuleFailure {
  error: string;
  message: string;
}

/**
 * Business rules a well-formed record must meet before it is stored. Lookups are cached for the
 * batch: a batch of 500 recommendations usually names one staff member and a few campaigns.
 */
export class RecordRules {
  private readonly cache = new Map<string, Promise<boolean>>();

  /**
   * @param knownVisits visits of the hall stored before this batch or accepted earlier in it;
   *   the caller loads them in one query and adds each visit it accepts.
   */
  constructor(
    private readonly trx: Kysely<Schema>,
    private readonly device: { id: string; hallId: string },
    private readonly knownVisits: ReadonlySet<string>,
  ) {}

  private cached(key: string, load: () => Promise<boolean>): Promise<boolean> {
    let hit = this.cache.get(key);
    if (hit === undefined) {
      hit = load();
      this.cache.set(key, hit);
    }
    return hit;
  }

  /**
   * Staff of this hall, active or not: a tablet that was offline may still hold records made
   * before someone was deactivated, and what happened at the counter is never thrown away.
   */
  private staffOfHall(staffId: string): Promise<boolean> {
    return this.cached(`staff:${staffId}`, async () => {
      const row = await getStaffRow(this.trx, staffId);
      return row !== undefined && row.hall_id === this.device.hallId;
    });
  }

  async check(record: FieldRecord): Promise<RuleFailure | null> {
    const { trx, device } = this;
    if (record.deviceId !== device.id) {
      return {
        error: 'wrong_device',
        message: `record deviceId ${record.deviceId} is not this device (${device.id}); a device sends only the records it made`,
      };
    }
    if (!(await this.staffOfHall(record.staffId))) {
      return {
        error: 'unknown_staff',
        message: `staff ${record.staffId} is not a member of this hall; pull reference data and sign in again`,
      };
    }
    if (record.kind === 'visit') return null;

    if (!this.knownVisits.has(record.visitId)) {
      return {
        error: 'unknown_visit',
        message: `visit ${record.visitId} is not stored for this hall; a visit must be sent before its ${record.kind === 'visit_close' ? 'close' : 'recommendations'}`,
      };
    }
    if (record.kind === 'visit_close') return null;

    const campaignKnown = await this.cached(`campaign:${record.campaignId}`, () =>
      campaignAppliesToHall(trx, record.campaignId, device.hallId),
    );
    if (!campaignKnown) {
      return {
        error: 'unknown_campaign',
        message: `campaign ${record.campaignId} does not exist or does not apply to this hall; pull reference data and record it against a current campaign`,
      };
    }
    const versionKnown = await this.cached(`version:${record.campaignId}:${record.talkTrackVersionId}`, () =>
      talkTrackBelongsToCampaign(trx, record.talkTrackVersionId, record.campaignId),
    );
    if (!versionKnown) {
      return {
        error: 'unknown_talk_track',
        message: `talk-track version ${record.talkTrackVersionId} is not a version of campaign ${record.campaignId}; pull reference data and try again`,
      };
    }
    return null;
  }
}
