import { API } from '../../shared/apiPaths.ts';
import { credentialOf } from '../../shared/credential.ts';
import { EnrolResponse, SessionResponse } from '../../shared/schemas/auth.ts';
import { ApiFailure, type ApiClient, NetworkFailure } from '../api/http.ts';
import { type SignedIn, type TalktrackDb, readMeta, writeMeta } from '../db/db.ts';
import { afterFailure, isLocked, MAX_PIN_FAILURES } from './lockout.ts';
import { pinMatches } from './pinVerifier.ts';

export type SignInResult =
  | { ok: true; signedIn: SignedIn; offline: boolean }
  | { ok: false; reason: 'wrong_secret'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; until: string }
  | { ok: false; reason: 'rate_limited'; seconds: number }
  | { ok: false; reason: 'unknown_staff' | 'no_verifier' | 'not_enrolled' | 'online_only' };

/** Enrol this browser as a device of a hall with a manager's one-time code. */
export async function enrol(db: TalktrackDb, api: ApiClient, code: string, label?: string): Promise<void> {
  const response = await api.request(API.enrol, EnrolResponse, { body: { code: code.trim(), label } });
  await writeMeta(db, 'enrolment', {
    deviceId: response.deviceId,
    deviceToken: response.deviceToken,
    hall: response.hall,
    enrolledAt: new Date().toISOString(),
  });
}

/**
 * Sign in with a PIN (counter roles) or password (managers and admins): the server decides when it
 * can be reached; otherwise the device checks the secret against the verifier it pulled, so the
 * counter keeps working offline. Lockout is counted here too, so going offline does not give anyone
 * more guesses.
 */
export async function signIn(db: TalktrackDb, api: ApiClient, staffId: string, secret: string, now = new Date()): Promise<SignInResult> {
  const enrolment = await readMeta(db, 'enrolment');
  if (!enrolment) return { ok: false, reason: 'not_enrolled' };
  const staff = await db.staff.get(staffId);
  if (!staff || !staff.active || staff.hallId !== enrolment.hall.id) return { ok: false, reason: 'unknown_staff' };
  const failures = await db.pinFailures.get(staffId);
  if (isLocked(failures, now)) return { ok: false, reason: 'locked', until: failures!.lockedUntil! };

  let sessionToken: string | null = null;
  let offline = false;
  try {
    const session = await api.request(API.sessions, SessionResponse, {
      body: credentialOf(staff.role) === 'password' ? { staffId, password: secret } : { staffId, pin: secret },
      deviceToken: enrolment.deviceToken,
    });
    sessionToken = session.sessionToken;
  } catch (cause) {
    if (cause instanceof ApiFailure && cause.error === 'locked') {
      const until = new Date(now.getTime() + 15 * 60_000).toISOString();
      await db.pinFailures.put({ staffId, count: 0, lockedUntil: until });
      return { ok: false, reason: 'locked', until };
    }
    if (cause instanceof ApiFailure && cause.status === 429) {
      // Too many tries from this tablet for this person: not a wrong secret, so not counted as one.
      return { ok: false, reason: 'rate_limited', seconds: Math.max(1, Math.ceil((cause.retryAfterMs ?? 60_000) / 1000)) };
    }
    if (cause instanceof ApiFailure && (cause.error === 'wrong_pin' || cause.error === 'wrong_password')) return recordFailure(db, staffId, now);
    if (!(cause instanceof NetworkFailure) && !(cause instanceof ApiFailure && cause.status >= 500)) throw cause;
    offline = true;
    // Managers' and admins' passwords are checked by the server alone (its lockout guards them).
    if (credentialOf(staff.role) === 'password') return { ok: false, reason: 'online_only' };
    if (!staff.pinVerifier) return { ok: false, reason: 'no_verifier' };
    if (!(await pinMatches(secret, staff.pinVerifier))) return recordFailure(db, staffId, now);
  }
  const signedIn: SignedIn = { staffId, signedInAt: now.toISOString(), sessionToken };
  await db.transaction('rw', [db.meta, db.pinFailures], async () => {
    await db.pinFailures.delete(staffId);
    await writeMeta(db, 'signedIn', signedIn);
  });
  return { ok: true, signedIn, offline };
}

async function recordFailure(db: TalktrackDb, staffId: string, now: Date): Promise<SignInResult> {
  const next = afterFailure(staffId, await db.pinFailures.get(staffId), now);
  await db.pinFailures.put(next);
  if (next.lockedUntil) return { ok: false, reason: 'locked', until: next.lockedUntil };
  return { ok: false, reason: 'wrong_secret', attemptsLeft: MAX_PIN_FAILURES - next.count };
}

/** Sign out on this device; the server session is closed too when it can be reached. */
export async function signOut(db: TalktrackDb, api: ApiClient): Promise<void> {
  const [enrolment, signedIn] = await Promise.all([readMeta(db, 'enrolment'), readMeta(db, 'signedIn')]);
  await db.meta.delete('signedIn');
  if (enrolment && signedIn?.sessionToken) {
    api
      .requestNoContent(API.currentSession, {
        method: 'DELETE',
        deviceToken: enrolment.deviceToken,
        sessionToken: signedIn.sessionToken,
      })
      .catch(() => undefined); // the session expires on the server on its own
  }
}
