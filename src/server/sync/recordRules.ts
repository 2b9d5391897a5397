import type { Kysely } from 'kysely';
import type { FieldRecord, VisitVoidRecord } from '../../shared/schemas/fieldRecords.ts';
import type { HeldReason } from '../../shared/schemas/heldRecords.ts';
import type { Schema } from '../db/schema.ts';
import { campaignAppliesToHall, campaignLiveSpan } from '../repos/campaigns.ts';
import type { KnownVisit } from '../repos/fieldRecords.ts';
import { wasRemovedFrom } from '../repos/referenceRemovals.ts';
import { getStaffRow } from '../repos/staff.ts';
import { talkTrackBelongsToCampaign } from '../repos/talkTracks.ts';

export interface RuleFailure {
  error: HeldReason;
  message: string;
}

/**
 * Business rules a well-formed record must meet before it is stored. Lookups are cached for the
 * batch: a batch of 500 recommendations usually names one staff member and a few campaigns.
 */
export class RecordRules {
  private readonly cache = new Map<string, Promise<boolean>>();

  /**
   * @param knownVisits visits of the hall stored before this batch; `accepted` adds each visit
   *   (and marks each void) of the batch as it is accepted, so later records of the batch see them.
   * @param dayOf an instant's local date in the hall's time zone.
   * @param receivedAt when the server received the record: a void is judged by it, not by the tablet's clock.
   */
  constructor(
    private readonly trx: Kysely<Schema>,
    private readonly device: { id: string; hallId: string },
    private readonly knownVisits: Map<string, KnownVisit>,
    private readonly dayOf: (instant: string) => string,
    private readonly receivedAt: string,
  ) {}

  private readonly spans = new Map<string, Promise<{ firstPublishedAt: string | null; retiredAt: string | null }>>();

  /** The hall-local day the record counts on: its visit's (a visit's own for a visit). */
  localDay(record: FieldRecord): string {
    if (record.kind === 'visit') return this.dayOf(record.openedAt);
    const visit = this.knownVisits.get(record.visitId);
    if (visit === undefined) throw new Error(`localDay: visit ${record.visitId} was not checked before storing ${record.id}`);
    return visit.localDay;
  }

  /** Records what an accepted record changes for the rest of the batch. */
  accepted(record: FieldRecord): void {
    if (record.kind === 'visit') {
      this.knownVisits.set(record.id, { staffId: record.staffId, localDay: this.dayOf(record.openedAt), voided: false });
    } else if (record.kind === 'visit_void') {
      const visit = this.knownVisits.get(record.visitId);
      if (visit !== undefined) visit.voided = true;
    }
  }

  private cached(key: string, load: () => Promise<boolean>): Promise<boolean> {
    let hit = this.cache.get(key);
    if (hit === undefined) {
      hit = load();
      this.cache.set(key, hit);
    }
    return hit;
  }

  /**
   * Staff of this hall, active or not, or once of it: a tablet that was offline may still hold
   * records made before someone was deactivated or moved to another hall, and what happened at
   * the counter is never thrown away.
   */
  private staffOfHall(staffId: string): Promise<boolean> {
    return this.cached(`staff:${staffId}`, async () => {
      const row = await getStaffRow(this.trx, staffId);
      if (row === undefined) return false;
      return row.hall_id === this.device.hallId || wasRemovedFrom(this.trx, 'staff', staffId, this.device.hallId);
    });
  }

  /** Whose record it is: this tablet's, and a person of this hall (checked before its signature). */
  async checkOwner(record: FieldRecord): Promise<RuleFailure | null> {
    const { device } = this;
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
    return null;
  }

  /** What the record refers to: its visit, its campaign and talk track, and the void rules. */
  async check(record: FieldRecord): Promise<RuleFailure | null> {
    const { trx, device } = this;
    if (record.kind === 'visit') return null;

    const visit = this.knownVisits.get(record.visitId);
    if (visit === undefined) {
      return {
        error: 'unknown_visit',
        message: `visit ${record.visitId} is not stored for this hall; a visit must be sent before its ${WHAT_NAMES_A_VISIT[record.kind]}`,
      };
    }
    if (record.kind === 'visit_close') return null;
    if (record.kind === 'visit_void') return this.checkVoid(record, visit);

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
    let span = this.spans.get(record.campaignId);
    if (span === undefined) {
      span = campaignLiveSpan(trx, record.campaignId);
      this.spans.set(record.campaignId, span);
    }
    const { firstPublishedAt, retiredAt } = await span;
    const at = Date.parse(record.recordedAt);
    if (firstPublishedAt === null || at < Date.parse(firstPublishedAt) || (retiredAt !== null && at >= Date.parse(retiredAt))) {
      const when =
        firstPublishedAt === null
          ? 'it was never published'
          : `it ran from ${firstPublishedAt}${retiredAt === null ? '' : ` until ${retiredAt}`}`;
      return {
        error: 'campaign_not_live',
        message: `campaign ${record.campaignId} was not live at ${record.recordedAt} (${when}); a recommendation counts only against a campaign published and not retired when it was made`,
      };
    }
    return null;
  }

  /** Only your own visit, only on the day it was opened (by the server's clock), and only once. */
  private checkVoid(record: VisitVoidRecord, visit: KnownVisit): RuleFailure | null {
    if (visit.staffId !== record.staffId) {
      return {
        error: 'not_own_visit',
        message: `visit ${record.visitId} was served by another staff member; only the person who opened a visit can void it; ask them to void it while signed in as themselves`,
      };
    }
    if (visit.voided) {
      return {
        error: 'already_voided',
        message: `visit ${record.visitId} has already been voided; nothing more to do`,
      };
    }
    // The server's day, not the tablet's: a clock set back must not void last week's visits.
    const voidDay = this.dayOf(this.receivedAt);
    if (voidDay !== visit.localDay) {
      return {
        error: 'void_too_late',
        message: `visit ${record.visitId} was opened on ${visit.localDay} and could be voided only that day (this void reached the server on ${voidDay}); it stays counted, so tell your manager if it was a mistake`,
      };
    }
    return null;
  }
}

const WHAT_NAMES_A_VISIT = { recommendation: 'recommendations', visit_close: 'close', visit_void: 'void' } as const;
