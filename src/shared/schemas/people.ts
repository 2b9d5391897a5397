import { z } from 'zod';
import { ErrorParams, Id, Instant, Pin } from './common.ts';
import { PersonRef } from './manage.ts';
import { Hall, StaffRole } from './reference.ts';

/**
 * Halls, people and one-time codes, as the office pages manage them: an admin creates halls; a
 * manager (own hall) or admin (any) adds people, gives them a first PIN or a set-password code,
 * moves, deactivates and unlocks them, imports the hall's roster, and issues enrolment codes.
 */

/** An IANA time zone the runtime knows ("Asia/Shanghai"): what "a day" means for the hall's records. */
export const TimeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return zone.includes('/') || zone === 'UTC';
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Asia/Shanghai' },
);

export const HallName = z.object({
  zh: z.string().trim().min(1, 'the Chinese name is required').max(100, 'at most 100 characters'),
  en: z.string().trim().max(100, 'at most 100 characters').optional(),
});

export const HallAddress = z.string().trim().max(200, 'at most 200 characters');

export const HallAdmin = Hall.extend({
  address: z.string().nullable(),
  active: z.boolean(),
  /** Active people and active devices: a hall is deactivated only when both are 0. */
  people: z.number().int().nonnegative(),
  devices: z.number().int().nonnegative(),
  createdAt: Instant,
});
export type HallAdmin = z.infer<typeof HallAdmin>;

export const HallListResponse = z.object({ halls: z.array(HallAdmin) });
export type HallListResponse = z.infer<typeof HallListResponse>;

export const HallCreateRequest = z.object({
  name: HallName,
  timeZone: TimeZone,
  address: HallAddress.nullable().optional(),
});
export type HallCreateRequest = z.infer<typeof HallCreateRequest>;

/** The time zone is fixed at creation: changing it would move stored records to other days. */
export const HallUpdateRequest = z
  .object({ name: HallName.optional(), address: HallAddress.nullable().optional(), active: z.boolean().optional() })
  .refine((b) => b.name !== undefined || b.address !== undefined || b.active !== undefined, { message: 'send name, address or active' });
export type HallUpdateRequest = z.infer<typeof HallUpdateRequest>;

export const HallResponse = z.object({ hall: HallAdmin });
export type HallResponse = z.infer<typeof HallResponse>;

export const PersonName = z.string().trim().min(1, 'the name is required').max(100, 'at most 100 characters');
export const StaffNo = z
  .string()
  .trim()
  .min(1, 'the staff number is empty')
  .max(32, 'at most 32 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash and underscore only');

export const PersonAdmin = z.object({
  id: Id,
  hallId: Id,
  name: z.string(),
  nameEn: z.string().nullable(),
  staffNo: z.string().nullable(),
  role: StaffRole,
  active: z.boolean(),
  /** A PIN or password is set (a new person has none until one is given). */
  hasSecret: z.boolean(),
  /** Their PIN was set by a manager: they choose their own at the next sign-in. */
  mustChangePin: z.boolean(),
  /** Locked after too many wrong PINs or passwords, until then (null: not locked). */
  lockedUntil: Instant.nullable(),
  createdAt: Instant,
});
export type PersonAdmin = z.infer<typeof PersonAdmin>;

/** hallId: one hall (a manager: only their own); without it, a manager's own hall or every hall for an admin. */
export const PeopleQuery = z.object({ hallId: Id.optional(), includeInactive: z.enum(['true', 'false']).optional() });
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const PeopleListResponse = z.object({ people: z.array(PersonAdmin), halls: z.array(Hall) });
export type PeopleListResponse = z.infer<typeof PeopleListResponse>;

export const PersonCreateRequest = z.object({
  hallId: Id,
  name: PersonName,
  nameEn: PersonName.nullable().optional(),
  staffNo: StaffNo.nullable().optional(),
  role: StaffRole,
});
export type PersonCreateRequest = z.infer<typeof PersonCreateRequest>;

/** A role change between a PIN role and a password role clears the secret: a new one is given. */
export const PersonUpdateRequest = z
  .object({
    name: PersonName.optional(),
    nameEn: PersonName.nullable().optional(),
    staffNo: StaffNo.nullable().optional(),
    role: StaffRole.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'send at least one of name, nameEn, staffNo, role' });
export type PersonUpdateRequest = z.infer<typeof PersonUpdateRequest>;

export const PersonMoveRequest = z.object({ hallId: Id });
export type PersonMoveRequest = z.infer<typeof PersonMoveRequest>;

/** A one-time code (enrolment or set-password): shown once, stored only as a hash. */
export const OneTimeCode = z.object({ id: Id, code: z.string(), expiresAt: Instant });
export type OneTimeCode = z.infer<typeof OneTimeCode>;

/**
 * A person and, once, their new secret: a PIN for a counter role (they choose their own at the next
 * sign-in) or a set-password code for a manager or admin. Never in a log, never again.
 */
export const PersonResponse = z.object({
  person: PersonAdmin,
  pin: Pin.nullable(),
  passwordCode: OneTimeCode.nullable(),
  /** Sessions that ended with this change (moved, deactivated, role changed): they sign in again. */
  sessionsEnded: z.number().int().nonnegative(),
});
export type PersonResponse = z.infer<typeof PersonResponse>;

/** The roster file: CSV or XLSX, base64, with Chinese or English headers (rosterColumns.ts). */
export const MAX_ROSTER_ROWS = 500;
export const RosterImportRequest = z.object({
  hallId: Id,
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1).max(1_000_000, 'the file is too large (at most 700 KB)'),
  /** Check every row and answer what would be added, adding nothing. */
  dryRun: z.boolean().default(false),
});
export type RosterImportRequest = z.input<typeof RosterImportRequest>;

export const RosterField = z.enum(['file', 'name', 'nameEn', 'staffNo', 'role']);
export type RosterField = z.infer<typeof RosterField>;

/** Why a row (or the file) was refused; the client words each code in zh-CN and en. */
export const RosterProblem = z.enum([
  'unreadable', // not a CSV or XLSX it can read
  'no_rows', // headers only, or empty
  'too_many_rows',
  'missing_column', // a required column (name, role) has no header
  'duplicate_column',
  'required',
  'too_long',
  'bad_format',
  'unknown_role',
  'duplicate_in_file', // the staff number repeats in the file
  'staff_no_taken', // a person with this staff number exists already
  'same_file', // this exact file was imported into this hall before
]);
export type RosterProblem = z.infer<typeof RosterProblem>;

export const RosterIssue = z.object({
  /** The row as the spreadsheet numbers it (the header is row 1); 0 for the file as a whole. */
  row: z.number().int().nonnegative(),
  field: RosterField,
  problem: RosterProblem,
  /** The cell's value as read, cut to 100 characters (never a secret). */
  value: z.string().nullable(),
});
export type RosterIssue = z.infer<typeof RosterIssue>;

/** The body of the 400 `roster_invalid` answer, besides error and message. */
export const RosterRefusal = z.object({
  error: z.literal('roster_invalid'),
  message: z.string(),
  params: ErrorParams.optional(),
  issues: z.array(RosterIssue),
});
export type RosterRefusal = z.infer<typeof RosterRefusal>;

export const RosterRow = z.object({
  row: z.number().int().positive(),
  name: z.string(),
  nameEn: z.string().nullable(),
  staffNo: z.string().nullable(),
  role: StaffRole,
});
export type RosterRow = z.infer<typeof RosterRow>;

export const RosterImportResponse = z.object({
  dryRun: z.boolean(),
  rows: z.array(RosterRow),
  /** Empty on a dry run; otherwise each added person with their one-time PIN or set-password code. */
  added: z.array(PersonResponse),
});
export type RosterImportResponse = z.infer<typeof RosterImportResponse>;

export const EnrolmentCodeRequest = z.object({
  /** A manager's own hall when left out; an admin names it (400 `hall_required` otherwise). */
  hallId: Id.optional(),
  /** The name the tablet will carry in every device list ("柜台 3", "咨询台"). */
  deviceName: z.string().trim().min(1, 'give the device a name').max(80, 'at most 80 characters'),
});
export type EnrolmentCodeRequest = z.infer<typeof EnrolmentCodeRequest>;

export const PendingEnrolmentCode = z.object({
  id: Id,
  hallId: Id,
  deviceName: z.string().nullable(),
  createdAt: Instant,
  expiresAt: Instant,
  createdBy: PersonRef.nullable(),
});
export type PendingEnrolmentCode = z.infer<typeof PendingEnrolmentCode>;

export const IssuedEnrolmentCode = PendingEnrolmentCode.extend({ code: z.string() });
export type IssuedEnrolmentCode = z.infer<typeof IssuedEnrolmentCode>;

export const EnrolmentCodeListResponse = z.object({ codes: z.array(PendingEnrolmentCode), halls: z.array(Hall) });
export type EnrolmentCodeListResponse = z.infer<typeof EnrolmentCodeListResponse>;

export const EnrolmentCodeResponse = z.object({ code: IssuedEnrolmentCode });
export type EnrolmentCodeResponse = z.infer<typeof EnrolmentCodeResponse>;

/** Access audit entries (people, halls, devices, codes) for the audit page. */
export const AccessAuditEntry = z.object({
  id: Id,
  at: Instant,
  actor: PersonRef.extend({ role: z.string() }),
  action: z.string(),
  hallId: Id,
  targetId: z.string(),
  summary: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
});
export type AccessAuditEntry = z.infer<typeof AccessAuditEntry>;

/** The newest first, at most ACCESS_AUDIT_LIMIT; hallId: one hall (a manager: only their own). */
export const ACCESS_AUDIT_LIMIT = 500;

export const AccessAuditResponse = z.object({ entries: z.array(AccessAuditEntry), halls: z.array(Hall) });
export type AccessAuditResponse = z.infer<typeof AccessAuditResponse>;

