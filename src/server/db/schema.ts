import type { Generated } from 'kysely';

/**
 * Table shapes as the database stores them. Timestamps are ISO 8601 text (UTC `Z` for server
 * times, the device's own offset for field times) and booleans are 0/1 integers, because both
 * are portable between SQLite and PostgreSQL; localized texts and talk-track parts are JSON text
 * validated with the shared zod schemas on the way out.
 */

export interface SchemaVersionTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface RevCounterTable {
  id: number;
  value: number;
}

export interface HallsTable {
  id: string;
  name: string;
  time_zone: string;
  rev: number;
  created_at: string;
  address: string | null;
  /** 0: deactivated by an admin (no people or devices left in it); kept for its records. */
  active: Generated<number>;
}

export interface StaffTable {
  id: string;
  hall_id: string;
  name: string;
  role: string;
  active: number;
  pin_algorithm: string | null;
  pin_iterations: number | null;
  pin_salt: string | null;
  pin_hash: string | null;
  failed_pin_count: Generated<number>;
  locked_until: string | null;
  rev: number;
  created_at: string;
  name_en: string | null;
  /** The organisation's staff number; unique where set. */
  staff_no: string | null;
  /** 1 after a manager set or reset the PIN: the person chooses a new one at the next (online) sign-in. */
  must_change_pin: Generated<number>;
  /** 1 while the secret is the demo hall's published one (README): the UI then shows "Demo". */
  demo_secret: Generated<number>;
  /** "Sign out everywhere": sessions created before this instant no longer count. */
  sessions_valid_after: string | null;
}

export interface DevicesTable {
  id: string;
  hall_id: string;
  label: string | null;
  token_hash: string;
  acked_seq: Generated<number>;
  revoked_at: string | null;
  created_at: string;
  /** Last authenticated request (updated at most once a minute): the token expires counting from here. */
  last_seen_at: string | null;
  last_push_at: string | null;
  /** Highest seq it offered in an accepted push; null before its first push. */
  max_offered_seq: number | null;
}

export interface EnrolmentCodesTable {
  code_hash: string;
  hall_id: string;
  expires_at: string;
  used_at: string | null;
  used_by_device: string | null;
  created_at: string;
  id: string;
  /** The name the enrolled device gets ("柜台 3"), unless the tablet gives one. */
  device_name: string | null;
  created_by: string | null;
  cancelled_at: string | null;
}

/** A one-time code with which a manager or admin sets their own password (and enrols the browser). */
export interface PasswordCodesTable {
  id: string;
  code_hash: string;
  staff_id: string;
  expires_at: string;
  used_at: string | null;
  used_by_device: string | null;
  /** Null: issued by `npm run setup` for the first admin. */
  created_by: string | null;
  cancelled_at: string | null;
  created_at: string;
}

/** A reference row that left a hall (a person moved or deactivated): pulled as a delete marker. */
export interface ReferenceRemovalsTable {
  kind: string;
  row_id: string;
  hall_id: string;
  rev: number;
  removed_at: string;
}

export interface StaffSessionsTable {
  id: string;
  token_hash: string;
  staff_id: string;
  device_id: string;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
}

export interface CampaignsTable {
  id: string;
  title: string;
  offer_code: string;
  category: string;
  start_date: string;
  end_date: string;
  focus: number;
  segment_note: string | null;
  status: string;
  current_version_id: string | null;
  rev: number;
  created_at: string;
  /** JSON of a CampaignDraft (unpublished changes); null when the live state is all there is. */
  draft: string | null;
  /** Bumped by every manager write: the optimistic check of concurrent edits. */
  edit_version: Generated<number>;
  edited_by: string | null;
  edited_at: string | null;
  /** When it was retired: recommendations recorded after it do not count against it. */
  retired_at: string | null;
}

export interface CampaignHallsTable {
  campaign_id: string;
  hall_id: string;
}

export interface TalkTrackVersionsTable {
  id: string;
  campaign_id: string;
  version: number;
  elements: string;
  opening: string;
  pitch: string;
  objections: string;
  closing: string;
  published_at: string | null;
  published_by: string | null;
  rev: number;
  created_at: string;
}

/** One row per field record id of any kind: makes ids unique across kinds and answers "seen?". */
export interface FieldRecordsTable {
  id: string;
  kind: string;
  hall_id: string;
  device_id: string;
  seq: number;
  received_at: string;
  /** sha256 of the record's canonical JSON; null for records stored before version 6. */
  content_hash: string | null;
}

export interface VisitsTable {
  id: string;
  hall_id: string;
  device_id: string;
  staff_id: string;
  opened_at: string;
  source: string;
  business: string;
  segment: string | null;
  /** The hall-local date (YYYY-MM-DD) of opened_at: what "per day" means in every measure. */
  local_day: string;
  /** Set with void_reason when a visit_void record takes the visit back; no measure counts it then. */
  voided_at: string | null;
  void_reason: string | null;
}

export interface RecommendationsTable {
  id: string;
  hall_id: string;
  device_id: string;
  staff_id: string;
  visit_id: string;
  campaign_id: string;
  talk_track_version_id: string;
  elements_said: string;
  demo_device_used: number;
  outcome: string;
  decline_reason: string | null;
  recorded_at: string;
  /** Its visit's local_day (not the day of recorded_at): a recommendation counts on its visit's day. */
  local_day: string;
  /** How many must-say elements were said (the length of elements_said), so SQL need not parse JSON. */
  elements_count: number;
}

export interface VisitClosesTable {
  id: string;
  hall_id: string;
  device_id: string;
  staff_id: string;
  visit_id: string;
  closed_at: string;
  no_recommendation_confirmed: number;
}

/** One per voided visit (visit_id is unique): the record that took it back, and why. */
export interface VisitVoidsTable {
  id: string;
  hall_id: string;
  device_id: string;
  staff_id: string;
  visit_id: string;
  voided_at: string;
  reason: string;
}

export interface PushReceiptsTable {
  device_id: string;
  seq: number;
  record_id: string | null;
  kind: string | null;
  status: 'accepted' | 'duplicate' | 'rejected';
  error: string | null;
  message: string | null;
  created_at: string;
  /** sha256 of the record's canonical JSON as offered under this seq (null before version 6). */
  record_hash: string | null;
}

/** One row per manager write of a campaign, written in the same transaction as the write. */
export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  action: string;
  campaign_id: string;
  /** JSON array of hall ids. */
  hall_ids: string;
  summary: string;
  /** JSON CampaignAuditDetails; null on rows written before schema version 8. */
  details: string | null;
}

/** One per revoked or expired device that offered records the server would not store. */
export interface LostRecordReportsTable {
  device_id: string;
  hall_id: string;
  reason: string;
  first_reported_at: string;
  last_reported_at: string;
  attempts: number;
  offered: number;
  first_seq: number;
  last_seq: number;
  pending: number | null;
  pending_last_seq: number | null;
  /** JSON object: kind → count. */
  kinds: string;
  /** JSON array of staff ids. */
  staff_ids: string;
}

/** Revoking a device or a person's sessions: who did it, to what, when. */
export interface AccessAuditTable {
  id: string;
  at: string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  action: string;
  hall_id: string;
  target_id: string;
  summary: string;
  /** JSON object of the action's parameters (names, counts), for showing the entry in either language. */
  details: string | null;
}

/** The key one person signs records with on one tablet, given at an online sign-in. */
export interface SigningKeysTable {
  id: string;
  staff_id: string;
  device_id: string;
  /** base64url of the 32-byte HMAC-SHA256 key. */
  secret: string;
  created_at: string;
  revoked_at: string | null;
}

/** A record the server could not store, kept with its reason until a manager accepts or discards it. */
export interface HeldRecordsTable {
  id: string;
  hall_id: string;
  device_id: string;
  seq: number;
  record_id: string | null;
  kind: string | null;
  staff_id: string | null;
  record_time: string | null;
  reason: string;
  message: string;
  /** JSON of the record as sent. */
  record: string;
  /** JSON of the signature as sent, if any. */
  sig: string | null;
  received_at: string;
  status: 'held' | 'accepted' | 'discarded';
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

/**
 * One rate limit's count for one key in its current window, shared by every server process on the
 * database (security/rateLimitStore.ts). Times are epoch milliseconds.
 */
export interface RateLimitHitsTable {
  /** The limit's name and its key (a device, a person on a device, a client address, a token hash). */
  key: string;
  /** The window's first hit. */
  window_start: number;
  hits: number;
  /** window_start + the window: the row is swept after it. */
  expires_at: number;
}

export interface Schema {
  schema_version: SchemaVersionTable;
  rev_counter: RevCounterTable;
  halls: HallsTable;
  staff: StaffTable;
  devices: DevicesTable;
  enrolment_codes: EnrolmentCodesTable;
  staff_sessions: StaffSessionsTable;
  campaigns: CampaignsTable;
  campaign_halls: CampaignHallsTable;
  talk_track_versions: TalkTrackVersionsTable;
  field_records: FieldRecordsTable;
  visits: VisitsTable;
  recommendations: RecommendationsTable;
  visit_closes: VisitClosesTable;
  visit_voids: VisitVoidsTable;
  push_receipts: PushReceiptsTable;
  audit_log: AuditLogTable;
  lost_record_reports: LostRecordReportsTable;
  access_audit: AccessAuditTable;
  password_codes: PasswordCodesTable;
  reference_removals: ReferenceRemovalsTable;
  signing_keys: SigningKeysTable;
  held_records: HeldRecordsTable;
  rate_limit_hits: RateLimitHitsTable;
}
