import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A bearer token: 32 random bytes, base64url. Only its hash is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 is enough here: tokens carry 256 bits of randomness, so no salt or slow hash is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Letters and digits a person reads off a screen without confusing (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ENROLMENT_CODE_LENGTH = 8;

export function newEnrolmentCode(length = ENROLMENT_CODE_LENGTH): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** People type codes with spaces, dashes and lower case; all mean the same code. */
export function normalizeEnrolmentCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}
