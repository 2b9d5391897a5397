import type { StaffRole } from './schemas/reference.ts';

/**
 * What a person signs in with: counter roles tap a PIN on the kiosk; managers and admins, who can
 * read every record of a hall and revoke its devices, type a password of at least 10 characters.
 */
export type CredentialKind = 'pin' | 'password';

export function credentialOf(role: StaffRole): CredentialKind {
  return role === 'manager' || role === 'admin' ? 'password' : 'pin';
}
