import { API } from '../../shared/apiPaths.ts';
import { credentialOf } from '../../shared/credential.ts';
import { SessionResponse, SignInRefusal } from '../../shared/schemas/auth.ts';
import { ApiFailure, type ApiClient, NetworkFailure } from '../api/http.ts';
import { type SignedIn, type TalktrackDb, type WrappedSigningKey, readMeta, writeMeta } from '../db/db.ts';
import { afterFailure, isLocked, LOCK_MINUTES, MAX_PIN_FAILURES } from './lockout.ts';
import { importSigningKey, macOf } from '../../shared/recordSignature.ts';
import { addSignatures, unsignedOf } from '../db/outbox.ts';
import { isWordable, type Refusal } from '../i18n/errors/index.ts';
import { unwrapSigningKey, wrapSigningKey } from './signingKeyStore.ts';

export type SignInResult =
  | { ok: true; signedIn: SignedIn; offline: boolean }
  /** attemptsLeft: null when the server did not say how many are left. */
  | { ok: false; reason: 'wrong_secret'; attemptsLeft: number | null }
  | { ok: false; reason: 'locked'; until: string }
  | { ok: false; reason: 'rate_limited'; seconds: number }
  /** Any other refusal of the server's (another hall's person, a password where a PIN goes…), worded from its code. */
  | { ok: false; reason: 'refused'; refusal: Refusal }
  | {
      ok: false;
      reason:
        | 'unknown_staff'
        /** Offline, and this person never signed in online on this tablet: no key to unwrap. */
        | 'first_signin_needs_network'
        | 'no_secret'
        | 'not_enrolled'
        | 'online_only'
        | 'pin_change_required'
        | 'first_signin_online'
        | 'pin_too_simple'
        | 'pin_unchanged'
        | 'signed_out_everywhere';
    };

/** What the server's refusal of a sign-in means for the person at the tablet (null: not a refusal of theirs). */
function refusalOf(cause: ApiFailure, now: Date): SignInResult | null {
  const details = SignInRefusal.safeParse(cause.body);
  switch (cause.error) {
    case 'locked':
      // The server's lock, not the tablet's: a manager's unlock ends it at once.
      return {
        ok: false,
        reason: 'locked',
        until: (details.success ? details.data.lockedUntil : undefined) ?? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString(),
      };
    case 'wrong_pin':
    case 'wrong_password':
      return { ok: false, reason: 'wrong_secret', attemptsLeft: (details.success ? details.data.attemptsLeft : undefined) ?? null };
    case 'pin_change_required':
    case 'pin_too_simple':
    case 'pin_unchanged':
    case 'signed_out_everywhere':
      return { ok: false, reason: cause.error };
    case 'no_pin':
      return { ok: false, reason: 'no_secret' };
    case 'unknown_staff':
    case 'staff_inactive':
      return { ok: false, reason: 'unknown_staff' };
  }
  if (cause.status === 429) {
    // Too many tries from this tablet for this person: not a wrong secret, so not counted as one.
    return { ok: false, reason: 'rate_limited', seconds: Math.max(1, Math.ceil((cause.retryAfterMs ?? 60_000) / 1000)) };
  }
  const refusal = { error: cause.error, message: cause.message, params: cause.params };
  if (cause.status < 500 && isWordable(refusal)) return { ok: false, reason: 'refused', refusal };
  return null;
}

/**
 * Sign in with a PIN (counter roles) or password (managers and admins). When the server can be
 * reached it decides and counts wrong tries itself, so a manager's unlock works at once, and it
 * gives a new signing key for this person on this tablet, kept wrapped under the PIN. Only when it
 * cannot be reached does the tablet try the PIN on that wrapped key (a wrong PIN fails to unwrap)
 * and count failures here, so going offline gives nobody more guesses; someone who never signed
 * in online here cannot sign in offline. `newPin`: the person's own new PIN, sent with the one a
 * manager set once the server asked for it (`pin_change_required`).
 */
export async function signIn(
  db: TalktrackDb,
  api: ApiClient,
  staffId: string,
  secret: string,
  now = new Date(),
  options: { newPin?: string } = {},
): Promise<SignInResult> {
  const enrolment = await readMeta(db, 'enrolment');
  if (!enrolment) return { ok: false, reason: 'not_enrolled' };
  const staff = await db.staff.get(staffId);
  if (!staff || !staff.active || staff.hallId !== enrolment.hall.id) return { ok: false, reason: 'unknown_staff' };

  let sessionToken: string | null = null;
  let signingKey: SignedIn['signingKey'];
  let wrapped: WrappedSigningKey | null = null;
  let offline = false;
  try {
    const body =
      credentialOf(staff.role) === 'password'
        ? { staffId, password: secret }
        : options.newPin === undefined
          ? { staffId, pin: secret }
          : { staffId, pin: secret, newPin: options.newPin };
    const session = await api.request(API.sessions, SessionResponse, { body, deviceToken: enrolment.deviceToken });
    sessionToken = session.sessionToken;
    signingKey = { id: session.signingKey.id, key: await importSigningKey(session.signingKey.secret) };
    // Kept for offline sign-in under the PIN the person signs in with from now on. Passwords
    // sign in online only, so a manager's key lives only as long as the sign-in.
    if (credentialOf(staff.role) === 'pin') wrapped = await wrapSigningKey(staffId, options.newPin ?? secret, session.signingKey, now);
  } catch (cause) {
    const refusal = cause instanceof ApiFailure ? refusalOf(cause, now) : null;
    if (refusal) return refusal;
    if (!(cause instanceof NetworkFailure) && !(cause instanceof ApiFailure && cause.status >= 500)) throw cause;
    offline = true;
    // Managers' and admins' passwords are checked by the server alone (its lockout guards them).
    if (credentialOf(staff.role) === 'password') return { ok: false, reason: 'online_only' };
    // A PIN a manager set is replaced at the first sign-in, and only the server can take the new one.
    if (staff.mustChangePin) return { ok: false, reason: 'first_signin_online' };
    const stored = await db.signingKeys.get(staffId);
    if (!stored) return { ok: false, reason: 'first_signin_needs_network' };
    const failures = await db.pinFailures.get(staffId);
    if (isLocked(failures, now)) return { ok: false, reason: 'locked', until: failures!.lockedUntil! };
    const unwrapped = await unwrapSigningKey(secret, stored);
    if (!unwrapped) return recordFailure(db, staffId, now);
    signingKey = unwrapped;
  }
  const signedIn: SignedIn = { staffId, signedInAt: now.toISOString(), sessionToken, ...(signingKey ? { signingKey } : {}) };
  await db.transaction('rw', [db.meta, db.pinFailures, db.signingKeys], async () => {
    await db.pinFailures.delete(staffId);
    // One wrapped key per person: the newest (the server still checks records signed with older ones).
    if (wrapped) await db.signingKeys.put(wrapped);
    else if (!offline) await db.signingKeys.delete(staffId);
    await writeMeta(db, 'signedIn', signedIn);
  });
  if (signingKey) await signWaitingRecords(db, staffId, signingKey, now);
  return { ok: true, signedIn, offline };
}

/**
 * Records this person made on this tablet before the app signed records (queued before an update,
 * or sent by the old app and refused as `unsigned`) would otherwise be held back for good. Having just proved who they are (the server
 * took their PIN or password, or the PIN opened their key here), the person signs them now, so
 * they reach the server and count exactly once, like every other record.
 */
async function signWaitingRecords(db: TalktrackDb, staffId: string, signingKey: { id: string; key: CryptoKey }, now: Date): Promise<void> {
  const unsigned = await unsignedOf(db, staffId);
  if (unsigned.length === 0) return;
  const signed = await Promise.all(
    unsigned.map(async (e) => ({ seq: e.seq, sig: { keyId: signingKey.id, mac: await macOf(signingKey.key, e.record) } })),
  );
  await addSignatures(db, signed, now);
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
