import type { StaffRole } from './schemas/reference.ts';

/**
 * What a person signs in with: counter roles tap a PIN on the kiosk; managers and admins, who can
 * read every record of a hall and revoke its devices, type a password of at least 10 characters.
 */
export type CredentialKind = 'pin' | 'password';

/** Kept free of zod: the sign-in screen is on the counter's first load, zod is not. */
export const PASSWORD_MIN_LENGTH = 10;

export function credentialOf(role: StaffRole): CredentialKind {
  return role === 'manager' || role === 'admin' ? 'password' : 'pin';
}
