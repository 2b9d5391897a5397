import type { Kysely } from 'kysely';
import { type DeviceSummary, type LostRecordsReport, RefusalReason } from '../../shared/schemas/devices.ts';
import { deviceState, tokenExpiresAt } from '../auth/deviceState.ts';
import { fromJson } from '../db/json.ts';
import type { Schema } from '../db/schema.ts';
import { deviceRevokers } from '../repos/accessAudit.ts';
import { staffNames } from '../repos/campaignAuthoring.ts';
import type { DeviceRow } from '../repos/devices.ts';
import { Kinds, type LostReportRow, listLostReports, lostReportsOf, staffIdsOf } from '../repos/lostRecords.ts';

const maxOf = (...values: (number | null | undefined)[]): number | null => {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length === 0 ? null : Math.max(...known);
};

/** What a refused device is known to miss: what it said it holds, else what it offered. */
const missingOf = (report: { pending: number | null; offered: number }): number => report.pending ?? report.offered;

export interface ListContext {
  ttlMs: number;
  now: Date;
  /** The device the request came from. */
  thisDeviceId: string;
}

/** The manager's view of each device: its state, when it last called and pushed, and what is known missing. */
export async function deviceSummaries(db: Kysely<Schema>, rows: readonly DeviceRow[], context: ListContext): Promise<DeviceSummary[]> {
  const ids = rows.map((r) => r.id);
  const [revokers, reports] = await Promise.all([deviceRevokers(db, ids), lostReportsOf(db, ids)]);
  return rows.map((row) => {
    const state = deviceState(row, context.ttlMs, context.now);
    const report = reports.get(row.id);
    const highest = maxOf(row.max_offered_seq, report?.last_seq, report?.pending_last_seq);
    const missing =
      state === 'active' ? 0 : report !== undefined ? missingOf(report) : Math.max(0, (highest ?? 0) - row.acked_seq);
    return {
      id: row.id,
      hallId: row.hall_id,
      label: row.label,
      enrolledAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      lastPushAt: row.last_push_at,
      ackedSeq: row.acked_seq,
      state,
      revokedAt: row.revoked_at,
      revokedBy: revokers.get(row.id) ?? null,
      expiresAt: tokenExpiresAt(row, context.ttlMs),
      highestOfferedSeq: highest,
      missing,
      thisDevice: row.id === context.thisDeviceId,
    };
  });
}

function reportFromRow(row: LostReportRow, names: Map<string, string>): LostRecordsReport {
  return {
    deviceId: row.device_id,
    hallId: row.hall_id,
    deviceLabel: row.label,
    reason: RefusalReason.parse(row.reason),
    firstReportedAt: row.first_reported_at,
    lastReportedAt: row.last_reported_at,
    attempts: row.attempts,
    ackedSeq: row.acked_seq,
    offered: row.offered,
    firstSeq: row.first_seq,
    lastSeq: row.last_seq,
    pending: row.pending,
    missing: missingOf(row),
    kinds: fromJson(Kinds, row.kinds),
    // A staff id the server does not know is shown as it was sent: the manager can still ask about it.
    staff: staffIdsOf(row).map((id) => ({ id, name: names.get(id) ?? id })),
  };
}

/** The lost-records reports of these halls, with the staff named. */
export async function lostRecordReports(db: Kysely<Schema>, hallIds: readonly string[]): Promise<LostRecordsReport[]> {
  const rows = await listLostReports(db, hallIds);
  const names = await staffNames(db, [...new Set(rows.flatMap(staffIdsOf))]);
  return rows.map((row) => reportFromRow(row, names));
}
