import type { Kysely } from 'kysely';
import { credentialOf } from '../../shared/credential.ts';
import type { OneTimeCode } from '../../shared/schemas/people.ts';
import type { PinVerifier, StaffRole } from '../../shared/schemas/reference.ts';
import { hashPin } from '../auth/pin.ts';
import type { Schema } from '../db/schema.ts';
import { cancelPasswordCodes, issuePasswordCode } from '../repos/passwordCodes.ts';
import { writeStaffSecret } from '../repos/staff.ts';
import { newOneTimePin } from './oneTimePin.ts';

/**
 * A secret a manager or admin gives a person, shown once: a PIN for a counter role (the person
 * chooses their own at the next sign-in), or for a manager or admin a code with which they set
 * their own password (their old one stops working at once).
 */
export interface PreparedSecret {
  pin: string | null;
  verifier: PinVerifier | null;
}

export interface GivenSecret {
  pin: string | null;
  passwordCode: OneTimeCode | null;
}

/** Made and hashed before the transaction: PBKDF2 is slow and must not hold the rev counter. */
export async function prepareSecret(role: StaffRole): Promise<PreparedSecret> {
  if (credentialOf(role) === 'password') return { pin: null, verifier: null };
  const pin = newOneTimePin();
  return { pin, verifier: await hashPin(pin) };
}

/** Inside the caller's transaction: stores the PIN, or clears the password and issues the code. */
export async function giveSecret(
  trx: Kysely<Schema>,
  options: { staffId: string; prepared: PreparedSecret; createdBy: string | null; now: Date },
): Promise<GivenSecret> {
  const { staffId, prepared, now } = options;
  if (prepared.pin !== null) {
    await writeStaffSecret(trx, staffId, prepared.verifier, { mustChange: true, clearLockout: true });
    await cancelPasswordCodes(trx, staffId, now);
    return { pin: prepared.pin, passwordCode: null };
  }
  await writeStaffSecret(trx, staffId, null, { clearLockout: true });
  const code = await issuePasswordCode(trx, { staffId, createdBy: options.createdBy, now });
  return { pin: null, passwordCode: { id: code.id, code: code.code, expiresAt: code.expiresAt } };
}
