import { API } from '../../shared/apiPaths.ts';
import { EnrolResponse, PasswordCodeRedeemResponse } from '../../shared/schemas/auth.ts';
import { ApiFailure, type ApiClient, NetworkFailure } from '../api/http.ts';
import { isWordable, type Refusal } from '../i18n/errors/index.ts';
import { INITIAL_SYNC_STATE, type TalktrackDb, readMeta, writeMeta } from '../db/db.ts';

/**
 * Why a one-time code (enrolment or set-password) did not work, as a code the screens word in the
 * person's language: the server's own English text is never shown at the counter.
 */
export type CodeFailure = 'unknown_code' | 'code_expired' | 'code_used' | 'rate_limited' | 'offline' | 'other';

export function codeFailureOf(cause: unknown): CodeFailure {
  if (cause instanceof NetworkFailure) return 'offline';
  if (!(cause instanceof ApiFailure)) return 'other';
  if (cause.error === 'unknown_code' || cause.error === 'code_expired' || cause.error === 'code_used') return cause.error;
  if (cause.status === 429) return 'rate_limited';
  if (cause.status >= 500) return 'offline';
  return 'other';
}

/** The server's refusal behind an `other` failure (hall deactivated, …), for words of its own; null when there is none. */
export function codeRefusalOf(cause: unknown): Refusal | null {
  if (!(cause instanceof ApiFailure) || cause.status >= 500) return null;
  const refusal = { error: cause.error, message: cause.message, params: cause.params };
  return isWordable(refusal) ? refusal : null;
}

/**
 * Keeps a new enrolment. A browser that was a device before (another hall, a revoked tablet) starts
 * the reference data over: its cursor belongs to the old device. Its outbox is kept as it is.
 */
async function storeEnrolment(db: TalktrackDb, response: EnrolResponse): Promise<void> {
  await db.transaction('rw', [db.meta, db.signingKeys], async () => {
    const before = await readMeta(db, 'enrolment');
    await writeMeta(db, 'enrolment', {
      deviceId: response.deviceId,
      deviceToken: response.deviceToken,
      hall: response.hall,
      enrolledAt: new Date().toISOString(),
    });
    if (before && before.deviceId !== response.deviceId) {
      const sync = (await readMeta(db, 'sync')) ?? INITIAL_SYNC_STATE;
      await writeMeta(db, 'sync', { ...sync, cursor: null, lastError: null });
      await db.meta.delete('signedIn');
      // Signing keys belong to the old device: records signed with them would not be this one's.
      await db.signingKeys.clear();
    }
  });
}

/**
 * Enrol this browser as a device of a hall with a manager's one-time code. Without a name of its
 * own the device takes the one the manager gave the code.
 */
export async function enrol(db: TalktrackDb, api: ApiClient, code: string, label?: string): Promise<void> {
  const name = label?.trim();
  const body = name ? { code: code.trim(), label: name } : { code: code.trim() };
  await storeEnrolment(db, await api.request(API.enrol, EnrolResponse, { body }));
}

/**
 * A manager or admin sets their own password with a one-time code. An enrolled browser sends its
 * device token; one that is not (or not of the person's hall) is enrolled by the same request, and
 * keeps that enrolment. Answers who the code was for, so the sign-in screen can choose them.
 */
export async function redeemPasswordCode(
  db: TalktrackDb,
  api: ApiClient,
  request: { code: string; password: string; deviceName?: string },
): Promise<{ staffId: string }> {
  const enrolment = await readMeta(db, 'enrolment');
  const deviceName = request.deviceName?.trim();
  const body = { code: request.code.trim(), password: request.password, ...(deviceName ? { deviceName } : {}) };
  const answer = await api.request(API.passwordCodeRedeem, PasswordCodeRedeemResponse, {
    body,
    ...(enrolment ? { deviceToken: enrolment.deviceToken } : {}),
  });
  if (answer.enrolment) await storeEnrolment(db, answer.enrolment);
  return { staffId: answer.staff.id };
}
