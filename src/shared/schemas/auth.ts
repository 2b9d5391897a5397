import { z } from 'zod';
import { ERROR_CODES } from '../errorCodes.ts';
import { ErrorParams, Id, Instant, Password, Pin } from './common.ts';
import { Hall, StaffRole } from './reference.ts';

export const EnrolRequest = z.object({
  code: z.string().trim().min(6, 'enrolment code is too short').max(64),
  /** The device's name; the name the manager gave the code when left out. */
  label: z.string().trim().max(80).optional(),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const EnrolResponse = z.object({
  deviceId: Id,
  deviceToken: z.string(),
  hall: Hall,
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

/** A PIN for consultants and floor marketers, a password for managers and admins (see credential.ts). */
export const SessionRequest = z
  .object({
    staffId: Id,
    pin: Pin.optional(),
    password: Password.optional(),
    /**
     * The person's own new PIN, when theirs was set by a manager: the server answers 409
     * `pin_change_required` to a right PIN sent without it, and takes it with the PIN in one step.
     */
    newPin: Pin.optional(),
  })
  .refine((body) => (body.pin === undefined) !== (body.password === undefined), {
    message: 'send exactly one of pin (consultants and floor marketers) or password (managers and admins)',
  })
  .refine((body) => body.newPin === undefined || body.pin !== undefined, { message: 'newPin goes with pin', path: ['newPin'] });
export type SessionRequest = z.infer<typeof SessionRequest>;

/**
 * The key this person signs their records with on this tablet (recordSignature.ts), new at every
 * online sign-in. The tablet keeps it only wrapped with a key derived from the PIN, for offline
 * sign-in, and as a non-extractable key while the person is signed in.
 */
export const SigningKey = z.object({ id: Id, secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
export type SigningKey = z.infer<typeof SigningKey>;

export const SessionResponse = z.object({
  sessionToken: z.string(),
  expiresAt: Instant,
  staff: z.object({ id: Id, name: z.string(), role: StaffRole, hallId: Id }),
  signingKey: SigningKey,
});
export type SessionResponse = z.infer<typeof SessionResponse>;

/**
 * A manager or admin sets their own password with the one-time code they were given (the first
 * admin's comes from `npm run setup`). Sent from a browser that is not enrolled, it also enrols it
 * as a device of the person's hall, so the person can sign in on it at once.
 */
export const PasswordCodeRedeemRequest = z.object({
  code: z.string().trim().min(6, 'the code is too short').max(64),
  password: Password,
  deviceName: z.string().trim().max(80).optional(),
});
export type PasswordCodeRedeemRequest = z.infer<typeof PasswordCodeRedeemRequest>;

export const PasswordCodeRedeemResponse = z.object({
  staff: z.object({ id: Id, name: z.string(), role: StaffRole, hallId: Id }),
  /** The new enrolment, when the browser was not already a device of the person's hall. */
  enrolment: EnrolResponse.nullable(),
});
export type PasswordCodeRedeemResponse = z.infer<typeof PasswordCodeRedeemResponse>;

/**
 * A refusal: `error` is a code from errorCodes.ts, `message` says it in English (for API users and
 * logs), `params` the values the message carries (a hall, a count, a line and field), present when
 * the code has any, so a page words the code in its own language.
 */
export const ApiError = z.object({
  error: z.string().describe(`A stable code, one of: ${Object.keys(ERROR_CODES).join(', ')}`),
  message: z.string().describe('The reason in English, for API users and logs'),
  params: ErrorParams.optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/**
 * A refused sign-in says what the tablet needs to word it in the person's language: tries left
 * before the lock (`wrong_pin`, `wrong_password`), or until when the person is locked (`locked`).
 */
export const SignInRefusal = ApiError.extend({
  attemptsLeft: z.number().int().nonnegative().optional(),
  lockedUntil: Instant.optional(),
});
export type SignInRefusal = z.infer<typeof SignInRefusal>;

/** 429 `rate_limited`: also in the Retry-After header. */
export const RateLimitedError = ApiError.extend({ error: z.literal('rate_limited'), retryAfterSeconds: z.number().int().positive() });

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  engine: z.enum(['sqlite', 'postgres']),
  schemaVersion: z.number().int(),
  database: z.boolean(),
});
export type Health = z.infer<typeof Health>;
