/**
 * Every error code the server answers, with the names of the values it sends beside the code in
 * `params`. The server's `message` is English for API users and logs; the pages word each code in
 * the person's language from this list, so a code is added here first (the compiler then refuses a
 * server error or a catalogue without it). No zod: the counter's first load carries this file.
 */

/**
 * Why a pushed record was refused and held back (recordRules.ts, recordTrust.ts). Also the code of
 * a held record that still cannot be accepted.
 */
export const HELD_REASONS = [
  'unsigned',
  'bad_signature',
  'conflict',
  'clock_out_of_range',
  'campaign_not_live',
  'void_too_late',
  'invalid_record',
  'wrong_device',
  'unknown_staff',
  'unknown_visit',
  'unknown_campaign',
  'unknown_talk_track',
  'not_own_visit',
  'already_voided',
] as const;
export type HeldReasonCode = (typeof HELD_REASONS)[number];

/** The request's own refusals: code → names of its params. */
const REQUEST_ERRORS = {
  // Who is asking
  unauthorized: [],
  session_expired: [],
  forbidden: [],
  device_revoked: [],
  device_expired: ['days'],
  ask_an_admin: ['names'],
  own_account: [],
  own_device: [],
  // What was sent
  invalid_request: ['field'],
  invalid_text: ['field'],
  invalid_json: [],
  bad_request: [],
  unsupported_media_type: [],
  payload_too_large: [],
  rate_limited: ['seconds'],
  not_found: [],
  internal: [],
  // Enrolment and set-password codes
  unknown_code: [],
  code_expired: [],
  code_used: [],
  // Signing in
  wrong_pin: ['attemptsLeft'],
  wrong_password: ['attemptsLeft'],
  locked: ['lockedUntil'],
  no_pin: [],
  pin_change_required: [],
  pin_unchanged: [],
  pin_too_simple: [],
  password_required: [],
  pin_required: [],
  signed_out_everywhere: [],
  staff_inactive: ['name'],
  // Halls
  unknown_hall: ['hallId'],
  hall_inactive: ['hall'],
  hall_required: [],
  hall_in_use: ['hall', 'people', 'devices'],
  time_zone_fixed: [],
  // People
  staff_no_taken: [],
  same_hall: ['name', 'hall'],
  wrong_credential_kind: ['name'],
  roster_invalid: ['count'],
  // Campaigns
  incomplete: ['count'],
  edit_conflict: [],
  retired: [],
  hall_removed: ['halls'],
  no_campaigns: [],
  invalid_file: ['line', 'field', 'problem'],
  // Held records
  already_decided: [],
  already_stored: [],
  not_acceptable: [],
  // Reports
  too_many_visits: ['max'],
} as const satisfies Record<string, readonly string[]>;

/** A refusal of a request (not of one pushed record). */
export type RequestErrorCode = keyof typeof REQUEST_ERRORS;

/** A code the server may answer; `unknown_staff` is both a refused record and a refused sign-in. */
export type ErrorCode = RequestErrorCode | HeldReasonCode;

/** A value sent in `params`: numbers stay numbers (the page formats them), lists are names. */
export type ErrorParamValue = string | number;

/** The params a code carries, by name. */
export type ErrorParamName<C extends ErrorCode> = C extends RequestErrorCode ? (typeof REQUEST_ERRORS)[C][number] : never;
export type ErrorParamsOf<C extends ErrorCode> = { [K in ErrorParamName<C>]: ErrorParamValue };

const HELD_PARAMS = Object.fromEntries(HELD_REASONS.map((reason) => [reason, [] as readonly string[]])) as Record<
  HeldReasonCode,
  readonly string[]
>;

/** Every code with its param names, for the pages' catalogue checks. */
export const ERROR_CODES: Readonly<Record<ErrorCode, readonly string[]>> = { ...HELD_PARAMS, ...REQUEST_ERRORS };

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

export const isHeldReason = (code: string): code is HeldReasonCode => (HELD_REASONS as readonly string[]).includes(code);
