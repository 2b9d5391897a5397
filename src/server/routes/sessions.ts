import type { FastifyInstance } from 'fastify';
import { API, SESSION_HEADER } from '../../shared/apiPaths.ts';
import { SessionRequest, type SessionResponse, type SignInRefusal } from '../../shared/schemas/auth.ts';
import { type CredentialKind, credentialOf } from '../../shared/credential.ts';
import { type PinVerifier, StaffRole } from '../../shared/schemas/reference.ts';
import { isTrivialPin } from '../../shared/pinRules.ts';
import { deviceAuth, requireDevice } from '../auth/deviceAuth.ts';
import { hashPin, verifyPin } from '../auth/pin.ts';
import { claimSignInAttempt, clearSignInAttempts, settleWrongAttempt, SIGN_IN_ATTEMPTS } from '../auth/signInAttempts.ts';
import { sessionToken } from '../auth/staffAuth.ts';
import type { Database } from '../db/database.ts';
import { forbidden, HttpError } from '../errors.ts';
import { getHall } from '../repos/halls.ts';
import { createStaffSession, revokeStaffSession, staffAtSignIn } from '../repos/sessions.ts';
import { issueSigningKey } from '../repos/signingKeys.ts';
import { getStaffRow, pinVerifierOf, type StaffRow, writeStaffSecret } from '../repos/staff.ts';
import { parseInput } from '../validate.ts';

/** "14:35" in the hall's own time zone: what the person at the counter reads on the wall clock. */
function clockTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    new Date(iso),
  );
}

const SECRET_NAME: Record<CredentialKind, string> = { pin: 'PIN', password: 'password' };

function locked(untilIso: string, timeZone: string, kind: CredentialKind): HttpError {
  return new HttpError(
    423,
    'locked',
    `too many wrong ${SECRET_NAME[kind]}s: this person is locked; try again after ${clockTime(untilIso, timeZone)}, or ask the manager`,
    { lockedUntil: untilIso },
    { lockedUntil: untilIso } satisfies Partial<SignInRefusal>,
  );
}

/**
 * After the right PIN: a person whose PIN a manager set must send their own (409
 * `pin_change_required` without it). A new PIN is checked (not the same, not trivial) and hashed
 * here, before the transaction that stores it; null when none is to be stored.
 */
async function checkNewPin(body: SessionRequest, staff: StaffRow, pin: string): Promise<PinVerifier | null> {
  if (body.newPin === undefined) {
    if (staff.must_change_pin === 0) return null;
    throw new HttpError(409, 'pin_change_required', 'your PIN was set by a manager: choose your own PIN now (sign in again with it as the new PIN)');
  }
  if (body.newPin === pin) throw new HttpError(400, 'pin_unchanged', 'the new PIN is the same as the old one; choose a different PIN');
  if (isTrivialPin(body.newPin)) {
    throw new HttpError(400, 'pin_too_simple', 'the new PIN is too easy to guess (one digit repeated, or a run such as 123456); choose another');
  }
  return hashPin(body.newPin);
}

const signedOutMeanwhile = () =>
  new HttpError(
    409,
    'signed_out_everywhere',
    "this person's sessions were ended (sign out everywhere, a new PIN, a move or deactivation) while this sign-in was under way; sign in again",
  );

/** Whether the person's row, read again at the end of a sign-in that began `now`, undoes it. */
function changedSince(read: StaffRow, current: StaffRow | undefined, now: Date): boolean {
  if (current === undefined || current.active === 0 || current.hall_id !== read.hall_id) return true;
  if (current.sessions_valid_after !== read.sessions_valid_after) return true;
  if (current.sessions_valid_after !== null && current.sessions_valid_after >= now.toISOString()) return true;
  return JSON.stringify(pinVerifierOf(current)) !== JSON.stringify(pinVerifierOf(read));
}

/** The body names the secret the person's role signs in with, or it is refused before any check. */
function secretOf(body: SessionRequest, kind: CredentialKind): string {
  const secret = kind === 'password' ? body.password : body.pin;
  if (secret !== undefined) return secret;
  throw kind === 'password'
    ? new HttpError(400, 'password_required', 'managers and admins sign in with their password (at least 10 characters), not a PIN')
    : new HttpError(400, 'pin_required', 'consultants and floor marketers sign in with their PIN, not a password');
}

export async function sessionRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db } = opts.database;
  const onRequest = deviceAuth(db);

  app.post(API.sessions, { onRequest }, async (request): Promise<SessionResponse> => {
    const device = requireDevice(request);
    const body = parseInput(SessionRequest, request.body);
    const staff = await getStaffRow(db, body.staffId);
    if (staff === undefined) {
      throw new HttpError(404, 'unknown_staff', 'no such staff member; sync the device and pick a name from the list');
    }
    if (staff.hall_id !== device.hall_id) throw forbidden('this staff member belongs to another hall and cannot sign in on this device');
    if (staff.active === 0) {
      throw new HttpError(403, 'staff_inactive', 'this staff member is no longer active; ask the manager', { name: staff.name });
    }
    const role = StaffRole.parse(staff.role);
    const kind = credentialOf(role);
    const secret = secretOf(body, kind);
    const hall = await getHall(db, device.hall_id);
    const timeZone = hall?.timeZone ?? 'UTC';
    const now = new Date();
    const verifier = pinVerifierOf(staff);
    if (verifier === null) {
      throw new HttpError(409, 'no_pin', `this staff member has no ${SECRET_NAME[kind]} yet; ask the manager to set one`);
    }
    // Counted before the slow check, so parallel guesses cannot outrun the lock.
    const claim = await claimSignInAttempt(db, staff.id, now);
    if ('lockedUntil' in claim) throw locked(claim.lockedUntil, timeZone, kind);

    if (!(await verifyPin(secret, verifier))) {
      const lockedUntil = await settleWrongAttempt(db, staff.id, claim.attempt, now);
      if (lockedUntil !== null) throw locked(lockedUntil, timeZone, kind);
      const left = SIGN_IN_ATTEMPTS - claim.attempt;
      throw new HttpError(
        401,
        kind === 'password' ? 'wrong_password' : 'wrong_pin',
        `wrong ${SECRET_NAME[kind]}; ${left} ${left === 1 ? 'attempt' : 'attempts'} left before a 15-minute lock`,
        { attemptsLeft: left },
        { attemptsLeft: left } satisfies Partial<SignInRefusal>,
      );
    }
    await clearSignInAttempts(db, staff.id);
    const newPin = await checkNewPin(body, staff, secret);
    const { session, signingKey } = await db.transaction().execute(async (trx) => {
      // The person's sessions ended, or their PIN changed, since this sign-in read them (the PIN
      // was checked against that read): it opens no session and writes no PIN, so a reset or
      // "sign out everywhere" that came in between is never undone.
      if (changedSince(staff, await staffAtSignIn(trx, opts.database.engine, staff.id), now)) throw signedOutMeanwhile();
      // Their own PIN replaces the one a manager set, and the session opens with it, in one step.
      if (newPin !== null) await writeStaffSecret(trx, staff.id, newPin, {});
      return {
        session: await createStaffSession(trx, { staffId: staff.id, deviceId: device.id, now }),
        signingKey: await issueSigningKey(trx, { staffId: staff.id, deviceId: device.id, now }),
      };
    });
    return {
      sessionToken: session.token,
      expiresAt: session.expiresAt,
      staff: { id: staff.id, name: staff.name, role, hallId: staff.hall_id },
      signingKey,
    };
  });

  app.delete(API.currentSession, { onRequest }, async (request, reply) => {
    const device = requireDevice(request);
    const token = sessionToken(request);
    if (token === null) {
      throw new HttpError(400, 'invalid_request', `send the session token to sign out in the ${SESSION_HEADER} header`, {
        field: SESSION_HEADER,
      });
    }
    // Signing out is idempotent: a repeat, or a token this device never held, still ends signed out.
    await revokeStaffSession(db, { token, deviceId: device.id, now: new Date() });
    return reply.code(204).send();
  });
}
